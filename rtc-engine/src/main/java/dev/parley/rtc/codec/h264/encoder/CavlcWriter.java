package dev.parley.rtc.codec.h264.encoder;

import dev.parley.rtc.codec.h264.BitWriter;

/**
 * CAVLC residual coding: writes residual_block_cavlc() (H.264 §7.3.5.3.2) as parsed by §9.2, for the Baseline
 * block kinds of 4:2:0 video: 4x4 luma / Intra16x16 DC blocks (maxNumCoeff 16), Intra16x16 AC and chroma AC blocks
 * (maxNumCoeff 15) and chroma DC blocks (maxNumCoeff 4, nC = -1).
 *
 * <p>The levels of one block are {@code coeffLevel[offset .. offset + maxNumCoeff - 1]}, already in scan order,
 * exactly the spec's coeffLevel list of residual_block(): for an AC block (maxNumCoeff 15) they are the levels of
 * scan positions 1..15. Every level must be within &plusmn;{@link #MAX_ABS_LEVEL}.
 *
 * <p>Stateless and allocation free; the code tables are built once from the spec's bit strings.
 */
public final class CavlcWriter {
    /**
     * Largest |level| this writer codes. Baseline forbids level_prefix &gt; 15 (§9.2.2.1), so the longest level
     * code is the escape level_prefix 15 with a 12-bit level_suffix, which reaches levelCode 30 + 4095 = 4125 when
     * suffixLength is 0 or 1. levelCode is 2|level| - 1 for a negative level (Eq. 9-4 inverted), so 2063 is the
     * largest magnitude codable in every context (larger ones only fit after suffixLength has grown, which this
     * writer does not rely on). Callers clamp their quantised levels to this.
     */
    public static final int MAX_ABS_LEVEL = 2063;

    // H.264 Table 9-5 coeff_token, one column per nC range, rows in the table's order:
    // TotalCoeff 0 (TrailingOnes 0), 1 (T1 0..1), 2 (T1 0..2), then 3..16 (T1 0..3).
    private static final String[] COEFF_TOKEN_NC0 = { // 0 <= nC < 2
        "1",
        "0001 01", "01",
        "0000 0111", "0001 00", "001",
        "0000 0011 1", "0000 0110", "0000 101", "0001 1",
        "0000 0001 11", "0000 0011 0", "0000 0101", "0000 11",
        "0000 0000 111", "0000 0001 10", "0000 0010 1", "0000 100",
        "0000 0000 0111 1", "0000 0000 110", "0000 0001 01", "0000 0100",
        "0000 0000 0101 1", "0000 0000 0111 0", "0000 0000 101", "0000 0010 0",
        "0000 0000 0100 0", "0000 0000 0101 0", "0000 0000 0110 1", "0000 0001 00",
        "0000 0000 0011 11", "0000 0000 0011 10", "0000 0000 0100 1", "0000 0000 100",
        "0000 0000 0010 11", "0000 0000 0010 10", "0000 0000 0011 01", "0000 0000 0110 0",
        "0000 0000 0001 111", "0000 0000 0001 110", "0000 0000 0010 01", "0000 0000 0011 00",
        "0000 0000 0001 011", "0000 0000 0001 010", "0000 0000 0001 101", "0000 0000 0010 00",
        "0000 0000 0000 1111", "0000 0000 0000 001", "0000 0000 0001 001", "0000 0000 0001 100",
        "0000 0000 0000 1011", "0000 0000 0000 1110", "0000 0000 0000 1101", "0000 0000 0001 000",
        "0000 0000 0000 0111", "0000 0000 0000 1010", "0000 0000 0000 1001", "0000 0000 0000 1100",
        "0000 0000 0000 0100", "0000 0000 0000 0110", "0000 0000 0000 0101", "0000 0000 0000 1000",
    };
    private static final String[] COEFF_TOKEN_NC2 = { // 2 <= nC < 4
        "11",
        "0010 11", "10",
        "0001 11", "0011 1", "011",
        "0000 111", "0010 10", "0010 01", "0101",
        "0000 0111", "0001 10", "0001 01", "0100",
        "0000 0100", "0000 110", "0000 101", "0011 0",
        "0000 0011 1", "0000 0110", "0000 0101", "0010 00",
        "0000 0001 111", "0000 0011 0", "0000 0010 1", "0001 00",
        "0000 0001 011", "0000 0001 110", "0000 0001 101", "0000 100",
        "0000 0000 1111", "0000 0001 010", "0000 0001 001", "0000 0010 0",
        "0000 0000 1011", "0000 0000 1110", "0000 0000 1101", "0000 0001 100",
        "0000 0000 1000", "0000 0000 1010", "0000 0000 1001", "0000 0001 000",
        "0000 0000 0111 1", "0000 0000 0111 0", "0000 0000 0110 1", "0000 0000 1100",
        "0000 0000 0101 1", "0000 0000 0101 0", "0000 0000 0100 1", "0000 0000 0110 0",
        "0000 0000 0011 1", "0000 0000 0010 11", "0000 0000 0011 0", "0000 0000 0100 0",
        "0000 0000 0010 01", "0000 0000 0010 00", "0000 0000 0010 10", "0000 0000 0000 1",
        "0000 0000 0001 11", "0000 0000 0001 10", "0000 0000 0001 01", "0000 0000 0001 00",
    };
    private static final String[] COEFF_TOKEN_NC4 = { // 4 <= nC < 8
        "1111",
        "0011 11", "1110",
        "0010 11", "0111 1", "1101",
        "0010 00", "0110 0", "0111 0", "1100",
        "0001 111", "0101 0", "0101 1", "1011",
        "0001 011", "0100 0", "0100 1", "1010",
        "0001 001", "0011 10", "0011 01", "1001",
        "0001 000", "0010 10", "0010 01", "1000",
        "0000 1111", "0001 110", "0001 101", "0110 1",
        "0000 1011", "0000 1110", "0001 010", "0011 00",
        "0000 0111 1", "0000 1010", "0000 1101", "0001 100",
        "0000 0101 1", "0000 0111 0", "0000 1001", "0000 1100",
        "0000 0100 0", "0000 0101 0", "0000 0110 1", "0000 1000",
        "0000 0011 01", "0000 0011 1", "0000 0100 1", "0000 0110 0",
        "0000 0010 01", "0000 0011 00", "0000 0010 11", "0000 0010 10",
        "0000 0001 01", "0000 0010 00", "0000 0001 11", "0000 0001 10",
        "0000 0000 01", "0000 0001 00", "0000 0000 11", "0000 0000 10",
    };
    private static final String[] COEFF_TOKEN_CHROMA_DC = { // nC == -1 (chroma DC, 4:2:0)
        "01",
        "0001 11", "1",
        "0001 00", "0001 10", "001",
        "0000 11", "0000 011", "0000 010", "0001 01",
        "0000 10", "0000 0011", "0000 0010", "0000 000",
    };

