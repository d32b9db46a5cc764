package dev.parley.rtc.codec.h264.encoder;

/**
 * Intra_4x4 luma prediction samples (H.264 §8.3.1.2), read straight from the reconstructed picture plane.
 *
 * <p>Neighbours follow the spec's naming: {@code p[-1,y]} (left column, y = 0..3), {@code p[-1,-1]} (top-left),
 * {@code p[x,-1]} (row above, x = 0..7; x = 4..7 is the top-right block). Availability is the caller's decision
 * (constrained_intra_pred is off, so it is purely positional/slice-based); a sample whose flag is false is never
 * read, so blocks on the picture edge are safe. When the top-right samples are not available but the top ones are,
 * {@code p[x,-1]} for x = 4..7 is replaced by {@code p[3,-1]} (§8.3.1.2).
 *
 * <p>Stateless and allocation-free; safe to share between threads.
 */
public final class Intra4x4Predictor {
    /** Intra4x4PredMode values (Table 8-2). */
    public static final int VERTICAL = 0;
    public static final int HORIZONTAL = 1;
    public static final int DC = 2;
    public static final int DIAGONAL_DOWN_LEFT = 3;
    public static final int DIAGONAL_DOWN_RIGHT = 4;
    public static final int VERTICAL_RIGHT = 5;
    public static final int HORIZONTAL_DOWN = 6;
    public static final int VERTICAL_LEFT = 7;
    public static final int HORIZONTAL_UP = 8;
    /** Number of Intra_4x4 modes. */
    public static final int MODE_COUNT = 9;

    private Intra4x4Predictor() {
    }

    /**
     * Whether {@code mode} may be used with these neighbours (§8.3.1.2.1-9): vertical, diagonal-down-left and
     * vertical-left need the top samples (top-right is optional: it is substituted); horizontal and horizontal-up
     * need the left samples; diagonal-down-right, vertical-right and horizontal-down need left, top and top-left;
     * DC is always usable.
     */
    public static boolean modeAvailable(int mode, boolean left, boolean top, boolean topLeft) {
        switch (mode) {
            case VERTICAL:
            case DIAGONAL_DOWN_LEFT:
            case VERTICAL_LEFT:
                return top;
            case HORIZONTAL:
            case HORIZONTAL_UP:
                return left;
            case DC:
                return true;
            case DIAGONAL_DOWN_RIGHT:
            case VERTICAL_RIGHT:
            case HORIZONTAL_DOWN:
                return left && top && topLeft;
            default:
                return false;
        }
    }

