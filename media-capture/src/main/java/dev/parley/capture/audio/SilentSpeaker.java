package dev.parley.capture.audio;

import dev.parley.capture.DeviceInfo;
import dev.parley.capture.DeviceKind;
import dev.parley.capture.DeviceProblem;
import dev.parley.capture.RunningDevice;
import dev.parley.rtc.media.synthetic.PacedThread;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The speaker used when none works: it pulls the {@link AudioMixer} every 20 ms on a real-time clock and discards the
 * sound, so the remote tracks' jitter buffers keep draining, their levels keep updating (the active-speaker
 * highlight) and audio resumes in sync the moment a real speaker is plugged in.
 */
public final class SilentSpeaker implements RunningDevice {

    /** How the silent speaker appears in a picker and in notices. */
    public static final DeviceInfo DEVICE = DeviceInfo.synthetic(DeviceKind.SPEAKER, "silent-speaker",
            "No speaker (sound off)");

    private static final long BLOCK_NANOS = 20_000_000L;

    private final AudioMixer mixer;
    private final short[] block = new short[AudioMixer.BLOCK_SAMPLES];
    private final AtomicLong framesPlayed = new AtomicLong();
    private final PacedThread clock;
    private volatile long lastActivityNanos = System.nanoTime();

    public SilentSpeaker(AudioMixer mixer) {
        if (mixer == null) {
            throw new IllegalArgumentException("mixer is null");
        }
        this.mixer = mixer;
        this.clock = new PacedThread("parley-silent-speaker", BLOCK_NANOS, this::playOne);
    }

    private void playOne() {
        long now = System.nanoTime();
        mixer.mix(block, now);
        framesPlayed.incrementAndGet();
        lastActivityNanos = now;
    }

    /** 20 ms blocks pulled from the mixer so far. */
    public long framesPlayed() {
        return framesPlayed.get();
    }

    @Override
    public DeviceInfo device() {
        return DEVICE;
    }

    @Override
    public long lastActivityNanos() {
        return lastActivityNanos;
    }

    @Override
    public DeviceProblem failure() {
        return null;
    }

    @Override
    public void close() {
        clock.close();
    }
}
