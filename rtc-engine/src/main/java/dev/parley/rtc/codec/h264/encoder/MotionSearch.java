package dev.parley.rtc.codec.h264.encoder;

/**
 * Quarter-sample motion estimation for a 16x16 block: the best of a few predictor candidates, a small-diamond
 * full-sample descent from there with early termination, then half- and quarter-sample refinement. The cost is
 * SAD + lambda * bits(mvd), mvd measured from the motion vector prediction, so vectors stay cheap to code.
 */
final class MotionSearch {
    /** How far (full samples) the descent may wander from its start. */
    private static final int MAX_STEPS = 32;
    /** Vector components stay within ±2048 quarter samples (512 samples): inside every level's MaxVmvR (Table A-1). */
    static final int MV_LIMIT = 2047;

    private static final int[] DIAMOND_X = {0, 4, 0, -4};
    private static final int[] DIAMOND_Y = {-4, 0, 4, 0};
    private static final int[] SQUARE_X = {-1, 0, 1, -1, 1, -1, 0, 1};
    private static final int[] SQUARE_Y = {-1, -1, -1, 0, 0, 1, 1, 1};

    int mvX;
    int mvY;
    int sad;
    int cost;

    private final int mvLimitY;
    private final int[] triedX = new int[16];
    private final int[] triedY = new int[16];
    private int tried;
    private HalfPelPlanes ref;
    private byte[] src;
    private int srcOff;
    private int srcStride;
    private int x;
    private int y;
    private int mvpX;
    private int mvpY;
    private int lambda;

    MotionSearch(int maxVerticalMvSamples) {
        this.mvLimitY = Math.min(MV_LIMIT, maxVerticalMvSamples * 4 - 1);
    }

    /**
     * Searches the block of {@code src} at {@code srcOff} (picture position x, y) in {@code ref}; candidates are
     * quarter-sample vectors to try first (e.g. the P_Skip vector, neighbours', last frame's).
     */
    void search(HalfPelPlanes ref, byte[] src, int srcOff, int srcStride, int x, int y, int mvpX, int mvpY,
                int[] candX, int[] candY, int candidates, int lambda, int earlyExitSad) {
        this.ref = ref;
        this.src = src;
        this.srcOff = srcOff;
        this.srcStride = srcStride;
        this.x = x;
        this.y = y;
        this.mvpX = mvpX;
        this.mvpY = mvpY;
        this.lambda = lambda;
        cost = Integer.MAX_VALUE;
        // the candidates at their own precision (the skip vector, neighbours', last frame's) and rounded to full
        // samples, the prediction and zero; then, unless one is already as good as the neighbours got, a descent
        tried = 0;
        tryOnce(roundFull(mvpX), roundFull(mvpY));
        tryOnce(0, 0);
        for (int i = 0; i < candidates; i++) {
            tryOnce(candX[i], candY[i]);
            tryOnce(roundFull(candX[i]), roundFull(candY[i]));
        }
        if (sad <= earlyExitSad) {
            return;
        }
        diamond();
        refine(2, 4); // half samples: the 4 nearest the best position ...
        refine(1, 4); // ... then the 4 nearest quarter samples
    }

    /** Tries a start candidate unless an earlier one was the same vector (neighbours often agree). */
    private void tryOnce(int qx, int qy) {
        for (int i = 0; i < tried; i++) {
            if (triedX[i] == qx && triedY[i] == qy) {
                return;
            }
        }
        triedX[tried] = qx;
        triedY[tried++] = qy;
        tryAt(qx, qy);
    }

    private void diamond() {
        int cameFrom = -1; // the direction back to the previous centre, known to be worse: not tried again
        for (int step = 0; step < MAX_STEPS; step++) {
            int bx = mvX;
            int by = mvY;
            for (int d = 0; d < 4; d++) {
                if (d == cameFrom) {
                    continue;
                }
                tryAt(bx + DIAMOND_X[d], by + DIAMOND_Y[d]);
            }
            if (mvX == bx && mvY == by) {
                return;
            }
            // the best of this round decides the next centre; the way back is the opposite direction
            for (int d = 0; d < 4; d++) {
                if (mvX == bx + DIAMOND_X[d] && mvY == by + DIAMOND_Y[d]) {
                    cameFrom = (d + 2) & 3;
                }
            }
        }
    }

    private void refine(int unit, int points) {
        int bx = mvX;
        int by = mvY;
        if (points == 4) {
            for (int d = 0; d < 4; d++) {
                tryAt(bx + DIAMOND_X[d] / 4 * unit, by + DIAMOND_Y[d] / 4 * unit);
            }
            return;
        }
        for (int d = 0; d < 8; d++) {
            tryAt(bx + SQUARE_X[d] * unit, by + SQUARE_Y[d] * unit);
        }
    }

    private void tryAt(int qx, int qy) {
        if (qx < -MV_LIMIT || qx > MV_LIMIT || qy < -mvLimitY || qy > mvLimitY
                || (qx == mvX && qy == mvY && cost != Integer.MAX_VALUE)) {
            return;
        }
        int rate = lambda * (mvBits(qx - mvpX) + mvBits(qy - mvpY));
        if (rate >= cost) {
            return;
        }
        int s = ref.sadLuma(src, srcOff, srcStride, x, y, qx, qy, 16, 16, cost - rate);
        int c = s + rate;
        if (c < cost) {
            cost = c;
            sad = s;
            mvX = qx;
            mvY = qy;
        }
    }

    private static int roundFull(int q) {
        return (q + 2) & ~3;
    }

    /** Length of se(v) (§9.1.1): 2 * floor(log2(codeNum + 1)) + 1 with codeNum = 2|v| - (v > 0). */
    static int mvBits(int v) {
        int codeNum = v > 0 ? 2 * v - 1 : -2 * v;
        return 2 * (31 - Integer.numberOfLeadingZeros(codeNum + 1)) + 1;
    }
}
