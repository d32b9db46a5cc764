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

    /** Unrounded 6-tap sums: up to 21 rows of 16 (horizontal b1), or 16 rows of 24 (biased vertical h1). */
    private final int[] tmp = new int[21 * 24];

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
    private static void horizontal(byte[] s, int src, int stride, int xFrac, int w, int h, byte[] dst, int dstOff,
            int dstStride) {
        for (int j = 0; j < h; j++) {
            int p = src + j * stride - 2;
            int d = dstOff + j * dstStride;
            int s0 = s[p] & 0xff, s1 = s[p + 1] & 0xff, s2 = s[p + 2] & 0xff, s3 = s[p + 3] & 0xff;
            int s4 = s[p + 4] & 0xff;
            for (int i = 0; i < w; i++) {
                int s5 = s[p + i + 5] & 0xff;
                int b = clip((s0 + s5 - 5 * (s1 + s4) + 20 * (s2 + s3) + 16) >> 5);
                dst[d + i] = (byte) (xFrac == 2 ? b : (b + (xFrac == 1 ? s2 : s3) + 1) >> 1);
                s0 = s1;
                s1 = s2;
                s2 = s3;
                s3 = s4;
                s4 = s5;
            }
        }
    }

    /**
     * The vertical sums h1 + {@link #BIAS} of rows 0 .. h - 1 at source columns {@code col0 + c}, c in [0, width)
     * rounded up to a multiple of 8, into {@code tmp[j * stride8 + c]} ({@code stride8} returned). Eight columns
     * at a time, sliding down the rows: one long read per row and group.
     */
    private int columnSums(byte[] s, int src, int stride, int col0, int width, int h) {
        int[] t = tmp;
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
        int ts = columnSums(s, src, stride, 0, w, h);
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

    /** b1 of rows {@code rows} from source row {@code src} (its column -2 .. w + 2 read) into t, row stride w. */
    private void rowSums(byte[] s, int src, int stride, int w, int rows) {
        int[] t = tmp;
        for (int r = 0; r < rows; r++) {
            int p = src + r * stride - 2;
            int o = r * w;
            int s0 = s[p] & 0xff, s1 = s[p + 1] & 0xff, s2 = s[p + 2] & 0xff, s3 = s[p + 3] & 0xff;
            int s4 = s[p + 4] & 0xff;
            for (int i = 0; i < w; i++) {
                int s5 = s[p + i + 5] & 0xff;
                t[o + i] = s0 + s5 - 5 * (s1 + s4) + 20 * (s2 + s3);
                s0 = s1;
                s1 = s2;
                s2 = s3;
                s3 = s4;
                s4 = s5;
            }
        }
    }

    /**
     * f, j, q (xFrac 2): j = Clip1((j1 + 512) >> 10) from the b1 sums of six rows, averaged with b of its row (f)
     * or of the row below (q, the spec's s).
     */
    private void centreColumnPair(byte[] s, int src, int stride, int yFrac, int w, int h, byte[] dst, int dstOff,
            int dstStride) {
        rowSums(s, src - 2 * stride, stride, w, h + 5); // t row r: source row r - 2
        int[] t = tmp;
        for (int i = 0; i < w; i++) {
            int d = dstOff + i;
            int t0 = t[i], t1 = t[w + i], t2 = t[2 * w + i], t3 = t[3 * w + i], t4 = t[4 * w + i];
            for (int j = 0, k = 5 * w + i; j < h; j++, k += w, d += dstStride) {
                int t5 = t[k];
                int c = clip((t0 + t5 - 5 * (t1 + t4) + 20 * (t2 + t3) + 512) >> 10);
                dst[d] = (byte) (yFrac == 2 ? c : (c + clip(((yFrac == 1 ? t2 : t3) + 16) >> 5) + 1) >> 1);
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
        int ts = columnSums(s, src, stride, -2, w + 5, h);
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
        int[] t = tmp;
        int ts = columnSums(s, src, stride, xFrac == 3 ? 1 : 0, w, h);
        int bRow = yFrac == 3 ? stride : 0;
        for (int j = 0; j < h; j++) {
            int o = j * ts;
            int d = dstOff + j * dstStride;
            int p = src + j * stride + bRow - 2;
            int s0 = s[p] & 0xff, s1 = s[p + 1] & 0xff, s2 = s[p + 2] & 0xff, s3 = s[p + 3] & 0xff;
            int s4 = s[p + 4] & 0xff;
            for (int i = 0; i < w; i++) {
                int s5 = s[p + i + 5] & 0xff;
                int b = clip((s0 + s5 - 5 * (s1 + s4) + 20 * (s2 + s3) + 16) >> 5);
                int v = clip((t[o + i] - BIAS + 16) >> 5);
                dst[d + i] = (byte) ((b + v + 1) >> 1);
                s0 = s1;
                s1 = s2;
                s2 = s3;
                s3 = s4;
                s4 = s5;
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
