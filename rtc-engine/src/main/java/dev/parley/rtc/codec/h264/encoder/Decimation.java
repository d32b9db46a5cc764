package dev.parley.rtc.codec.h264.encoder;

/**
 * Coefficient decimation for P macroblocks (an encoder heuristic in the style of the JM reference encoder, not
 * part of the standard): a few isolated ±1 levels cost more bits (coded_block_pattern, coeff_token, runs) than
 * they buy in quality, so such blocks are better sent as zero.
 *
 * <p>{@link #score} charges each ±1 level by the run of zeros before it ({@code RUN_COST}: 3 for run 0, 2 for runs
 * 1-2, 1 for runs 3-5, 0 beyond: a ±1 after a long run is usually noise), and any level with magnitude above 1
 * makes the block {@link #KEEP} (always worth coding). The caller sums scores over a region and, below that
 * region's threshold, zeroes all its levels; it must then reconstruct from the zeroed levels (the prediction), so
 * encoder and decoder agree. Suggested thresholds (tunable): an 8x8 luma quadrant (its four 4x4 blocks) below
 * {@link #LUMA_8X8_THRESHOLD}; a whole macroblock's luma below {@link #LUMA_MB_THRESHOLD}; all chroma AC blocks
 * of the macroblock (both components) below {@link #CHROMA_AC_THRESHOLD}. Not for intra blocks or DC levels.
 */
final class Decimation {
    /** Score of a block that has a level with magnitude > 1; sums of up to 2^10 such scores do not overflow. */
    static final int KEEP = 1 << 20;
    static final int LUMA_8X8_THRESHOLD = 4;
    static final int LUMA_MB_THRESHOLD = 6;
    static final int CHROMA_AC_THRESHOLD = 7;

    /** Cost of an isolated ±1 level by the number of zeros that precede it in scan order. */
    private static final int[] RUN_COST = {3, 2, 2, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

    private Decimation() {
    }

    /**
     * Scores one 4x4 block of levels in scan order.
     *
     * @param startScanPos 0 for a whole block, 1 for an AC block (its runs are counted from scan position 1)
     * @return 0 for an all-zero block, the summed run costs if every level is 0 or ±1, else {@link #KEEP}
     */
    static int score(int[] levels, int lOff, int startScanPos) {
        int score = 0;
        int run = 0;
        for (int k = lOff + startScanPos, end = lOff + 16; k < end; k++) {
            int level = levels[k];
            if (level == 0) {
                run++;
            } else if (level == 1 || level == -1) {
                score += RUN_COST[run];
                run = 0;
            } else {
                return KEEP;
            }
        }
        return score;
    }

    /** True if a region whose block scores sum to {@code scoreSum} is worth coding under {@code threshold}. */
    static boolean worthCoding(int scoreSum, int threshold) {
        return scoreSum >= threshold;
    }
}
