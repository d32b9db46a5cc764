package dev.parley.rtc.media;


/**
 * Converts between {@link VideoFrame}'s I420 (BT.601, limited range: Y 16..235, Cb/Cr 16..240) and packed 8-bit
 * RGB: {@code int} ARGB pixels (0xAARRGGBB, as JavaFX's {@code PixelFormat.getIntArgbPreInstance()} and AWT's
 * {@code TYPE_INT_RGB}/{@code TYPE_INT_ARGB} hold them) and 3-byte pixels in B, G, R order
 * ({@code TYPE_3BYTE_BGR}) or R, G, B order.
 *
 * <p>Integer fixed-point math with 16 fraction bits, each result rounded to nearest (half up) and clamped to
 * 0..255. The coefficients are ITU-R BT.601 (Kr = 0.299, Kb = 0.114) scaled to the limited range (219 luma and
 * 224 chroma steps for 255 RGB steps), times 65536:
 * <pre>
 *   Y  =  16 + ( 0.256788 R + 0.504129 G + 0.097906 B)       (65.738, 129.057, 25.064 / 256)
 *   Cb = 128 + (-0.148223 R - 0.290993 G + 0.439216 B)
 *   Cr = 128 + ( 0.439216 R - 0.367788 G - 0.071427 B)
 *   R  = 1.164384 (Y - 16)                    + 1.596027 (Cr - 128)
 *   G  = 1.164384 (Y - 16) - 0.391762 (Cb - 128) - 0.812968 (Cr - 128)
 *   B  = 1.164384 (Y - 16) + 2.017232 (Cb - 128)
 * </pre>
 * Each Cb/Cr sample is computed from the mean R, G and B of its 2x2 block of pixels (the chroma sample sits at the
 * block's centre). Every method works row by row on the caller's arrays with the strides and offsets given (in
 * pixels for {@code int[]}, in bytes for {@code byte[]}), allocates nothing and checks the array bounds once, before
 * writing; it converts exactly the frame's width x height pixels.
 */
public final class ColorConversion {
    private static final int SHIFT = 16;
    private static final int HALF = 1 << (SHIFT - 1);

    // RGB -> YCbCr, limited range (BT.601 with 219/255 and 224/255 scaling), x 65536
    private static final int Y_R = 16829; // 0.256788
    private static final int Y_G = 33039; // 0.504129
    private static final int Y_B = 6416; // 0.097906
    private static final int CB_R = -9714; // -0.148223
    private static final int CB_G = -19070; // -0.290993 (-19070.5, rounded so the row sums to 0)
    private static final int CB_B = 28784; // 0.439216 (CB_R + CB_G + CB_B = 0: grey has no chroma)
    private static final int CR_R = 28784; // 0.439216
    private static final int CR_G = -24103; // -0.367788
    private static final int CR_B = -4681; // -0.071427 (sums to 0)
    private static final int Y_OFFSET = (16 << SHIFT) + HALF;
    /** 128 and the rounding half for a sum over four pixels, which carries two more fraction bits. */
    private static final int C_OFFSET4 = (128 << (SHIFT + 2)) + (1 << (SHIFT + 1));

    // YCbCr -> RGB, x 65536
    private static final int K_Y = 76309; // 1.164384 = 255/219
    private static final int K_R_CR = 104597; // 1.596027
    private static final int K_G_CB = 25675; // 0.391762
    private static final int K_G_CR = 53279; // 0.812968
    private static final int K_B_CB = 132201; // 2.017232

    private ColorConversion() {
    }

    /**
     * I420 to opaque ARGB pixels 0xFFRRGGBB.
     *
     * @param dstStride pixels from one row of {@code dst} to the next
     */
    public static void i420ToArgb(VideoFrame src, int[] dst, int dstOffset, int dstStride) {
        int w = src.width();
        int h = src.height();
        checkBounds(dst.length, dstOffset, dstStride, w, h, 1);
        byte[] yp = src.y();
        byte[] up = src.u();
        byte[] vp = src.v();
        for (int row = 0; row < h; row++) {
            int yi = row * src.strideY();
            int ui = (row >> 1) * src.strideU();
            int vi = (row >> 1) * src.strideV();
            int d = dstOffset + row * dstStride;
            for (int x = 0; x < w; x += 2) {
                int cb = (up[ui + (x >> 1)] & 0xff) - 128;
                int cr = (vp[vi + (x >> 1)] & 0xff) - 128;
                int r = K_R_CR * cr + HALF;
                int g = -K_G_CB * cb - K_G_CR * cr + HALF;
                int b = K_B_CB * cb + HALF;
                int y0 = K_Y * ((yp[yi + x] & 0xff) - 16);
                int y1 = K_Y * ((yp[yi + x + 1] & 0xff) - 16);
                dst[d + x] = 0xff000000 | clamp(y0 + r) << 16 | clamp(y0 + g) << 8 | clamp(y0 + b);
                dst[d + x + 1] = 0xff000000 | clamp(y1 + r) << 16 | clamp(y1 + g) << 8 | clamp(y1 + b);
            }
        }
    }

