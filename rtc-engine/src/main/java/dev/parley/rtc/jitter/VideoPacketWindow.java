package dev.parley.rtc.jitter;

import java.util.Arrays;

/**
 * The packets of undecided video frames, in slots indexed by extended sequence number modulo the capacity. The
 * caller keeps every held number within {@code capacity} of the lowest one, so slots never collide. Each packet
 * keeps its 32-bit RTP timestamp, arrival time and {@link VideoPacketTraits} flags. Not thread-safe.
 */
final class VideoPacketWindow {
    private final int capacity;
    private final long[] seqs;
    private final byte[][] payloads;
    private final int[] timestamps;
    private final long[] arrivals;
    private final int[] flags;
    private int size;
    private int idrPackets;

    VideoPacketWindow(int capacity) {
        this.capacity = capacity;
        this.seqs = new long[capacity];
        this.payloads = new byte[capacity][];
        this.timestamps = new int[capacity];
        this.arrivals = new long[capacity];
        this.flags = new int[capacity];
    }

    int size() {
        return size;
    }

    /** How many held packets carry IDR data: when none, no keyframe can be waiting behind the oldest frame. */
    int idrPackets() {
        return idrPackets;
    }

    boolean contains(long seq) {
        int i = slot(seq);
        return payloads[i] != null && seqs[i] == seq;
    }

    /** Stores an owned payload (empty for padding or a broken packet); the slot must be free. */
    void put(long seq, int timestamp, byte[] payload, int packetFlags, long arrivalNanos) {
        int i = slot(seq);
        if (payloads[i] == null) {
            size++;
        } else if ((flags[i] & VideoPacketTraits.IDR) != 0) {
            idrPackets--;
        }
        seqs[i] = seq;
        payloads[i] = payload;
        timestamps[i] = timestamp;
        arrivals[i] = arrivalNanos;
        flags[i] = packetFlags;
        if ((packetFlags & VideoPacketTraits.IDR) != 0) {
            idrPackets++;
        }
    }

    /** Removes {@code seq} if held; returns whether it was. */
    boolean remove(long seq) {
        int i = slot(seq);
        if (payloads[i] == null || seqs[i] != seq) {
            return false;
        }
        payloads[i] = null;
        size--;
        if ((flags[i] & VideoPacketTraits.IDR) != 0) {
            idrPackets--;
        }
        return true;
    }

    // The accessors below require contains(seq).

    byte[] payload(long seq) {
        return payloads[slot(seq)];
    }

    int timestamp(long seq) {
        return timestamps[slot(seq)];
    }

    long arrival(long seq) {
        return arrivals[slot(seq)];
    }

    boolean has(long seq, int flag) {
        return (flags[slot(seq)] & flag) != 0;
    }

    /** Adds {@code flag} to a held packet. */
    void mark(long seq, int flag) {
        flags[slot(seq)] |= flag;
    }

    /** Whether {@code seq} is held and is frame data (not padding). */
    boolean containsData(long seq) {
        return contains(seq) && !has(seq, VideoPacketTraits.PADDING);
    }

    /** Whether any packet of [first, last] (all held) has {@code flag}. */
    boolean any(long first, long last, int flag) {
        for (long s = first; s <= last; s++) {
            if (has(s, flag)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a frame provably starts at {@code s}, or a padding packet is there, judging by {@code s - 1}: after a
     * marker or padding packet, or at a change of timestamp; when {@code s - 1} is missing, only a packet beginning a
     * keyframe's access unit ({@link VideoPacketTraits#KEY_START}) proves it.
     */
    boolean boundaryBefore(long s) {
        boolean prevHeld = contains(s - 1);
        if (prevHeld && (has(s - 1, VideoPacketTraits.MARKER) || has(s - 1, VideoPacketTraits.PADDING))) {
            return true;
        }
        if (!contains(s)) {
            return false;
        }
        if (has(s, VideoPacketTraits.PADDING)) {
            return true;
        }
        return prevHeld ? timestamp(s - 1) != timestamp(s) : has(s, VideoPacketTraits.KEY_START);
    }

    /**
     * The last packet of the run of held data packets with the timestamp of {@code start} (held), stopping at a
     * marker packet and at {@code highest}: the frame from {@code start} is all held iff the result is a marker.
     */
    long runEnd(long start, long highest) {
        int ts = timestamp(start);
        long s = start;
        while (!has(s, VideoPacketTraits.MARKER) && s < highest && containsData(s + 1) && timestamp(s + 1) == ts) {
            s++;
        }
        return s;
    }

    /** Drops every packet; returns how many there were. */
    int clear() {
        int dropped = size;
        Arrays.fill(payloads, null);
        size = 0;
        idrPackets = 0;
        return dropped;
    }

    private int slot(long seq) {
        return (int) Math.floorMod(seq, (long) capacity);
    }
}
