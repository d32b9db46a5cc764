package dev.parley.rtc.nack;

import dev.parley.rtc.rtp.RtpPacket;
import dev.parley.rtc.rtp.RtpParseStatus;
import java.util.Arrays;

/**
 * Copies of the packets recently sent on one media SSRC, so that a NACKed one (RFC 4585 §6.2.1) can be sent again.
 *
 * <p>Slots are preallocated and indexed by sequence number modulo the capacity, so a packet stays retrievable until
 * {@code capacity} later sequence numbers have been recorded or it is older than the maximum age. A packet is
 * handed out again at most once per {@code minIntervalNanos} (the caller passes the RTT), so a burst of NACKs for
 * the same loss does not multiply the retransmissions.
 *
 * <p>Threads: {@link #record} is called on the encoder/sender thread, {@link #retransmit} on the network thread;
 * both hold one short lock while copying at most {@link #MAX_PACKET_LENGTH} bytes. Counters may be read from any
 * thread. Nothing here throws for bad packets or a short destination: it returns -1 and counts.
 */
public final class RetransmissionHistory {
    /** Larger packets are not recorded: they would not fit in a datagram on a 1500-byte MTU anyway. */
    public static final int MAX_PACKET_LENGTH = 1500;
    /** Memory bound: 8192 slots of 1500 bytes are 12 MB. */
    public static final int MAX_CAPACITY = 8192;

    private final Object lock = new Object();
    private final int mask;
    private final long maxAgeNanos;
    private final byte[] data;
    private final int[] seqs;
    private final int[] lengths;
    private final long[] sentNanos;
    private final long[] resentNanos;
    private final boolean[] resent;
    private final RtpPacket parser = new RtpPacket();

    private long recorded;
    private long rejected;
    private long retransmitted;
    private long refusedUnknown;
    private long refusedExpired;
    private long refusedTooSoon;
    private long refusedNoRoom;

    /**
     * @param capacityPackets number of slots, a power of two in [1, {@value #MAX_CAPACITY}] (1024 is typical)
     * @param maxAgeNanos packets sent longer ago than this are not retransmitted (about 1 s)
     */
    public RetransmissionHistory(int capacityPackets, long maxAgeNanos) {
        if (capacityPackets < 1 || capacityPackets > MAX_CAPACITY || Integer.bitCount(capacityPackets) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two in [1, " + MAX_CAPACITY + "]: "
                    + capacityPackets);
        }
        if (maxAgeNanos <= 0) {
            throw new IllegalArgumentException("maxAgeNanos must be positive: " + maxAgeNanos);
        }
        this.mask = capacityPackets - 1;
        this.maxAgeNanos = maxAgeNanos;
        this.data = new byte[capacityPackets * MAX_PACKET_LENGTH];
        this.seqs = new int[capacityPackets];
        this.lengths = new int[capacityPackets];
        this.sentNanos = new long[capacityPackets];
        this.resentNanos = new long[capacityPackets];
        this.resent = new boolean[capacityPackets];
        Arrays.fill(seqs, -1);
    }

    /**
     * Keeps a copy of a packet just sent, replacing whatever had the same slot. A packet that does not parse as RTP
     * or is longer than {@value #MAX_PACKET_LENGTH} bytes is ignored and counted. Sender thread.
     */
    public void record(byte[] packet, int off, int len, long sentNanos) {
        synchronized (lock) {
            if (len > MAX_PACKET_LENGTH || parser.wrap(packet, off, len) != RtpParseStatus.OK) {
                rejected++;
                return;
            }
            int seq = parser.sequenceNumber();
            int slot = seq & mask;
            System.arraycopy(packet, off, data, slot * MAX_PACKET_LENGTH, len);
            seqs[slot] = seq;
            lengths[slot] = len;
            this.sentNanos[slot] = sentNanos;
            resent[slot] = false;
            recorded++;
        }
    }

    /**
     * Copies the stored packet with sequence number {@code seq} into {@code dst} for a retransmission and returns
     * its length, or -1 when it must not be resent: never recorded or already overwritten, sent more than the
     * maximum age ago, already retransmitted less than {@code minIntervalNanos} ago (pass the RTT: a second copy
     * within one round trip only wastes bandwidth), or {@code dst} has no room for it. Network thread.
     */
    public int retransmit(int seq, long nowNanos, long minIntervalNanos, byte[] dst, int dstOff) {
        seq &= 0xffff;
        synchronized (lock) {
            int slot = seq & mask;
            if (seqs[slot] != seq) {
                refusedUnknown++;
                return -1;
            }
            if (nowNanos - sentNanos[slot] > maxAgeNanos) {
                refusedExpired++;
                return -1;
            }
            if (resent[slot] && nowNanos - resentNanos[slot] < minIntervalNanos) {
                refusedTooSoon++;
                return -1;
            }
            int len = lengths[slot];
            if (dst == null || dstOff < 0 || dstOff > dst.length - len) {
                refusedNoRoom++;
                return -1;
            }
            System.arraycopy(data, slot * MAX_PACKET_LENGTH, dst, dstOff, len);
            resent[slot] = true;
            resentNanos[slot] = nowNanos;
            retransmitted++;
            return len;
        }
    }

    /** Number of slots. */
    public int capacity() {
        return mask + 1;
    }

    /** Packets stored by {@link #record}. */
    public long recordedPackets() {
        synchronized (lock) {
            return recorded;
        }
    }

    /** Packets {@link #record} ignored: not RTP, or too long. */
    public long rejectedPackets() {
        synchronized (lock) {
            return rejected;
        }
    }

    /** Packets handed out for retransmission. */
    public long retransmittedPackets() {
        synchronized (lock) {
            return retransmitted;
        }
    }

    /** Requests for a sequence number never recorded or already overwritten. */
    public long refusedUnknown() {
        synchronized (lock) {
            return refusedUnknown;
        }
    }

    /** Requests for a packet older than the maximum age. */
    public long refusedExpired() {
        synchronized (lock) {
            return refusedExpired;
        }
    }

    /** Requests within the minimum interval of the previous retransmission of the same packet. */
    public long refusedTooSoon() {
        synchronized (lock) {
            return refusedTooSoon;
        }
    }

    /** Requests whose destination buffer had no room for the packet. */
    public long refusedNoRoom() {
        synchronized (lock) {
            return refusedNoRoom;
        }
    }
}
