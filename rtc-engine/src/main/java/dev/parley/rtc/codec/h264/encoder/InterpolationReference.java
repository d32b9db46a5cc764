package dev.parley.rtc.codec.h264.encoder;

/**
 * Inter prediction samples computed straight from the spec, one sample at a time (§8.4.2.2): the correctness
 * baseline for {@link HalfPelPlanes} and the fallback for any block it cannot serve. Slow (every sample recomputes
 * its filter taps) but allocation-free and valid for any motion vector, however far outside the picture.
 *
 * <p>Planes are unsigned 8-bit samples ({@code & 0xff}) addressed as {@code plane[y * stride + x]}. The picture
 * size passed in must be the decoded, macroblock-aligned size (PicWidthInMbs * 16 by FrameHeightInMbs * 16 for
 * luma, half that for 4:2:0 chroma), not the cropped size: reference coordinates are clamped to it (§8.4.2.2.1,
 * §8.4.2.2.2). 4:2:0 frame coding only (the chroma vector equals the luma vector;
 * §8.4.1.4 only offsets it for fields).
 */
public final class InterpolationReference {
    private InterpolationReference() {
    }

    /**
     * Luma prediction of a {@code bw x bh} block (§8.4.2.2.1): {@code ref} is the reference luma plane of the
     * decoded (macroblock-aligned) size {@code width x height}; (x, y) is the block's top-left sample in the current
     * picture; (mvx, mvy) is the motion vector in quarter luma samples. The prediction is written to
     * {@code dst[dstOff + j * dstStride + i]} for 0 <= i < bw, 0 <= j < bh.
     */
    public static void predictLuma(byte[] ref, int stride, int width, int height, int x, int y, int mvx, int mvy,
            int bw, int bh, byte[] dst, int dstOff, int dstStride) {
        int xFrac = mvx & 3;
        int yFrac = mvy & 3;
        int xInt0 = x + (mvx >> 2); // §8.4.2.2: xIntL = xAL + (mvLX[0] >> 2) + xL
        int yInt0 = y + (mvy >> 2);
        for (int j = 0; j < bh; j++) {
            int row = dstOff + j * dstStride;
            for (int i = 0; i < bw; i++) {
                dst[row + i] = (byte) lumaSample(ref, stride, width, height, xInt0 + i, yInt0 + j, xFrac, yFrac);
            }
        }
    }

    /**
     * Chroma prediction of a {@code bw x bh} block of one 4:2:0 chroma plane (§8.4.2.2.2): {@code ref} is the
     * reference Cb or Cr plane of the decoded size {@code cw x ch} (half the macroblock-aligned luma size); (cx, cy)
     * is the block's top-left chroma sample; (mvx, mvy) is the LUMA motion vector in quarter luma samples, which for
     * 4:2:0 is the chroma vector in eighth chroma samples as is (§8.4.2.2, SubWidthC = SubHeightC = 2). The
     * prediction is written to {@code dst[dstOff + j * dstStride + i]}.
     */
    public static void predictChroma(byte[] ref, int stride, int cw, int ch, int cx, int cy, int mvx, int mvy,
            int bw, int bh, byte[] dst, int dstOff, int dstStride) {
        int xFrac = mvx & 7;
        int yFrac = mvy & 7;
        int xInt0 = cx + (mvx >> 3);
        int yInt0 = cy + (mvy >> 3);
        for (int j = 0; j < bh; j++) {
            int row = dstOff + j * dstStride;
            int yA = clip3(0, ch - 1, yInt0 + j) * stride; // §8.4.2.2.2: A..D at clamped positions
            int yC = clip3(0, ch - 1, yInt0 + j + 1) * stride;
            for (int i = 0; i < bw; i++) {
                int xA = clip3(0, cw - 1, xInt0 + i);
                int xB = clip3(0, cw - 1, xInt0 + i + 1);
                int a = ref[yA + xA] & 0xff;
                int b = ref[yA + xB] & 0xff;
                int c = ref[yC + xA] & 0xff;
                int d = ref[yC + xB] & 0xff;
                // §8.4.2.2.2 bilinear weights
                dst[row + i] = (byte) (((8 - xFrac) * (8 - yFrac) * a + xFrac * (8 - yFrac) * b
                        + (8 - xFrac) * yFrac * c + xFrac * yFrac * d + 32) >> 6);
            }
        }
    }

