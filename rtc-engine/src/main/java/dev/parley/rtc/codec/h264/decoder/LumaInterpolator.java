package dev.parley.rtc.codec.h264.decoder;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Luma inter prediction of one block (§8.4.2.2.1): the full sample, the 6-tap half samples b, h and j, and the
 * quarter samples as rounded averages of two of those (Table 8-12, eq. 8-241..8-261), computed per block from a
 * reference {@link Picture} whose border replicates its edges, straight into the picture being decoded.
 *
 * <p>Any motion vector works: once every filter tap of a block lies beyond one edge of the picture, moving it further
 * changes nothing (all taps read the replicated edge sample), so the block position is clamped to where its taps
 * still fit inside the border. Not thread-safe (scratch rows); one per slice decoder.
 */
final class LumaInterpolator {
    // The vertical 6-tap sums work on eight columns per long: the bytes of one row split into four even and four odd
    // columns in 16-bit lanes. Byte k of a row is bits 8k..8k+7 of the little-endian long read at its start.
    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LANES = 0x00ff_00ff_00ff_00ffL;
    /**
     * Added to every vertical sum h1 (8-241, in [-2550, 10710]) so that each 16-bit lane stays in [0, 13260]: no lane
     * borrows from or carries into its neighbour. Readers of {@link #tmp} take it off again.
     */
    private static final int BIAS = 2550;
    private static final long BIAS_LANES = BIAS * 0x0001_0001_0001_0001L;
    /** A j1 from six biased sums carries 32 times the bias (the taps sum to 32). */
    private static final int J_BIAS = 32 * BIAS;

    /** Biased 6-tap sums: up to 21 rows of 16 (horizontal b1), or 16 rows of 24 (vertical h1). */
    private final int[] tmp = new int[21 * 24];
    /** The vertical sums of a diagonal position while {@link #tmp} takes the horizontal ones. */
    private final int[] tmp2 = new int[16 * 16];

    /**
     * Predicts the {@code w x h} block (w, h in 4..16) at luma (x, y) with motion vector (mvx, mvy) in quarter samples
     * from {@code ref}, into {@code dst} at {@code dstOff} with row stride {@code dstStride}.
     */
    void predict(Picture ref, int x, int y, int mvx, int mvy, int w, int h, byte[] dst, int dstOff, int dstStride) {
        int xInt = clamp(x + (mvx >> 2), -(w + 2), ref.width + 1);
        int yInt = clamp(y + (mvy >> 2), -(h + 2), ref.height + 1);
        int xFrac = mvx & 3;
        int yFrac = mvy & 3;
        byte[] s = ref.y;
        int stride = ref.strideY;
        int src = ref.originY + yInt * stride + xInt;
        if (yFrac == 0) {
            if (xFrac == 0) {
                for (int j = 0; j < h; j++) {
                    System.arraycopy(s, src + j * stride, dst, dstOff + j * dstStride, w);
                }
            } else {
                horizontal(s, src, stride, xFrac, w, h, dst, dstOff, dstStride);
            }
        } else if (xFrac == 0) {
            vertical(s, src, stride, yFrac, w, h, dst, dstOff, dstStride);
        } else if (xFrac == 2) {
            centreColumnPair(s, src, stride, yFrac, w, h, dst, dstOff, dstStride);
        } else if (yFrac == 2) {
            centreRowPair(s, src, stride, xFrac, w, h, dst, dstOff, dstStride);
        } else {
            diagonal(s, src, stride, xFrac, yFrac, w, h, dst, dstOff, dstStride);
        }
    }

    // The horizontal filters slide a window of six samples along a row: one new sample per output, the 6-tap sum
    // E - 5F + 20G + 20H - 5I + J of 8-241 written as (E + J) - 5 (F + I) + 20 (G + H).

    /** a, b, c (yFrac 0): b = Clip1((b1 + 16) >> 5), averaged with G (a) or the full sample right of it (c). */
    private void horizontal(byte[] s, int src, int stride, int xFrac, int w, int h, byte[] dst, int dstOff,
            int dstStride) {
        int[] t = tmp;
        int ts = rowSums(tmp, s, src, stride, w, h);
        int full = xFrac == 1 ? 0 : 1;
        for (int j = 0; j < h; j++) {
            int o = j * ts;
            int d = dstOff + j * dstStride;
            int p = src + j * stride + full;
            for (int i = 0; i < w; i++) {
                int v = clip((t[o + i] - BIAS + 16) >> 5);
                dst[d + i] = (byte) (xFrac == 2 ? v : (v + (s[p + i] & 0xff) + 1) >> 1);
            }
        }
    }

