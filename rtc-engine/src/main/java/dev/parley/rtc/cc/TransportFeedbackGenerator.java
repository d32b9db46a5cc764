package dev.parley.rtc.cc;

import dev.parley.rtc.rtcp.TransportCcFeedback;
import dev.parley.rtc.rtp.SequenceNumbers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds transport-wide congestion control feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1) from
 * the arrivals of received packets: their transport-wide sequence number (unwrapped from 16 bits) and arrival time.
 *
 * <p>{@link #build} reports every sequence number from the first one not yet reported up to the highest received:
 * received or not, and for each received packet its arrival, quantised to 250 µs on a grid anchored at the
 * packet's reference time (64 ms units modulo 2^24), so errors do not accumulate. Deltas are signed, so reordered
 * arrivals are reported as they happened. A new feedback packet starts when the next delta does not fit 16 bits
 * (over 8.19 s), or when the packet would exceed the status count limit or the size budget; a packet ends at a
 * received packet unless a run of losses alone fills it. The feedback packet count increments by one per packet,
 * modulo 256.
 *
 * <p><b>Late packets.</b> A packet arriving after its sequence number was reported as not received moves the start
 * of the next feedback back to it, so the next feedback re-covers that range (as libwebrtc does; the sender
 * takes the later report). Packets older than the stored window, and duplicates, are dropped and counted.
 *
 * <p><b>Bounds.</b> Arrivals are kept in a ring of {@code capacity} sequence numbers behind the highest received
 * one; sequence numbers that fall out of it unreported (only after a jump of more than {@code capacity}) are
 * never reported.
 *
 * <p><b>Threads:</b> the network thread calls everything; not thread-safe. {@link #onPacket} never throws.
 */
public final class TransportFeedbackGenerator {
    public static final int DEFAULT_CAPACITY = 8192;
    /** Fits a 1200-byte SRTCP datagram with room for the SRTCP trailer and a compound RR. */
    public static final int DEFAULT_MAX_PACKET_BYTES = 1024;
    private static final long NONE = Long.MIN_VALUE;
    private static final long TICK_NANOS = TransportCcFeedback.DELTA_TICK_MICROS * 1000;
    private static final long REFERENCE_UNIT_NANOS = TransportCcFeedback.REFERENCE_TIME_UNIT_MICROS * 1000;
    /** Header, SSRCs, base, count, reference time, packet count (draft §3.1). */
    private static final int FIXED_BYTES = 20;

    private final long[] arrivals;
    private final int mask;
    private final int maxPacketBytes;
    private final int maxStatusCount;
    private final byte[] symbols;
    private final int[] deltas;

    private boolean started;
    private long highest;
    /** The first unwrapped sequence number not yet reported. */
    private long next;
    private int feedbackCount;
    private long droppedLate;
    private long duplicates;

    /** A generator with {@link #DEFAULT_CAPACITY} and {@link #DEFAULT_MAX_PACKET_BYTES}. */
    public TransportFeedbackGenerator() {
        this(DEFAULT_CAPACITY, DEFAULT_MAX_PACKET_BYTES);
    }

    /**
     * @param capacity sequence numbers of arrivals kept, 16..16384, rounded up to a power of two
     * @param maxPacketBytes the largest encoded feedback packet, 64..65536 (bytes on the wire, RTCP header included)
     * @throws IllegalArgumentException if out of range
     */
    public TransportFeedbackGenerator(int capacity, int maxPacketBytes) {
        if (capacity < 16 || capacity > 16384) {
            throw new IllegalArgumentException("capacity must be 16..16384: " + capacity);
        }
        if (maxPacketBytes < 64 || maxPacketBytes > 65536) {
            throw new IllegalArgumentException("max packet bytes must be 64..65536: " + maxPacketBytes);
        }
        int size = Integer.highestOneBit(capacity - 1) << 1;
        this.arrivals = new long[size];
        Arrays.fill(arrivals, NONE);
        this.mask = size - 1;
        this.maxPacketBytes = maxPacketBytes;
        this.maxStatusCount = Math.min(TransportCcFeedback.MAX_STATUS_COUNT, size);
        this.symbols = new byte[maxStatusCount];
        this.deltas = new int[maxStatusCount];
    }

    /**
     * Records a received packet.
     *
     * @param transportSequence its 16-bit transport-wide sequence number
     * @param arrivalNanos its arrival on the caller's monotonic clock
     */
    public void onPacket(int transportSequence, long arrivalNanos) {
        // unwrapped against the highest, not the last, so one stray packet cannot shift the stream's cycle
        long seq = started ? highest + SequenceNumbers.diff(transportSequence, (int) highest)
                : transportSequence & 0xffff;
        if (!started) {
            started = true;
            highest = seq;
            next = seq;
        } else if (seq > highest) {
            if (seq - highest >= arrivals.length) {
                Arrays.fill(arrivals, NONE);
            } else {
                for (long s = highest + 1; s < seq; s++) {
                    arrivals[(int) (s & mask)] = NONE;
                }
            }
            highest = seq;
            next = Math.max(next, highest - mask); // the ring holds highest - mask .. highest
        } else if (seq < highest - mask) {
            droppedLate++;
            return;
        } else if (arrivals[(int) (seq & mask)] != NONE) {
            duplicates++;
            return;
        } else if (seq < next) {
            next = seq; // reported as lost already: report again from here
        }
        arrivals[(int) (seq & mask)] = arrivalNanos;
    }

    /** True when a packet has arrived that no feedback has covered yet. */
    public boolean hasUnreported() {
        return started && next <= highest;
    }

    /**
     * Feedback for everything since the last feedback, in sequence order: empty if nothing arrived since. Each
     * packet encodes to at most {@code maxPacketBytes}.
     */
    public List<TransportCcFeedback> build(int senderSsrc, int mediaSsrc) {
        if (!hasUnreported()) {
            return List.of();
        }
        List<TransportCcFeedback> out = new ArrayList<>(1);
        while (next <= highest) {
            out.add(buildOne(senderSsrc, mediaSsrc));
        }
        return out;
    }

    /** Builds one packet from {@link #next} and advances it past what the packet covers. */
    private TransportCcFeedback buildOne(int senderSsrc, int mediaSsrc) {
        int n = 0;
        int k = 0;
        int endAfterLastReceived = 0;
        int deltaBytes = 0;
        long referenceStart = 0;
        long previousTicks = 0;
        for (long s = next; s <= highest && n < maxStatusCount; s++) {
            long arrival = arrivals[(int) (s & mask)];
            if (arrival == NONE) {
                if (!fits(n + 1, deltaBytes)) {
                    break;
                }
                symbols[n++] = TransportCcFeedback.NOT_RECEIVED;
                continue;
            }
            if (k == 0) {
                referenceStart = Math.floorDiv(arrival, REFERENCE_UNIT_NANOS) * REFERENCE_UNIT_NANOS;
            }
            long ticks = Math.floorDiv(arrival - referenceStart + TICK_NANOS / 2, TICK_NANOS);
            long delta = ticks - previousTicks;
            if (delta < Short.MIN_VALUE || delta > Short.MAX_VALUE) {
                break; // cannot be expressed from the previous arrival: a new packet with a new reference time
            }
            int symbol = TransportCcFeedback.symbolFor((int) delta);
            int bytes = symbol == TransportCcFeedback.SMALL_DELTA ? 1 : 2;
            if (!fits(n + 1, deltaBytes + bytes)) {
                break;
            }
            symbols[n++] = (byte) symbol;
            deltas[k++] = (int) delta;
            deltaBytes += bytes;
            previousTicks = ticks;
            endAfterLastReceived = n;
        }
        int count = k > 0 ? endAfterLastReceived : n; // trailing losses start the next packet
        int referenceTime = (int) (Math.floorDiv(referenceStart, REFERENCE_UNIT_NANOS) & 0xffffff);
        TransportCcFeedback fb = new TransportCcFeedback(senderSsrc, mediaSsrc, (int) (next & 0xffff), referenceTime,
                feedbackCount, Arrays.copyOf(symbols, count), Arrays.copyOf(deltas, k));
        feedbackCount = (feedbackCount + 1) & 0xff;
        next += count;
        return fb;
    }

    /**
     * Whether a packet of {@code statuses} statuses and {@code deltaBytes} delta bytes fits the budget, by an upper
     * bound on the chunks: the encoder's greedy coding makes every chunk but the last cover at least 7 statuses
     * (a run of 7 or more, or a 7- or 14-symbol vector).
     */
    private boolean fits(int statuses, int deltaBytes) {
        int chunks = (statuses - 1) / 7 + 1;
        int bytes = (FIXED_BYTES + 2 * chunks + deltaBytes + 3) & ~3;
        return bytes <= maxPacketBytes;
    }

    /** Packets dropped because they were older than the stored window. */
    public long droppedLate() {
        return droppedLate;
    }

    /** Packets whose sequence number had already been recorded. */
    public long duplicates() {
        return duplicates;
    }
}
