package dev.parley.rtc.codec.h264.encoder;

/**
 * Cheap distortion measures between source samples and a prediction, for mode decision. Not part of the spec:
 * only the encoder's choices depend on them, never the reconstruction. Allocation-free.
 */
public final class BlockCost {
    private BlockCost() {
    }

    /**
     * Sum of absolute differences over a {@code w} x {@code h} block.
     *
     * @param src source samples (unsigned bytes), block at {@code srcOff}, row stride {@code srcStride}
     * @param pred prediction in raster order with row stride {@code w}, starting at {@code predOff}
     */
    public static int sad(byte[] src, int srcOff, int srcStride, int[] pred, int predOff, int w, int h) {
        int sum = 0;
        for (int r = 0; r < h; r++, srcOff += srcStride, predOff += w) {
            for (int c = 0; c < w; c++) {
                int d = (src[srcOff + c] & 0xff) - pred[predOff + c];
                sum += d < 0 ? -d : d;
            }
        }
        return sum;
    }

    /**
     * SATD of one 4x4 block: the sum of absolute values of the 2-D (unnormalised) Hadamard transform of the
     * difference source - prediction, halved (so a flat difference d costs 8|d|, half of its SAD).
     *
     * @param src source samples (unsigned bytes), block at {@code srcOff}, row stride {@code srcStride}
     * @param pred prediction with row stride {@code predStride}, block at {@code predOff}
     */
    public static int satd4x4(byte[] src, int srcOff, int srcStride, int[] pred, int predOff, int predStride) {
        // Horizontal 4-point Hadamard of each row of the difference.
        int s = srcOff;
        int p = predOff;
        int a0 = (src[s] & 0xff) - pred[p], a1 = (src[s + 1] & 0xff) - pred[p + 1];
        int a2 = (src[s + 2] & 0xff) - pred[p + 2], a3 = (src[s + 3] & 0xff) - pred[p + 3];
        int m00 = a0 + a1 + a2 + a3, m01 = a0 + a1 - a2 - a3, m02 = a0 - a1 - a2 + a3, m03 = a0 - a1 + a2 - a3;
        s += srcStride;
        p += predStride;
        a0 = (src[s] & 0xff) - pred[p];
        a1 = (src[s + 1] & 0xff) - pred[p + 1];
        a2 = (src[s + 2] & 0xff) - pred[p + 2];
        a3 = (src[s + 3] & 0xff) - pred[p + 3];
        int m10 = a0 + a1 + a2 + a3, m11 = a0 + a1 - a2 - a3, m12 = a0 - a1 - a2 + a3, m13 = a0 - a1 + a2 - a3;
        s += srcStride;
        p += predStride;
        a0 = (src[s] & 0xff) - pred[p];
        a1 = (src[s + 1] & 0xff) - pred[p + 1];
        a2 = (src[s + 2] & 0xff) - pred[p + 2];
        a3 = (src[s + 3] & 0xff) - pred[p + 3];
        int m20 = a0 + a1 + a2 + a3, m21 = a0 + a1 - a2 - a3, m22 = a0 - a1 - a2 + a3, m23 = a0 - a1 + a2 - a3;
        s += srcStride;
        p += predStride;
        a0 = (src[s] & 0xff) - pred[p];
        a1 = (src[s + 1] & 0xff) - pred[p + 1];
        a2 = (src[s + 2] & 0xff) - pred[p + 2];
        a3 = (src[s + 3] & 0xff) - pred[p + 3];
        int m30 = a0 + a1 + a2 + a3, m31 = a0 + a1 - a2 - a3, m32 = a0 - a1 - a2 + a3, m33 = a0 - a1 + a2 - a3;
        // Vertical transform of each column, summing magnitudes as we go.
        int sum = column(m00, m10, m20, m30) + column(m01, m11, m21, m31)
                + column(m02, m12, m22, m32) + column(m03, m13, m23, m33);
        return sum >> 1;
    }

    /**
     * SATD of a {@code w} x {@code h} block (both multiples of 4): the sum of {@link #satd4x4} over its 4x4
     * blocks. The prediction has row stride {@code w}, as in {@link #sad}.
     */
    public static int satd(byte[] src, int srcOff, int srcStride, int[] pred, int predOff, int w, int h) {
        int sum = 0;
        for (int by = 0; by < h; by += 4) {
            for (int bx = 0; bx < w; bx += 4) {
                sum += satd4x4(src, srcOff + by * srcStride + bx, srcStride, pred, predOff + by * w + bx, w);
            }
        }
        return sum;
    }

    /** |H4 * (a, b, c, d)| summed over the four outputs. */
    private static int column(int a, int b, int c, int d) {
        int s01 = a + b;
        int d01 = a - b;
        int s23 = c + d;
        int d23 = c - d;
        return Math.abs(s01 + s23) + Math.abs(s01 - s23) + Math.abs(d01 + d23) + Math.abs(d01 - d23);
    }
}
