package dev.parley.rtc.codec.h264.decoder;

import java.util.Arrays;

/**
 * List-0 motion vector prediction (§8.4.1.3) for every P partition shape, and the P_Skip vector (§8.4.1.1), over a
 * small window of 4x4 blocks around the current macroblock: one row above it and one column left of it, from the
 * neighbouring macroblocks when they are available (§6.4.11.7: decoded and in the same slice), its own 16 blocks as
 * they get their vectors, and the column right of it, which is never available. A block not (yet) available has
 * reference index {@link #UNAVAILABLE}; one in an intra macroblock has -1. Not thread-safe; one per slice decoder.
 *
 * <p>Window index of block column c (-1..4) and row r (-1..3) relative to the macroblock: (r + 1) * 6 + c + 1.
 */
final class MotionVectorPredictor {
    static final int UNAVAILABLE = -2;
    /** Partition shapes with their own prediction rule (8-207..8-210); everything else takes the median. */
    static final int MEDIAN = 0;
    static final int SHAPE_16X8 = 1;
    static final int SHAPE_8X16 = 2;

    private final int[] ref = new int[30];
    private final int[] mvx = new int[30];
    private final int[] mvy = new int[30];
    /** The predicted vector of the last {@link #predict} or {@link #predictSkip}. */
    int predX;
    int predY;

    private static int at(int col, int row) {
        return (row + 1) * 6 + col + 1;
    }

    MotionVectorPredictor() {
        Arrays.fill(ref, UNAVAILABLE); // column 4 of rows 0..3 stays so
    }

    /**
     * Loads the neighbours of macroblock {@code mb} of slice {@code slice}; with {@code partitions} its own blocks
     * become unavailable until {@link #set} (a P_Skip prediction never reads them).
     */
    void load(MacroblockMap map, int mb, int slice, boolean partitions) {
        int w = map.mbWidth;
        int bpr = map.blocksPerRow;
        int mbX = mb % w;
        boolean hasLeft = mbX > 0 && map.slice[mb - 1] == slice;
        boolean hasTop = mb >= w && map.slice[mb - w] == slice;
        boolean hasTopRight = mb >= w && mbX < w - 1 && map.slice[mb - w + 1] == slice;
        boolean hasTopLeft = mb >= w && mbX > 0 && map.slice[mb - w - 1] == slice;
        int fb = map.firstBlock(mb);
        int above = fb - bpr; // the bottom block row of the macroblock above
        for (int c = 0; c < 4; c++) {
            copy(map, hasTop, above + c, at(c, -1));
        }
        copy(map, hasTopRight, above + 4, at(4, -1));
        copy(map, hasTopLeft, above - 1, at(-1, -1));
        for (int r = 0; r < 4; r++) {
            copy(map, hasLeft, fb + r * bpr - 1, at(-1, r));
            if (partitions) {
                for (int i = at(0, r), end = i + 4; i < end; i++) {
                    ref[i] = UNAVAILABLE;
                    mvx[i] = 0;
                    mvy[i] = 0;
                }
            }
        }
    }

    private void copy(MacroblockMap map, boolean available, int block, int i) {
        if (available) {
            ref[i] = map.refIdx[block];
            mvx[i] = map.mvX[block];
            mvy[i] = map.mvY[block];
        } else {
            ref[i] = UNAVAILABLE;
            mvx[i] = 0;
            mvy[i] = 0;
        }
    }

