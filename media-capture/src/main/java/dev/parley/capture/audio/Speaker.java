package dev.parley.capture.audio;

import dev.parley.capture.DeviceInfo;
import dev.parley.capture.DeviceKind;
import dev.parley.capture.DeviceProblem;
import dev.parley.capture.OpenResult;
import dev.parley.capture.RunningDevice;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import javax.sound.sampled.SourceDataLine;

/**
 * A Java Sound speaker playing what an {@link AudioMixer} mixes: 48 kHz 16-bit, mono, or stereo with the mono samples
 * on both channels when the device offers no mono line.
 *
 * <p>Threads: {@link #open} runs on the caller's thread. The playout thread ("parley-speaker", a daemon) loops: mix
 * 20 ms, write them to the line. The line's buffer is small (about {@value #LINE_BUFFER_MILLIS} ms), so its blocking
 * write paces the loop: <b>the speaker line is the playout clock</b>, and every {@link AudioMixer.PlayoutInput} is
 * pulled once per 20 ms the speaker plays. A line that accepts audio faster than real time (ALSA's null device) is
 * paced down to real time so the inputs are still pulled at the right rate. Counters, {@link #failure()} and
 * {@link #close()} are safe from any thread.
 *
 * <p>An underrun is counted when the line ran dry before the next block came (the thread was late); a write that
 * fails or a line that takes nothing for {@value #STALL_MILLIS} ms ends the thread with {@link DeviceProblem#lost}.
 */
public final class Speaker implements RunningDevice {

    static final int LINE_BUFFER_MILLIS = 50;
    static final long STALL_MILLIS = 1_000;
    static final long CLOSE_TIMEOUT_MILLIS = 1_000;

    private static final int BLOCK = AudioMixer.BLOCK_SAMPLES;
    private static final long BLOCK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final DeviceInfo device;
    private final AudioMixer mixer;
    private final SourceDataLine line;
    private final int channels;
    private final short[] mixed = new short[BLOCK];
    private final byte[] bytes;
    private final RealTimeCap cap = new RealTimeCap(BLOCK_NANOS, TimeUnit.MILLISECONDS.toNanos(LINE_BUFFER_MILLIS));
    private final BooleanSupplier keepRunning = () -> this.running;
    private final AtomicLong framesPlayed = new AtomicLong();
    private final AtomicLong underruns = new AtomicLong();
    private volatile boolean running = true;
    private volatile long lastActivityNanos = System.nanoTime();
    private volatile DeviceProblem failure;
    private volatile Thread thread;

    private Speaker(DeviceInfo device, AudioMixer mixer, SourceDataLine line, int channels) {
        this.device = device;
        this.mixer = mixer;
        this.line = line;
        this.channels = channels;
        this.bytes = new byte[BLOCK * channels * 2];
    }

    /**
     * Opens a speaker listed by {@link SoundDevices#speakers()} and starts playing {@code mixer}'s output. Never
     * throws for the device's own failures: a device not present gives {@link DeviceProblem#noSpeaker()}, one in use
     * {@code speakerBusy}, one without a 48 kHz 16-bit line {@code formatUnsupported}, anything else {@code failed}.
     *
     * @throws IllegalArgumentException if {@code device} is not a hardware speaker or {@code mixer} is null
     */
    public static OpenResult<Speaker> open(DeviceInfo device, AudioMixer mixer) {
        if (device == null || device.kind() != DeviceKind.SPEAKER || device.synthetic()) {
            throw new IllegalArgumentException("not a hardware speaker: " + device);
        }
        if (mixer == null) {
            throw new IllegalArgumentException("mixer is null");
        }
        LineOpening.Result<SourceDataLine> opened = LineOpening.open(SoundDevices.mixerOf(device),
                SourceDataLine.class, LINE_BUFFER_MILLIS, SoundDevices.MONO, SoundDevices.STEREO);
        switch (opened.outcome()) {
            case OPENED:
                Speaker speaker = new Speaker(device, mixer, opened.line(), opened.format().getChannels());
                speaker.thread = DeviceThread.start("parley-speaker", speaker::play);
                return OpenResult.opened(speaker);
            case NO_DEVICE:
                return OpenResult.failed(DeviceProblem.noSpeaker());
            case BUSY:
                return OpenResult.failed(DeviceProblem.speakerBusy(device, opened.detail()));
            case FORMAT_UNSUPPORTED:
                return OpenResult.failed(DeviceProblem.formatUnsupported(device, opened.detail()));
            default:
                return OpenResult.failed(DeviceProblem.failed(device, opened.detail()));
        }
    }

