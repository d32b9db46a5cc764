package dev.parley.rtc.rtcp;

import dev.parley.rtc.rtp.SequenceNumbers;

import java.util.Arrays;

/**
 * Receive-side statistics of one incoming SSRC, the source of its RTCP reception report block (RFC 3550 §6.4.1)
 * and of the W3C "inbound-rtp" counters.
 *
 * <p><b>Sequence accounting</b> follows RFC 3550 Appendix A.1 and A.3 with two deliberate differences. There is no
 * probation: SRTP has already authenticated every packet, so each one counts from the first. And a packet up to
 * {@value #MAX_DROPOUT} behind the highest (not A.1's 100) is a late one, not a jump, because packets restored
 * from RTX arrive a round trip late. A jump of {@value #MAX_DROPOUT} or more either way is counted in
 * {@link #packetsReceived()} but kept out of the loss accounting, unless the next packet follows it by one: then
 * the sender is taken to have restarted and the accounting starts over from it (A.1's {@code bad_seq} rule). A
 * late packet older than the first one received extends the expected range back to it. Duplicates count as
 * received (A.3), so {@link #packetsLost()} may go negative; they are also counted in {@link #duplicates()} while
 * within the last {@value #HISTORY} sequence numbers.
 *
 * <p><b>Jitter</b> is RFC 3550 A.8's estimator in RTP timestamp units, fed in arrival order by every packet except
 * retransmissions (their send time is not their timestamp's), duplicates, and samples whose transit-time change
 * exceeds {@value #MAX_JITTER_SAMPLE_SECONDS} s (a timestamp jump on a sender restart, not network jitter).
 *
 * <p><b>Bytes</b> are RTP payload octets (no header, no padding): the caller passes the payload size, as
 * RFC 3550 §6.4.1 counts octets and W3C {@code bytesReceived} follows it. Retransmissions are included.
 *
 * <p><b>Threads:</b> the network thread calls everything, getters included; not thread-safe. Nothing fed from the
 * network throws.
 */
public final class ReceptionStatistics {
    /** RFC 3550 §A.1 MAX_DROPOUT, used here in both directions. */
    static final int MAX_DROPOUT = 3000;
    /** Sequence numbers remembered for duplicate detection (a power of two above MAX_DROPOUT). */
    static final int HISTORY = 4096;
    static final int MAX_JITTER_SAMPLE_SECONDS = 5;
    private static final int MAX_CUMULATIVE_LOST = 0x7fffff; // signed 24 bits, RFC 3550 §6.4.1
    private static final int MIN_CUMULATIVE_LOST = -0x800000;

    private final int ssrc;
    private final int clockRate;
    private final long[] seen = new long[HISTORY / 64];

    private boolean started;
    private long highest;
    private long base;
    /** The sequence number after a jump, which confirms a restart if it arrives next (RFC 3550 §A.1 bad_seq). */
    private int badSeq = -1;
    private long received;
    private long expectedPrior;
    private long receivedPrior;

    private boolean haveTransit;
    private long lastArrivalNanos;
    private long lastRtpTimestamp;
    private double jitter;

    private long packets;
    private long bytes;
    private long retransmissions;
    private long duplicates;

    private boolean haveSenderReport;
    private long srNtp;
    private long srRtp;
    private long srArrivalNanos;

