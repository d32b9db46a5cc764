package dev.parley.rtc.codec.h264.encoder;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * 4:2:0 chroma inter prediction (§8.4.2.2.2) with a clamp-free path for blocks whose four bilinear neighbours all
 * lie inside the picture; any other block goes through {@link InterpolationReference#predictChroma}, which clamps.
 * Results equal {@link InterpolationReference#predictChroma} for every input.
 */
public final class ChromaMotionCompensation {
    // Eight-wide blocks (the encoder's 16x16 partitions) work on eight samples per long. Lane k of every long read or
    // written through this view is the byte at offset k whatever the byte order, since all accesses use it.
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final long EVEN_BYTES = 0x00ff00ff00ff00ffL;
    private static final long ROUND = 0x0020002000200020L; // 32 in each 16-bit lane

    private ChromaMotionCompensation() {
    }

    /**
     * Chroma prediction of a {@code bw x bh} block; same arguments and result as
     * {@link InterpolationReference#predictChroma}: {@code ref} is a Cb or Cr plane of the decoded size
     * {@code cw x ch}, (cx, cy) the block's top-left chroma sample, (mvx, mvy) the LUMA motion vector (quarter luma
     * samples = eighth chroma samples for 4:2:0); output at {@code dst[dstOff + j * dstStride + i]}.
     */
    public static void predict(byte[] ref, int stride, int cw, int ch, int cx, int cy, int mvx, int mvy,
            int bw, int bh, byte[] dst, int dstOff, int dstStride) {
        int xInt = cx + (mvx >> 3);
        int yInt = cy + (mvy >> 3);
        int xFrac = mvx & 7;
        int yFrac = mvy & 7;
        // The column right of the block (row below it) is read only with a nonzero weight, i.e. xFrac (yFrac) != 0.
        if (xInt < 0 || yInt < 0 || xInt + bw + (xFrac == 0 ? 0 : 1) > cw || yInt + bh + (yFrac == 0 ? 0 : 1) > ch) {
            InterpolationReference.predictChroma(ref, stride, cw, ch, cx, cy, mvx, mvy, bw, bh, dst, dstOff,
                    dstStride);
            return;
        }
        int src = yInt * stride + xInt;
        if ((xFrac | yFrac) == 0) {
            for (int j = 0; j < bh; j++, src += stride, dstOff += dstStride) {
                if (bw == 8) {
                    LONGS.set(dst, dstOff, (long) LONGS.get(ref, src));
                } else {
                    System.arraycopy(ref, src, dst, dstOff, bw);
                }
            }
        } else if (bw == 8) {
            bilinear8(ref, stride, src, xFrac, yFrac, bh, dst, dstOff, dstStride);
        } else if (xInt + bw >= cw || yInt + bh >= ch) {
            // The loop below reads both neighbours whatever their weights.
            InterpolationReference.predictChroma(ref, stride, cw, ch, cx, cy, mvx, mvy, bw, bh, dst, dstOff,
                    dstStride);
        } else {
            int wa = (8 - xFrac) * (8 - yFrac); // §8.4.2.2.2 bilinear weights of A, B, C, D
            int wb = xFrac * (8 - yFrac);
            int wc = (8 - xFrac) * yFrac;
            int wd = xFrac * yFrac;
            for (int j = 0; j < bh; j++, src += stride, dstOff += dstStride) {
                for (int i = 0; i < bw; i++) {
                    int p = src + i;
                    dst[dstOff + i] = (byte) ((wa * (ref[p] & 0xff) + wb * (ref[p + 1] & 0xff)
                            + wc * (ref[p + stride] & 0xff) + wd * (ref[p + stride + 1] & 0xff) + 32) >> 6);
                }
            }
        }
    }

    /**
     * The §8.4.2.2.2 weighted sum of an eight-wide block, split as (8 - yFrac) * upper + yFrac * lower with
     * upper/lower = (8 - xFrac) * A + xFrac * B along one reference row, which is the same integer. Even and odd
     * samples go to separate longs of four 16-bit lanes; no lane overflows, as a row sum is at most 8 * 255 and the
     * total plus 32 at most 64 * 255 + 32 < 65536. Reads the column right of the block only if xFrac != 0 and the
     * row below it only if yFrac != 0.
     */
    private static void bilinear8(byte[] ref, int stride, int src, int xFrac, int yFrac, int bh, byte[] dst,
            int dstOff, int dstStride) {
        long left = 8 - xFrac;
        long right = xFrac;
        int dx = xFrac == 0 ? 0 : 1;
        long a = (long) LONGS.get(ref, src);
        long b = (long) LONGS.get(ref, src + dx);
        long evenUpper = left * (a & EVEN_BYTES) + right * (b & EVEN_BYTES);
        long oddUpper = left * ((a >>> 8) & EVEN_BYTES) + right * ((b >>> 8) & EVEN_BYTES);
        if (yFrac == 0) {
            for (int j = 0; j < bh; j++, dstOff += dstStride) {
                if (j > 0) {
                    src += stride;
                    a = (long) LONGS.get(ref, src);
                    b = (long) LONGS.get(ref, src + dx);
                    evenUpper = left * (a & EVEN_BYTES) + right * (b & EVEN_BYTES);
                    oddUpper = left * ((a >>> 8) & EVEN_BYTES) + right * ((b >>> 8) & EVEN_BYTES);
                }
                LONGS.set(dst, dstOff, combine((evenUpper << 3) + ROUND, (oddUpper << 3) + ROUND));
            }
            return;
        }
        long upper = 8 - yFrac;
        long lower = yFrac;
        for (int j = 0; j < bh; j++, dstOff += dstStride) {
            src += stride;
            a = (long) LONGS.get(ref, src);
            b = (long) LONGS.get(ref, src + dx);
            long even = left * (a & EVEN_BYTES) + right * (b & EVEN_BYTES);
            long odd = left * ((a >>> 8) & EVEN_BYTES) + right * ((b >>> 8) & EVEN_BYTES);
            LONGS.set(dst, dstOff,
                    combine(upper * evenUpper + lower * even + ROUND, upper * oddUpper + lower * odd + ROUND));
            evenUpper = even;
            oddUpper = odd;
        }
    }

    /**
     * Eight output bytes from the rounded 16-bit lane sums of the even and odd samples: >> 6 per lane, where the
     * bits shifted in from the next lane land above bit 7 and are masked off.
     */
    private static long combine(long evenSums, long oddSums) {
        return ((evenSums >>> 6) & EVEN_BYTES) | (((oddSums >>> 6) & EVEN_BYTES) << 8);
    }
}
