package dev.parley.rtc.codec.h264.encoder;

import java.util.Arrays;

/**
 * A reference picture's luma prepared for fast quarter-sample motion estimation and compensation: the full-sample
 * plane F and the three half-sample planes H (the spec's b positions), V (h positions) and C (j positions), each
 * computed once per reference frame exactly per §8.4.2.2.1, so that every quarter-sample prediction is a copy of one
 * plane or the rounded average of two (Table 8-12, eq. 8-250..8-261).
 *
 * <p>Geometry: all four planes share one layout, {@code stride() = width + 2 * PAD} by {@code height + 2 * PAD},
 * the picture's sample (x, y) at {@code offset(x, y) = (y + PAD) * stride + x + PAD}, valid for
 * {@code -PAD <= x < width + PAD}, same for y. For such (x, y):
 * <ul>
 *   <li>{@code full()[offset(x, y)]} = G at (x, y), the full sample with clamped coordinates (edge replication);</li>
 *   <li>{@code halfH()[offset(x, y)]} = b, the half sample between (x, y) and (x + 1, y);</li>
 *   <li>{@code halfV()[offset(x, y)]} = h, the half sample between (x, y) and (x, y + 1);</li>
 *   <li>{@code halfC()[offset(x, y)]} = j, the centre half sample between those four;</li>
 * </ul>
 * all with reference coordinates clamped to the decoded (macroblock-aligned) picture as the spec does, so a decoder
 * predicting from the same reconstructed picture gets the same samples, whatever the motion vector.
 *
 * <p>PAD is 32: a motion search may read a {@code bw x bh} block of any plane directly at any top-left (x, y) with
 * {@code -PAD <= x <= width + PAD - bw} (same for y), e.g. a 16x16 block at -32 <= x <= width + 16. {@link #predictLuma} and {@link #sadLuma} take any vector at all: once every filter tap of a block lies
 * beyond one picture edge its prediction no longer changes, so its position is clamped there.
 *
 * <p>{@link #build} reuses the arrays across frames (reallocated only when the picture grows). Not thread-safe
 * while building; reads may run concurrently once built.
 */
public final class HalfPelPlanes {
    /** Border, in samples, around the picture on each side of every plane. */
    public static final int PAD = 32;
    /** Largest block side {@link #predictLuma} and {@link #sadLuma} serve: the clamped position must stay in PAD. */
    public static final int MAX_BLOCK = PAD - 2;

