package dev.parley.rtc.codec.h264.decoder;

/**
 * The 4x4 inverse transform (§8.5.12.2) added to a prediction already in the picture (§8.5.14, u = Clip1(pred + r)):
 * the inter path, where motion compensation writes the prediction straight into the picture being decoded.
 * (Intra prediction goes through {@link dev.parley.rtc.codec.h264.encoder.InverseTransform}, which takes the
 * prediction as ints.)
 */
final class ResidualAdd {
    private ResidualAdd() {
    }

    /**
     * Adds the residual of 16 scaled coefficients d (raster order at {@code cOff}) to the 4x4 block of {@code dst}
     * at {@code off}; a block with only d00 non-zero takes the exact shortcut r = (d00 + 32) >> 6.
     */
    static void add4x4(int[] c, int cOff, byte[] dst, int off, int stride) {
        int ac = 0;
        for (int i = cOff + 1; i < cOff + 16; i++) {
            ac |= c[i];
        }
        if (ac == 0) {
            addDc(c[cOff], dst, off, stride);
            return;
        }
        // Rows (e then f of §8.5.12.2) into locals, then columns (g then h), r = (h + 32) >> 6.
        int f00, f01, f02, f03, f10, f11, f12, f13, f20, f21, f22, f23, f30, f31, f32, f33;
        {
            int d0 = c[cOff], d1 = c[cOff + 1], d2 = c[cOff + 2], d3 = c[cOff + 3];
            int e0 = d0 + d2, e1 = d0 - d2, e2 = (d1 >> 1) - d3, e3 = d1 + (d3 >> 1);
            f00 = e0 + e3; f01 = e1 + e2; f02 = e1 - e2; f03 = e0 - e3;
        }
        {
            int d0 = c[cOff + 4], d1 = c[cOff + 5], d2 = c[cOff + 6], d3 = c[cOff + 7];
            int e0 = d0 + d2, e1 = d0 - d2, e2 = (d1 >> 1) - d3, e3 = d1 + (d3 >> 1);
            f10 = e0 + e3; f11 = e1 + e2; f12 = e1 - e2; f13 = e0 - e3;
        }
        {
            int d0 = c[cOff + 8], d1 = c[cOff + 9], d2 = c[cOff + 10], d3 = c[cOff + 11];
            int e0 = d0 + d2, e1 = d0 - d2, e2 = (d1 >> 1) - d3, e3 = d1 + (d3 >> 1);
            f20 = e0 + e3; f21 = e1 + e2; f22 = e1 - e2; f23 = e0 - e3;
        }
        {
            int d0 = c[cOff + 12], d1 = c[cOff + 13], d2 = c[cOff + 14], d3 = c[cOff + 15];
            int e0 = d0 + d2, e1 = d0 - d2, e2 = (d1 >> 1) - d3, e3 = d1 + (d3 >> 1);
            f30 = e0 + e3; f31 = e1 + e2; f32 = e1 - e2; f33 = e0 - e3;
        }
        column(f00, f10, f20, f30, dst, off, stride);
        column(f01, f11, f21, f31, dst, off + 1, stride);
        column(f02, f12, f22, f32, dst, off + 2, stride);
        column(f03, f13, f23, f33, dst, off + 3, stride);
    }

    private static void column(int f0, int f1, int f2, int f3, byte[] dst, int d, int stride) {
        int g0 = f0 + f2, g1 = f0 - f2, g2 = (f1 >> 1) - f3, g3 = f1 + (f3 >> 1);
        dst[d] = clipAdd(dst[d], (g0 + g3 + 32) >> 6);
        dst[d + stride] = clipAdd(dst[d + stride], (g1 + g2 + 32) >> 6);
        dst[d + 2 * stride] = clipAdd(dst[d + 2 * stride], (g1 - g2 + 32) >> 6);
        dst[d + 3 * stride] = clipAdd(dst[d + 3 * stride], (g0 - g3 + 32) >> 6);
    }

    /** A block whose only non-zero coefficient is d00: both passes spread it unchanged. */
    static void addDc(int d00, byte[] dst, int off, int stride) {
        int r = (d00 + 32) >> 6;
        if (r == 0) {
            return;
        }
        for (int y = 0; y < 4; y++, off += stride) {
            dst[off] = clipAdd(dst[off], r);
            dst[off + 1] = clipAdd(dst[off + 1], r);
            dst[off + 2] = clipAdd(dst[off + 2], r);
            dst[off + 3] = clipAdd(dst[off + 3], r);
        }
    }

    /** Clip1(pred + r) for 8-bit samples. */
    private static byte clipAdd(byte pred, int r) {
        int v = (pred & 0xff) + r;
        return (byte) ((v & ~0xff) == 0 ? v : v < 0 ? 0 : 255);
    }
}
