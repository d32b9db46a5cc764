package dev.parley.rtc.media.synthetic;

import dev.parley.rtc.media.VideoFrame;

/**
 * The "pan" clip: a window onto a {@link PanTexture} that moves {@value #QUARTER_PELS_X}/4 pixels right and
 * {@value #QUARTER_PELS_Y}/4 down per frame, so picture content moves left and up and every fourth frame lands on
 * whole pixels again; in between, samples are bilinearly interpolated (1/4-pel luma, 1/8-pel chroma). Fresh
 * {@link CameraNoise} on top.
 *
 * <p>The texture is about 1.5 times the frame each way and wraps; its planes carry a copy of their first
 * {@code width + 1} columns past the right edge, so a window row is one contiguous run.
 */
final class PanClip implements ClipRenderer {

    /** Horizontal motion per frame in quarter pixels (2.25 px). */
    static final int QUARTER_PELS_X = 9;
    /** Vertical motion per frame in quarter pixels (0.5 px). */
    static final int QUARTER_PELS_Y = 2;

    private final int width;
    private final int height;
    private final long seed;
    private final int texW;
    private final int texH;
    private final int strideY;
    private final int strideC;
    private final byte[] texY;
    private final byte[] texU;
    private final byte[] texV;
    private final byte[] rowY;
    private final byte[] rowC;
    private final Rng rng = new Rng(0);

    PanClip(int width, int height, long seed) {
        this.width = width;
        this.height = height;
        this.seed = seed;
        texW = roundUp128(width + Math.max(256, width / 2));
        texH = roundUp128(height + Math.max(256, height / 2));
        Canvas canvas = PanTexture.draw(texW, texH, seed);
        byte[] y = new byte[texW * texH];
        byte[] u = new byte[texW * texH / 4];
        byte[] v = new byte[texW * texH / 4];
        canvas.toI420(y, u, v);
        strideY = texW + width + 1;
        strideC = texW / 2 + width / 2 + 1;
        texY = padded(y, texW, texH, strideY);
        texU = padded(u, texW / 2, texH / 2, strideC);
        texV = padded(v, texW / 2, texH / 2, strideC);
        rowY = new byte[width];
        rowC = new byte[width / 2];
    }

    private static int roundUp128(int n) {
        return (n + 127) & ~127;
    }

    /** Copies a w x h plane into rows of {@code stride}, repeating the row's start after its end (the wrap). */
    private static byte[] padded(byte[] plane, int w, int h, int stride) {
        byte[] out = new byte[stride * h];
        for (int row = 0; row < h; row++) {
            System.arraycopy(plane, row * w, out, row * stride, w);
            for (int x = w; x < stride; x += w) {
                System.arraycopy(plane, row * w, out, row * stride + x, Math.min(w, stride - x));
            }
        }
        return out;
    }

    @Override
    public void render(int frameIndex, VideoFrame f) {
        rng.reseed(seed, frameIndex);
        long qx = (long) QUARTER_PELS_X * frameIndex;
        long qy = (long) QUARTER_PELS_Y * frameIndex;
        // Luma: position in quarter pixels; chroma (half resolution): the same number counts eighth pixels.
        plane(texY, strideY, texW, texH, (int) ((qx >> 2) % texW), (int) ((qy >> 2) % texH), (int) (qx & 3),
                (int) (qy & 3), 4, f.y(), f.strideY(), width, height, rowY, true);
        int cx = (int) ((qx >> 3) % (texW / 2));
        int cy = (int) ((qy >> 3) % (texH / 2));
        plane(texU, strideC, texW / 2, texH / 2, cx, cy, (int) (qx & 7), (int) (qy & 7), 8, f.u(), f.strideU(),
                width / 2, height / 2, rowC, false);
        plane(texV, strideC, texW / 2, texH / 2, cx, cy, (int) (qx & 7), (int) (qy & 7), 8, f.v(), f.strideV(),
                width / 2, height / 2, rowC, false);
    }

    /**
     * One plane of the window at whole-sample offset (ox, oy) plus (fx, fy) / {@code unit} of a sample, bilinear,
     * then noise into {@code dst}.
     */
    private void plane(byte[] tex, int stride, int tw, int th, int ox, int oy, int fx, int fy, int unit,
                       byte[] dst, int dstStride, int w, int h, byte[] row, boolean luma) {
        int w00 = (unit - fx) * (unit - fy);
        int w01 = fx * (unit - fy);
        int w10 = (unit - fx) * fy;
        int w11 = fx * fy;
        int shift = unit == 4 ? 4 : 6;
        int round = 1 << (shift - 1);
        for (int r = 0; r < h; r++) {
            int r0 = (oy + r) % th;
            int r1 = r0 + 1 == th ? 0 : r0 + 1;
            int a = r0 * stride + ox;
            int b = r1 * stride + ox;
            byte[] src = tex;
            int srcOff = a;
            if (fx != 0 || fy != 0) {
                for (int x = 0; x < w; x++) {
                    row[x] = (byte) (((tex[a + x] & 0xff) * w00 + (tex[a + x + 1] & 0xff) * w01
                            + (tex[b + x] & 0xff) * w10 + (tex[b + x + 1] & 0xff) * w11 + round) >> shift);
                }
                src = row;
                srcOff = 0;
            }
            if (luma) {
                CameraNoise.lumaRow(src, srcOff, dst, r * dstStride, w, rng);
            } else {
                CameraNoise.chromaRow(src, srcOff, dst, r * dstStride, w, rng);
            }
        }
    }
}