    /** I420 to 3-byte pixels in B, G, R order ({@code BufferedImage.TYPE_3BYTE_BGR}); strides in bytes. */
    public static void i420ToBgr24(VideoFrame src, byte[] dst, int dstOffset, int dstStride) {
        i420To24(src, dst, dstOffset, dstStride, 2, 0);
    }

    /** I420 to 3-byte pixels in R, G, B order; strides in bytes. */
    public static void i420ToRgb24(VideoFrame src, byte[] dst, int dstOffset, int dstStride) {
        i420To24(src, dst, dstOffset, dstStride, 0, 2);
    }

    private static void i420To24(VideoFrame src, byte[] dst, int dstOffset, int dstStride, int ri, int bi) {
        int w = src.width();
        int h = src.height();
        checkBounds(dst.length, dstOffset, dstStride, w, h, 3);
        byte[] yp = src.y();
        byte[] up = src.u();
        byte[] vp = src.v();
        for (int row = 0; row < h; row++) {
            int yi = row * src.strideY();
            int ui = (row >> 1) * src.strideU();
            int vi = (row >> 1) * src.strideV();
            int d = dstOffset + row * dstStride;
            for (int x = 0; x < w; x += 2, d += 6) {
                int cb = (up[ui + (x >> 1)] & 0xff) - 128;
                int cr = (vp[vi + (x >> 1)] & 0xff) - 128;
                int r = K_R_CR * cr + HALF;
                int g = -K_G_CB * cb - K_G_CR * cr + HALF;
                int b = K_B_CB * cb + HALF;
                int y0 = K_Y * ((yp[yi + x] & 0xff) - 16);
                int y1 = K_Y * ((yp[yi + x + 1] & 0xff) - 16);
                dst[d + ri] = (byte) clamp(y0 + r);
                dst[d + 1] = (byte) clamp(y0 + g);
                dst[d + bi] = (byte) clamp(y0 + b);
                dst[d + 3 + ri] = (byte) clamp(y1 + r);
                dst[d + 4] = (byte) clamp(y1 + g);
                dst[d + 3 + bi] = (byte) clamp(y1 + b);
            }
        }
    }

    /**
     * ARGB (or xRGB) pixels to I420 in {@code dst}'s planes, over {@code dst}'s width and height. The top byte is
     * ignored: alpha is taken as opaque, so {@code TYPE_INT_RGB} and {@code TYPE_INT_ARGB} images both fit.
     *
     * @param srcStride pixels from one row of {@code src} to the next
     */
    public static void argbToI420(int[] src, int srcOffset, int srcStride, VideoFrame dst) {
        int w = dst.width();
        int h = dst.height();
        checkBounds(src.length, srcOffset, srcStride, w, h, 1);
        byte[] yp = dst.y();
        byte[] up = dst.u();
        byte[] vp = dst.v();
        int sy = dst.strideY();
        for (int row = 0; row < h; row += 2) {
            int s0 = srcOffset + row * srcStride;
            int s1 = s0 + srcStride;
            int y0 = row * sy;
            int y1 = y0 + sy;
            int ui = (row >> 1) * dst.strideU();
            int vi = (row >> 1) * dst.strideV();
            for (int x = 0; x < w; x += 2) {
                int p00 = src[s0 + x];
                int p01 = src[s0 + x + 1];
                int p10 = src[s1 + x];
                int p11 = src[s1 + x + 1];
                int r00 = p00 >> 16 & 0xff;
                int g00 = p00 >> 8 & 0xff;
                int b00 = p00 & 0xff;
                int r01 = p01 >> 16 & 0xff;
                int g01 = p01 >> 8 & 0xff;
                int b01 = p01 & 0xff;
                int r10 = p10 >> 16 & 0xff;
                int g10 = p10 >> 8 & 0xff;
                int b10 = p10 & 0xff;
                int r11 = p11 >> 16 & 0xff;
                int g11 = p11 >> 8 & 0xff;
                int b11 = p11 & 0xff;
                yp[y0 + x] = luma(r00, g00, b00);
                yp[y0 + x + 1] = luma(r01, g01, b01);
                yp[y1 + x] = luma(r10, g10, b10);
                yp[y1 + x + 1] = luma(r11, g11, b11);
                int r = r00 + r01 + r10 + r11;
                int g = g00 + g01 + g10 + g11;
                int b = b00 + b01 + b10 + b11;
                up[ui + (x >> 1)] = cb4(r, g, b);
                vp[vi + (x >> 1)] = cr4(r, g, b);
            }
        }
    }

