package dev.parley.rtc.codec.h264.decoder;

/**
 * CAVLC residual block parsing: residual_block_cavlc() (§7.3.5.3.2) with the code tables of §9.2: coeff_token
 * (Table 9-5, with the nC contexts of §9.2.1 including -1 for 4:2:0 chroma DC), trailing ones signs, levels
 * (level_prefix / level_suffix and the suffixLength rules of §9.2.2.1), total_zeros (Tables 9-7, 9-8 and 9-9a) and
 * run_before (Table 9-10), then the coefficients placed in scan order (§9.2.4).
 *
 * <p>Hostile input never throws: a code no table holds, a level_prefix above 15 (the Baseline and Main limit of
 * §9.2.2.1), more coefficients than the block has, or zeros or runs that do not fit make {@link #read} return
 * {@link #ERROR}. Every call reads a bounded number of bits (at most about 700). Not thread-safe (a 16-entry
 * scratch array); one per slice decoder.
 */
final class CavlcReader {
    /** What {@link #read} returns for a block that cannot be parsed. */
    static final int ERROR = -1;

    // H.264 Table 9-5, coeff_token, rows in the table's order: (TrailingOnes, TotalCoeff) = (0,0), then for
    // TotalCoeff 1..16 TrailingOnes 0..min(3, TotalCoeff).
    private static final String[] TOKEN_NC_0_TO_2 = {
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
    private static final String[] TOKEN_NC_2_TO_4 = {
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
    private static final String[] TOKEN_NC_4_TO_8 = {
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
    // Table 9-5, nC == -1 (ChromaDCLevel of 4:2:0), TotalCoeff 0..4.
    private static final String[] TOKEN_CHROMA_DC = {
        "01",
        "0001 11", "1",
        "0001 00", "0001 10", "001",
        "0000 11", "0000 011", "0000 010", "0001 01",
        "0000 10", "0000 0011", "0000 0010", "0000 000",
    };
    // Tables 9-7 and 9-8: total_zeros of 4x4 blocks, row tzVlcIndex = TotalCoeff 1..15, entries total_zeros 0, 1, ..
    private static final String[][] TOTAL_ZEROS_4X4 = {
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
    // Table 9-9 (a): total_zeros of 4:2:0 chroma DC blocks, tzVlcIndex = TotalCoeff 1..3.
    private static final String[][] TOTAL_ZEROS_CHROMA_DC = {
        {"1", "01", "001", "000"},
        {"1", "01", "00"},
        {"1", "0"},
    };
    // Table 9-10: run_before by zerosLeft 1..6 and > 6, entries run_before 0, 1, ..
    private static final String[][] RUN_BEFORE = {
        {"1", "0"},
        {"1", "01", "00"},
        {"11", "10", "01", "00"},
        {"11", "10", "01", "001", "000"},
        {"11", "10", "011", "010", "001", "000"},
        {"11", "000", "001", "011", "010", "101", "100"},
        {"111", "110", "101", "100", "011", "010", "001", "0001", "0000 1", "0000 01", "0000 001", "0000 0001",
            "0000 0000 1", "0000 0000 01", "0000 0000 001"},
    };

    /** coeff_token tables by nC: index 0 for 0 &lt;= nC &lt; 2, 1 for 2..3, 2 for 4..7; value TotalCoeff &lt;&lt; 2 | T1. */
    private static final VlcTable[] TOKEN = {
        tokenTable(TOKEN_NC_0_TO_2, 16), tokenTable(TOKEN_NC_2_TO_4, 16), tokenTable(TOKEN_NC_4_TO_8, 16)};
    private static final VlcTable TOKEN_DC = tokenTable(TOKEN_CHROMA_DC, 4);
    /** nC 0..7 to its coeff_token table. */
    private static final VlcTable[] TOKEN_BY_NC = {
        TOKEN[0], TOKEN[0], TOKEN[1], TOKEN[1], TOKEN[2], TOKEN[2], TOKEN[2], TOKEN[2]};
    /** Index TotalCoeff (1..15); value total_zeros. */
    private static final VlcTable[] ZEROS_4X4 = rows(TOTAL_ZEROS_4X4);
    private static final VlcTable[] ZEROS_DC = rows(TOTAL_ZEROS_CHROMA_DC);
    /** Index min(zerosLeft, 7) (1..7); value run_before. */
    private static final VlcTable[] RUNS = rows(RUN_BEFORE);

    /** levelVal[] of §9.2.2, highest frequency first. */
    private final int[] levelVal = new int[16];

    /**
     * Parses one residual_block_cavlc() and writes its coeffLevel list: {@code levels[off + k]} for
     * 0 &lt;= k &lt; maxNumCoeff, zeros included (for an AC block, k = 0 is scan position 1).
     *
     * @param nC          the nC of §9.2.1 (0 and up), or -1 for a 4:2:0 chroma DC block
     * @param maxNumCoeff 16, 15 or 4 (chroma DC)
     * @return TotalCoeff(coeff_token), or {@link #ERROR}
     */
    int read(RbspReader r, int nC, int maxNumCoeff, int[] levels, int off) {
        for (int k = off; k < off + maxNumCoeff; k++) {
            levels[k] = 0;
        }
        int bits = r.peek32();
        int total;
        int ones;
        if (nC >= 8) {
            // Table 9-5, 8 <= nC: a 6-bit fixed-length code, (TotalCoeff - 1) << 2 | TrailingOnes, 000011 for none.
            int v = bits >>> 26;
            r.skip(6);
            if (v == 3) {
                return 0;
            }
            total = (v >> 2) + 1;
            ones = v & 3;
            if (ones > total) {
                return ERROR;
            }
        } else {
            int e = (nC < 0 ? TOKEN_DC : TOKEN_BY_NC[nC]).decode(bits);
            if (e < 0) {
                return ERROR;
            }
            r.skip(e & 31);
            total = e >>> 7;
            ones = (e >>> 5) & 3;
        }
        if (total == 0) {
            return 0;
        }
        if (total > maxNumCoeff) {
            return ERROR;
        }
        if (readLevels(r, total, ones) == ERROR) {
            return ERROR;
        }
        int zeros = 0;
        if (total < maxNumCoeff) {
            int e = (maxNumCoeff == 4 ? ZEROS_DC : ZEROS_4X4)[total - 1].decode(r.peek32());
            if (e < 0) {
                return ERROR;
            }
            r.skip(e & 31);
            zeros = e >>> 5;
            if (zeros > maxNumCoeff - total) {
                return ERROR;
            }
        }
        // §9.2.4: the highest-frequency coefficient sits at total + zeros - 1; each run_before moves down.
        int k = total + zeros - 1;
        int[] val = levelVal;
        for (int i = 0; i < total - 1; i++) {
            levels[off + k] = val[i];
            if (zeros > 0) {
                int e = RUNS[(zeros < 7 ? zeros : 7) - 1].decode(r.peek32());
                if (e < 0) {
                    return ERROR;
                }
                r.skip(e & 31);
                int run = e >>> 5;
                if (run > zeros) {
                    return ERROR;
                }
                zeros -= run;
                k -= run;
            }
            k--;
        }
        levels[off + k] = val[total - 1]; // k == zeros left: the lowest coefficient's run
        return total;
    }

    /** Trailing ones and levels into {@link #levelVal} (§9.2.2, §9.2.2.1). */
    private int readLevels(RbspReader r, int total, int ones) {
        int[] val = levelVal;
        if (ones > 0) {
            int signs = r.readBits(ones); // trailing_ones_sign_flag, first one in the highest bit
            for (int i = 0; i < ones; i++) {
                val[i] = 1 - 2 * ((signs >>> (ones - 1 - i)) & 1);
            }
        }
        int suffixLength = total > 10 && ones < 3 ? 1 : 0;
        for (int i = ones; i < total; i++) {
            int prefix = Integer.numberOfLeadingZeros(r.peek32());
            if (prefix > 15) {
                return ERROR; // level_prefix above 15 is not allowed in Baseline, Main and Extended (§9.2.2.1)
            }
            r.skip(prefix + 1);
            int levelCode = (prefix < 15 ? prefix : 15) << suffixLength;
            if (prefix == 14 && suffixLength == 0) {
                levelCode += r.readBits(4); // levelSuffixSize 4
            } else if (prefix == 15) {
                levelCode += r.readBits(12); // levelSuffixSize = level_prefix - 3
                if (suffixLength == 0) {
                    levelCode += 15;
                }
            } else if (suffixLength > 0) {
                levelCode += r.readBits(suffixLength);
            }
            if (i == ones && ones < 3) {
                levelCode += 2;
            }
            // Eq. 9-4: even levelCode -> positive level
            int level = (levelCode & 1) == 0 ? (levelCode + 2) >> 1 : (-levelCode - 1) >> 1;
            val[i] = level;
            if (suffixLength == 0) {
                suffixLength = 1;
            }
            int abs = level < 0 ? -level : level;
            if (abs > (3 << (suffixLength - 1)) && suffixLength < 6) {
                suffixLength++;
            }
        }
        return 0;
    }

    private static VlcTable tokenTable(String[] codes, int maxTotal) {
        int[] values = new int[codes.length];
        int row = 0;
        values[row++] = 0;
        for (int total = 1; total <= maxTotal; total++) {
            for (int ones = 0; ones <= Math.min(3, total); ones++) {
                values[row++] = total << 2 | ones;
            }
        }
        if (row != codes.length) {
            throw new ExceptionInInitializerError("coeff_token table of " + codes.length + " codes");
        }
        return new VlcTable(codes, values);
    }

    private static VlcTable[] rows(String[][] rows) {
        VlcTable[] tables = new VlcTable[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int[] values = new int[rows[i].length];
            for (int v = 0; v < values.length; v++) {
                values[v] = v;
            }
            tables[i] = new VlcTable(rows[i], values);
        }
        return tables;
    }
}
