package dev.parley.rtc.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link ColorConversion} against the BT.601 limited-range equations evaluated in double precision (every result
 * within 1 of the exactly rounded value), on known colours, round trips, and strides and offsets.
 */
class ColorConversionTest {

    /** Y, Cb, Cr of R, G, B by the BT.601 limited-range equations, unrounded. */
    private static double[] yuv(double r, double g, double b) {
        double y = 16 + (65.738 * r + 129.057 * g + 25.064 * b) / 256;
        double cb = 128 + (-37.945 * r - 74.494 * g + 112.439 * b) / 256;
        double cr = 128 + (112.439 * r - 94.154 * g - 18.285 * b) / 256;
        return new double[] {y, cb, cr};
    }

    /** R, G, B of Y, Cb, Cr, rounded and clamped to 0..255. */
    private static int[] rgb(int y, int cb, int cr) {
        double c = (y - 16) * 255.0 / 219;
        double u = (cb - 128) * 255.0 / 224;
        double v = (cr - 128) * 255.0 / 224;
        double r = c + 1.402 * v;
        double g = c - (0.114 * 1.772 / 0.587) * u - (0.299 * 1.402 / 0.587) * v;
        double b = c + 1.772 * u;
        return new int[] {clamp(r), clamp(g), clamp(b)};
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "black,   0,   0,   0,  16, 128, 128",
        "white, 255, 255, 255, 235, 128, 128",
        "red,   255,   0,   0,  81,  90, 240",
        "green,   0, 255,   0, 145,  54,  34",
        "blue,    0,   0, 255,  41, 240, 110",
        "grey,  128, 128, 128, 126, 128, 128",
    })
    void knownColours(String name, int r, int g, int b, int y, int cb, int cr) {
        VideoFrame frame = VideoFrame.black(4, 4, 0);
        int[] argb = new int[16];
        Arrays.fill(argb, 0xff000000 | r << 16 | g << 8 | b);
        ColorConversion.argbToI420(argb, 0, 4, frame);
        // Hand-checked BT.601 values (e.g. Rec. 601 colour bars); black and white exactly, the rest within 1.
        int tolerance = name.equals("black") || name.equals("white") ? 0 : 1;
        assertThat(frame.y()[5] & 0xff).isCloseTo(y, offset(tolerance));
        assertThat(frame.u()[3] & 0xff).isCloseTo(cb, offset(tolerance));
        assertThat(frame.v()[0] & 0xff).isCloseTo(cr, offset(tolerance));

        int[] back = new int[16];
        ColorConversion.i420ToArgb(frame, back, 0, 4);
        for (int p : back) {
            assertThat(p >>> 24).isEqualTo(0xff);
            assertThat(Math.abs((p >> 16 & 0xff) - r)).isLessThanOrEqualTo(1);
            assertThat(Math.abs((p >> 8 & 0xff) - g)).isLessThanOrEqualTo(1);
            assertThat(Math.abs((p & 0xff) - b)).isLessThanOrEqualTo(1);
        }
        if (tolerance == 0) {
            assertThat(back).containsOnly(argb[0]);
        }
    }

    /** Every Y, Cb, Cr combination on a coarse grid plus random ones, in all three packed formats. */
    @Test
    void i420ToRgbIsWithinOneOfTheEquations() {
        Random rnd = new Random(1);
        int w = 64;
        int h = 64;
        VideoFrame frame = VideoFrame.black(w, h, 0);
        rnd.nextBytes(frame.y());
        for (int i = 0; i < frame.u().length; i++) {
            // a grid over 0..255 (out-of-range values included) for the first half, random for the rest
            frame.u()[i] = (byte) (i < 512 ? (i % 32) * 8 + 3 : rnd.nextInt(256));
            frame.v()[i] = (byte) (i < 512 ? (i / 32) * 16 + 5 : rnd.nextInt(256));
        }
        int[] argb = new int[w * h];
        byte[] bgr = new byte[w * h * 3];
        byte[] rgb = new byte[w * h * 3];
        ColorConversion.i420ToArgb(frame, argb, 0, w);
        ColorConversion.i420ToBgr24(frame, bgr, 0, w * 3);
        ColorConversion.i420ToRgb24(frame, rgb, 0, w * 3);
        for (int row = 0; row < h; row++) {
            for (int x = 0; x < w; x++) {
                int i = row * w + x;
                int c = (row / 2) * (w / 2) + x / 2;
                int[] want = rgb(frame.y()[i] & 0xff, frame.u()[c] & 0xff, frame.v()[c] & 0xff);
                int p = argb[i];
                int[] got = {p >> 16 & 0xff, p >> 8 & 0xff, p & 0xff};
                for (int k = 0; k < 3; k++) {
                    assertThat(Math.abs(got[k] - want[k])).as("pixel %d channel %d", i, k).isLessThanOrEqualTo(1);
                    assertThat(rgb[3 * i + k] & 0xff).isEqualTo(got[k]);
                    assertThat(bgr[3 * i + 2 - k] & 0xff).isEqualTo(got[k]);
                }
                assertThat(p >>> 24).isEqualTo(0xff);
            }
        }
    }

    /** Random pixels: Y within 1 of each pixel's exact value, Cb and Cr within 1 of the 2x2 block mean's. */
    @Test
    void rgbToI420IsWithinOneOfTheEquations() {
        Random rnd = new Random(2);
        int w = 64;
        int h = 48;
        int[] argb = new int[w * h];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = rnd.nextInt(); // random alpha too: it must be ignored
        }
        VideoFrame fromArgb = VideoFrame.black(w, h, 0);
        ColorConversion.argbToI420(argb, 0, w, fromArgb);
        for (int row = 0; row < h; row++) {
            for (int x = 0; x < w; x++) {
                int p = argb[row * w + x];
                double want = yuv(p >> 16 & 0xff, p >> 8 & 0xff, p & 0xff)[0];
                assertThat(Math.abs((fromArgb.y()[row * w + x] & 0xff) - want)).isLessThanOrEqualTo(1);
            }
        }
        for (int cy = 0; cy < h / 2; cy++) {
            for (int cx = 0; cx < w / 2; cx++) {
                double r = 0;
                double g = 0;
                double b = 0;
                for (int k = 0; k < 4; k++) {
                    int p = argb[(2 * cy + k / 2) * w + 2 * cx + k % 2];
                    r += (p >> 16 & 0xff) / 4.0;
                    g += (p >> 8 & 0xff) / 4.0;
                    b += (p & 0xff) / 4.0;
                }
                double[] want = yuv(r, g, b);
                int c = cy * (w / 2) + cx;
                assertThat(Math.abs((fromArgb.u()[c] & 0xff) - want[1])).isLessThanOrEqualTo(1);
                assertThat(Math.abs((fromArgb.v()[c] & 0xff) - want[2])).isLessThanOrEqualTo(1);
            }
        }
        // The 3-byte paths give exactly the same planes.
        byte[] bgr = new byte[w * h * 3];
        byte[] rgb = new byte[w * h * 3];
        for (int i = 0; i < argb.length; i++) {
            for (int k = 0; k < 3; k++) {
                byte v = (byte) (argb[i] >> (16 - 8 * k));
                rgb[3 * i + k] = v;
                bgr[3 * i + 2 - k] = v;
            }
        }
        VideoFrame fromBgr = VideoFrame.black(w, h, 0);
        VideoFrame fromRgb = VideoFrame.black(w, h, 0);
        ColorConversion.bgr24ToI420(bgr, 0, w * 3, fromBgr);
        ColorConversion.rgb24ToI420(rgb, 0, w * 3, fromRgb);
        for (VideoFrame f : new VideoFrame[] {fromBgr, fromRgb}) {
            assertThat(f.y()).isEqualTo(fromArgb.y());
            assertThat(f.u()).isEqualTo(fromArgb.u());
            assertThat(f.v()).isEqualTo(fromArgb.v());
        }
    }

    /**
     * RGB -> I420 -> RGB on smooth random images (bilinear between random colours 64 pixels apart, so a channel
     * changes by at most 4 from one pixel to the next): the only losses are rounding to 219 luma / 224 chroma levels
     * (up to 2, see the flat-block test) and 2x2 chroma averaging of slowly varying colour.
     */
    @Test
    void roundTripOfSmoothImagesStaysClose() {
        Random rnd = new Random(3);
        int w = 160;
        int h = 96;
        for (int image = 0; image < 8; image++) {
            int[] src = smoothImage(rnd, w, h, 64);
            VideoFrame frame = VideoFrame.black(w, h, 0);
            ColorConversion.argbToI420(src, 0, w, frame);
            int[] back = new int[w * h];
            ColorConversion.i420ToArgb(frame, back, 0, w);
            int max = 0;
            long sum = 0;
            for (int i = 0; i < src.length; i++) {
                for (int shift = 0; shift <= 16; shift += 8) {
                    int d = Math.abs((src[i] >> shift & 0xff) - (back[i] >> shift & 0xff));
                    max = Math.max(max, d);
                    sum += d;
                }
            }
            assertThat(max).as("largest channel error").isLessThanOrEqualTo(5);
            assertThat(sum / (3.0 * w * h)).as("mean channel error").isLessThan(1.0);
        }
    }

    /** Flat 2x2 blocks lose nothing to subsampling: only rounding is left, at most 2 per channel. */
    @Test
    void roundTripOfBlockFlatColoursIsWithinRounding() {
        Random rnd = new Random(4);
        int w = 64;
        int h = 64;
        int[] src = new int[w * h];
        for (int cy = 0; cy < h / 2; cy++) {
            for (int cx = 0; cx < w / 2; cx++) {
                int colour = rnd.nextInt() | 0xff000000;
                for (int k = 0; k < 4; k++) {
                    src[(2 * cy + k / 2) * w + 2 * cx + k % 2] = colour;
                }
            }
        }
        VideoFrame frame = VideoFrame.black(w, h, 0);
        ColorConversion.argbToI420(src, 0, w, frame);
        int[] back = new int[w * h];
        ColorConversion.i420ToArgb(frame, back, 0, w);
        for (int i = 0; i < src.length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                assertThat(Math.abs((src[i] >> shift & 0xff) - (back[i] >> shift & 0xff))).isLessThanOrEqualTo(2);
            }
        }
    }

    @Test
    void stridesAndOffsetsAreHonouredAndPaddingIsLeftAlone() {
        Random rnd = new Random(5);
        int w = 30;
        int h = 22;
        int[] tight = smoothImage(rnd, w, h, 4);
        // Source with an offset and 7 pixels of padding per row; destination planes with padded strides.
        int srcOffset = 13;
        int srcStride = w + 7;
        int[] padded = new int[srcOffset + srcStride * h];
        Arrays.fill(padded, 0x12345678);
        for (int row = 0; row < h; row++) {
            System.arraycopy(tight, row * w, padded, srcOffset + row * srcStride, w);
        }
        byte[] y = filled(40 * h, 0x5a);
        byte[] u = filled(20 * (h / 2), 0x5b);
        byte[] v = filled(24 * (h / 2), 0x5c);
        VideoFrame strided = VideoFrame.wrap(w, h, y, 40, u, 20, v, 24, 0);
        ColorConversion.argbToI420(padded, srcOffset, srcStride, strided);
        VideoFrame packed = VideoFrame.black(w, h, 0);
        ColorConversion.argbToI420(tight, 0, w, packed);
        for (int row = 0; row < h; row++) {
            assertThat(Arrays.copyOfRange(y, row * 40, row * 40 + w))
                    .isEqualTo(Arrays.copyOfRange(packed.y(), row * w, row * w + w));
            assertThat(Arrays.copyOfRange(y, row * 40 + w, row * 40 + 40)).containsOnly((byte) 0x5a);
        }
        for (int row = 0; row < h / 2; row++) {
            assertThat(Arrays.copyOfRange(u, row * 20, row * 20 + w / 2))
                    .isEqualTo(Arrays.copyOfRange(packed.u(), row * (w / 2), (row + 1) * (w / 2)));
            assertThat(Arrays.copyOfRange(v, row * 24, row * 24 + w / 2))
                    .isEqualTo(Arrays.copyOfRange(packed.v(), row * (w / 2), (row + 1) * (w / 2)));
            assertThat(Arrays.copyOfRange(u, row * 20 + w / 2, row * 20 + 20)).containsOnly((byte) 0x5b);
            assertThat(Arrays.copyOfRange(v, row * 24 + w / 2, row * 24 + 24)).containsOnly((byte) 0x5c);
        }

        // Back out through strided outputs: the same pixels as a tight conversion, padding untouched.
        int[] tightBack = new int[w * h];
        ColorConversion.i420ToArgb(packed, tightBack, 0, w);
        int[] argbOut = new int[5 + (w + 3) * h];
        Arrays.fill(argbOut, 7);
        ColorConversion.i420ToArgb(strided, argbOut, 5, w + 3);
        byte[] bgrOut = filled(2 + (3 * w + 5) * h, 9);
        ColorConversion.i420ToBgr24(strided, bgrOut, 2, 3 * w + 5);
        for (int row = 0; row < h; row++) {
            for (int x = 0; x < w; x++) {
                int p = tightBack[row * w + x];
                assertThat(argbOut[5 + row * (w + 3) + x]).isEqualTo(p);
                int b = 2 + row * (3 * w + 5) + 3 * x;
                assertThat(new int[] {bgrOut[b] & 0xff, bgrOut[b + 1] & 0xff, bgrOut[b + 2] & 0xff})
                        .containsExactly(p & 0xff, p >> 8 & 0xff, p >> 16 & 0xff);
            }
            for (int x = w; x < w + 3 && row < h - 1; x++) {
                assertThat(argbOut[5 + row * (w + 3) + x]).isEqualTo(7);
            }
            for (int k = 3 * w; k < 3 * w + 5 && row < h - 1; k++) {
                assertThat(bgrOut[2 + row * (3 * w + 5) + k]).isEqualTo((byte) 9);
            }
        }
        assertThat(Arrays.copyOf(argbOut, 5)).containsOnly(7);
    }

    @Test
    void arraysTooSmallAreRejectedBeforeAnythingIsWritten() {
        VideoFrame frame = VideoFrame.black(8, 8, 0);
        int[] small = new int[8 * 8 - 1];
        assertThatThrownBy(() -> ColorConversion.i420ToArgb(frame, small, 0, 8))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(small).containsOnly(0);
        assertThatThrownBy(() -> ColorConversion.argbToI420(new int[64], 1, 8, frame))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ColorConversion.bgr24ToI420(new byte[3 * 64], 0, 8, frame))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ColorConversion.i420ToRgb24(frame, new byte[3 * 64], -1, 24))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(frame.y()).containsOnly((byte) 16);
    }

    /** Bilinear interpolation between random opaque colours on a grid {@code cell} pixels apart. */
    private static int[] smoothImage(Random rnd, int w, int h, int cell) {
        int gw = w / cell + 2;
        int gh = h / cell + 2;
        int[][] grid = new int[gw * gh][3];
        for (int[] c : grid) {
            c[0] = rnd.nextInt(256);
            c[1] = rnd.nextInt(256);
            c[2] = rnd.nextInt(256);
        }
        int[] img = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int gx = x / cell;
                int gy = y / cell;
                double fx = (x % cell) / (double) cell;
                double fy = (y % cell) / (double) cell;
                int p = 0xff000000;
                for (int k = 0; k < 3; k++) {
                    double top = grid[gy * gw + gx][k] * (1 - fx) + grid[gy * gw + gx + 1][k] * fx;
                    double bottom = grid[(gy + 1) * gw + gx][k] * (1 - fx) + grid[(gy + 1) * gw + gx + 1][k] * fx;
                    p |= (int) Math.round(top * (1 - fy) + bottom * fy) << (16 - 8 * k);
                }
                img[y * w + x] = p;
            }
        }
        return img;
    }

    private static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
