package dev.parley.rtc.rtcp;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Send-side statistics of one outgoing SSRC: the packet and octet counts of its sender reports
 * (RFC 3550 §6.4.1) and the remote end's view of the stream from the report blocks about it (W3C
 * "remote-inbound-rtp": fraction lost, cumulative lost, jitter, round-trip time).
 *
 * <p>Octets are RTP payload octets, no header or padding (RFC 3550 §6.4.1). Retransmissions sent on an RTX SSRC
 * belong to that SSRC's statistics, not to this one.
 *
 * <p><b>Threads:</b> the sender thread calls {@link #onPacketSent}; the network thread calls {@link #senderReport}
 * and {@link #onReportBlock}; getters may be called from any thread (each value is individually current; a set
 * of them read together may straddle an update).
 */
public final class SenderStatistics {
    private final int ssrc;
    private final int clockRate;
    private final AtomicLong packets = new AtomicLong();
    private final AtomicLong octets = new AtomicLong();

    // written by the network thread only, read by anyone
    private volatile ReportBlock lastReportBlock;
    private volatile long roundTripNanos = -1;
    private volatile long totalRoundTripNanos;
    private volatile long roundTripMeasurements;

    /**
     * @param clockRate the RTP clock rate in Hz (to turn the remote jitter into seconds), positive
     * @throws IllegalArgumentException if {@code clockRate <= 0}
     */
    public SenderStatistics(int ssrc, int clockRate) {
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate must be positive: " + clockRate);
        }
        this.ssrc = ssrc;
        this.clockRate = clockRate;
    }

    /** Counts one RTP packet sent on this SSRC with this many payload bytes (negative counts as 0). */
    public void onPacketSent(int payloadBytes) {
        packets.incrementAndGet();
        octets.addAndGet(Math.max(0, payloadBytes));
    }

    /**
     * A sender report for this SSRC. The caller supplies the wall-clock/media-clock mapping: {@code ntpNow} and the
     * RTP timestamp {@code rtpNow} of the same instant (RFC 3550 §6.4.1). The counts wrap modulo 2^32 on the wire.
     *
     * @param reports report blocks about the streams this endpoint receives, at most 31
     * @throws IllegalArgumentException for more than 31 blocks
     */
    public SenderReport senderReport(long ntpNow, long rtpNow, List<ReportBlock> reports) {
        return new SenderReport(ssrc, ntpNow, rtpNow & 0xffffffffL, packets.get() & 0xffffffffL,
                octets.get() & 0xffffffffL, reports);
    }

    /**
     * Takes a report block from a received SR or RR. A block about another SSRC is ignored (returns false). The RTT
     * (RFC 3550 §6.4.1: A - LSR - DLSR) is updated only when the block carries an LSR.
     *
     * @param arrivalNtpMiddle32 {@link NtpTime#middle32} of the local NTP clock when the report arrived, the same
     *        clock that {@link #senderReport}'s {@code ntpNow} came from
     */
    public boolean onReportBlock(ReportBlock block, long arrivalNtpMiddle32) {
        if (block == null || block.ssrc() != ssrc) {
            return false;
        }
        lastReportBlock = block;
        long rtt = block.roundTripNanos(arrivalNtpMiddle32);
        if (rtt >= 0) {
            roundTripNanos = rtt;
            totalRoundTripNanos = totalRoundTripNanos + rtt; // single writer
            roundTripMeasurements = roundTripMeasurements + 1;
        }
        return true;
    }

    public int ssrc() {
        return ssrc;
    }

    /** RTP packets sent (not wrapped). */
    public long packetsSent() {
        return packets.get();
    }

    /** RTP payload octets sent (not wrapped). */
    public long octetsSent() {
        return octets.get();
    }

    /** The last report block about this SSRC, or null. */
    public ReportBlock lastReportBlock() {
        return lastReportBlock;
    }

    /** The remote's fraction lost over its last report interval, 0..1 (0 before any report). */
    public double remoteFractionLost() {
        ReportBlock b = lastReportBlock;
        return b == null ? 0 : b.fractionLost() / 256.0;
    }

    /** The remote's cumulative number of packets lost (may be negative; 0 before any report). */
    public long remotePacketsLost() {
        ReportBlock b = lastReportBlock;
        return b == null ? 0 : b.cumulativeLost();
    }

    /** The remote's interarrival jitter in seconds (0 before any report). */
    public double remoteJitterSeconds() {
        ReportBlock b = lastReportBlock;
        return b == null ? 0 : (double) b.jitter() / clockRate;
    }

    /** The latest round-trip time in nanoseconds, or -1 before one could be measured. */
    public long roundTripNanos() {
        return roundTripNanos;
    }

    /** The sum of all RTT measurements in nanoseconds (W3C totalRoundTripTime). */
    public long totalRoundTripNanos() {
        return totalRoundTripNanos;
    }

    /** How many RTTs were measured (W3C roundTripTimeMeasurements). */
    public long roundTripMeasurements() {
        return roundTripMeasurements;
    }
}
