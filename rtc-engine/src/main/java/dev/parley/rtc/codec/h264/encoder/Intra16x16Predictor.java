package dev.parley.rtc.codec.h264.encoder;

/**
 * Intra_16x16 luma prediction samples (H.264 §8.3.3), read straight from the reconstructed picture plane.
 *
 * <p>Neighbours: {@code p[-1,y]} (left column, y = 0..15), {@code p[x,-1]} (row above, x = 0..15) and
 * {@code p[-1,-1]}. Availability is decided by the caller; a sample whose flag is false is never read.
 * Stateless and allocation-free.
 */
public final class Intra16x16Predictor {
    /** Intra16x16PredMode values (Table 8-4). */
    public static final int VERTICAL = 0;
    public static final int HORIZONTAL = 1;
    public static final int DC = 2;
    public static final int PLANE = 3;
    /** Number of Intra_16x16 modes. */
    public static final int MODE_COUNT = 4;

    private Intra16x16Predictor() {
    }

    /**
     * Whether {@code mode} may be used with these neighbours (§8.3.3.1-4): vertical needs top, horizontal needs
     * left, plane needs left, top and top-left, DC is always usable.
     */
    public static boolean modeAvailable(int mode, boolean left, boolean top, boolean topLeft) {
        switch (mode) {
            case VERTICAL:
                return top;
            case HORIZONTAL:
                return left;
            case DC:
                return true;
            case PLANE:
                return left && top && topLeft;
            default:
                return false;
        }
    }

    /**
     * Writes the 16x16 prediction of the macroblock whose top-left sample is at ({@code x}, {@code y}).
     *
     * @param mode Intra16x16PredMode 0..3; must satisfy {@link #modeAvailable} for the given flags (otherwise the
     *     result is not a valid prediction; nothing unavailable is read)
     * @param plane reconstructed luma samples (unsigned bytes), row-major with {@code stride}
     * @param pred receives 256 samples in raster order (stride 16) from index 0
     */
    public static void predict(int mode, byte[] plane, int stride, int x, int y, boolean left, boolean top,
            boolean topLeft, int[] pred) {
        int topRow = (y - 1) * stride + x;
        int leftCol = y * stride + x - 1;
        switch (mode) {
            case VERTICAL: // §8.3.3.1
                if (!top) {
                    fill(pred, 128);
                    return;
                }
                for (int r = 0; r < 256; r += 16) {
                    for (int c = 0; c < 16; c++) {
                        pred[r + c] = plane[topRow + c] & 0xff;
                    }
                }
                return;
            case HORIZONTAL: // §8.3.3.2
                if (!left) {
                    fill(pred, 128);
                    return;
                }
                for (int r = 0, i = leftCol; r < 256; r += 16, i += stride) {
                    int v = plane[i] & 0xff;
                    for (int c = 0; c < 16; c++) {
                        pred[r + c] = v;
                    }
                }
                return;
            case DC: { // §8.3.3.3
                int sumTop = 0;
                int sumLeft = 0;
                if (top) {
                    for (int c = 0; c < 16; c++) {
                        sumTop += plane[topRow + c] & 0xff;
                    }
                }
                if (left) {
                    for (int r = 0, i = leftCol; r < 16; r++, i += stride) {
                        sumLeft += plane[i] & 0xff;
                    }
                }
                int dc;
                if (left && top) {
                    dc = (sumTop + sumLeft + 16) >> 5;
                } else if (left) {
                    dc = (sumLeft + 8) >> 4;
                } else if (top) {
                    dc = (sumTop + 8) >> 4;
                } else {
                    dc = 128; // 1 << (BitDepthY - 1)
                }
                fill(pred, dc);
                return;
            }
            case PLANE: // §8.3.3.4
                if (!(left && top && topLeft)) {
                    fill(pred, 128);
                    return;
                }
                IntraPlane.predict(plane, stride, x, y, 16, 5, pred, 0);
                return;
            default:
                throw new IllegalArgumentException("Intra16x16PredMode " + mode);
        }
    }

    private static void fill(int[] pred, int v) {
        for (int i = 0; i < 256; i++) {
            pred[i] = v;
        }
    }
}