    @Override
    public DeviceInfo device() {
        return device;
    }

    public AudioMixer mixer() {
        return mixer;
    }

    /** 1 (mono line) or 2 (stereo line, the same samples on both channels). */
    public int channels() {
        return channels;
    }

    /** 20 ms blocks written to the line so far. */
    public long framesPlayed() {
        return framesPlayed.get();
    }

    /** Times the line ran dry because the next block came late. */
    public long underruns() {
        return underruns.get();
    }

    @Override
    public long lastActivityNanos() {
        return lastActivityNanos;
    }

    @Override
    public DeviceProblem failure() {
        return failure;
    }

    /** Stops playing and releases the line within about {@value #CLOSE_TIMEOUT_MILLIS} ms, even mid-write. */
    @Override
    public void close() {
        running = false;
        Thread t = thread;
        if (t != null) {
            DeviceThread.stop(t, () -> {
                line.stop();
                line.flush();
            }, "parley-speaker-close", CLOSE_TIMEOUT_MILLIS);
        }
    }

    private void play() {
        try {
            int bufferBytes = line.getBufferSize();
            line.start();
            long lastAccepted = System.nanoTime();
            cap.restart(lastAccepted);
            while (running) {
                long now = System.nanoTime();
                mixer.mix(mixed, now);
                toBytes();
                // Ran dry: the line's buffer is empty and the thread is behind the wall clock (a null line is
                // always "empty", but the pacing keeps it ahead).
                if (framesPlayed.get() > 0 && line.available() >= bufferBytes && cap.behindNanos(now) > 0) {
                    underruns.incrementAndGet();
                    cap.restart(now);
                }
                int written = writeBlock(lastAccepted);
                if (written < 0) {
                    break;
                }
                lastAccepted = System.nanoTime();
                lastActivityNanos = lastAccepted;
                framesPlayed.incrementAndGet();
                cap.frameDone(keepRunning);
            }
        } catch (RuntimeException e) {
            if (running) {
                fail(LineOpening.describe(e));
            }
        } finally {
            LineOpening.closeQuietly(line);
        }
    }

    /** Writes the whole block, retrying a line that takes part of it; -1 when closing or failed. */
    private int writeBlock(long lastAccepted) {
        int off = 0;
        while (off < bytes.length) {
            int n = line.write(bytes, off, bytes.length - off);
            if (!running) {
                return -1;
            }
            off += Math.max(0, n);
            if (off < bytes.length) {
                long now = System.nanoTime();
                if (!line.isOpen() || now - lastAccepted > TimeUnit.MILLISECONDS.toNanos(STALL_MILLIS)) {
                    fail("the playback line stopped taking audio");
                    return -1;
                }
                if (n <= 0) {
                    LockSupport.parkNanos(BLOCK_NANOS / 4);
                } else {
                    lastAccepted = now;
                }
            }
        }
        return off;
    }

    private void toBytes() {
        int b = 0;
        for (int i = 0; i < BLOCK; i++) {
            byte lo = (byte) mixed[i];
            byte hi = (byte) (mixed[i] >> 8);
            for (int c = 0; c < channels; c++) {
                bytes[b++] = lo;
                bytes[b++] = hi;
            }
        }
    }

    private void fail(String detail) {
        failure = DeviceProblem.lost(device, detail);
        running = false;
    }
}
