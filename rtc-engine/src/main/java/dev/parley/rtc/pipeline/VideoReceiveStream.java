package dev.parley.rtc.pipeline;

import dev.parley.rtc.codec.VideoDecodeResult;
import dev.parley.rtc.codec.VideoDecoder;
import dev.parley.rtc.codec.h264.decoder.FallbackH264Decoder;
import dev.parley.rtc.fec.red.RedPayload;
import dev.parley.rtc.jitter.AssembledFrame;
import dev.parley.rtc.jitter.VideoFrameBuffer;
import dev.parley.rtc.jitter.VideoFrameBufferConfig;
import dev.parley.rtc.media.VideoFrame;
import dev.parley.rtc.media.VideoSink;
import dev.parley.rtc.media.VideoSource;
import dev.parley.rtc.nack.NackConfig;
import dev.parley.rtc.nack.NackGenerator;
import dev.parley.rtc.rtcp.NtpTime;
import dev.parley.rtc.rtcp.ReceptionStatistics;
import dev.parley.rtc.rtp.RtpPacket;
import dev.parley.rtc.sdp.RtpCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receive chain of one remote video track. On the network thread: reception statistics, the NACK generator, the
 * frame buffer (which waits a bounded time for retransmissions and only releases whole, decodable frames). On its
 * own decoder thread: H.264 decoding and rendering, each frame held back by the lip-sync delay. Keyframe requests
 * (from the frame buffer, the NACK generator's overflow, a queue overflow or a decoder failure) are collected here and
 * sent by the RTCP side at most every {@value #KEYFRAME_REQUEST_SPACING_MS} ms.
 */
public final class VideoReceiveStream extends ReceiveStream implements VideoSource, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VideoReceiveStream.class);
    static final long KEYFRAME_REQUEST_SPACING_MS = 250;
    /** About a second of frames: room for a decoder that is still warming up (JIT) or briefly starved of CPU. */
    private static final int QUEUE = 32;
    /** Frames waiting for the decoder beyond which it is too far behind to catch up frame by frame. */
    private static final int BACKLOG = 10;
    private static final long MIN_WAIT_NANOS = 100_000_000L;
    private static final long MAX_WAIT_NANOS = 600_000_000L;

    private final LipSync lipSync;
    private final VideoFrameBuffer buffer = new VideoFrameBuffer(VideoFrameBufferConfig.defaults());
    private final NackGenerator nack = new NackGenerator(NackConfig.defaults());
    private final BlockingQueue<AssembledFrame> decodeQueue = new ArrayBlockingQueue<>(QUEUE);
    private final List<AssembledFrame> ready = new ArrayList<>();
    private final FreezeDetector freezes = new FreezeDetector();
    private final FrameRateMeter frameRate = new FrameRateMeter();
    private final Thread decoderThread;
    private final AtomicLong framesDecoded = new AtomicLong();
    private final AtomicLong keyFramesDecoded = new AtomicLong();
    private final AtomicLong framesDropped = new AtomicLong();
    private final AtomicLong framesRendered = new AtomicLong();
    private final AtomicLong decodeNanos = new AtomicLong();
    private final AtomicLong framesAssembled = new AtomicLong();
    private final AtomicLong bytesAssembled = new AtomicLong();
    private final AtomicLong unknownPayloadType = new AtomicLong();
    private final AtomicLong fecPackets = new AtomicLong();
    private final RedPayload red = new RedPayload();
    private final AtomicLong plisSent = new AtomicLong();
    private final AtomicLong firsSent = new AtomicLong();
    private final AtomicLong nackPacketsSent = new AtomicLong();
    private final AtomicLong nackedSequences = new AtomicLong();
    private volatile boolean decoderWantsKeyFrame;
    private volatile VideoSink sink;
    private volatile boolean running = true;
    private volatile int width;
    private volatile int height;
    private long lastKeyFrameRequest = Long.MIN_VALUE / 2;
    private boolean awaitingKeyFrame;

    public VideoReceiveStream(MediaSection section, LipSync lipSync) {
        super(section, 90_000);
        this.lipSync = lipSync;
        this.decoderThread = new Thread(this::decodeLoop, "parley-video-decoder");
        decoderThread.setDaemon(true);
        decoderThread.start();
    }

    @Override
    public void setSink(VideoSink next) {
        sink = next;
    }

    /** Network thread: a media packet, original or restored from RTX ({@code retransmitted}). */
    public void onRtp(RtpPacket p, boolean retransmitted, long arrivalNanos) {
        ReceptionStatistics s = statistics();
        RtpCodec codec = section().codec(p.payloadType()).orElse(null);
        if (s == null || codec == null) {
            unknownPayloadType.incrementAndGet();
            return;
        }
        byte[] b = p.buffer();
        int off = p.payloadOffset();
        int len = p.payloadLength();
        if (codec.isNamed("red")) {
            // RFC 2198 as libwebrtc wraps video for ULPFEC: the primary block is the H.264 payload, or FEC.
            if (!red.parse(b, off, len)) {
                unknownPayloadType.incrementAndGet();
                return;
            }
            codec = section().codec(red.primaryPayloadType()).orElse(null);
            off = red.primaryOffset();
            len = red.primaryLength();
            if (codec == null) {
                unknownPayloadType.incrementAndGet();
                return;
            }
        }
        if (codec.isNamed("ulpfec") || codec.isNamed("flexfec-03")) {
            // FEC recovery is the FEC stage's job; here the packet only holds its place in the sequence.
            fecPackets.incrementAndGet();
            len = 0;
        } else if (!codec.isNamed("H264")) {
            unknownPayloadType.incrementAndGet();
            return;
        }
        s.onPacket(p.sequenceNumber(), p.timestamp(), p.payloadLength(), arrivalNanos, retransmitted);
        boolean key = len > 0 && H264Payloads.startsKeyFrame(b, off, len);
        nack.onPacket(p.sequenceNumber(), key, retransmitted, arrivalNanos);
        buffer.insert(p.sequenceNumber(), p.timestamp(), p.marker(), b, off, len, arrivalNanos);
        drain(arrivalNanos);
    }

    /** Network thread: moves every frame the buffer can release to the decoder. */
    void drain(long nowNanos) {
        ready.clear();
        buffer.poll(nowNanos, ready::add);
        for (AssembledFrame f : ready) {
            framesAssembled.incrementAndGet();
            bytesAssembled.addAndGet(f.sizeBytes());
            ReceptionStatistics s = statistics();
            if (s != null && s.lastSenderReportNtp() != 0) {
                long capture = NtpTime.toUnixNanos(s.lastSenderReportNtp())
                        + (long) (int) (f.rtpTimestamp() - s.lastSenderReportRtp()) * 1_000_000_000L / 90_000;
                lipSync.onVideoFrame(capture, MediaClock.SYSTEM.unixMicros(f.lastArrivalNanos()) * 1000);
            }
            if (f.keyFrame() && decodeQueue.size() >= BACKLOG) {
                // A keyframe supersedes everything queued before it: jump to it rather than show stale frames.
                framesDropped.addAndGet(decodeQueue.size());
                decodeQueue.clear();
            }
            if (!decodeQueue.offer(f)) {
                // The decoder fell behind by a whole queue: start over at the next keyframe.
                decodeQueue.clear();
                framesDropped.addAndGet(QUEUE + 1);
                decoderWantsKeyFrame = true;
            } else if (decodeQueue.size() >= BACKLOG) {
                // Over a third of a second behind: ask for a keyframe to catch up with (rate-limited like any).
                decoderWantsKeyFrame = true;
            }
        }
    }

    /** Network thread: how long the frame buffer may wait for retransmissions, from the round-trip time. */
    public void setRoundTrip(long rttNanos) {
        buffer.setMaxWaitNanos(Math.max(MIN_WAIT_NANOS, Math.min(MAX_WAIT_NANOS, 3 * rttNanos + 50_000_000L)));
    }

    /** Network thread: sequence numbers to NACK now (at most out.length). */
    public int nacksDue(long nowNanos, long rttNanos, int[] out) {
        // A retry exactly one RTT later races the retransmission it asked for (one in four came twice): wait a
        // quarter more.
        int n = nack.collect(nowNanos, rttNanos + rttNanos / 4, out);
        if (n > 0) {
            nackPacketsSent.incrementAndGet();
            nackedSequences.addAndGet(n);
        }
        return n;
    }

    /** Network thread: whether to send a PLI/FIR now (rate-limited; repeated while no keyframe comes). */
    public boolean keyFrameRequestDue(long nowNanos) {
        boolean wanted = buffer.takeKeyFrameRequest() | nack.takeKeyFrameRequest() | decoderWantsKeyFrame;
        decoderWantsKeyFrame = false;
        if (wanted) {
            awaitingKeyFrame = true;
        }
        long spacing = TimeUnit.MILLISECONDS.toNanos(awaitingKeyFrame && !wanted ? 1000 : KEYFRAME_REQUEST_SPACING_MS);
        if (awaitingKeyFrame && nowNanos - lastKeyFrameRequest >= spacing) {
            lastKeyFrameRequest = nowNanos;
            return true;
        }
        return false;
    }

    void countKeyFrameRequest(boolean fir) {
        (fir ? firsSent : plisSent).incrementAndGet();
    }

    /** When the buffer could release or give up a frame without new packets. */
    public long nextDeadlineNanos() {
        return buffer.nextDeadlineNanos();
    }

    private void decodeLoop() {
        VideoDecoder decoder = new FallbackH264Decoder();
        while (running) {
            AssembledFrame f;
            try {
                f = decodeQueue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (f == null) {
                continue;
            }
            try {
                decode(decoder, f);
            } catch (RuntimeException e) {
                LOG.debug("video decode failed: {}", e.toString());
                decoderWantsKeyFrame = true;
                decoder.close();
                decoder = new FallbackH264Decoder();
            }
        }
        decoder.close();
    }

    private void decode(VideoDecoder decoder, AssembledFrame f) {
        long start = System.nanoTime();
        VideoDecodeResult result = decoder.decode(f.nalUnits(), f.lastArrivalNanos());
        long took = System.nanoTime() - start;
        decodeNanos.addAndGet(took);
        lipSync.setVideoDecodeNanos(took);
        if (result instanceof VideoDecodeResult.Decoded d) {
            framesDecoded.incrementAndGet();
            if (f.keyFrame()) {
                keyFramesDecoded.incrementAndGet();
                awaitingKeyFrameCleared = true;
            }
            render(d.frame(), f.lastArrivalNanos());
        } else if (result instanceof VideoDecodeResult.Failed failed) {
            framesDropped.incrementAndGet();
            if (failed.needsKeyFrame()) {
                decoderWantsKeyFrame = true;
            }
        }
    }

    private volatile boolean awaitingKeyFrameCleared;

    private void render(VideoFrame frame, long completeNanos) {
        long due = completeNanos + lipSync.videoDelayNanos();
        long wait = due - System.nanoTime();
        if (wait > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(wait);
        }
        long now = System.nanoTime();
        width = frame.width();
        height = frame.height();
        freezes.onFrame(now);
        frameRate.onFrame(now);
        framesRendered.incrementAndGet();
        VideoSink s = sink;
        if (s != null) {
            try {
                s.onVideoFrame(frame);
            } catch (RuntimeException e) {
                LOG.warn("a video sink failed: {}", e.toString());
            }
        }
    }

    /** Network thread: a keyframe was decoded since the last call (the repeated requests can stop). */
    void noteKeyFrames() {
        if (awaitingKeyFrameCleared) {
            awaitingKeyFrameCleared = false;
            awaitingKeyFrame = false;
        }
    }

    public long framesDecoded() {
        return framesDecoded.get();
    }

    public long keyFramesDecoded() {
        return keyFramesDecoded.get();
    }

    public long framesDropped() {
        return framesDropped.get() + buffer.stats().framesDropped();
    }

    public long framesRendered() {
        return framesRendered.get();
    }

    public long framesAssembled() {
        return framesAssembled.get();
    }

    public long bytesAssembled() {
        return bytesAssembled.get();
    }

    public double totalDecodeSeconds() {
        return decodeNanos.get() / 1e9;
    }

    public long packetsOfUnknownType() {
        return unknownPayloadType.get();
    }

    /** The peer ended the stream: the wait for its next frame is not a freeze. */
    @Override
    public void onBye() {
        super.onBye();
        freezes.onPause(System.nanoTime());
    }

    /** FEC packets received (not used for recovery yet). */
    public long fecPacketsReceived() {
        return fecPackets.get();
    }

    public long plisSent() {
        return plisSent.get();
    }

    public long firsSent() {
        return firsSent.get();
    }

    public long nackPacketsSent() {
        return nackPacketsSent.get();
    }

    public long nackedSequences() {
        return nackedSequences.get();
    }

    public int frameWidth() {
        return width;
    }

    public int frameHeight() {
        return height;
    }

    /** Frames rendered over the last second. */
    public double framesPerSecond() {
        return frameRate.perSecond(System.nanoTime());
    }

    public long freezeCount() {
        return freezes.freezeCount();
    }

    public double totalFreezesDuration() {
        return freezes.totalFreezeSeconds();
    }

    public long longestFrameGapNanos() {
        return freezes.longestIntervalNanos();
    }

    @Override
    public void close() {
        running = false;
        decoderThread.interrupt();
        try {
            decoderThread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