    // H.264 Tables 9-7 and 9-8: total_zeros for 4x4 blocks, one row per tzVlcIndex = TotalCoeff (1..15),
    // entries for total_zeros = 0, 1, 2, ...
    private static final String[][] TOTAL_ZEROS_4X4 = {
        {},
        {"1", "011", "010", "0011", "0010", "0001 1", "0001 0", "0000 11", "0000 10", "0000 011", "0000 010",
            "0000 0011", "0000 0010", "0000 0001 1", "0000 0001 0", "0000 0000 1"},
        {"111", "110", "101", "100", "011", "0101", "0100", "0011", "0010", "0001 1", "0001 0", "0000 11",
            "0000 10", "0000 01", "0000 00"},
        {"0101", "111", "110", "101", "0100", "0011", "100", "011", "0010", "0001 1", "0001 0", "0000 01",
            "0000 1", "0000 00"},
        {"0001 1", "111", "0101", "0100", "110", "101", "100", "0011", "011", "0010", "0001 0", "0000 1", "0000 0"},
        {"0101", "0100", "0011", "111", "110", "101", "100", "011", "0010", "0000 1", "0001", "0000 0"},
        {"0000 01", "0000 1", "111", "110", "101", "100", "011", "010", "0001", "001", "0000 00"},
        {"0000 01", "0000 1", "101", "100", "011", "11", "010", "0001", "001", "0000 00"},
        {"0000 01", "0001", "0000 1", "011", "11", "10", "010", "001", "0000 00"},
        {"0000 01", "0000 00", "0001", "11", "10", "001", "01", "0000 1"},
        {"0000 1", "0000 0", "001", "11", "10", "01", "0001"},
        {"0000", "0001", "001", "010", "1", "011"},
        {"0000", "0001", "01", "1", "001"},
        {"000", "001", "1", "01"},
        {"00", "01", "1"},
        {"0", "1"},
    };
    // H.264 Table 9-9(a): total_zeros for chroma DC 2x2 blocks (4:2:0), rows tzVlcIndex = TotalCoeff (1..3).
    private static final String[][] TOTAL_ZEROS_CHROMA_DC = {
        {},
        {"1", "01", "001", "000"},
        {"1", "01", "00"},
        {"1", "0"},
    };
    // H.264 Table 9-10: run_before, rows zerosLeft = 1..6 and > 6 (row 7), entries for run_before = 0, 1, ...
    private static final String[][] RUN_BEFORE = {
        {},
        {"1", "0"},
        {"1", "01", "00"},
        {"11", "10", "01", "00"},
        {"11", "10", "01", "001", "000"},
        {"11", "10", "011", "010", "001", "000"},
        {"11", "000", "001", "011", "010", "101", "100"},
        {"111", "110", "101", "100", "011", "010", "001", "0001", "0000 1", "0000 01", "0000 001", "0000 0001",
            "0000 0000 1", "0000 0000 01", "0000 0000 001"},
    };

