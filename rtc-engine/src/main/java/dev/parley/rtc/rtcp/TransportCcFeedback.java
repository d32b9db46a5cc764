package dev.parley.rtc.rtcp;

import dev.parley.rtc.net.NetworkOrder;

import java.util.Arrays;

/**
 * Transport-wide congestion control feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1):
 * RTPFB FMT 15. For {@code statusCount} consecutive transport sequence numbers from {@code baseSequence}, a
 * status symbol ({@link #NOT_RECEIVED}, {@link #SMALL_DELTA}, {@link #LARGE_DELTA}) and, for each received
 * packet, a receive delta in 250 µs ticks from the previous one (the first from the reference time, in 64 ms
 * units). Chunk coding lives in {@link TransportCcChunks}.
 */
public final class TransportCcFeedback implements RtcpPacket {
    public static final int FORMAT = 15;
    public static final int NOT_RECEIVED = 0;
    /** Received, delta 0..255 ticks (one byte). */
    public static final int SMALL_DELTA = 1;
    /** Received, delta negative or over 255 ticks (two bytes, signed). */
    public static final int LARGE_DELTA = 2;
    /** Feedback for more packets than this is refused (parse and build). */
    public static final int MAX_STATUS_COUNT = 16384;
    public static final long DELTA_TICK_MICROS = 250;
    public static final long REFERENCE_TIME_UNIT_MICROS = 64_000;

    private final int senderSsrc;
    private final int mediaSsrc;
    private final int baseSequence;
    private final int referenceTime;
    private final int feedbackPacketCount;
    private final byte[] symbols;
    private final int[] deltas;

    /**
     * @param symbols one per packet, NOT_RECEIVED / SMALL_DELTA / LARGE_DELTA
     * @param deltas one per received packet, in 250 µs ticks; must fit its symbol
     */
    public TransportCcFeedback(int senderSsrc, int mediaSsrc, int baseSequence, int referenceTime,
            int feedbackPacketCount, byte[] symbols, int[] deltas) {
        if (symbols.length < 1 || symbols.length > MAX_STATUS_COUNT) {
            throw new IllegalArgumentException("status count must be 1.." + MAX_STATUS_COUNT + ": " + symbols.length);
        }
        int k = 0;
        for (byte s : symbols) {
            if (s == SMALL_DELTA || s == LARGE_DELTA) {
                if (k >= deltas.length) {
                    throw new IllegalArgumentException("fewer deltas than received packets");
                }
                int d = deltas[k++];
                if (s == SMALL_DELTA ? d < 0 || d > 255 : d < Short.MIN_VALUE || d > Short.MAX_VALUE) {
                    throw new IllegalArgumentException("delta " + d + " does not fit symbol " + s);
                }
            } else if (s != NOT_RECEIVED) {
                throw new IllegalArgumentException("bad status symbol " + s);
            }
        }
        if (k != deltas.length) {
            throw new IllegalArgumentException("more deltas than received packets");
        }
        this.senderSsrc = senderSsrc;
        this.mediaSsrc = mediaSsrc;
        this.baseSequence = baseSequence & 0xffff;
        this.referenceTime = referenceTime & 0xffffff;
        this.feedbackPacketCount = feedbackPacketCount & 0xff;
        this.symbols = symbols.clone();
        this.deltas = deltas.clone();
    }

    /** The symbol that fits a delta of this many ticks. */
    public static int symbolFor(int deltaTicks) {
        return deltaTicks >= 0 && deltaTicks <= 255 ? SMALL_DELTA : LARGE_DELTA;
    }

    public int senderSsrc() {
        return senderSsrc;
    }

    public int mediaSsrc() {
        return mediaSsrc;
    }

    public int baseSequence() {
        return baseSequence;
    }

    /** The 24-bit reference time in 64 ms units. */
    public int referenceTime() {
        return referenceTime;
    }

    public int feedbackPacketCount() {
        return feedbackPacketCount;
    }

    public int statusCount() {
        return symbols.length;
    }

    public int symbol(int index) {
        return symbols[index];
    }

    public boolean received(int index) {
        return symbols[index] != NOT_RECEIVED;
    }

    /** The transport sequence number of packet {@code index}. */
    public int sequenceNumber(int index) {
        return (baseSequence + index) & 0xffff;
    }

    public int receivedCount() {
        return deltas.length;
    }

