package dev.parley.rtc.codec.h264.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.jcodec.codecs.h264.decode.BlockInterpolator;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.junit.jupiter.api.Test;

/**
 * {@link InterpolationReference} against jcodec 0.2.5's decoder-side interpolation ({@code BlockInterpolator}), a
 * test-only oracle. jcodec stores samples as signed bytes (value - 128) and takes the block position plus vector as
 * one absolute coordinate in quarter (luma) or eighth (chroma) samples; its picture is the decoded, macroblock-
 * aligned size, like ours. Every fractional position, block sizes of all partitions, vectors near and far outside.
 */
class InterpolationReferenceJcodecTest {
    private static final int[][] LUMA_BLOCKS = {{16, 16}, {16, 8}, {8, 16}, {8, 8}, {8, 4}, {4, 8}, {4, 4}};
    private static final int[][] CHROMA_BLOCKS = {{8, 8}, {8, 4}, {4, 8}, {4, 4}, {4, 2}, {2, 4}, {2, 2}};

    @Test
    void lumaMatchesJcodecAtAllSixteenPositions() {
        BlockInterpolator oracle = new BlockInterpolator();
        Picture out = Picture.create(16, 16, ColorSpace.YUV420);
        byte[] ours = new byte[16 * 16];
        int compared = 0;
        for (int[] size : new int[][] {{48, 32}, {64, 48}, {16, 16}}) {
            int w = size[0];
            int h = size[1];
            Random rnd = new Random(1000L * w + h);
            byte[] plane = randomPlane(rnd, w, h);
            Picture ref = signedPicture(w, h, plane, new byte[w * h / 4], new byte[w * h / 4]);
            for (int trial = 0; trial < 150; trial++) {
                int[] block = LUMA_BLOCKS[trial % LUMA_BLOCKS.length];
                int bw = block[0];
                int bh = block[1];
                int x = rnd.nextInt(w / bw) * bw;
                int y = rnd.nextInt(h / bh) * bh;
                int mvxInt = randomDisplacement(rnd, w);
                int mvyInt = randomDisplacement(rnd, h);
                for (int frac = 0; frac < 16; frac++) {
                    int mvx = mvxInt * 4 + (frac & 3);
                    int mvy = mvyInt * 4 + (frac >> 2);
                    Arrays.fill(ours, (byte) 0x55); // stale samples must not pass for a prediction
                    Arrays.fill(out.getPlaneData(0), (byte) 0x2a);
                    InterpolationReference.predictLuma(plane, w, w, h, x, y, mvx, mvy, bw, bh, ours, 0, 16);
                    oracle.getBlockLuma(ref, out, 0, x * 4 + mvx, y * 4 + mvy, bw, bh);
                    assertBlockEquals(ours, out.getPlaneData(0), 16, bw, bh,
                            "luma %dx%d pic %dx%d at (%d,%d) mv (%d,%d)", bw, bh, w, h, x, y, mvx, mvy);
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(3 * 150 * 16);
    }

    @Test
    void chromaMatchesJcodecAtAllEightByEightPositions() {
        byte[] ours = new byte[8 * 8];
        byte[] theirs = new byte[8 * 8];
        for (int[] size : new int[][] {{24, 16}, {32, 24}, {8, 8}}) {
            int cw = size[0];
            int ch = size[1];
            Random rnd = new Random(77L * cw + ch);
            byte[] plane = randomPlane(rnd, cw, ch);
            byte[] signed = toSigned(plane);
            for (int trial = 0; trial < 100; trial++) {
                int[] block = CHROMA_BLOCKS[trial % CHROMA_BLOCKS.length];
                int bw = block[0];
                int bh = block[1];
                int cx = rnd.nextInt(cw / bw) * bw;
                int cy = rnd.nextInt(ch / bh) * bh;
                int mvxInt = randomDisplacement(rnd, cw);
                int mvyInt = randomDisplacement(rnd, ch);
                for (int frac = 0; frac < 64; frac++) {
                    int mvx = mvxInt * 8 + (frac & 7);
                    int mvy = mvyInt * 8 + (frac >> 3);
                    Arrays.fill(ours, (byte) 0x55);
                    Arrays.fill(theirs, (byte) 0x2a);
                    InterpolationReference.predictChroma(plane, cw, cw, ch, cx, cy, mvx, mvy, bw, bh, ours, 0, 8);
                    BlockInterpolator.getBlockChroma(signed, cw, ch, theirs, 0, 8, cx * 8 + mvx, cy * 8 + mvy, bw, bh);
                    assertBlockEquals(ours, theirs, 8, bw, bh,
                            "chroma %dx%d pic %dx%d at (%d,%d) mv (%d,%d)", bw, bh, cw, ch, cx, cy, mvx, mvy);
                }
            }
        }
    }

    /** Full-sample displacement: mostly near the block, often beyond the edges, sometimes very far. */
    static int randomDisplacement(Random rnd, int extent) {
        switch (rnd.nextInt(4)) {
            case 0: return rnd.nextInt(17) - 8;
            case 1: return rnd.nextInt(2 * extent + 1) - extent;
            case 2: return rnd.nextInt(2 * extent + 81) - extent - 40;
            default: return rnd.nextInt(4001) - 2000;
        }
    }

    static byte[] randomPlane(Random rnd, int w, int h) {
        byte[] plane = new byte[w * h];
        // Half noise, half smooth: noise exercises clipping, smooth areas exercise rounding.
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                plane[y * w + x] = (byte) (rnd.nextBoolean() ? rnd.nextInt(256) : (x * 7 + y * 5) & 0xff);
            }
        }
        for (int i = 0; i < 8; i++) {
            plane[rnd.nextInt(plane.length)] = (byte) (rnd.nextBoolean() ? 0 : 255);
        }
        return plane;
    }

    private static Picture signedPicture(int w, int h, byte[] y, byte[] u, byte[] v) {
        Picture pic = Picture.create(w, h, ColorSpace.YUV420);
        System.arraycopy(toSigned(y), 0, pic.getPlaneData(0), 0, w * h);
        System.arraycopy(toSigned(u), 0, pic.getPlaneData(1), 0, u.length);
        System.arraycopy(toSigned(v), 0, pic.getPlaneData(2), 0, v.length);
        return pic;
    }

    private static byte[] toSigned(byte[] unsigned) {
        byte[] s = new byte[unsigned.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = (byte) ((unsigned[i] & 0xff) - 128);
        }
        return s;
    }

    /** {@code ours} holds unsigned samples, {@code signed} jcodec's (value - 128); same stride. */
    private static void assertBlockEquals(byte[] ours, byte[] signed, int stride, int bw, int bh, String what,
            Object... args) {
        for (int j = 0; j < bh; j++) {
            for (int i = 0; i < bw; i++) {
                int expected = signed[j * stride + i] + 128;
                int actual = ours[j * stride + i] & 0xff;
                if (actual != expected) {
                    assertThat(actual).as(String.format(what, args) + " sample (" + i + "," + j + ")")
                            .isEqualTo(expected);
                }
            }
        }
    }
}
