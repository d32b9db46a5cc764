package dev.parley.rtc.media.synthetic;

/**
 * A drawing surface with Y, U and V at full resolution (4:4:4), used once per clip to build its still pictures, then
 * turned into I420 by averaging chroma over 2x2 blocks. A wrapping canvas is a torus: what is drawn past one edge
 * comes back in at the opposite one, so a texture built on it tiles seamlessly.
 */
final class Canvas {

    final int width;
    final int height;
    final byte[] y;
    final byte[] u;
    final byte[] v;
    private final boolean wrap;

    /** A canvas filled with {@code yuv}; width and height even. */
    Canvas(int width, int height, boolean wrap, int yuv) {
        this.width = width;
        this.height = height;
        this.wrap = wrap;
        y = new byte[width * height];
        u = new byte[width * height];
        v = new byte[width * height];
        java.util.Arrays.fill(y, (byte) Yuv.y(yuv));
        java.util.Arrays.fill(u, (byte) Yuv.u(yuv));
        java.util.Arrays.fill(v, (byte) Yuv.v(yuv));
    }

    /** Sets one pixel; outside the canvas it wraps (torus) or is dropped. */
    void set(int x, int row, int yuv) {
        if (wrap) {
            x = Math.floorMod(x, width);
            row = Math.floorMod(row, height);
        } else if (x < 0 || row < 0 || x >= width || row >= height) {
            return;
        }
        int i = row * width + x;
        y[i] = (byte) Yuv.y(yuv);
        u[i] = (byte) Yuv.u(yuv);
        v[i] = (byte) Yuv.v(yuv);
    }

    /** Fills every pixel whose centre is inside the shape. */
    void fill(Shape shape, int yuv) {
        int x0 = (int) Math.floor(shape.minX());
        int x1 = (int) Math.ceil(shape.maxX());
        int y0 = (int) Math.floor(shape.minY());
        int y1 = (int) Math.ceil(shape.maxY());
        if (!wrap) {
            x0 = Math.max(x0, 0);
            y0 = Math.max(y0, 0);
            x1 = Math.min(x1, width - 1);
            y1 = Math.min(y1, height - 1);
        }
        for (int row = y0; row <= y1; row++) {
            for (int x = x0; x <= x1; x++) {
                if (shape.contains(x + 0.5, row + 0.5)) {
                    set(x, row, yuv);
                }
            }
        }
    }

    /** Fills the pixels [x0, x1) x [y0, y1), clipped (or wrapped). */
    void fillRect(int x0, int y0, int x1, int y1, int yuv) {
        for (int row = y0; row < y1; row++) {
            for (int x = x0; x < x1; x++) {
                set(x, row, yuv);
            }
        }
    }

    /**
     * Writes the picture as I420 into tightly packed planes (strides {@code width} and {@code width / 2}); each
     * chroma sample is the rounded mean of its 2x2 block.
     */
    void toI420(byte[] dstY, byte[] dstU, byte[] dstV) {
        System.arraycopy(y, 0, dstY, 0, width * height);
        int cw = width / 2;
        for (int cy = 0; cy < height / 2; cy++) {
            int top = 2 * cy * width;
            int bottom = top + width;
            for (int cx = 0; cx < cw; cx++) {
                int a = top + 2 * cx;
                int b = bottom + 2 * cx;
                dstU[cy * cw + cx] = (byte) (((u[a] & 0xff) + (u[a + 1] & 0xff) + (u[b] & 0xff) + (u[b + 1] & 0xff)
                        + 2) >> 2);
                dstV[cy * cw + cx] = (byte) (((v[a] & 0xff) + (v[a + 1] & 0xff) + (v[b] & 0xff) + (v[b + 1] & 0xff)
                        + 2) >> 2);
            }
        }
    }
}
