package dev.parley.rtc.codec.h264.decoder;

import java.util.Arrays;

/**
 * A prefix code from one of the spec's variable-length code tables, decoded by two look-ups: the number of leading
 * zero bits picks a sub-table, the bits after the first 1 index it. Built once from the table's bit strings, as the
 * spec prints them (spaces ignored); a code of zeros only is allowed (it must then be the longest run of zeros).
 *
 * <p>{@link #decode} answers {@code value << 5 | length} for the code at the front of a 32-bit peek, or
 * {@link #INVALID} when no code of the table starts there.
 */
final class VlcTable {
    static final int INVALID = -1;

    /** Sub-table start per leading-zero count. */
    private final int[] offset;
    /** Bits after the first 1 that index the sub-table, per leading-zero count. */
    private final int[] suffixBits;
    private final int[] entries;
    /** The entry of the all-zero code, and its length (33 when the table has none). */
    private final int zeroEntry;
    private final int zeroLength;
    private final int maxZeros;

    /**
     * @param codes  bit strings ("0001 01"); null entries are skipped
     * @param values the value each code stands for (0 .. 2^26 - 1)
     */
    VlcTable(String[] codes, int[] values) {
        int zeroLen = 33;
        int zeroEnt = INVALID;
        int maxZ = 0;
        int[] suffix = new int[33];
        String[] clean = new String[codes.length];
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] == null) {
                continue;
            }
            String c = codes[i].replace(" ", "");
            clean[i] = c;
            int z = c.indexOf('1');
            if (z < 0) {
                zeroLen = c.length();
                zeroEnt = values[i] << 5 | c.length();
                continue;
            }
            maxZ = Math.max(maxZ, z);
            suffix[z] = Math.max(suffix[z], c.length() - z - 1);
        }
        if (zeroLen < 33 && maxZ >= zeroLen) {
            throw new IllegalArgumentException("the all-zero code is a prefix of another code");
        }
        this.maxZeros = maxZ;
        this.zeroLength = zeroLen;
        this.zeroEntry = zeroEnt;
        this.suffixBits = Arrays.copyOf(suffix, maxZ + 1);
        this.offset = new int[maxZ + 1];
        int size = 0;
        for (int z = 0; z <= maxZ; z++) {
            offset[z] = size;
            size += 1 << suffixBits[z];
        }
        this.entries = new int[size];
        Arrays.fill(entries, INVALID);
        for (int i = 0; i < clean.length; i++) {
            String c = clean[i];
            if (c == null || c.indexOf('1') < 0) {
                continue;
            }
            int z = c.indexOf('1');
            int k = suffixBits[z];
            int len = c.length() - z - 1;
            int bits = len == 0 ? 0 : Integer.parseInt(c.substring(z + 1), 2);
            // Every k-bit index that starts with this code's suffix decodes to it.
            int first = bits << (k - len);
            for (int j = 0; j < 1 << (k - len); j++) {
                if (entries[offset[z] + first + j] != INVALID) {
                    throw new IllegalArgumentException("code " + codes[i] + " is not prefix-free");
                }
                entries[offset[z] + first + j] = values[i] << 5 | c.length();
            }
        }
    }

    /** The entry for the code at the front of {@code bits} (the next 32 bits of the stream). */
    int decode(int bits) {
        int z = Integer.numberOfLeadingZeros(bits);
        if (z >= zeroLength) {
            return zeroEntry;
        }
        if (z > maxZeros) {
            return INVALID;
        }
        int k = suffixBits[z];
        int index = k == 0 ? 0 : (bits << (z + 1)) >>> (32 - k);
        return entries[offset[z] + index];
    }
}