    /**
     * One luma prediction sample at full-sample position (xInt, yInt) plus fraction (xFrac, yFrac) in quarters,
     * Table 8-12: G is the full sample at (xInt, yInt), H right of it, M below it; b, h, j, m, s half samples.
     */
    static int lumaSample(byte[] ref, int stride, int width, int height, int xInt, int yInt, int xFrac, int yFrac) {
        byte[] r = ref;
        int s = stride;
        int w = width;
        int ht = height;
        // Table 8-12 picks the sample; quarter samples are rounded averages per eq. 8-250..8-261.
        switch (yFrac * 4 + xFrac) {
            case 0: return g(r, s, w, ht, xInt, yInt); // G
            case 1: return avg(g(r, s, w, ht, xInt, yInt), b(r, s, w, ht, xInt, yInt)); // a = (G + b)
            case 2: return b(r, s, w, ht, xInt, yInt); // b
            case 3: return avg(g(r, s, w, ht, xInt + 1, yInt), b(r, s, w, ht, xInt, yInt)); // c = (H + b)
            case 4: return avg(g(r, s, w, ht, xInt, yInt), h(r, s, w, ht, xInt, yInt)); // d = (G + h)
            case 5: return avg(b(r, s, w, ht, xInt, yInt), h(r, s, w, ht, xInt, yInt)); // e = (b + h)
            case 6: return avg(b(r, s, w, ht, xInt, yInt), j(r, s, w, ht, xInt, yInt)); // f = (b + j)
            case 7: return avg(b(r, s, w, ht, xInt, yInt), h(r, s, w, ht, xInt + 1, yInt)); // g = (b + m)
            case 8: return h(r, s, w, ht, xInt, yInt); // h
            case 9: return avg(h(r, s, w, ht, xInt, yInt), j(r, s, w, ht, xInt, yInt)); // i = (h + j)
            case 10: return j(r, s, w, ht, xInt, yInt); // j
            case 11: return avg(j(r, s, w, ht, xInt, yInt), h(r, s, w, ht, xInt + 1, yInt)); // k = (j + m)
            case 12: return avg(g(r, s, w, ht, xInt, yInt + 1), h(r, s, w, ht, xInt, yInt)); // n = (M + h)
            case 13: return avg(h(r, s, w, ht, xInt, yInt), b(r, s, w, ht, xInt, yInt + 1)); // p = (h + s)
            case 14: return avg(j(r, s, w, ht, xInt, yInt), b(r, s, w, ht, xInt, yInt + 1)); // q = (j + s)
            default: return avg(h(r, s, w, ht, xInt + 1, yInt), b(r, s, w, ht, xInt, yInt + 1)); // r = (m + s)
        }
    }

    /** Full sample with clamped coordinates (§8.4.2.2.1). */
    private static int g(byte[] ref, int stride, int width, int height, int x, int y) {
        return ref[clip3(0, height - 1, y) * stride + clip3(0, width - 1, x)] & 0xff;
    }

    /** Unrounded horizontal 6-tap value b1 for the half sample right of (x, y). */
    private static int b1(byte[] ref, int stride, int width, int height, int x, int y) {
        return g(ref, stride, width, height, x - 2, y) - 5 * g(ref, stride, width, height, x - 1, y)
                + 20 * g(ref, stride, width, height, x, y) + 20 * g(ref, stride, width, height, x + 1, y)
                - 5 * g(ref, stride, width, height, x + 2, y) + g(ref, stride, width, height, x + 3, y);
    }

    /** Unrounded vertical 6-tap value h1 for the half sample below (x, y). */
    private static int h1(byte[] ref, int stride, int width, int height, int x, int y) {
        return g(ref, stride, width, height, x, y - 2) - 5 * g(ref, stride, width, height, x, y - 1)
                + 20 * g(ref, stride, width, height, x, y) + 20 * g(ref, stride, width, height, x, y + 1)
                - 5 * g(ref, stride, width, height, x, y + 2) + g(ref, stride, width, height, x, y + 3);
    }

    /** Half sample b between (x, y) and (x + 1, y). */
    private static int b(byte[] ref, int stride, int width, int height, int x, int y) {
        return clip1((b1(ref, stride, width, height, x, y) + 16) >> 5);
    }

    /** Half sample h between (x, y) and (x, y + 1). */
    private static int h(byte[] ref, int stride, int width, int height, int x, int y) {
        return clip1((h1(ref, stride, width, height, x, y) + 16) >> 5);
    }

    /** Centre half sample j from the unrounded b1 values of six rows. */
    private static int j(byte[] ref, int stride, int width, int height, int x, int y) {
        int j1 = b1(ref, stride, width, height, x, y - 2) - 5 * b1(ref, stride, width, height, x, y - 1)
                + 20 * b1(ref, stride, width, height, x, y) + 20 * b1(ref, stride, width, height, x, y + 1)
                - 5 * b1(ref, stride, width, height, x, y + 2) + b1(ref, stride, width, height, x, y + 3);
        return clip1((j1 + 512) >> 10);
    }

    private static int avg(int p, int q) {
        return (p + q + 1) >> 1;
    }

    /** Clip1Y for 8-bit samples (§5.7 with BitDepthY = 8). */
    static int clip1(int v) {
        return v < 0 ? 0 : v > 255 ? 255 : v;
    }

    /** Clip3 (§5.7). */
    static int clip3(int lo, int hi, int v) {
        return v < lo ? lo : v > hi ? hi : v;
    }
}