    /**
     * mvpL0 (into {@link #predX}, {@link #predY}) of the partition at block column {@code x4}, row {@code y4}, of
     * {@code w4 x h4} blocks, predicting from {@code refIdx}; {@code shape} picks the 16x8 / 8x16 rules.
     */
    void predict(int x4, int y4, int w4, int refIdx, int shape) {
        int a = at(x4 - 1, y4);
        int b = at(x4, y4 - 1);
        int c = at(x4 + w4, y4 - 1);
        if (ref[c] == UNAVAILABLE) {
            c = at(x4 - 1, y4 - 1); // §8.4.1.3.2: C not available -> D
        }
        int refA = ref[a];
        int refB = ref[b];
        int refC = ref[c];
        int ax = mvx[a];
        int ay = mvy[a];
        int bx = mvx[b];
        int by = mvy[b];
        int cx = mvx[c];
        int cy = mvy[c];
        if (refB == UNAVAILABLE && refC == UNAVAILABLE && refA != UNAVAILABLE) {
            // §8.4.1.3.1: only A is available: B and C take its motion
            refB = refA;
            refC = refA;
            bx = ax;
            by = ay;
            cx = ax;
            cy = ay;
        }
        // Unavailable neighbours count as refIdx -1 with a zero vector (their window entries hold zero vectors).
        if (shape == SHAPE_16X8) {
            if (y4 == 0 ? refB == refIdx : refA == refIdx) { // 8-207, 8-208
                predX = y4 == 0 ? bx : ax;
                predY = y4 == 0 ? by : ay;
                return;
            }
        } else if (shape == SHAPE_8X16) {
            if (x4 == 0 ? refA == refIdx : refC == refIdx) { // 8-209, 8-210
                predX = x4 == 0 ? ax : cx;
                predY = x4 == 0 ? ay : cy;
                return;
            }
        }
        boolean matchA = refA == refIdx;
        boolean matchB = refB == refIdx;
        boolean matchC = refC == refIdx;
        if (matchA && !matchB && !matchC) {
            predX = ax;
            predY = ay;
        } else if (!matchA && matchB && !matchC) {
            predX = bx;
            predY = by;
        } else if (!matchA && !matchB && matchC) {
            predX = cx;
            predY = cy;
        } else {
            predX = median(ax, bx, cx);
            predY = median(ay, by, cy);
        }
    }

    /** The P_Skip vector (§8.4.1.1) into {@link #predX}, {@link #predY}. */
    void predictSkip() {
        int a = at(-1, 0);
        int b = at(0, -1);
        if (ref[a] == UNAVAILABLE || ref[b] == UNAVAILABLE
                || (ref[a] == 0 && mvx[a] == 0 && mvy[a] == 0)
                || (ref[b] == 0 && mvx[b] == 0 && mvy[b] == 0)) {
            predX = 0;
            predY = 0;
            return;
        }
        predict(0, 0, 4, 0, MEDIAN);
    }

    /** The vector of the last {@link #set}. */
    int lastX;
    int lastY;

    /** Gives the {@code w4 x h4} blocks at (x4, y4) of the macroblock their reference index and vector. */
    void set(int x4, int y4, int w4, int h4, int refIdx, int x, int y) {
        lastX = x;
        lastY = y;
        for (int r = y4; r < y4 + h4; r++) {
            for (int c = x4; c < x4 + w4; c++) {
                int i = at(c, r);
                ref[i] = refIdx;
                mvx[i] = x;
                mvy[i] = y;
            }
        }
    }

    /** Copies the macroblock's 16 blocks into the map, with the serial numbers of the pictures they predict from. */
    void store(MacroblockMap map, int mb, Picture[] list0) {
        int bpr = map.blocksPerRow;
        int fb = map.firstBlock(mb);
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                int i = at(c, r);
                int k = fb + r * bpr + c;
                map.refIdx[k] = (byte) ref[i];
                map.refSerial[k] = list0[ref[i]].serial;
                map.mvX[k] = mvx[i];
                map.mvY[k] = mvy[i];
            }
        }
    }

    /**
     * Gives the macroblock one reference and vector, straight into the map (P_Skip, P_L0_16x16, and intra with
     * reference -1): only into its right column and bottom row, the blocks neighbours read (see
     * {@link MacroblockMap#mvX}).
     */
    static void storeUniform(MacroblockMap map, int mb, int refIdx, int serial, int x, int y) {
        int bpr = map.blocksPerRow;
        int fb = map.firstBlock(mb);
        for (int k = fb + 3; k < fb + 3 * bpr; k += bpr) {
            map.refIdx[k] = (byte) refIdx;
            map.refSerial[k] = serial;
            map.mvX[k] = x;
            map.mvY[k] = y;
        }
        for (int k = fb + 3 * bpr, end = k + 4; k < end; k++) {
            map.refIdx[k] = (byte) refIdx;
            map.refSerial[k] = serial;
            map.mvX[k] = x;
            map.mvY[k] = y;
        }
    }

    private static int median(int a, int b, int c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