    private static final int F = 0;
    private static final int H = 1;
    private static final int V = 2;
    private static final int C = 3;
    private static final int NONE = -1;
    // Per fractional position yFrac * 4 + xFrac, i.e. the samples G a b c / d e f g / h i j k / n p q r of
    // Table 8-12: plane A (and plane B to average with) and their (dx, dy) from (xInt, yInt). Quarter samples
    // average the two samples the spec names: a = (G+b), c = (H+b) with the full sample H = F(x+1), d = (G+h),
    // n = (M+h) with M = F(y+1), e = (b+h), g = (b+m) with m = V(x+1), p = (h+s) with s = H(y+1), r = (m+s),
    // f = (b+j), i = (h+j), k = (j+m), q = (j+s).
    private static final int[] PLANE_A = {F, F, H, H, F, H, H, H, V, V, C, C, V, V, C, V};
    private static final int[] DX_A = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    private static final int[] PLANE_B = {NONE, H, NONE, F, V, V, C, V, NONE, C, NONE, V, F, H, H, H};
    private static final int[] DX_B = {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0};
    private static final int[] DY_B = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1};

    private int width;
    private int height;
    private int stride;
    private int origin;
    private byte[] full = new byte[0];
    private byte[] halfH = new byte[0];
    private byte[] halfV = new byte[0];
    private byte[] halfC = new byte[0];
    /** Unrounded horizontal 6-tap values b1 for x in [-2, width + 1], y in [0, height), row length width + 4. */
    private int[] b1 = new int[0];

    /**
     * Prepares the four planes from a reconstructed luma plane ({@code luma[y * lumaStride + x]}, unsigned samples)
     * of the decoded, macroblock-aligned size {@code width x height} (not the cropped size).
     */
    public void build(byte[] luma, int lumaStride, int width, int height) {
        if (width < 1 || height < 1 || lumaStride < width || luma.length < (height - 1) * lumaStride + width) {
            throw new IllegalArgumentException("bad luma plane " + width + "x" + height + " stride " + lumaStride);
        }
        this.width = width;
        this.height = height;
        this.stride = width + 2 * PAD;
        this.origin = PAD * stride + PAD;
        int size = stride * (height + 2 * PAD);
        if (full.length < size) {
            full = new byte[size];
            halfH = new byte[size];
            halfV = new byte[size];
            halfC = new byte[size];
        }
        if (b1.length < (width + 4) * height) {
            b1 = new int[(width + 4) * height];
        }
        buildFull(luma, lumaStride);
        buildHalfH();
        buildHalfV();
        buildHalfC();
    }

    /** F: the picture with its edge samples replicated into the border, i.e. clamped coordinates (§8.4.2.2.1). */
    private void buildFull(byte[] luma, int lumaStride) {
        for (int y = 0; y < height; y++) {
            int row = origin + y * stride;
            int src = y * lumaStride;
            System.arraycopy(luma, src, full, row, width);
            Arrays.fill(full, row - PAD, row, luma[src]);
            Arrays.fill(full, row + width, row + width + PAD, luma[src + width - 1]);
        }
        replicateBorderRows(full, full, -1, 0);
    }

    /**
     * H and b1. b at (x, y) reads G(clamp(x - 2 .. x + 3), clamp(y)): rows outside the picture repeat the edge rows,
     * and for x <= -3 (x >= width + 1) all six taps clamp to one column, giving G(0, y) (G(width - 1, y)).
     */
    private void buildHalfH() {
        int[] t = b1;
        byte[] f = full;
        byte[] out = halfH;
        int tStride = width + 4;
        for (int y = 0; y < height; y++) {
            int row = origin + y * stride;
            int p = row - 2; // first half sample: x = -2, taps from x = -4
            int tp = y * tStride;
            // Sliding window over the six taps: one new sample per output.
            int s0 = f[p - 2] & 0xff;
            int s1 = f[p - 1] & 0xff;
            int s2 = f[p] & 0xff;
            int s3 = f[p + 1] & 0xff;
            int s4 = f[p + 2] & 0xff;
            for (int end = tp + tStride; tp < end; tp++, p++) {
                int s5 = f[p + 3] & 0xff;
                int v = tap6(s0, s1, s2, s3, s4, s5);
                t[tp] = v;
                out[p] = (byte) clip1((v + 16) >> 5);
                s0 = s1;
                s1 = s2;
                s2 = s3;
                s3 = s4;
                s4 = s5;
            }
            Arrays.fill(out, row - PAD, row - 2, f[row]);
            Arrays.fill(out, row + width + 2, row + width + PAD, f[row + width - 1]);
        }
        replicateBorderRows(out, out, -1, 0);
    }

    /**
     * V. h at (x, y) reads G(clamp(x), clamp(y - 2 .. y + 3)): columns outside the picture repeat the edge columns,
     * and for y <= -3 (y >= height + 1) all taps clamp to row 0 (height - 1), giving that row of F.
     */
    private void buildHalfV() {
        byte[] f = full;
        byte[] out = halfV;
        int s = stride;
        for (int y = -2; y <= height + 1; y++) {
            int row = origin + y * s;
            int r0 = row - 2 * s;
            int r1 = row - s;
            int r3 = row + s;
            int r4 = row + 2 * s;
            int r5 = row + 3 * s;
            for (int i = 0; i < width; i++) {
                int v = tap6(f[r0 + i] & 0xff, f[r1 + i] & 0xff, f[row + i] & 0xff, f[r3 + i] & 0xff,
                        f[r4 + i] & 0xff, f[r5 + i] & 0xff);
                out[row + i] = (byte) clip1((v + 16) >> 5);
            }
            Arrays.fill(out, row - PAD, row, out[row]);
            Arrays.fill(out, row + width, row + width + PAD, out[row + width - 1]);
        }
        replicateBorderRows(out, f, -3, 2);
    }

    /**
     * C. j is the vertical 6-tap over the unrounded b1 of rows clamp(y - 2 .. y + 3), rounded by (j1 + 512) >> 10
     * (§8.4.2.2.1). The filter is separable and clamping acts per axis, so for y <= -3 (y >= height + 1) j equals
     * b of the edge row (32 * b1 rounds like b) and for x <= -3 (x >= width + 1) it equals h of the edge column.
     */
    private void buildHalfC() {
        int[] t = b1;
        int tStride = width + 4;
        for (int y = -2; y <= height + 1; y++) {
            int row = origin + y * stride;
            int r0 = tRowStart(y - 2, tStride);
            int r1 = tRowStart(y - 1, tStride);
            int r2 = tRowStart(y, tStride);
            int r3 = tRowStart(y + 1, tStride);
            int r4 = tRowStart(y + 2, tStride);
            int r5 = tRowStart(y + 3, tStride);
            int p = row - 2;
            for (int i = 0; i < tStride; i++) {
                int j1 = tap6(t[r0 + i], t[r1 + i], t[r2 + i], t[r3 + i], t[r4 + i], t[r5 + i]);
                halfC[p + i] = (byte) clip1((j1 + 512) >> 10);
            }
            Arrays.fill(halfC, row - PAD, row - 2, halfV[row]);
            Arrays.fill(halfC, row + width + 2, row + width + PAD, halfV[row + width - 1]);
        }
        replicateBorderRows(halfC, halfH, -3, 2);
    }

    private int tRowStart(int y, int tStride) {
        return (y < 0 ? 0 : y >= height ? height - 1 : y) * tStride;
    }

    /**
     * Fills rows -PAD..lastTop of {@code dst} with row 0 of {@code src} and rows height + firstBottom .. height +
     * PAD - 1 with row height - 1 of {@code src}; whole padded rows.
     */
    private void replicateBorderRows(byte[] dst, byte[] src, int lastTop, int firstBottom) {
        int top = origin - PAD;
        for (int y = -PAD; y <= lastTop; y++) {
            System.arraycopy(src, top, dst, top + y * stride, stride);
        }
        int bottom = origin - PAD + (height - 1) * stride;
        for (int y = height + firstBottom; y < height + PAD; y++) {
            System.arraycopy(src, bottom, dst, origin - PAD + y * stride, stride);
        }
    }

    /**
     * Whether {@link #predictLuma} and {@link #sadLuma} can serve this block, i.e. {@code bw, bh <= MAX_BLOCK}
     * (every H.264 partition qualifies). The vector never matters: positions beyond the border are clamped to an
     * equivalent one. Otherwise use {@link InterpolationReference}.
     */
    public boolean inRange(int x, int y, int mvx, int mvy, int bw, int bh) {
        return bw > 0 && bh > 0 && bw <= MAX_BLOCK && bh <= MAX_BLOCK;
    }

    /**
     * Luma prediction of the {@code bw x bh} block at (x, y) displaced by (mvx, mvy) quarter samples, equal to
     * {@link InterpolationReference#predictLuma} on the built picture; written to
     * {@code dst[dstOff + j * dstStride + i]}. Requires {@link #inRange}.
     */
    public void predictLuma(int x, int y, int mvx, int mvy, int bw, int bh, byte[] dst, int dstOff, int dstStride) {
        int frac = (mvy & 3) * 4 + (mvx & 3);
        int base = blockBase(x, y, mvx, mvy, bw, bh);
        byte[] a = plane(PLANE_A[frac]);
        int oa = base + DX_A[frac];
        int planeB = PLANE_B[frac];
        int s = stride;
        if (planeB == NONE) {
            for (int j = 0; j < bh; j++) {
                System.arraycopy(a, oa + j * s, dst, dstOff + j * dstStride, bw);
            }
            return;
        }
        byte[] b = plane(planeB);
        int ob = base + DX_B[frac] + DY_B[frac] * s;
        for (int j = 0; j < bh; j++, oa += s, ob += s, dstOff += dstStride) {
            for (int i = 0; i < bw; i++) {
                dst[dstOff + i] = (byte) (((a[oa + i] & 0xff) + (b[ob + i] & 0xff) + 1) >> 1);
            }
        }
    }

    /**
     * Sum of absolute differences between the source block {@code src[srcOff + j * srcStride + i]} and the
     * prediction {@link #predictLuma} would produce, without writing it. Requires {@link #inRange}.
     */
    public int sadLuma(byte[] src, int srcOff, int srcStride, int x, int y, int mvx, int mvy, int bw, int bh) {
        return sadLuma(src, srcOff, srcStride, x, y, mvx, mvy, bw, bh, Integer.MAX_VALUE);
    }

    /**
     * As {@link #sadLuma(byte[], int, int, int, int, int, int, int, int)} but stops after the first row at which the
     * running sum reaches {@code bound}: the result is the exact SAD if it is below {@code bound}, otherwise some
     * value {@code >= bound}.
     */
    public int sadLuma(byte[] src, int srcOff, int srcStride, int x, int y, int mvx, int mvy, int bw, int bh,
            int bound) {
        int frac = (mvy & 3) * 4 + (mvx & 3);
        int base = blockBase(x, y, mvx, mvy, bw, bh);
        byte[] a = plane(PLANE_A[frac]);
        int oa = base + DX_A[frac];
        int planeB = PLANE_B[frac];
        int s = stride;
        int sad = 0;
        if (planeB == NONE) {
            for (int j = 0; j < bh; j++, oa += s, srcOff += srcStride) {
                for (int i = 0; i < bw; i++) {
                    sad += Math.abs((src[srcOff + i] & 0xff) - (a[oa + i] & 0xff));
                }
                if (sad >= bound) {
                    return sad;
                }
            }
            return sad;
        }
        byte[] b = plane(planeB);
        int ob = base + DX_B[frac] + DY_B[frac] * s;
        for (int j = 0; j < bh; j++, oa += s, ob += s, srcOff += srcStride) {
            for (int i = 0; i < bw; i++) {
                int p = ((a[oa + i] & 0xff) + (b[ob + i] & 0xff) + 1) >> 1;
                sad += Math.abs((src[srcOff + i] & 0xff) - p);
            }
            if (sad >= bound) {
                return sad;
            }
        }
        return sad;
    }

    /**
     * Offset of the block's full-sample anchor (xInt, yInt) in the planes. A block whose taps all lie beyond the
     * picture on one side (xInt <= -bw - 2, or xInt >= width + 1, §8.4.2.2.1 clamping) predicts the same samples at
     * any such position, so the anchor is clamped to the nearest one, which stays inside PAD for bw <= MAX_BLOCK.
     */
    private int blockBase(int x, int y, int mvx, int mvy, int bw, int bh) {
        int xInt = x + (mvx >> 2);
        int yInt = y + (mvy >> 2);
        xInt = xInt < -bw - 2 ? -bw - 2 : xInt > width + 1 ? width + 1 : xInt;
        yInt = yInt < -bh - 2 ? -bh - 2 : yInt > height + 1 ? height + 1 : yInt;
        return origin + yInt * stride + xInt;
    }

    private byte[] plane(int id) {
        switch (id) {
            case F: return full;
            case H: return halfH;
            case V: return halfV;
            default: return halfC;
        }
    }

    /** The 6-tap filter (1, -5, 20, 20, -5, 1) of §8.4.2.2.1, unrounded. */
    private static int tap6(int e, int f, int g, int h, int i, int j) {
        return (e + j) - 5 * (f + i) + 20 * (g + h);
    }

    /** Clip1Y (§5.7); min/max rather than branches so the build loops can vectorize. */
    private static int clip1(int v) {
        return Math.max(0, Math.min(255, v));
    }

    /** Width of the built picture (decoded, macroblock-aligned). */
    public int width() {
        return width;
    }

    /** Height of the built picture (decoded, macroblock-aligned). */
    public int height() {
        return height;
    }

    /** Row stride shared by the four planes. */
    public int stride() {
        return stride;
    }

    /** Offset of picture sample (x, y) in the planes; valid for -PAD <= x < width + PAD, same for y. */
    public int offset(int x, int y) {
        return origin + y * stride + x;
    }

    /** Full samples G (unsigned), see the class comment for the layout. */
    public byte[] full() {
        return full;
    }

    /** Horizontal half samples b: entry (x, y) lies between full samples (x, y) and (x + 1, y). */
    public byte[] halfH() {
        return halfH;
    }

    /** Vertical half samples h: entry (x, y) lies between full samples (x, y) and (x, y + 1). */
    public byte[] halfV() {
        return halfV;
    }

    /** Centre half samples j: entry (x, y) lies between full samples (x, y) and (x + 1, y + 1). */
    public byte[] halfC() {
        return halfC;
    }
}
