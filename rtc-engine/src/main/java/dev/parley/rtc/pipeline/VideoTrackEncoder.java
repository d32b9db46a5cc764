package dev.parley.rtc.pipeline;

import dev.parley.rtc.codec.EncodedVideoFrame;
import dev.parley.rtc.codec.h264.encoder.H264Encoder;
import dev.parley.rtc.codec.h264.encoder.H264EncoderConfig;
import dev.parley.rtc.media.VideoFrame;
import dev.parley.rtc.media.VideoSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encodes one outgoing video track once, on its own encoder thread, for every connection that sends it (each adds
 * itself as a consumer). The source's thread only copies the frame into a slot and returns; when the encoder is
 * still busy with an older frame the slot's frame is replaced, so a slow encoder drops frames instead of building a
 * queue of stale ones. Muted, each frame is replaced by black of the same size (which codes to almost nothing).
 */
public final class VideoTrackEncoder implements VideoSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VideoTrackEncoder.class);

    /** Below this a 640x480 picture is mush; a REMB under it is treated as this. */
    private static final long MIN_BITRATE = 50_000;

    private final List<EncodedFrameConsumer> consumers = new CopyOnWriteArrayList<>();
    private final java.util.Map<EncodedFrameConsumer, Long> limits = new java.util.concurrent.ConcurrentHashMap<>();
    private final Object lock = new Object();
    private final Thread thread;
    private final AtomicLong framesIn = new AtomicLong();
    private final AtomicLong framesDropped = new AtomicLong();
    private final AtomicLong framesEncoded = new AtomicLong();
    private final AtomicLong keyFramesEncoded = new AtomicLong();
    private final AtomicLong encodeNanos = new AtomicLong();
    private final AtomicLong qpSum = new AtomicLong();
    private volatile int bitrate;
    private volatile double frameRate;
    private volatile boolean enabled = true;
    private volatile boolean running = true;
    private volatile boolean keyFrameWanted;
    private volatile int lastWidth;
    private volatile int lastHeight;

    // Guarded by lock.
    private VideoFrame pending;
    private VideoFrame spare;
    private boolean hasPending;

    private H264Encoder encoder;

    public VideoTrackEncoder(int bitsPerSecond, double framesPerSecond) {
        this.bitrate = bitsPerSecond;
        this.frameRate = framesPerSecond;
        this.thread = new Thread(this::run, "parley-video-encoder");
        thread.setDaemon(true);
        thread.start();
    }

    public void addConsumer(EncodedFrameConsumer consumer) {
        if (consumers.contains(consumer)) {
            return;
        }
        consumers.add(consumer);
        keyFrameWanted = true; // a new receiver cannot start on a delta frame
    }

    public void removeConsumer(EncodedFrameConsumer consumer) {
        consumers.remove(consumer);
        limits.remove(consumer);
    }

    /**
     * A receiver's bandwidth limit (REMB) for what it gets from this encoder: the encoder codes at the lowest of the
     * limits and the configured rate, since one stream serves every receiver.
     */
    public void limitBitrate(EncodedFrameConsumer consumer, long bitsPerSecond) {
        limits.put(consumer, Math.max(MIN_BITRATE, bitsPerSecond));
    }

    private int effectiveBitrate() {
        long rate = bitrate;
        for (long limit : limits.values()) {
            rate = Math.min(rate, limit);
        }
        return (int) rate;
    }

    /** The next frame becomes an IDR (PLI/FIR from any receiver). */
    public void requestKeyFrame() {
        keyFrameWanted = true;
    }

    /** The rate control's target from the next frame on. */
    public void setRates(int bitsPerSecond, double framesPerSecond) {
        bitrate = bitsPerSecond;
        frameRate = framesPerSecond;
    }

    /** The rate the encoder aims at now: the configured one, lowered by receivers' limits. */
    public int bitrate() {
        return effectiveBitrate();
    }

    public void setEnabled(boolean on) {
        enabled = on;
    }

    @Override
    public void onVideoFrame(VideoFrame frame) {
        framesIn.incrementAndGet();
        synchronized (lock) {
            if (hasPending) {
                framesDropped.incrementAndGet();
            }
            if (pending == null || pending.width() != frame.width() || pending.height() != frame.height()) {
                pending = VideoFrame.black(frame.width(), frame.height(), frame.timestampNanos());
            }
            frame.copyInto(pending);
            pending = pending.withTimestamp(frame.timestampNanos());
            hasPending = true;
            lock.notifyAll();
        }
    }

    private void run() {
        while (running) {
            VideoFrame work;
            synchronized (lock) {
                while (running && !hasPending) {
                    try {
                        lock.wait(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (!running) {
                    return;
                }
                work = pending;
                pending = spare != null && spare.width() == work.width() && spare.height() == work.height()
                        ? spare : null;
                spare = null;
                hasPending = false;
            }
            try {
                encode(work);
            } catch (RuntimeException e) {
                // An encoder fault must not end the track: start over with a fresh encoder and a keyframe.
                LOG.warn("video encoder failed; restarting it: {}", e.toString());
                encoder = null;
            }
            synchronized (lock) {
                spare = work;
            }
        }
    }

    private void encode(VideoFrame frame) {
        if (consumers.isEmpty()) {
            return; // nobody connected yet: no point spending the CPU
        }
        VideoFrame input = enabled ? frame : VideoFrame.black(frame.width(), frame.height(), frame.timestampNanos());
        if (encoder == null) {
            encoder = new H264Encoder(H264EncoderConfig.rateControlled(frame.width(), frame.height(),
                    effectiveBitrate(), frameRate));
        }
        encoder.setRates(effectiveBitrate(), frameRate);
        if (keyFrameWanted) {
            keyFrameWanted = false;
            encoder.requestKeyFrame();
        }
        long start = System.nanoTime();
        EncodedVideoFrame out = encoder.encode(input);
        encodeNanos.addAndGet(System.nanoTime() - start);
        framesEncoded.incrementAndGet();
        qpSum.addAndGet(out.qp());
        lastWidth = out.width();
        lastHeight = out.height();
        if (out.keyFrame()) {
            keyFramesEncoded.incrementAndGet();
        }
        for (EncodedFrameConsumer c : consumers) {
            try {
                c.onEncodedFrame(out);
            } catch (RuntimeException e) {
                LOG.warn("a video sender failed on a frame: {}", e.toString());
            }
        }
    }

    public long framesEncoded() {
        return framesEncoded.get();
    }

    public long keyFramesEncoded() {
        return keyFramesEncoded.get();
    }

    /** Frames the source pushed that were replaced by a newer one before the encoder got to them. */
    public long framesDropped() {
        return framesDropped.get();
    }

    public long framesIn() {
        return framesIn.get();
    }

    public double totalEncodeSeconds() {
        return encodeNanos.get() / 1e9;
    }

    public long qpSum() {
        return qpSum.get();
    }

    public int frameWidth() {
        return lastWidth;
    }

    public int frameHeight() {
        return lastHeight;
    }

    @Override
    public void close() {
        running = false;
        synchronized (lock) {
            lock.notifyAll();
        }
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (encoder != null) {
            encoder.close();
        }
    }
}
