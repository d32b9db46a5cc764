package dev.parley.rtc.srtp;

/**
 * A bounded open-addressing map from SSRC to {@link SsrcState}, so a lookup neither boxes the int nor allocates.
 * It refuses inserts beyond its limit: hostile traffic cannot grow it.
 */
final class SsrcTable {
    private final int[] keys;
    private final SsrcState[] values;
    private final int limit;
    private int size;
    private SsrcState last;

    SsrcTable(int limit) {
        this.limit = limit;
        int capacity = Integer.highestOneBit(Math.max(4, limit) * 2 - 1) << 1; // load factor <= 1/2
        this.keys = new int[capacity];
        this.values = new SsrcState[capacity];
    }

    SsrcState get(int ssrc) {
        SsrcState l = last;
        if (l != null && l.ssrc == ssrc) {
            return l;
        }
        int mask = keys.length - 1;
        for (int i = slot(ssrc, mask); values[i] != null; i = (i + 1) & mask) {
            if (keys[i] == ssrc) {
                return last = values[i];
            }
        }
        return null;
    }

    boolean isFull() {
        return size >= limit;
    }

    /** Adds a state for an SSRC not yet present; returns false if the table is full. */
    boolean put(SsrcState state) {
        if (isFull()) {
            return false;
        }
        int mask = keys.length - 1;
        int i = slot(state.ssrc, mask);
        while (values[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = state.ssrc;
        values[i] = state;
        size++;
        last = state;
        return true;
    }

    int size() {
        return size;
    }

    private static int slot(int ssrc, int mask) {
        int h = ssrc * 0x9E3779B9; // Fibonacci hashing spreads sequential SSRCs
        return (h ^ (h >>> 16)) & mask;
    }
}
