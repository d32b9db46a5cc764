package dev.parley.rtc.codec.h264.decoder;

import dev.parley.rtc.codec.h264.encoder.ChromaMotionCompensation;

/**
 * One decoded picture of the macroblock-aligned size, in planes with a border on every side: a picture being
 * decoded, then (when it is a reference picture) a reference for inter prediction, whose border repeats the edge
 * samples so that motion compensation reads any block near or beyond the edge without clamping each sample
 * (§8.4.2.2 clamps reference coordinates to the picture, which is what the border holds).
 *
 * <p>Sample (x, y) of the luma plane is {@code y[originY + y * strideY + x]}, of a chroma plane
 * {@code u[originC + y * strideC + x]}. The borders are {@link #PAD} luma and {@link #PAD_C} chroma samples wide.
 */
final class Picture {
    /** Luma border: a 16-wide block whose position is clamped to [-18, width + 1] reads 4 more (6-tap filter). */
    static final int PAD = 32;
    /** Chroma border: an 8-wide block clamped to [-8, width - 1] reads one more column. */
    static final int PAD_C = 16;

    final int width;
    final int height;
    final int strideY;
    final int strideC;
    final int originY;
    final int originC;
    final byte[] y;
    final byte[] u;
    final byte[] v;
    /** frame_num of the picture (valid while it is a reference). */
    int frameNum;
    /**
     * A number no other picture of this decoder carries: the deblocking filter compares the pictures two blocks
     * predict from by it (§8.7.2.1), whatever their index in each slice's list.
     */
    int serial;

    /** A picture of {@code width x height} luma samples (multiples of 16). */
    Picture(int width, int height) {
        this.width = width;
        this.height = height;
        this.strideY = width + 2 * PAD;
        this.strideC = width / 2 + 2 * PAD_C;
        this.originY = PAD * strideY + PAD;
        this.originC = PAD_C * strideC + PAD_C;
        this.y = new byte[strideY * (height + 2 * PAD)];
        this.u = new byte[strideC * (height / 2 + 2 * PAD_C)];
        this.v = new byte[u.length];
    }

    /**
     * Chroma inter prediction of a {@code bw x bh} block at chroma (cx, cy) of this picture's Cb or Cr plane
     * ({@code plane}) with the luma vector (mvx, mvy): for 4:2:0 frames the chroma vector in eighth samples
     * (§8.4.1.4, §8.4.2.2.2). The padded plane is handed over whole: clamping to the border of the padded plane
     * reads the same replicated edge samples as clamping to the picture.
     */
    void predictChroma(byte[] plane, int cx, int cy, int mvx, int mvy, int bw, int bh, byte[] dst, int dstOff,
            int dstStride) {
        ChromaMotionCompensation.predict(plane, strideC, width / 2 + 2 * PAD_C, height / 2 + 2 * PAD_C,
                cx + PAD_C, cy + PAD_C, mvx, mvy, bw, bh, dst, dstOff, dstStride);
    }

    /** Fills the borders with copies of the edge samples, making the picture a reference. */
    void extendBorders() {
        extend(y, originY, strideY, width, height, PAD);
        extend(u, originC, strideC, width / 2, height / 2, PAD_C);
        extend(v, originC, strideC, width / 2, height / 2, PAD_C);
    }

    private static void extend(byte[] p, int origin, int stride, int w, int h, int pad) {
        for (int row = 0; row < h; row++) {
            int o = origin + row * stride;
            byte left = p[o];
            byte right = p[o + w - 1];
            for (int i = 1; i <= pad; i++) {
                p[o - i] = left;
                p[o + w - 1 + i] = right;
            }
        }
        int firstRow = origin - pad;
        int lastRow = origin + (h - 1) * stride - pad;
        for (int i = 1; i <= pad; i++) {
            System.arraycopy(p, firstRow, p, firstRow - i * stride, stride);
            System.arraycopy(p, lastRow, p, lastRow + i * stride, stride);
        }
    }
}