    /**
     * The vertical sums h1 + {@link #BIAS} of rows 0 .. h - 1 at source columns {@code col0 + c}, c in [0, width)
     * rounded up to a multiple of 8, into {@code t[j * stride8 + c]} ({@code stride8} returned). Eight columns
     * at a time, sliding down the rows: one long read per row and group.
     */
    private static int columnSums(int[] t, byte[] s, int src, int stride, int col0, int width, int h) {
        int stride8 = (width + 7) & ~7;
        for (int c = 0; c < stride8; c += 8) {
            int p = src + col0 + c - 2 * stride;
            long r0 = (long) LONG_LE.get(s, p);
            long r1 = (long) LONG_LE.get(s, p + stride);
            long r2 = (long) LONG_LE.get(s, p + 2 * stride);
            long r3 = (long) LONG_LE.get(s, p + 3 * stride);
            long r4 = (long) LONG_LE.get(s, p + 4 * stride);
            p += 5 * stride;
            for (int j = 0, k = c; j < h; j++, p += stride, k += stride8) {
                long r5 = (long) LONG_LE.get(s, p);
                long even = (r0 & LANES) + (r5 & LANES) + 20 * ((r2 & LANES) + (r3 & LANES)) + BIAS_LANES
                        - 5 * ((r1 & LANES) + (r4 & LANES));
                long odd = (r0 >>> 8 & LANES) + (r5 >>> 8 & LANES) + 20 * ((r2 >>> 8 & LANES) + (r3 >>> 8 & LANES))
                        + BIAS_LANES - 5 * ((r1 >>> 8 & LANES) + (r4 >>> 8 & LANES));
                t[k] = (int) even & 0xffff;
                t[k + 1] = (int) odd & 0xffff;
                t[k + 2] = (int) (even >>> 16) & 0xffff;
                t[k + 3] = (int) (odd >>> 16) & 0xffff;
                t[k + 4] = (int) (even >>> 32) & 0xffff;
                t[k + 5] = (int) (odd >>> 32) & 0xffff;
                t[k + 6] = (int) (even >>> 48);
                t[k + 7] = (int) (odd >>> 48);
                r0 = r1;
                r1 = r2;
                r2 = r3;
                r3 = r4;
                r4 = r5;
            }
        }
        return stride8;
    }

    /** d, h, n (xFrac 0): h = Clip1((h1 + 16) >> 5), averaged with G (d) or the full sample below it (n). */
    private void vertical(byte[] s, int src, int stride, int yFrac, int w, int h, byte[] dst, int dstOff,
            int dstStride) {
        int[] t = tmp;
        int ts = columnSums(tmp, s, src, stride, 0, w, h);
        int full = yFrac == 1 ? 0 : stride;
        for (int j = 0; j < h; j++) {
            int o = j * ts;
            int d = dstOff + j * dstStride;
            int p = src + j * stride + full;
            for (int i = 0; i < w; i++) {
                int v = clip((t[o + i] - BIAS + 16) >> 5);
                dst[d + i] = (byte) (yFrac == 2 ? v : (v + (s[p + i] & 0xff) + 1) >> 1);
            }
        }
    }

    /**
     * The horizontal sums b1 + {@link #BIAS} of {@code rows} rows from source row {@code src} (its columns -2 .. w + 2
     * read) into {@code t[r * stride8 + i]}, i in [0, w) rounded up to a multiple of 8 ({@code stride8} returned).
     * Eight outputs from four longs: the even and odd bytes of the rows at columns i - 2, i, i + 2 and i + 4 are
     * exactly the six taps of the four even and of the four odd outputs.
     */
    private static int rowSums(int[] t, byte[] s, int src, int stride, int w, int rows) {
        int stride8 = (w + 7) & ~7;
        for (int r = 0; r < rows; r++) {
            int p = src + r * stride - 2;
            for (int i = 0, k = r * stride8; i < stride8; i += 8, k += 8) {
                long a = (long) LONG_LE.get(s, p + i);
                long b = (long) LONG_LE.get(s, p + i + 2);
                long c = (long) LONG_LE.get(s, p + i + 4);
                long d = (long) LONG_LE.get(s, p + i + 6);
                long ae = a & LANES;
                long ao = a >>> 8 & LANES;
                long be = b & LANES;
                long bo = b >>> 8 & LANES;
                long ce = c & LANES;
                long co = c >>> 8 & LANES;
                long even = ae + co + 20 * (be + bo) + BIAS_LANES - 5 * (ao + ce);
                long odd = ao + (d & LANES) + 20 * (bo + ce) + BIAS_LANES - 5 * (be + co);
                t[k] = (int) even & 0xffff;
                t[k + 1] = (int) odd & 0xffff;
                t[k + 2] = (int) (even >>> 16) & 0xffff;
                t[k + 3] = (int) (odd >>> 16) & 0xffff;
                t[k + 4] = (int) (even >>> 32) & 0xffff;
                t[k + 5] = (int) (odd >>> 32) & 0xffff;
                t[k + 6] = (int) (even >>> 48);
                t[k + 7] = (int) (odd >>> 48);
            }
        }
        return stride8;
    }

