package dev.parley.rtc.codec.h264.decoder;

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
    /** Unrounded 6-tap sums (b1 or h1 of §8.4.2.2.1) of up to 21 rows of 16, or 16 rows of 21. */
    private final int[] tmp = new int[21 * 21];

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

    // Every filter below slides a window of six samples along a row or a column: one new sample per output, the
    // 6-tap sum E - 5F + 20G + 20H - 5I + J of 8-241 written as (E + J) - 5 (F + I) + 20 (G + H).

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

    /** d, h, n (xFrac 0): h = Clip1((h1 + 16) >> 5), averaged with G (d) or the full sample below it (n). */
    private static void vertical(byte[] s, int src, int stride, int yFrac, int w, int h, byte[] dst, int dstOff,
            int dstStride) {
        for (int i = 0; i < w; i++) {
            int p = src + i - 2 * stride;
            int d = dstOff + i;
            int s0 = s[p] & 0xff, s1 = s[p + stride] & 0xff, s2 = s[p + 2 * stride] & 0xff;
            int s3 = s[p + 3 * stride] & 0xff, s4 = s[p + 4 * stride] & 0xff;
            p += 5 * stride;
            for (int j = 0; j < h; j++, p += stride, d += dstStride) {
                int s5 = s[p] & 0xff;
                int v = clip((s0 + s5 - 5 * (s1 + s4) + 20 * (s2 + s3) + 16) >> 5);
                dst[d] = (byte) (yFrac == 2 ? v : (v + (yFrac == 1 ? s2 : s3) + 1) >> 1);
                s0 = s1;
                s1 = s2;
                s2 = s3;
                s3 = s4;
                s4 = s5;
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
     * i and k (yFrac 2, xFrac 1 or 3): j from the h1 sums of six columns (the same j1, §8.4.2.2.1), averaged with h
     * of its column (i) or of the column right of it (k, the spec's m).
     */
    private void centreRowPair(byte[] s, int src, int stride, int xFrac, int w, int h, byte[] dst, int dstOff,
            int dstStride) {
        int[] t = tmp;
        int tw = w + 5;
        // t[j * tw + c] = h1 at source column c - 2 of row j, c = 0 .. w + 4, one column at a time.
        for (int c = 0; c < tw; c++) {
            int p = src + c - 2 - 2 * stride;
            int s0 = s[p] & 0xff, s1 = s[p + stride] & 0xff, s2 = s[p + 2 * stride] & 0xff;
            int s3 = s[p + 3 * stride] & 0xff, s4 = s[p + 4 * stride] & 0xff;
            p += 5 * stride;
            for (int j = 0, k = c; j < h; j++, p += stride, k += tw) {
                int s5 = s[p] & 0xff;
                t[k] = s0 + s5 - 5 * (s1 + s4) + 20 * (s2 + s3);
                s0 = s1;
                s1 = s2;
                s2 = s3;
                s3 = s4;
                s4 = s5;
            }
        }
        for (int j = 0; j < h; j++) {
            int o = j * tw;
            int d = dstOff + j * dstStride;
            int t0 = t[o], t1 = t[o + 1], t2 = t[o + 2], t3 = t[o + 3], t4 = t[o + 4];
            for (int i = 0; i < w; i++) {
                int t5 = t[o + i + 5];
                int c = clip((t0 + t5 - 5 * (t1 + t4) + 20 * (t2 + t3) + 512) >> 10);
                dst[d + i] = (byte) ((c + clip(((xFrac == 1 ? t2 : t3) + 16) >> 5) + 1) >> 1);
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
        rowSums(s, src + (yFrac == 3 ? stride : 0), stride, w, h);
        int[] t = tmp;
        int col = xFrac == 3 ? 1 : 0;
        for (int i = 0; i < w; i++) {
            int p = src + i + col - 2 * stride;
            int d = dstOff + i;
            int s0 = s[p] & 0xff, s1 = s[p + stride] & 0xff, s2 = s[p + 2 * stride] & 0xff;
            int s3 = s[p + 3 * stride] & 0xff, s4 = s[p + 4 * stride] & 0xff;
            p += 5 * stride;
            for (int j = 0, k = i; j < h; j++, p += stride, d += dstStride, k += w) {
                int s5 = s[p] & 0xff;
                int v = clip((s0 + s5 - 5 * (s1 + s4) + 20 * (s2 + s3) + 16) >> 5);
                dst[d] = (byte) ((v + clip((t[k] + 16) >> 5) + 1) >> 1);
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
