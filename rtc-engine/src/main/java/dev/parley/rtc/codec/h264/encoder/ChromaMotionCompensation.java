package dev.parley.rtc.codec.h264.encoder;

/**
 * 4:2:0 chroma inter prediction (§8.4.2.2.2) with a clamp-free path for blocks whose four bilinear neighbours all
 * lie inside the picture; any other block goes through {@link InterpolationReference#predictChroma}, which clamps.
 * Results equal {@link InterpolationReference#predictChroma} for every input.
 */
public final class ChromaMotionCompensation {
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
        if (xInt < 0 || yInt < 0 || xInt + bw >= cw || yInt + bh >= ch) {
            InterpolationReference.predictChroma(ref, stride, cw, ch, cx, cy, mvx, mvy, bw, bh, dst, dstOff,
                    dstStride);
            return;
        }
        int xFrac = mvx & 7;
        int yFrac = mvy & 7;
        int src = yInt * stride + xInt;
        if ((xFrac | yFrac) == 0) {
            for (int j = 0; j < bh; j++) {
                System.arraycopy(ref, src + j * stride, dst, dstOff + j * dstStride, bw);
            }
            return;
        }
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