    /**
     * @param clockRate the RTP clock rate in Hz (for jitter), positive
     * @throws IllegalArgumentException if {@code clockRate <= 0}
     */
    public ReceptionStatistics(int ssrc, int clockRate) {
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate must be positive: " + clockRate);
        }
        this.ssrc = ssrc;
        this.clockRate = clockRate;
    }

    /**
     * Records one packet of this SSRC.
     *
     * @param seq the 16-bit RTP sequence number (of the original packet, for one restored from RTX)
     * @param rtpTimestamp the 32-bit RTP timestamp
     * @param sizeBytes the RTP payload size in bytes; a negative value counts as 0
     * @param arrivalNanos the arrival time on the caller's monotonic clock
     * @param retransmission true for a packet restored from RTX: counted as received, kept out of jitter
     */
    public void onPacket(int seq, long rtpTimestamp, int sizeBytes, long arrivalNanos, boolean retransmission) {
        packets++;
        bytes += Math.max(0, sizeBytes);
        if (retransmission) {
            retransmissions++;
        }
        seq &= 0xffff;
        rtpTimestamp &= 0xffffffffL;
        long ext;
        if (!started) {
            restart(seq);
            ext = seq;
        } else {
            int d = SequenceNumbers.diff(seq, (int) highest);
            if (d > -MAX_DROPOUT && d < MAX_DROPOUT) {
                ext = highest + d;
            } else if (seq == badSeq) {
                restart(seq);
                ext = seq;
            } else {
                badSeq = (seq + 1) & 0xffff;
                return;
            }
        }
        received++;
        if (ext > highest) {
            for (long s = highest + 1; s < ext; s++) {
                clearSeen(s);
            }
            highest = ext;
        } else if (ext < base) {
            base = ext;
        }
        boolean duplicate = markSeen(ext);
        if (duplicate) {
            duplicates++;
        } else if (!retransmission) {
            updateJitter(rtpTimestamp, arrivalNanos);
        }
    }

    /**
     * Records a sender report from this SSRC: its LSR and arrival feed the next report block's LSR/DLSR, and the
     * NTP/RTP pair is kept for lip sync.
     *
     * @param ntpTimestamp the SR's 64-bit NTP timestamp
     * @param rtpTimestamp the SR's RTP timestamp (32 bits)
     * @param arrivalNanos its arrival on the same clock as {@link #reportBlock}'s {@code nowNanos}
     */
    public void onSenderReport(long ntpTimestamp, long rtpTimestamp, long arrivalNanos) {
        haveSenderReport = true;
        srNtp = ntpTimestamp;
        srRtp = rtpTimestamp & 0xffffffffL;
        srArrivalNanos = arrivalNanos;
    }

    /**
     * The report block for this SSRC now (RFC 3550 §6.4.1, counts per §A.3), starting a new "since the last
     * report" interval for the fraction lost. Null if no packet has been received yet.
     *
     * @param nowNanos now on the clock of {@code arrivalNanos}, for DLSR
     */
    public ReportBlock reportBlock(long nowNanos) {
        if (!started) {
            return null;
        }
        long expected = highest - base + 1;
        long expectedInterval = expected - expectedPrior;
        long lostInterval = expectedInterval - (received - receivedPrior);
        expectedPrior = expected;
        receivedPrior = received;
        int fraction = expectedInterval <= 0 || lostInterval <= 0 ? 0
                : (int) Math.min(255, (lostInterval << 8) / expectedInterval); // RFC 3550 §A.3
        int cumulative = (int) Math.max(MIN_CUMULATIVE_LOST, Math.min(MAX_CUMULATIVE_LOST, expected - received));
        long lsr = haveSenderReport ? NtpTime.middle32(srNtp) : 0;
        long dlsr = haveSenderReport ? NtpTime.nanosToUnits16(nowNanos - srArrivalNanos) : 0;
        return new ReportBlock(ssrc, fraction, cumulative, highest & 0xffffffffL, Math.min((long) jitter, 0xffffffffL),
                lsr, dlsr);
    }

    public int ssrc() {
        return ssrc;
    }

    public int clockRate() {
        return clockRate;
    }

    /** Every packet given to {@link #onPacket}, retransmissions, duplicates and jumps included. */
    public long packetsReceived() {
        return packets;
    }

    /** Payload bytes of every packet counted in {@link #packetsReceived()}. */
    public long bytesReceived() {
        return bytes;
    }

    /** Packets given with {@code retransmission} set. */
    public long retransmittedPacketsReceived() {
        return retransmissions;
    }

    /** Expected minus received since the accounting started (RFC 3550 §A.3), unclamped; may be negative. */
    public long packetsLost() {
        return started ? highest - base + 1 - received : 0;
    }

    /** Packets whose sequence number had already been received (within the last {@value #HISTORY}). */
    public long duplicates() {
        return duplicates;
    }

    /** The interarrival jitter (RFC 3550 §A.8) in seconds. */
    public double jitterSeconds() {
        return jitter / clockRate;
    }

    /** The highest extended sequence number (cycles * 65536 + seq, RFC 3550 §A.1), or -1 before any packet. */
    public long extendedHighestSequence() {
        return started ? highest : -1;
    }

    public boolean hasSenderReport() {
        return haveSenderReport;
    }

    /** The last SR's NTP timestamp, or 0 if none. */
    public long lastSenderReportNtp() {
        return srNtp;
    }

    /** The last SR's RTP timestamp, or 0 if none. */
    public long lastSenderReportRtp() {
        return srRtp;
    }

    /** When the last SR arrived, or 0 if none (see {@link #hasSenderReport()}). */
    public long lastSenderReportArrivalNanos() {
        return srArrivalNanos;
    }

    /** RFC 3550 §A.1 init_seq: a new accounting from {@code seq}; the jitter estimate is kept, its reference not. */
    private void restart(int seq) {
        started = true;
        highest = seq;
        base = seq;
        badSeq = -1;
        received = 0;
        expectedPrior = 0;
        receivedPrior = 0;
        haveTransit = false;
        Arrays.fill(seen, 0);
    }

    private void updateJitter(long rtpTimestamp, long arrivalNanos) {
        if (haveTransit) {
            // D(i,j) = (Rj - Ri) - (Sj - Si) in timestamp units, RFC 3550 §6.4.1; differences avoid huge products
            double arrivalUnits = (arrivalNanos - lastArrivalNanos) * (double) clockRate / 1e9;
            double d = Math.abs(arrivalUnits - (int) (rtpTimestamp - lastRtpTimestamp));
            if (d < (double) MAX_JITTER_SAMPLE_SECONDS * clockRate) {
                jitter += (d - jitter) / 16; // RFC 3550 §A.8
            }
        }
        haveTransit = true;
        lastArrivalNanos = arrivalNanos;
        lastRtpTimestamp = rtpTimestamp;
    }

    /** Sets the bit of {@code ext}; returns whether it was already set. */
    private boolean markSeen(long ext) {
        int i = (int) (ext & (HISTORY - 1));
        long bit = 1L << (i & 63);
        boolean was = (seen[i >>> 6] & bit) != 0;
        seen[i >>> 6] |= bit;
        return was;
    }

    private void clearSeen(long ext) {
        int i = (int) (ext & (HISTORY - 1));
        seen[i >>> 6] &= ~(1L << (i & 63));
    }
}
