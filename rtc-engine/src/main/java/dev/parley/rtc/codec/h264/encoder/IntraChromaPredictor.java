package dev.parley.rtc.codec.h264.encoder;

/**
 * Intra chroma prediction samples for one 8x8 component of a 4:2:0 macroblock (H.264 §8.3.4), read straight from
 * the reconstructed chroma plane. Cb and Cr use the same intra_chroma_pred_mode and are predicted by two calls.
 *
 * <p>Neighbours: {@code p[-1,y]} (y = 0..7), {@code p[x,-1]} (x = 0..7), {@code p[-1,-1]}. Availability is decided
 * by the caller; a sample whose flag is false is never read. Stateless and allocation-free.
 */
public final class IntraChromaPredictor {
    /** intra_chroma_pred_mode values (Table 8-5); note the order differs from Intra_16x16. */
    public static final int DC = 0;
    public static final int HORIZONTAL = 1;
    public static final int VERTICAL = 2;
    public static final int PLANE = 3;
    /** Number of chroma modes. */
    public static final int MODE_COUNT = 4;

    private IntraChromaPredictor() {
    }

    /**
     * Whether {@code mode} may be used with these neighbours (§8.3.4.1-4): DC is always usable, horizontal needs
     * left, vertical needs top, plane needs left, top and top-left.
     */
    public static boolean modeAvailable(int mode, boolean left, boolean top, boolean topLeft) {
        switch (mode) {
            case DC:
                return true;
            case HORIZONTAL:
                return left;
            case VERTICAL:
                return top;
            case PLANE:
                return left && top && topLeft;
            default:
                return false;
        }
    }

    /**
     * Writes the 8x8 prediction of the chroma block whose top-left sample is at ({@code x}, {@code y}).
     *
     * @param mode intra_chroma_pred_mode 0..3; must satisfy {@link #modeAvailable} for the given flags (otherwise
     *     the result is not a valid prediction; nothing unavailable is read)
     * @param plane reconstructed Cb or Cr samples (unsigned bytes), row-major with {@code stride}
     * @param pred receives 64 samples in raster order (stride 8) starting at {@code predOff}
     */
    public static void predict(int mode, byte[] plane, int stride, int x, int y, boolean left, boolean top,
            boolean topLeft, int[] pred, int predOff) {
        int topRow = (y - 1) * stride + x;
        int leftCol = y * stride + x - 1;
        switch (mode) {
            case DC: { // §8.3.4.1, per 4x4 chroma block
                int t0 = 0, t1 = 0, l0 = 0, l1 = 0; // sums of p[0..3,-1], p[4..7,-1], p[-1,0..3], p[-1,4..7]
                if (top) {
                    for (int i = 0; i < 4; i++) {
                        t0 += plane[topRow + i] & 0xff;
                        t1 += plane[topRow + 4 + i] & 0xff;
                    }
                }
                if (left) {
                    for (int i = 0; i < 4; i++) {
                        l0 += plane[leftCol + i * stride] & 0xff;
                        l1 += plane[leftCol + (4 + i) * stride] & 0xff;
                    }
                }
                // Blocks (0,0) and (4,4) use both edges when they can; (4,0) prefers its top edge alone and
                // (0,4) its left edge alone, falling back to the other one (§8.3.4.1).
                fillQuadrant(pred, predOff, bothDc(t0, l0, top, left));
                fillQuadrant(pred, predOff + 4, top ? (t1 + 2) >> 2 : left ? (l0 + 2) >> 2 : 128);
                fillQuadrant(pred, predOff + 32, left ? (l1 + 2) >> 2 : top ? (t0 + 2) >> 2 : 128);
                fillQuadrant(pred, predOff + 36, bothDc(t1, l1, top, left));
                return;
            }
            case HORIZONTAL: // §8.3.4.2: pred[x,y] = p[-1,y]
                for (int r = 0, o = predOff; r < 8; r++) {
                    int v = left ? plane[leftCol + r * stride] & 0xff : 128;
                    for (int c = 0; c < 8; c++) {
                        pred[o++] = v;
                    }
                }
                return;
            case VERTICAL: // §8.3.4.3: pred[x,y] = p[x,-1]
                for (int c = 0; c < 8; c++) {
                    int v = top ? plane[topRow + c] & 0xff : 128;
                    for (int o = predOff + c; o < predOff + 64; o += 8) {
                        pred[o] = v;
                    }
                }
                return;
            case PLANE: // §8.3.4.4 with xCF = yCF = 0 (4:2:0)
                if (left && top && topLeft) {
                    IntraPlane.predict(plane, stride, x, y, 8, 34, pred, predOff);
                } else {
                    for (int i = 0; i < 64; i++) {
                        pred[predOff + i] = 128;
                    }
                }
                return;
            default:
                throw new IllegalArgumentException("intra_chroma_pred_mode " + mode);
        }
    }

    /** DC of a block that averages top and left when both exist, else whichever exists, else 128. */
    private static int bothDc(int topSum, int leftSum, boolean top, boolean left) {
        if (top && left) {
            return (topSum + leftSum + 4) >> 3;
        }
        if (left) {
            return (leftSum + 2) >> 2;
        }
        if (top) {
            return (topSum + 2) >> 2;
        }
        return 128; // 1 << (BitDepthC - 1)
    }

    private static void fillQuadrant(int[] pred, int o, int v) {
        for (int r = 0; r < 4; r++, o += 8) {
            pred[o] = v;
            pred[o + 1] = v;
            pred[o + 2] = v;
            pred[o + 3] = v;
        }
    }
}