    /** 3-byte B, G, R pixels ({@code BufferedImage.TYPE_3BYTE_BGR}) to I420 in {@code dst}; strides in bytes. */
    public static void bgr24ToI420(byte[] src, int srcOffset, int srcStride, VideoFrame dst) {
        from24(src, srcOffset, srcStride, dst, 2, 0);
    }

    /** 3-byte R, G, B pixels to I420 in {@code dst}; strides in bytes. */
    public static void rgb24ToI420(byte[] src, int srcOffset, int srcStride, VideoFrame dst) {
        from24(src, srcOffset, srcStride, dst, 0, 2);
    }

    private static void from24(byte[] src, int srcOffset, int srcStride, VideoFrame dst, int ri, int bi) {
        int w = dst.width();
        int h = dst.height();
        checkBounds(src.length, srcOffset, srcStride, w, h, 3);
        byte[] yp = dst.y();
        byte[] up = dst.u();
        byte[] vp = dst.v();
        int sy = dst.strideY();
        for (int row = 0; row < h; row += 2) {
            int s0 = srcOffset + row * srcStride;
            int s1 = s0 + srcStride;
            int y0 = row * sy;
            int y1 = y0 + sy;
            int ui = (row >> 1) * dst.strideU();
            int vi = (row >> 1) * dst.strideV();
            for (int x = 0; x < w; x += 2, s0 += 6, s1 += 6) {
                int r00 = src[s0 + ri] & 0xff;
                int g00 = src[s0 + 1] & 0xff;
                int b00 = src[s0 + bi] & 0xff;
                int r01 = src[s0 + 3 + ri] & 0xff;
                int g01 = src[s0 + 4] & 0xff;
                int b01 = src[s0 + 3 + bi] & 0xff;
                int r10 = src[s1 + ri] & 0xff;
                int g10 = src[s1 + 1] & 0xff;
                int b10 = src[s1 + bi] & 0xff;
                int r11 = src[s1 + 3 + ri] & 0xff;
                int g11 = src[s1 + 4] & 0xff;
                int b11 = src[s1 + 3 + bi] & 0xff;
                yp[y0 + x] = luma(r00, g00, b00);
                yp[y0 + x + 1] = luma(r01, g01, b01);
                yp[y1 + x] = luma(r10, g10, b10);
                yp[y1 + x + 1] = luma(r11, g11, b11);
                int r = r00 + r01 + r10 + r11;
                int g = g00 + g01 + g10 + g11;
                int b = b00 + b01 + b10 + b11;
                up[ui + (x >> 1)] = cb4(r, g, b);
                vp[vi + (x >> 1)] = cr4(r, g, b);
            }
        }
    }

    /** Y of one pixel: always within 16..235, so no clamp. */
    private static byte luma(int r, int g, int b) {
        return (byte) ((Y_R * r + Y_G * g + Y_B * b + Y_OFFSET) >> SHIFT);
    }

    /** Cb from the sums of R, G and B over a 2x2 block (16..240, no clamp). */
    private static byte cb4(int r, int g, int b) {
        return (byte) ((CB_R * r + CB_G * g + CB_B * b + C_OFFSET4) >> (SHIFT + 2));
    }

    private static byte cr4(int r, int g, int b) {
        return (byte) ((CR_R * r + CR_G * g + CR_B * b + C_OFFSET4) >> (SHIFT + 2));
    }

    /** A fixed-point value (rounding half already added) to 0..255. */
    private static int clamp(int v) {
        return Math.min(255, Math.max(0, v >> SHIFT));
    }

    /** The packed side's array must hold h rows of w pixels of {@code unit} elements, {@code stride} apart. */
    private static void checkBounds(int length, int offset, int stride, int w, int h, int unit) {
        if (offset < 0 || stride < w * unit) {
            throw new IllegalArgumentException("offset " + offset + " / stride " + stride + " too small for rows of "
                    + w + " pixels");
        }
        long end = offset + (long) stride * (h - 1) + (long) w * unit;
        if (end > length) {
            throw new IllegalArgumentException("array of " + length + " elements, " + end + " needed for " + w + "x"
                    + h + " pixels");
        }
    }
}