    // Packed codes: (code << 5) | length. coeff_token tables are indexed TotalCoeff * 4 + TrailingOnes.
    private static final int[] TOKEN_NC0 = packTokens(COEFF_TOKEN_NC0, 16);
    private static final int[] TOKEN_NC2 = packTokens(COEFF_TOKEN_NC2, 16);
    private static final int[] TOKEN_NC4 = packTokens(COEFF_TOKEN_NC4, 16);
    private static final int[] TOKEN_CHROMA_DC = packTokens(COEFF_TOKEN_CHROMA_DC, 4);
    private static final int[][] TZ_4X4 = pack(TOTAL_ZEROS_4X4);
    private static final int[][] TZ_CHROMA_DC = pack(TOTAL_ZEROS_CHROMA_DC);
    private static final int[][] RUN = pack(RUN_BEFORE);

    private CavlcWriter() {
    }

    /**
     * Writes residual_block_cavlc() for one block and returns its TotalCoeff (the number of non-zero levels), which
     * the caller keeps as total_coeff for the nC prediction of later blocks (§9.2.1).
     *
     * @param coeffLevel  levels in scan order at {@code offset}, each within &plusmn;{@link #MAX_ABS_LEVEL}
     * @param maxNumCoeff 16 (4x4 / Intra16x16 DC), 15 (Intra16x16 AC, chroma AC) or 4 (chroma DC 4:2:0)
     * @param nC          the caller's nC (§9.2.1): &gt;= 0 for luma and chroma AC blocks, -1 for chroma DC
     * @throws IllegalArgumentException for a bad maxNumCoeff / nC pair or a level beyond MAX_ABS_LEVEL; nothing is
     *                                  written then
     */
    public static int writeBlock(BitWriter w, int[] coeffLevel, int offset, int maxNumCoeff, int nC) {
        return code(w, coeffLevel, offset, maxNumCoeff, nC) & 31;
    }

    /**
     * The exact number of bits {@link #writeBlock} would write for the same arguments, without writing; same
     * argument rules and exceptions.
     */
    public static int bitCount(int[] coeffLevel, int offset, int maxNumCoeff, int nC) {
        return code(null, coeffLevel, offset, maxNumCoeff, nC) >>> 5;
    }

