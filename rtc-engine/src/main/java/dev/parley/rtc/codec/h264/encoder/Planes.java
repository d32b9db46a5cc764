package dev.parley.rtc.codec.h264.encoder;

import dev.parley.rtc.media.VideoFrame;

/**
 * One macroblock-aligned I420 picture (width and height multiples of 16), tightly packed: the encoder's copy of the
 * source, its reconstruction, or the reference picture.
 */
final class Planes {
    final int width;
    final int height;
    final int chromaWidth;
    final int chromaHeight;
    final byte[] y;
    final byte[] u;
    final byte[] v;

    Planes(int mbW, int mbH) {
        width = mbW * 16;
        height = mbH * 16;
        chromaWidth = width / 2;
        chromaHeight = height / 2;
        y = new byte[width * height];
        u = new byte[chromaWidth * chromaHeight];
        v = new byte[u.length];
    }

    /** Copies {@code frame} in, repeating its last column and row into the macroblock padding (§7.4.2.1.1 cropping). */
    void copyFrom(VideoFrame frame) {
        copyPlane(frame.y(), frame.strideY(), frame.width(), frame.height(), y, width, height);
        copyPlane(frame.u(), frame.strideU(), frame.chromaWidth(), frame.chromaHeight(), u, chromaWidth, chromaHeight);
        copyPlane(frame.v(), frame.strideV(), frame.chromaWidth(), frame.chromaHeight(), v, chromaWidth, chromaHeight);
    }

    private static void copyPlane(byte[] src, int srcStride, int w, int h, byte[] dst, int dw, int dh) {
        for (int row = 0; row < h; row++) {
            int d = row * dw;
            System.arraycopy(src, row * srcStride, dst, d, w);
            if (dw > w) {
                java.util.Arrays.fill(dst, d + w, d + dw, src[row * srcStride + w - 1]);
            }
        }
        for (int row = h; row < dh; row++) {
            System.arraycopy(dst, (h - 1) * dw, dst, row * dw, dw);
        }
    }
}
