package dev.parley.bench.render;

import dev.parley.rtc.media.VideoFrame;
import dev.parley.rtc.media.VideoSink;
import dev.parley.rtc.media.VideoSource;
import dev.parley.rtc.media.synthetic.PacedThread;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A camera that costs next to nothing: it hands out frames rendered beforehand, in a loop, at a steady rate on a
 * thread of its own, so the thread's time is the sink's (the pane's conversion), not pattern drawing. The frames are
 * shared read-only between sources and lent to the sink for the call, as a real source lends them.
 */
final class RingSource implements VideoSource, AutoCloseable {

    private final VideoFrame[] ring;
    private final AtomicLong pushed = new AtomicLong();
    private final PacedThread clock;
    private volatile VideoSink sink;
    private volatile Thread thread;
    private int next;

    RingSource(String name, VideoFrame[] ring, int phase, int fps) {
        this.ring = ring;
        this.next = phase % ring.length;
        this.clock = new PacedThread(name, 1_000_000_000L / fps, this::tick);
    }

    @Override
    public void setSink(VideoSink s) {
        sink = s;
    }

    long framesPushed() {
        return pushed.get();
    }

    /** The source's thread, once it has run (null before). */
    Thread thread() {
        return thread;
    }

    private void tick() {
        if (thread == null) {
            thread = Thread.currentThread();
        }
        VideoSink s = sink;
        VideoFrame frame = ring[next];
        next = (next + 1) % ring.length;
        if (s != null) {
            s.onVideoFrame(frame);
            pushed.incrementAndGet();
        }
    }

    @Override
    public void close() {
        clock.close();
    }
}
