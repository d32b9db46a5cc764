package dev.parley.capture.synthetic;

import dev.parley.rtc.media.AudioFrame;
import dev.parley.rtc.media.AudioSink;
import dev.parley.rtc.media.AudioSource;
import dev.parley.rtc.media.synthetic.PacedThread;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clip of 48 kHz mono PCM played in a loop as 10 ms frames on an {@link PacedThread} clock: the engine of
 * {@link SpeechSampleSource} and of the silent synthetic microphone. The frame (and its array) is lent to the sink for
 * the call and reused for the next frame.
 */
final class LoopedPcmSource implements AudioSource, AutoCloseable {

    private static final long PERIOD_NANOS = 10_000_000L;

    private final LoopingPcm clip;
    private final short[] pcm = new short[AudioFrame.SAMPLES_PER_10_MS];
    private final AtomicLong frames = new AtomicLong();
    private final PacedThread clock;
    private volatile AudioSink sink;

    LoopedPcmSource(short[] loop, String threadName) {
        this.clip = new LoopingPcm(loop);
        this.clock = new PacedThread(threadName, PERIOD_NANOS, this::produceOne);
    }

    @Override
    public void setSink(AudioSink next) {
        sink = next;
    }

    long framesProduced() {
        return frames.get();
    }

    private void produceOne() {
        clip.read(pcm, 0, pcm.length);
        frames.incrementAndGet();
        AudioSink s = sink;
        if (s != null) {
            s.onAudioFrame(AudioFrame.wrap(pcm, 0, 1, pcm.length, System.nanoTime()));
        }
    }

    @Override
    public void close() {
        clock.close();
    }
}
