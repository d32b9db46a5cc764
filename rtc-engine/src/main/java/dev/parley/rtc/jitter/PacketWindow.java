package dev.parley.rtc.jitter;

import java.util.Arrays;

/**
 * The packets waiting for playout, in slots indexed by extended sequence number modulo the capacity. The caller
 * keeps every stored number within {@code capacity} of the lowest one, so slots never collide. It also remembers
 * the last {@value #SEEN} stored sequence numbers, played or not, to tell duplicates from late packets.
 * Not thread-safe.
 */
final class PacketWindow {

    static final int SEEN = 256;

    private final int capacity;
    private final long[] seqs;
    private final byte[][] payloads;
    private final long[] seen = new long[SEEN];
    private int size;

    PacketWindow(int capacity) {
        this.capacity = capacity;
        this.seqs = new long[capacity];
        this.payloads = new byte[capacity][];
        Arrays.fill(seen, Long.MIN_VALUE);
    }

    int capacity() {
        return capacity;
    }

    int size() {
        return size;
    }

    boolean contains(long seq) {
        int i = slot(seq);
        return payloads[i] != null && seqs[i] == seq;
    }

    /** Whether {@code seq} was stored within the last {@value #SEEN} sequence numbers. */
    boolean wasSeen(long seq) {
        return seen[(int) Math.floorMod(seq, (long) SEEN)] == seq;
    }

    /** Stores an owned payload; the slot must be free (the caller checked the range and duplicates). */
    void put(long seq, byte[] payload) {
        int i = slot(seq);
        if (payloads[i] == null) {
            size++;
        }
        seqs[i] = seq;
        payloads[i] = payload;
        seen[(int) Math.floorMod(seq, (long) SEEN)] = seq;
    }

    /** The payload of {@code seq}, left in place, or null. */
    byte[] peek(long seq) {
        int i = slot(seq);
        return payloads[i] != null && seqs[i] == seq ? payloads[i] : null;
    }

    /** Removes and returns the payload of {@code seq}, or null. */
    byte[] take(long seq) {
        int i = slot(seq);
        if (payloads[i] == null || seqs[i] != seq) {
            return null;
        }
        byte[] p = payloads[i];
        payloads[i] = null;
        size--;
        return p;
    }

    /** The highest stored sequence number, or {@code Long.MIN_VALUE} when empty. */
    long highest() {
        long h = Long.MIN_VALUE;
        for (int i = 0; i < capacity; i++) {
            if (payloads[i] != null) {
                h = Math.max(h, seqs[i]);
            }
        }
        return h;
    }

    /** The lowest stored sequence number, or {@code Long.MAX_VALUE} when empty. */
    long lowest() {
        long l = Long.MAX_VALUE;
        for (int i = 0; i < capacity; i++) {
            if (payloads[i] != null) {
                l = Math.min(l, seqs[i]);
            }
        }
        return l;
    }

    /** Drops every stored packet and forgets what was seen; returns how many packets were dropped. */
    int clear() {
        int dropped = size;
        Arrays.fill(payloads, null);
        Arrays.fill(seen, Long.MIN_VALUE);
        size = 0;
        return dropped;
    }

    private int slot(long seq) {
        return (int) Math.floorMod(seq, (long) capacity);
    }
}