    /** The delta, in 250 µs ticks, of the {@code k}-th received packet. */
    public int deltaTicks(int k) {
        return deltas[k];
    }

    /**
     * Arrival time of every packet in µs on the receiver's clock (reference time plus the running sum of deltas),
     * or {@link Long#MIN_VALUE} for a packet not received.
     */
    public long[] arrivalTimesMicros() {
        long[] out = new long[symbols.length];
        long t = referenceTime * REFERENCE_TIME_UNIT_MICROS;
        int k = 0;
        for (int i = 0; i < symbols.length; i++) {
            if (symbols[i] == NOT_RECEIVED) {
                out[i] = Long.MIN_VALUE;
            } else {
                t += deltas[k++] * DELTA_TICK_MICROS;
                out[i] = t;
            }
        }
        return out;
    }

    static TransportCcFeedback parse(byte[] b, int off, int end) throws RtcpParseException {
        Wire.require(end - off >= 16, "transport-cc feedback shorter than its fixed fields");
        int base = NetworkOrder.u16(b, off + 8);
        int count = NetworkOrder.u16(b, off + 10);
        Wire.require(count >= 1 && count <= MAX_STATUS_COUNT, "transport-cc packet status count " + count);
        int reference = NetworkOrder.u24(b, off + 12);
        int fbCount = NetworkOrder.u8(b, off + 15);
        byte[] symbols = new byte[count];
        int p = TransportCcChunks.read(b, off + 16, end, symbols);
        int received = 0;
        for (byte s : symbols) {
            if (s != NOT_RECEIVED) {
                received++;
            }
        }
        Wire.require(received <= end - p, "transport-cc receive deltas run past the packet");
        int[] deltas = new int[received];
        int k = 0;
        for (byte s : symbols) {
            if (s == SMALL_DELTA) {
                Wire.require(p < end, "transport-cc small delta cut");
                deltas[k++] = NetworkOrder.u8(b, p++);
            } else if (s == LARGE_DELTA) {
                Wire.require(end - p >= 2, "transport-cc large delta cut");
                deltas[k++] = (short) NetworkOrder.u16(b, p);
                p += 2;
            }
        }
        return new TransportCcFeedback(NetworkOrder.i32(b, off), NetworkOrder.i32(b, off + 4), base, reference, fbCount, symbols,
                deltas);
    }

    private int deltaBytes() {
        int n = 0;
        for (byte s : symbols) {
            n += s == SMALL_DELTA ? 1 : s == LARGE_DELTA ? 2 : 0;
        }
        return n;
    }

    @Override
    public int packetType() {
        return RTPFB;
    }

    @Override
    public int encodedLength() {
        int body = 20 + 2 * TransportCcChunks.count(symbols) + deltaBytes();
        return (body + 3) & ~3;
    }

    @Override
    public int writeTo(byte[] dst, int off) {
        int n = encodedLength();
        Wire.header(dst, off, FORMAT, RTPFB, n);
        NetworkOrder.put32(dst, off + 4, senderSsrc);
        NetworkOrder.put32(dst, off + 8, mediaSsrc);
        NetworkOrder.put16(dst, off + 12, baseSequence);
        NetworkOrder.put16(dst, off + 14, symbols.length);
        NetworkOrder.put24(dst, off + 16, referenceTime);
        dst[off + 19] = (byte) feedbackPacketCount;
        int p = TransportCcChunks.write(symbols, dst, off + 20);
        int k = 0;
        for (byte s : symbols) {
            if (s == SMALL_DELTA) {
                dst[p++] = (byte) deltas[k++];
            } else if (s == LARGE_DELTA) {
                NetworkOrder.put16(dst, p, deltas[k++]);
                p += 2;
            }
        }
        Arrays.fill(dst, p, off + n, (byte) 0); // zero padding to 32 bits, not RTCP padding (P stays 0)
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransportCcFeedback t && t.senderSsrc == senderSsrc && t.mediaSsrc == mediaSsrc
                && t.baseSequence == baseSequence && t.referenceTime == referenceTime
                && t.feedbackPacketCount == feedbackPacketCount && Arrays.equals(t.symbols, symbols)
                && Arrays.equals(t.deltas, deltas);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(symbols) * 31 + baseSequence;
    }

    @Override
    public String toString() {
        return "TransportCcFeedback[base=" + baseSequence + " count=" + symbols.length + " received="
                + deltas.length + " ref=" + referenceTime + " fb=" + feedbackPacketCount + "]";
    }
}