    /**
     * Writes the 4x4 prediction for the block whose top-left sample is at ({@code x}, {@code y}) of {@code plane}.
     *
     * @param mode Intra4x4PredMode 0..8; must satisfy {@link #modeAvailable} for the given flags (otherwise the
     *     missing samples are taken as 128 and the result is not a valid prediction)
     * @param plane reconstructed luma samples (unsigned bytes), row-major with {@code stride}
     * @param leftAvail whether {@code p[-1,0..3]} are available
     * @param topAvail whether {@code p[0..3,-1]} are available
     * @param topRightAvail whether {@code p[4..7,-1]} are available (obeyed as given; only read when top is too)
     * @param topLeftAvail whether {@code p[-1,-1]} is available
     * @param pred receives 16 samples in raster order (stride 4) starting at {@code predOff}
     */
    public static void predict(int mode, byte[] plane, int stride, int x, int y, boolean leftAvail, boolean topAvail,
            boolean topRightAvail, boolean topLeftAvail, int[] pred, int predOff) {
        int l0 = 128, l1 = 128, l2 = 128, l3 = 128;
        if (leftAvail) {
            int i = y * stride + x - 1;
            l0 = plane[i] & 0xff;
            l1 = plane[i + stride] & 0xff;
            l2 = plane[i + 2 * stride] & 0xff;
            l3 = plane[i + 3 * stride] & 0xff;
        }
        int t0 = 128, t1 = 128, t2 = 128, t3 = 128;
        int t4 = 128, t5 = 128, t6 = 128, t7 = 128;
        if (topAvail) {
            int i = (y - 1) * stride + x;
            t0 = plane[i] & 0xff;
            t1 = plane[i + 1] & 0xff;
            t2 = plane[i + 2] & 0xff;
            t3 = plane[i + 3] & 0xff;
            if (topRightAvail) {
                t4 = plane[i + 4] & 0xff;
                t5 = plane[i + 5] & 0xff;
                t6 = plane[i + 6] & 0xff;
                t7 = plane[i + 7] & 0xff;
            } else {
                // §8.3.1.2: unavailable p[4..7,-1] are substituted by p[3,-1].
                t4 = t3;
                t5 = t3;
                t6 = t3;
                t7 = t3;
            }
        }
        int q = topLeftAvail ? plane[(y - 1) * stride + x - 1] & 0xff : 128;

        int o = predOff;
        switch (mode) {
            case VERTICAL: // §8.3.1.2.1
                for (int r = 0; r < 4; r++, o += 4) {
                    pred[o] = t0;
                    pred[o + 1] = t1;
                    pred[o + 2] = t2;
                    pred[o + 3] = t3;
                }
                break;
            case HORIZONTAL: // §8.3.1.2.2
                fillRow(pred, o, l0);
                fillRow(pred, o + 4, l1);
                fillRow(pred, o + 8, l2);
                fillRow(pred, o + 12, l3);
                break;
            case DC: { // §8.3.1.2.3
                int dc;
                if (leftAvail && topAvail) {
                    dc = (t0 + t1 + t2 + t3 + l0 + l1 + l2 + l3 + 4) >> 3;
                } else if (leftAvail) {
                    dc = (l0 + l1 + l2 + l3 + 2) >> 2;
                } else if (topAvail) {
                    dc = (t0 + t1 + t2 + t3 + 2) >> 2;
                } else {
                    dc = 128; // 1 << (BitDepthY - 1)
                }
                for (int i = 0; i < 16; i++) {
                    pred[o + i] = dc;
                }
                break;
            }
            case DIAGONAL_DOWN_LEFT: { // §8.3.1.2.4: pred[x,y] = d[x+y]
                int d0 = f3(t0, t1, t2), d1 = f3(t1, t2, t3), d2 = f3(t2, t3, t4), d3 = f3(t3, t4, t5);
                int d4 = f3(t4, t5, t6), d5 = f3(t5, t6, t7), d6 = (t6 + 3 * t7 + 2) >> 2;
                row(pred, o, d0, d1, d2, d3);
                row(pred, o + 4, d1, d2, d3, d4);
                row(pred, o + 8, d2, d3, d4, d5);
                row(pred, o + 12, d3, d4, d5, d6);
                break;
            }
            case DIAGONAL_DOWN_RIGHT: { // §8.3.1.2.5: pred[x,y] = e[x-y], a 3-tap filter along the edge
                int em3 = f3(l3, l2, l1), em2 = f3(l2, l1, l0), em1 = f3(l1, l0, q), e0 = f3(l0, q, t0);
                int e1 = f3(q, t0, t1), e2 = f3(t0, t1, t2), e3 = f3(t1, t2, t3);
                row(pred, o, e0, e1, e2, e3);
                row(pred, o + 4, em1, e0, e1, e2);
                row(pred, o + 8, em2, em1, e0, e1);
                row(pred, o + 12, em3, em2, em1, e0);
                break;
            }
            case VERTICAL_RIGHT: { // §8.3.1.2.6, by zVR = 2x - y
                int a0 = avg(q, t0), a1 = avg(t0, t1), a2 = avg(t1, t2), a3 = avg(t2, t3);
                int f0 = f3(l0, q, t0), f1 = f3(q, t0, t1), f2 = f3(t0, t1, t2), f3v = f3(t1, t2, t3);
                row(pred, o, a0, a1, a2, a3);
                row(pred, o + 4, f0, f1, f2, f3v);
                row(pred, o + 8, f3(l1, l0, q), a0, a1, a2);
                row(pred, o + 12, f3(l2, l1, l0), f0, f1, f2);
                break;
            }
            case HORIZONTAL_DOWN: { // §8.3.1.2.7, by zHD = 2y - x
                int a0 = avg(q, l0), a1 = avg(l0, l1), a2 = avg(l1, l2), a3 = avg(l2, l3);
                int f0 = f3(l0, q, t0), f1 = f3(l1, l0, q), f2 = f3(l2, l1, l0), f3v = f3(l3, l2, l1);
                row(pred, o, a0, f0, f3(q, t0, t1), f3(t0, t1, t2));
                row(pred, o + 4, a1, f1, a0, f0);
                row(pred, o + 8, a2, f2, a1, f1);
                row(pred, o + 12, a3, f3v, a2, f2);
                break;
            }
            case VERTICAL_LEFT: { // §8.3.1.2.8
                int a0 = avg(t0, t1), a1 = avg(t1, t2), a2 = avg(t2, t3), a3 = avg(t3, t4), a4 = avg(t4, t5);
                int f0 = f3(t0, t1, t2), f1 = f3(t1, t2, t3), f2 = f3(t2, t3, t4), f3v = f3(t3, t4, t5);
                int f4 = f3(t4, t5, t6);
                row(pred, o, a0, a1, a2, a3);
                row(pred, o + 4, f0, f1, f2, f3v);
                row(pred, o + 8, a1, a2, a3, a4);
                row(pred, o + 12, f1, f2, f3v, f4);
                break;
            }
            case HORIZONTAL_UP: { // §8.3.1.2.9, by zHU = x + 2y
                int z0 = avg(l0, l1), z1 = f3(l0, l1, l2), z2 = avg(l1, l2), z3 = f3(l1, l2, l3);
                int z4 = avg(l2, l3), z5 = (l2 + 3 * l3 + 2) >> 2;
                row(pred, o, z0, z1, z2, z3);
                row(pred, o + 4, z2, z3, z4, z5);
                row(pred, o + 8, z4, z5, l3, l3);
                fillRow(pred, o + 12, l3);
                break;
            }
            default:
                throw new IllegalArgumentException("Intra4x4PredMode " + mode);
        }
    }

    private static int f3(int a, int b, int c) {
        return (a + 2 * b + c + 2) >> 2;
    }

    private static int avg(int a, int b) {
        return (a + b + 1) >> 1;
    }

    private static void row(int[] pred, int o, int a, int b, int c, int d) {
        pred[o] = a;
        pred[o + 1] = b;
        pred[o + 2] = c;
        pred[o + 3] = d;
    }

    private static void fillRow(int[] pred, int o, int v) {
        row(pred, o, v, v, v, v);
    }
}
