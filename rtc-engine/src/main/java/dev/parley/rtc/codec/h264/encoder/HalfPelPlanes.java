package dev.parley.rtc.codec.h264.encoder;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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
 * {@code -PAD <= x <= width + PAD - bw} (same for y), e.g. a 16x16 block at -32 <= x <= width + 16.
 * {@link #predictLuma} and {@link #sadLuma} take any vector at all: once every filter tap of a block lies
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

    // Prediction of widths divisible by 8 and SAD of 16-wide blocks work on eight unsigned bytes per long (SWAR).
    // Lane k of every long read or written through this view is the byte at offset k whatever the byte order, since
    // all accesses use it.
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_7_BITS = 0x7f7f7f7f7f7f7f7fL;
    private static final long EVEN_BYTES = 0x00ff00ff00ff00ffL;

    private int width;
    private int height;
    private int stride;
    private int origin;
    private byte[] full = new byte[0];
    private byte[] halfH = new byte[0];
    private byte[] halfV = new byte[0];
    private byte[] halfC = new byte[0];
    // Build scratch, reused across frames. The build runs one pass down the picture with rings of the last six
    // source rows (slot r % 6), so it never stores whole-frame intermediates. Each step is its own short loop over
    // int rows at equal indices (filter, then round and clip, then narrow to bytes): C2 on JDK 17 vectorizes such
    // loops only while their bodies stay small and all of one element size.
    /** Widened full-sample rows of source row r, entry i = G(clamp(i - 4), r), i in [0, width + 9). */
    private int[][] wideRows = new int[6][0];
    /** Unrounded horizontal 6-tap rows b1, entry i = b1(i - 2, r), i in [0, width + 4). */
    private int[][] b1Rows = new int[6][0];
    /** A widened row shifted left by 1..5 entries, so the horizontal filter reads all taps at the same index. */
    private int[][] shifted = new int[5][0];
    /** A filtered row, then rounded and clipped (low 8 bits = Clip1Y) before narrowing to bytes. */
    private int[] filtered = new int[0];
    /** Which source row each ring slot holds (-1: none). */
    private final int[] slotRow = new int[6];
    /** Per source row of this build: whether it differs from the previous build's (whose F plane still holds it). */
    private boolean[] changed = new boolean[0];
    /** Whether the planes hold a complete build of a picture of the current size. */
    private boolean built;

    /**
     * Prepares the four planes from a reconstructed luma plane ({@code luma[y * lumaStride + x]}, unsigned samples)
     * of the decoded, macroblock-aligned size {@code width x height} (not the cropped size).
     */
    public void build(byte[] luma, int lumaStride, int width, int height) {
        if (width < 1 || height < 1 || lumaStride < width || luma.length < (height - 1) * lumaStride + width) {
            throw new IllegalArgumentException("bad luma plane " + width + "x" + height + " stride " + lumaStride);
        }
        boolean sameSize = built && width == this.width && height == this.height;
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
        if (filtered.length < width + 9) {
            for (int k = 0; k < 6; k++) {
                wideRows[k] = new int[width + 9];
                b1Rows[k] = new int[width + 4];
                if (k < 5) {
                    shifted[k] = new int[width + 4];
                }
            }
            filtered = new int[width + 9];
        }
        if (changed.length < height) {
            changed = new boolean[height];
        }
        // Rows of the picture equal to the previous build's give equal output rows wherever all the source rows an
        // output row reads are unchanged (a still background): only the others are filtered again.
        boolean anyChanged = !sameSize;
        for (int r = 0; r < height; r++) {
            int row = origin + r * stride;
            changed[r] = !sameSize
                    || !Arrays.equals(luma, r * lumaStride, r * lumaStride + width, full, row, row + width);
            anyChanged |= changed[r];
        }
        built = false; // until this build completes
        if (!anyChanged) {
            built = true;
            return;
        }
        Arrays.fill(slotRow, -1);
        // Output row y needs source rows clamp(y - 2 .. y + 3). V and C rows outside [-2, height + 1], and F and H
        // rows outside the picture, repeat an edge row of F or H.
        for (int y = -2; y <= height + 1; y++) {
            int first = Math.max(y - 2, 0);
            int last = Math.min(y + 3, height - 1);
            boolean redo = false;
            for (int r = first; r <= last; r++) {
                redo |= changed[r];
            }
            if (!redo) {
                continue;
            }
            for (int r = first; r <= last; r++) {
                if (slotRow[r % 6] != r) {
                    loadRow(luma, lumaStride, r);
                    slotRow[r % 6] = r;
                }
            }
            halfVerticalRow(y);
            centreRow(y);
        }
        replicateBorderRows(full, full, -1, 0);
        replicateBorderRows(halfH, halfH, -1, 0);
        replicateBorderRows(halfV, full, -3, 2);
        replicateBorderRows(halfC, halfH, -3, 2);
        built = true;
    }

    /**
     * Source row r: its F row (edge samples replicated into the border, i.e. clamped coordinates, §8.4.2.2.1), its
     * widened copy, its b1 row and its H row. b at (x, r) reads G(clamp(x - 2 .. x + 3), r), so for x <= -3
     * (x >= width + 1) all six taps clamp to one column, giving G(0, r) (G(width - 1, r)).
     */
    private void loadRow(byte[] luma, int lumaStride, int r) {
        int w = width;
        int row = origin + r * stride;
        int src = r * lumaStride;
        byte first = luma[src];
        byte last = luma[src + w - 1];
        System.arraycopy(luma, src, full, row, w);
        Arrays.fill(full, row - PAD, row, first);
        Arrays.fill(full, row + w, row + w + PAD, last);

        int[] wide = wideRows[r % 6];
        Arrays.fill(wide, 0, 4, first & 0xff);
        widen(luma, src, wide, 4, w);
        Arrays.fill(wide, w + 4, w + 9, last & 0xff);

        int n = w + 4; // b1 for x in [-2, width + 1]; entry i reads wide[i .. i + 5]
        int[][] sh = shifted;
        for (int k = 0; k < 5; k++) {
            System.arraycopy(wide, k + 1, sh[k], 0, n);
        }
        int[] b1 = b1Rows[r % 6];
        tap6(wide, sh[0], sh[1], sh[2], sh[3], sh[4], b1, n);
        roundAndClip(b1, filtered, n, 16, 5);
        narrow(filtered, 0, halfH, row - 2, n);
        Arrays.fill(halfH, row - PAD, row - 2, first);
        Arrays.fill(halfH, row + w + 2, row + w + PAD, last);
    }

    /**
     * V row y. h at (x, y) reads G(clamp(x), clamp(y - 2 .. y + 3)): columns outside the picture repeat the edge
     * columns.
     */
    private void halfVerticalRow(int y) {
        int[][] rows = wideRows;
        int[] out = filtered;
        int row = origin + y * stride;
        int n = width + 4; // entries [4, width + 4) are the picture's columns
        tap6(rows[sourceSlot(y - 2)], rows[sourceSlot(y - 1)], rows[sourceSlot(y)], rows[sourceSlot(y + 1)],
                rows[sourceSlot(y + 2)], rows[sourceSlot(y + 3)], out, n);
        roundAndClip(out, out, n, 16, 5);
        narrow(out, 4, halfV, row, width);
        Arrays.fill(halfV, row - PAD, row, halfV[row]);
        Arrays.fill(halfV, row + width, row + width + PAD, halfV[row + width - 1]);
    }

    /**
     * C row y. j is the vertical 6-tap over the unrounded b1 of rows clamp(y - 2 .. y + 3), rounded by
     * (j1 + 512) >> 10 (§8.4.2.2.1). The filter is separable and clamping acts per axis, so for y <= -3
     * (y >= height + 1) j equals b of the edge row (32 * b1 rounds like b) and for x <= -3 (x >= width + 1) it
     * equals h of the edge column. Needs V row y.
     */
    private void centreRow(int y) {
        int[][] rows = b1Rows;
        int[] out = filtered;
        int row = origin + y * stride;
        int n = width + 4;
        tap6(rows[sourceSlot(y - 2)], rows[sourceSlot(y - 1)], rows[sourceSlot(y)], rows[sourceSlot(y + 1)],
                rows[sourceSlot(y + 2)], rows[sourceSlot(y + 3)], out, n);
        roundAndClip(out, out, n, 512, 10);
        narrow(out, 0, halfC, row - 2, n);
        Arrays.fill(halfC, row - PAD, row - 2, halfV[row]);
        Arrays.fill(halfC, row + width + 2, row + width + PAD, halfV[row + width - 1]);
    }

    /** Ring slot of source row clamp(y). */
    private int sourceSlot(int y) {
        return (y < 0 ? 0 : y >= height ? height - 1 : y) % 6;
    }

    /** {@code out[i] = tap6(r0[i], .., r5[i])} for i in [0, n): the unrounded 6-tap filter across six rows. */
    private static void tap6(int[] r0, int[] r1, int[] r2, int[] r3, int[] r4, int[] r5, int[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = (r0[i] + r5[i]) - 5 * (r1[i] + r4[i]) + 20 * (r2[i] + r3[i]); // §8.4.2.2.1 (1, -5, 20, 20, -5, 1)
        }
    }

    /** {@code out[i] = Clip1Y((in[i] + round) >> shift)} in its low 8 bits, for i in [0, n). */
    private static void roundAndClip(int[] in, int[] out, int n, int round, int shift) {
        for (int i = 0; i < n; i++) {
            out[i] = clip1Bits((in[i] + round) >> shift);
        }
    }

    private static void widen(byte[] in, int inOff, int[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = in[inOff + i] & 0xff;
        }
    }

    private static void narrow(int[] in, int inOff, byte[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = (byte) in[inOff + i];
        }
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
        boolean words = (bw & 7) == 0;
        if (planeB == NONE) {
            for (int j = 0; j < bh; j++, oa += s, dstOff += dstStride) {
                if (words) {
                    for (int i = 0; i < bw; i += 8) {
                        LONGS.set(dst, dstOff + i, (long) LONGS.get(a, oa + i));
                    }
                } else {
                    System.arraycopy(a, oa, dst, dstOff, bw);
                }
            }
            return;
        }
        byte[] b = plane(planeB);
        int ob = base + DX_B[frac] + DY_B[frac] * s;
        for (int j = 0; j < bh; j++, oa += s, ob += s, dstOff += dstStride) {
            if (words) {
                for (int i = 0; i < bw; i += 8) {
                    LONGS.set(dst, dstOff + i, average((long) LONGS.get(a, oa + i), (long) LONGS.get(b, ob + i)));
                }
            } else {
                for (int i = 0; i < bw; i++) {
                    dst[dstOff + i] = (byte) (((a[oa + i] & 0xff) + (b[ob + i] & 0xff) + 1) >> 1);
                }
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
        if (planeB == NONE) {
            return bw == 16 ? sad16(src, srcOff, srcStride, a, oa, stride, bh, bound)
                    : sadScalar(src, srcOff, srcStride, a, oa, null, 0, stride, bw, bh, bound);
        }
        byte[] b = plane(planeB);
        int ob = base + DX_B[frac] + DY_B[frac] * stride;
        return bw == 16 ? sadAverage16(src, srcOff, srcStride, a, oa, b, ob, stride, bh, bound)
                : sadScalar(src, srcOff, srcStride, a, oa, b, ob, stride, bw, bh, bound);
    }

    /** SAD of a 16-wide block against plane samples, eight samples per long. */
    private static int sad16(byte[] src, int so, int ss, byte[] a, int oa, int s, int bh, int bound) {
        int sad = 0;
        for (int j = 0; j < bh; j++, oa += s, so += ss) {
            long lanes = absDiffLanes((long) LONGS.get(a, oa), (long) LONGS.get(src, so))
                    + absDiffLanes((long) LONGS.get(a, oa + 8), (long) LONGS.get(src, so + 8));
            sad += sumLanes(lanes);
            if (sad >= bound) {
                return sad;
            }
        }
        return sad;
    }

    /** SAD of a 16-wide block against the rounded average of two planes, eight samples per long. */
    private static int sadAverage16(byte[] src, int so, int ss, byte[] a, int oa, byte[] b, int ob, int s, int bh,
            int bound) {
        int sad = 0;
        for (int j = 0; j < bh; j++, oa += s, ob += s, so += ss) {
            long p0 = average((long) LONGS.get(a, oa), (long) LONGS.get(b, ob));
            long p1 = average((long) LONGS.get(a, oa + 8), (long) LONGS.get(b, ob + 8));
            long lanes = absDiffLanes(p0, (long) LONGS.get(src, so)) + absDiffLanes(p1, (long) LONGS.get(src, so + 8));
            sad += sumLanes(lanes);
            if (sad >= bound) {
                return sad;
            }
        }
        return sad;
    }

    /** SAD against plane {@code a}, or the rounded average of {@code a} and {@code b} when b is not null. */
    private static int sadScalar(byte[] src, int so, int ss, byte[] a, int oa, byte[] b, int ob, int s, int bw,
            int bh, int bound) {
        int sad = 0;
        for (int j = 0; j < bh; j++, oa += s, ob += s, so += ss) {
            if (b == null) {
                for (int i = 0; i < bw; i++) {
                    sad += Math.abs((src[so + i] & 0xff) - (a[oa + i] & 0xff));
                }
            } else {
                for (int i = 0; i < bw; i++) {
                    int p = ((a[oa + i] & 0xff) + (b[ob + i] & 0xff) + 1) >> 1;
                    sad += Math.abs((src[so + i] & 0xff) - p);
                }
            }
            if (sad >= bound) {
                return sad;
            }
        }
        return sad;
    }

    /** Per byte, (p + q + 1) >> 1: p | q minus half of the bits that differ. */
    private static long average(long p, long q) {
        return (p | q) - (((p ^ q) >>> 1) & LOW_7_BITS);
    }

    /** Per byte |p - q|, widened into four 16-bit lanes (each the sum of two byte differences, at most 510). */
    private static long absDiffLanes(long p, long q) {
        long x = p ^ q;
        long d = ((p | HIGH_BITS) - (q & LOW_7_BITS)) ^ (~x & HIGH_BITS); // p - q mod 256, no borrow across bytes
        long less = ((~p & q) | (~x & d)) & HIGH_BITS; // borrow out of bit 7: p < q
        long one = less >>> 7;
        long abs = (d ^ (less | (less - one))) + one; // negate the bytes where p < q; 256 - d never carries
        return (abs & EVEN_BYTES) + ((abs >>> 8) & EVEN_BYTES);
    }

    /** Sum of the four 16-bit lanes, which must not exceed 65535. */
    private static int sumLanes(long lanes) {
        return (int) ((lanes * 0x0001000100010001L) >>> 48);
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

    /**
     * Clip1Y (§5.7) in the low 8 bits: v for 0 <= v <= 255, 0 below, -1 (0xff) above. Shifts and masks rather
     * than min/max or branches, which C2 does not vectorize on JDK 17.
     */
    private static int clip1Bits(int v) {
        return (v & ~(v >> 31)) | ((255 - v) >> 31);
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
