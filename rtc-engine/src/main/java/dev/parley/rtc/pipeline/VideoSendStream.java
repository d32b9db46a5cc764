package dev.parley.rtc.pipeline;

import dev.parley.rtc.codec.EncodedVideoFrame;
import dev.parley.rtc.codec.h264.H264Packetizer;
import dev.parley.rtc.codec.h264.RtpPayload;
import dev.parley.rtc.nack.RetransmissionHistory;
import dev.parley.rtc.nack.RtxPacketizer;
import dev.parley.rtc.rtcp.SenderStatistics;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The send chain of one video track on one connection: access units from the shared {@link VideoTrackEncoder} are
 * packetized (RFC 6184 mode 1), stamped with the 90 kHz capture time, kept in the retransmission history and sent.
 * A NACK (on the network thread) resends the packets it names, wrapped in RTX when the peer negotiated it
 * (RFC 4588), else as they were; PLI and FIR turn into a keyframe request to the encoder.
 */
public final class VideoSendStream implements EncodedFrameConsumer {

    /** RTP payload bytes per packet: 1200-byte packets leave room for SRTP and any tunnel on a 1500 MTU path. */
    static final int MAX_PAYLOAD = 1100;
    private static final long HISTORY_AGE_NANOS = 1_500_000_000L;
    private static final long MIN_RESEND_NANOS = 5_000_000L;

    private final MediaSection section;
    private final RtpStreamHeader header;
    private final PacketOutput output;
    private final VideoTrackEncoder encoder;
    private final SenderStatistics statistics;
    private final RetransmissionHistory history = new RetransmissionHistory(1024, HISTORY_AGE_NANOS);
    private final RtxPacketizer rtx;
    private final H264Packetizer packetizer = new H264Packetizer(MAX_PAYLOAD);
    private final byte[] packet = new byte[1600];
    private final byte[] resend = new byte[1600];
    private final byte[] wrapped = new byte[1700];
    private final long rtpBase = new java.security.SecureRandom().nextInt() & 0xFFFF_FFFFL;
    private final long clockZero = System.nanoTime();
    private final AtomicLong framesSent = new AtomicLong();
    private final FrameRateMeter frameRate = new FrameRateMeter();
    private final AtomicLong keyFramesSent = new AtomicLong();
    private final AtomicLong retransmittedPackets = new AtomicLong();
    private final AtomicLong retransmittedBytes = new AtomicLong();
    private final AtomicLong nacksReceived = new AtomicLong();
    private final AtomicLong plisReceived = new AtomicLong();
    private final AtomicLong firsReceived = new AtomicLong();

    /**
     * @param rtxPayloadType the rtx type for the codec, or -1 when the peer did not negotiate RTX
     */
    public VideoSendStream(int ssrc, int payloadType, int rtxSsrc, int rtxPayloadType, MediaSection section,
                           PacketOutput output, TransportSequence transport, VideoTrackEncoder encoder) {
        this.section = section;
        this.header = new RtpStreamHeader(ssrc, payloadType, section.extensions(), section.mid(), transport);
        this.output = output;
        this.encoder = encoder;
        this.statistics = new SenderStatistics(ssrc, 90_000);
        this.rtx = rtxPayloadType >= 0 ? new RtxPacketizer(rtxPayloadType, rtxSsrc,
                new java.security.SecureRandom().nextInt(0x8000)) : null;
    }

    public SenderStatistics statistics() {
        return statistics;
    }

    public MediaSection section() {
        return section;
    }

    public int ssrc() {
        return header.ssrc();
    }

    public VideoTrackEncoder encoder() {
        return encoder;
    }

    private long rtpTimestamp(long captureNanos) {
        return (rtpBase + (captureNanos - clockZero) * 9 / 100_000) & 0xFFFF_FFFFL;
    }

    /** Encoder thread. */
    @Override
    public void onEncodedFrame(EncodedVideoFrame frame) {
        long ts = rtpTimestamp(frame.timestampNanos());
        List<RtpPayload> payloads = packetizer.packetize(frame.nalUnits());
        long now = System.nanoTime();
        for (RtpPayload p : payloads) {
            int n = header.write(packet, ts, p.marker(), p.payload(), 0, p.payload().length, -1, now);
            history.record(packet, 0, n, now);
            if (output.sendRtp(packet, 0, n)) {
                statistics.onPacketSent(p.payload().length);
            }
        }
        framesSent.incrementAndGet();
        frameRate.onFrame(System.nanoTime());
        if (frame.keyFrame()) {
            keyFramesSent.incrementAndGet();
        }
    }

    /** Network thread: the peer lost these packets (RFC 4585 §6.2.1). */
    public void onNack(List<Integer> sequenceNumbers, long rttNanos, long nowNanos) {
        nacksReceived.incrementAndGet();
        long interval = Math.max(MIN_RESEND_NANOS, rttNanos * 3 / 4);
        for (int seq : sequenceNumbers) {
            int n = history.retransmit(seq, nowNanos, interval, resend, 0);
            if (n < 0) {
                continue;
            }
            boolean sent;
            if (rtx != null) {
                int m = rtx.wrap(resend, 0, n, wrapped, 0);
                sent = m > 0 && output.sendRtp(wrapped, 0, m);
                n = m;
            } else {
                sent = output.sendRtp(resend, 0, n);
            }
            if (sent) {
                retransmittedPackets.incrementAndGet();
                retransmittedBytes.addAndGet(n);
            }
        }
    }

    /** Network thread: PLI (RFC 4585 §6.3.1) or FIR (RFC 5104 §4.3.1). */
    public void onKeyFrameRequest(boolean fir) {
        (fir ? firsReceived : plisReceived).incrementAndGet();
        encoder.requestKeyFrame();
    }

    /** Network thread: the peer's receive-side bandwidth estimate (REMB) caps the encoder. */
    public void onReceiverEstimate(long bitsPerSecond) {
        encoder.limitBitrate(this, bitsPerSecond);
    }

    /** For the sender report: the RTP timestamp of the instant {@code nowNanos} (RFC 3550 §6.4.1). */
    public long rtpTimestampAt(long nowNanos) {
        return rtpTimestamp(nowNanos);
    }

    public long framesSent() {
        return framesSent.get();
    }

    /** Frames sent over the last second. */
    public double framesPerSecond() {
        return frameRate.perSecond(System.nanoTime());
    }

    public long keyFramesSent() {
        return keyFramesSent.get();
    }

    public long retransmittedPackets() {
        return retransmittedPackets.get();
    }

    public long retransmittedBytes() {
        return retransmittedBytes.get();
    }

    public long nacksReceived() {
        return nacksReceived.get();
    }

    public long plisReceived() {
        return plisReceived.get();
    }

    public long firsReceived() {
        return firsReceived.get();
    }
}
