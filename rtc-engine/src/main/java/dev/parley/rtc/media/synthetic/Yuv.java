package dev.parley.rtc.media.synthetic;

/** Colours packed as {@code Y << 16 | U << 8 | V}, BT.601 limited range, as {@link dev.parley.rtc.media.VideoFrame} holds them. */
final class Yuv {

    private Yuv() {
    }

    /** The limited-range YUV of an 8-bit RGB colour (BT.601 matrix, rounded). */
    static int rgb(int r, int g, int b) {
        int y = 16 + (int) Math.round((65.738 * r + 129.057 * g + 25.064 * b) / 256);
        int u = 128 + (int) Math.round((-37.945 * r - 74.494 * g + 112.439 * b) / 256);
        int v = 128 + (int) Math.round((112.439 * r - 94.154 * g - 18.285 * b) / 256);
        return of(y, u, v);
    }

    /** Grey of luma {@code y} (neutral chroma). */
    static int grey(int y) {
        return of(y, 128, 128);
    }

    static int of(int y, int u, int v) {
        return clamp(y) << 16 | clamp(u) << 8 | clamp(v);
    }

    static int y(int yuv) {
        return yuv >>> 16 & 0xff;
    }

    static int u(int yuv) {
        return yuv >>> 8 & 0xff;
    }

    static int v(int yuv) {
        return yuv & 0xff;
    }

    static int clamp(int x) {
        return x < 0 ? 0 : Math.min(x, 255);
    }
}