    /** Codes (or, with {@code w} null, only measures) one block; returns (bit count << 5) | TotalCoeff. */
    private static int code(BitWriter w, int[] c, int off, int maxNumCoeff, int nC) {
        int[] tokens;
        if (nC >= 0) {
            if (maxNumCoeff != 16 && maxNumCoeff != 15) {
                throw new IllegalArgumentException("maxNumCoeff " + maxNumCoeff + " with nC " + nC);
            }
            tokens = nC < 2 ? TOKEN_NC0 : nC < 4 ? TOKEN_NC2 : nC < 8 ? TOKEN_NC4 : null;
        } else if (nC == -1 && maxNumCoeff == 4) {
            tokens = TOKEN_CHROMA_DC;
        } else {
            throw new IllegalArgumentException("maxNumCoeff " + maxNumCoeff + " with nC " + nC);
        }

        // Pass 1, from the highest scan position down: TotalCoeff, the last non-zero position and up to three
        // trailing +-1 levels with their sign flags (§7.3.5.3.2: the first ones met in reverse scan order).
        int total = 0;
        int ones = 0;
        int signs = 0;
        int last = -1;
        boolean inOnes = true;
        for (int i = off + maxNumCoeff - 1; i >= off; i--) {
            int v = c[i];
            if (v != 0) {
                if (v > MAX_ABS_LEVEL || v < -MAX_ABS_LEVEL) {
                    throw new IllegalArgumentException("level " + v + " at scan position " + (i - off)
                            + " beyond +-" + MAX_ABS_LEVEL);
                }
                if (total++ == 0) {
                    last = i;
                }
                if (inOnes) {
                    if ((v == 1 || v == -1) && ones < 3) {
                        ones++;
                        signs = (signs << 1) | (v >>> 31); // trailing_ones_sign_flag: 1 for -1
                    } else {
                        inOnes = false;
                    }
                }
            }
        }

        // coeff_token then trailing_ones_sign_flags, in one write.
        int tokenCode;
        int tokenLen;
        if (tokens == null) {
            // 8 <= nC: 6-bit fixed length code xxxxyy, xxxx = TotalCoeff - 1, yy = TrailingOnes; 000011 for none.
            tokenLen = 6;
            tokenCode = total == 0 ? 3 : ((total - 1) << 2) | ones;
        } else {
            int e = tokens[(total << 2) | ones];
            tokenCode = e >>> 5;
            tokenLen = e & 31;
        }
        int bits = tokenLen + ones;
        if (w != null) {
            w.writeBitsUnchecked((tokenCode << ones) | signs, bits);
        }
        if (total == 0) {
            return bits << 5;
        }

        // Pass 2: the remaining levels as level_prefix / level_suffix (§9.2.2, §9.2.2.1), reverse scan order.
        int suffixLength = total > 10 && ones < 3 ? 1 : 0;
        int seen = 0;
        for (int i = last; seen < total; i--) {
            int v = c[i];
            if (v == 0) {
                continue;
            }
            if (seen++ < ones) {
                continue;
            }
            int levelCode = v > 0 ? 2 * v - 2 : -2 * v - 1;
            if (seen == ones + 1 && ones < 3) {
                levelCode -= 2; // the decoder adds 2: this level cannot be +-1 (it would be a trailing one)
            }
            int len;
            int code;
            if (suffixLength == 0) {
                if (levelCode < 14) { // level_prefix = levelCode, no suffix
                    len = levelCode + 1;
                    code = 1;
                } else if (levelCode < 30) { // level_prefix 14 with a 4-bit level_suffix
                    len = 15 + 4;
                    code = (1 << 4) | (levelCode - 14);
                } else { // level_prefix 15 with a 12-bit level_suffix; the decoder adds 15 + 15
                    len = 16 + 12;
                    code = (1 << 12) | (levelCode - 30);
                }
            } else if (levelCode < (15 << suffixLength)) {
                len = (levelCode >> suffixLength) + 1 + suffixLength;
                code = (1 << suffixLength) | (levelCode & ((1 << suffixLength) - 1));
            } else { // level_prefix 15 with a 12-bit level_suffix
                len = 16 + 12;
                code = (1 << 12) | (levelCode - (15 << suffixLength));
            }
            bits += len;
            if (w != null) {
                w.writeBitsUnchecked(code, len);
            }
            if (suffixLength == 0) {
                suffixLength = 1;
            }
            if ((v > 0 ? v : -v) > (3 << (suffixLength - 1)) && suffixLength < 6) {
                suffixLength++;
            }
        }

        // total_zeros: zeros below the last non-zero level (Tables 9-7, 9-8, 9-9(a)); absent for a full block.
        int totalZeros = last - off + 1 - total;
        if (total < maxNumCoeff) {
            int e = (maxNumCoeff == 4 ? TZ_CHROMA_DC : TZ_4X4)[total][totalZeros];
            bits += e & 31;
            if (w != null) {
                w.writeBitsUnchecked(e >>> 5, e & 31);
            }
        }

        // Pass 3: run_before for each level but the lowest, while zeros are left (Table 9-10).
        int zerosLeft = totalZeros;
        for (int i = last, k = 1; zerosLeft > 0 && k < total; k++) {
            int j = i - 1;
            while (c[j] == 0) {
                j--;
            }
            int run = i - 1 - j;
            int e = RUN[zerosLeft < 7 ? zerosLeft : 7][run];
            bits += e & 31;
            if (w != null) {
                w.writeBitsUnchecked(e >>> 5, e & 31);
            }
            zerosLeft -= run;
            i = j;
        }
        return (bits << 5) | total;
    }

    /** Lays coeff_token codes given in the spec's row order out at TotalCoeff * 4 + TrailingOnes. */
    private static int[] packTokens(String[] rows, int maxTotal) {
        int[] out = new int[(maxTotal + 1) * 4];
        int r = 0;
        for (int total = 0; total <= maxTotal; total++) {
            for (int ones = 0; ones <= Math.min(3, total); ones++) {
                out[total * 4 + ones] = pack(rows[r++]);
            }
        }
        if (r != rows.length) {
            throw new AssertionError("coeff_token table has " + rows.length + " rows, expected " + r);
        }
        return out;
    }

    private static int[][] pack(String[][] rows) {
        int[][] out = new int[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = new int[rows[i].length];
            for (int j = 0; j < rows[i].length; j++) {
                out[i][j] = pack(rows[i][j]);
            }
        }
        return out;
    }

    private static int pack(String bits) {
        String b = bits.replace(" ", "");
        return (Integer.parseInt(b, 2) << 5) | b.length();
    }
}