    /**
     * f, j, q (xFrac 2): j = Clip1((j1 + 512) >> 10) from the b1 sums of six rows, averaged with b of its row (f)
     * or of the row below (q, the spec's s).
     */
    private void centreColumnPair(byte[] s, int src, int stride, int yFrac, int w, int h, byte[] dst, int dstOff,
            int dstStride) {
        int ts = rowSums(tmp, s, src - 2 * stride, stride, w, h + 5); // t row r: source row r - 2
        int[] t = tmp;
        for (int i = 0; i < w; i++) {
            int d = dstOff + i;
            int t0 = t[i], t1 = t[ts + i], t2 = t[2 * ts + i], t3 = t[3 * ts + i], t4 = t[4 * ts + i];
            for (int j = 0, k = 5 * ts + i; j < h; j++, k += ts, d += dstStride) {
                int t5 = t[k];
                int c = clip((t0 + t5 - 5 * (t1 + t4) + 20 * (t2 + t3) - J_BIAS + 512) >> 10);
                dst[d] = (byte) (yFrac == 2 ? c : (c + clip(((yFrac == 1 ? t2 : t3) - BIAS + 16) >> 5) + 1) >> 1);
                t0 = t1;
                t1 = t2;
                t2 = t3;
                t3 = t4;
                t4 = t5;
            }
        }
    }

    /**
     * i and k (yFrac 2, xFrac 1 or 3): j = Clip1((j1 + 512) >> 10) with j1 the horizontal 6-tap sum of the vertical
     * sums h1 of six columns (the same j1 as from b1, §8.4.2.2.1), averaged with h of its column (i) or of the
     * column right of it (k, the spec's m).
     */
    private void centreRowPair(byte[] s, int src, int stride, int xFrac, int w, int h, byte[] dst, int dstOff,
            int dstStride) {
        int[] t = tmp;
        int ts = columnSums(tmp, s, src, stride, -2, w + 5, h);
        boolean next = xFrac == 3; // h1 of column i + 2 (i) or i + 3 (k) of tmp
        for (int j = 0; j < h; j++) {
            int o = j * ts;
            int d = dstOff + j * dstStride;
            int t0 = t[o], t1 = t[o + 1], t2 = t[o + 2], t3 = t[o + 3], t4 = t[o + 4];
            for (int i = 0; i < w; i++) {
                int t5 = t[o + i + 5];
                int c = clip((t0 + t5 - 5 * (t1 + t4) + 20 * (t2 + t3) - J_BIAS + 512) >> 10);
                int v = clip(((next ? t3 : t2) - BIAS + 16) >> 5);
                dst[d + i] = (byte) ((c + v + 1) >> 1);
                t0 = t1;
                t1 = t2;
                t2 = t3;
                t3 = t4;
                t4 = t5;
            }
        }
    }

    /**
     * e, g, p, r: the average of b (of this row, or the next for p and r) and h (of this column, or the next for g
     * and r).
     */
    private void diagonal(byte[] s, int src, int stride, int xFrac, int yFrac, int w, int h, byte[] dst,
            int dstOff, int dstStride) {
        int[] v = tmp2;
        int ts = columnSums(v, s, src, stride, xFrac == 3 ? 1 : 0, w, h);
        int[] t = tmp;
        rowSums(t, s, src + (yFrac == 3 ? stride : 0), stride, w, h); // the same row stride: w rounded up to 8
        for (int j = 0; j < h; j++) {
            int o = j * ts;
            int d = dstOff + j * dstStride;
            for (int i = 0; i < w; i++) {
                int b = clip((t[o + i] - BIAS + 16) >> 5);
                int c = clip((v[o + i] - BIAS + 16) >> 5);
                dst[d + i] = (byte) ((b + c + 1) >> 1);
            }
        }
    }

    /** Clip1Y for 8-bit samples. */
    private static int clip(int v) {
        return (v & ~0xff) == 0 ? v : v < 0 ? 0 : 255;
    }

    private static int clamp(int v, int lo, int hi) {
        return v < lo ? lo : v > hi ? hi : v;
    }
}
