package dev.parley.rtc.codec.h264.encoder;

/**
 * The decoder's 4x4 residual transform (H.264 §8.5.12.2) fused with picture construction (§8.5.14:
 * u = Clip1(pred + r), 8-bit). The prediction is an {@code int[]} region with its own stride (a 4x4 block with
 * stride 4, or a 16x16 / 8x8 macroblock prediction buffer with stride 16 / 8) and the result goes straight into
 * the picture plane: {@code dst[dOff + y*dStride + x]}, where for a block at picture position (px, py) the caller
 * passes {@code dOff = py*dStride + px}. Coefficients are never modified; nothing is allocated.
 */
public final class InverseTransform {
    private InverseTransform() {
    }

    /**
     * Picks the cheapest exact path: prediction only when all 16 coefficients are zero, {@link #dcAddPred} when
     * only coef[0] is non-zero, otherwise {@link #idct4x4AddPred}. Same result as {@link #idct4x4AddPred}.
     */
    public static void reconstruct4x4(int[] coef, int cOff, int[] pred, int pOff, int pStride,
                               byte[] dst, int dOff, int dStride) {
        int ac = 0;
        for (int i = cOff + 1; i < cOff + 16; i++) {
            ac |= coef[i];
        }
        if (ac != 0) {
            idct4x4AddPred(coef, cOff, pred, pOff, pStride, dst, dOff, dStride);
        } else if (coef[cOff] != 0) {
            dcAddPred(coef[cOff], pred, pOff, pStride, dst, dOff, dStride);
        } else {
            copyPred(pred, pOff, pStride, dst, dOff, dStride);
        }
    }

    /**
     * §8.5.12.2 then §8.5.14: r = (h + 32) >> 6 of the two-stage butterfly, dst = Clip1(pred + r).
     *
     * @param coef 16 scaled coefficients d in raster order at {@code cOff} (from {@link Dequantizer}, with d00
     *             from the DC path for Intra16x16 and chroma blocks)
     */
    static void idct4x4AddPred(int[] coef, int cOff, int[] pred, int pOff, int pStride,
                               byte[] dst, int dOff, int dStride) {
        // Horizontal pass (§8.5.12.2, e then f) into locals f0..f15 (row-major), so coef stays untouched.
        int f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15;
        {
            int d0 = coef[cOff], d1 = coef[cOff + 1], d2 = coef[cOff + 2], d3 = coef[cOff + 3];
            int e0 = d0 + d2, e1 = d0 - d2, e2 = (d1 >> 1) - d3, e3 = d1 + (d3 >> 1);
            f0 = e0 + e3; f1 = e1 + e2; f2 = e1 - e2; f3 = e0 - e3;
        }
        {
            int d0 = coef[cOff + 4], d1 = coef[cOff + 5], d2 = coef[cOff + 6], d3 = coef[cOff + 7];
            int e0 = d0 + d2, e1 = d0 - d2, e2 = (d1 >> 1) - d3, e3 = d1 + (d3 >> 1);
            f4 = e0 + e3; f5 = e1 + e2; f6 = e1 - e2; f7 = e0 - e3;
        }
        {
            int d0 = coef[cOff + 8], d1 = coef[cOff + 9], d2 = coef[cOff + 10], d3 = coef[cOff + 11];
            int e0 = d0 + d2, e1 = d0 - d2, e2 = (d1 >> 1) - d3, e3 = d1 + (d3 >> 1);
            f8 = e0 + e3; f9 = e1 + e2; f10 = e1 - e2; f11 = e0 - e3;
        }
        {
            int d0 = coef[cOff + 12], d1 = coef[cOff + 13], d2 = coef[cOff + 14], d3 = coef[cOff + 15];
            int e0 = d0 + d2, e1 = d0 - d2, e2 = (d1 >> 1) - d3, e3 = d1 + (d3 >> 1);
            f12 = e0 + e3; f13 = e1 + e2; f14 = e1 - e2; f15 = e0 - e3;
        }
        // Vertical pass (g then h), r = (h + 32) >> 6 and construction, one column at a time.
        column(f0, f4, f8, f12, pred, pOff, pStride, dst, dOff, dStride);
        column(f1, f5, f9, f13, pred, pOff + 1, pStride, dst, dOff + 1, dStride);
        column(f2, f6, f10, f14, pred, pOff + 2, pStride, dst, dOff + 2, dStride);
        column(f3, f7, f11, f15, pred, pOff + 3, pStride, dst, dOff + 3, dStride);
    }

    private static void column(int f0, int f1, int f2, int f3, int[] pred, int p, int pStride,
                               byte[] dst, int d, int dStride) {
        int g0 = f0 + f2, g1 = f0 - f2, g2 = (f1 >> 1) - f3, g3 = f1 + (f3 >> 1);
        dst[d] = (byte) clip1(pred[p] + ((g0 + g3 + 32) >> 6));
        dst[d + dStride] = (byte) clip1(pred[p + pStride] + ((g1 + g2 + 32) >> 6));
        dst[d + 2 * dStride] = (byte) clip1(pred[p + 2 * pStride] + ((g1 - g2 + 32) >> 6));
        dst[d + 3 * dStride] = (byte) clip1(pred[p + 3 * pStride] + ((g0 - g3 + 32) >> 6));
    }

    /**
     * Exact shortcut of {@link #idct4x4AddPred} for a block whose only non-zero coefficient is d00: both
     * butterfly passes then spread d00 unchanged, so r = (d00 + 32) >> 6 for all 16 samples.
     */
    static void dcAddPred(int d00, int[] pred, int pOff, int pStride, byte[] dst, int dOff, int dStride) {
        int r = (d00 + 32) >> 6;
        for (int y = 0; y < 4; y++) {
            int p = pOff + y * pStride, d = dOff + y * dStride;
            dst[d] = (byte) clip1(pred[p] + r);
            dst[d + 1] = (byte) clip1(pred[p + 1] + r);
            dst[d + 2] = (byte) clip1(pred[p + 2] + r);
            dst[d + 3] = (byte) clip1(pred[p + 3] + r);
        }
    }

    /**
     * The all-zero-residual fast path (r = 0, see {@link Block4x4#isZero}): the 4x4 reconstruction is the
     * prediction. {@code pred} must hold sample values 0..255.
     */
    public static void copyPred(int[] pred, int pOff, int pStride, byte[] dst, int dOff, int dStride) {
        copyPred(pred, pOff, pStride, dst, dOff, dStride, 4, 4);
    }

    /** As {@link #copyPred(int[], int, int, byte[], int, int)} for a width x height region (e.g. a skipped 16x16). */
    static void copyPred(int[] pred, int pOff, int pStride, byte[] dst, int dOff, int dStride, int width, int height) {
        for (int y = 0; y < height; y++) {
            int p = pOff + y * pStride, d = dOff + y * dStride;
            for (int x = 0; x < width; x++) {
                dst[d + x] = (byte) pred[p + x];
            }
        }
    }

    /** Clip1Y / Clip1C for 8-bit samples (§5.7: Clip3(0, 255, x)). */
    private static int clip1(int x) {
        return (x & ~0xFF) == 0 ? x : (x < 0 ? 0 : 255);
    }
}
