package dev.parley.rtc.codec.h264.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A few samples worked out by hand from §8.4.2.2.1 / §8.4.2.2.2 on tiny 16x16 (chroma 8x8) pictures, checked on
 * both the spec-direct path and the half-sample planes. Position (x, y) with vector (mvx, mvy) predicts one sample.
 */
class InterpolationSpecSamplesTest {
    private static final int W = 16;

    @Test
    void halfAndQuarterSamplesOfALinearRamp() {
        byte[] pic = picture((x, y) -> 30 + 10 * x); // columns 0..5 hold 30, 40, 50, 60, 70, 80
        // b between x = 2 and 3: (30 - 5*40 + 20*50 + 20*60 - 5*70 + 80 + 16) >> 5 = 1776 >> 5 = 55
        assertLuma(pic, 0, 0, 2 * 4 + 2, 0, 55);
        assertLuma(pic, 0, 0, 2 * 4 + 1, 0, 53); // a = (G + b + 1) >> 1 = (50 + 55 + 1) >> 1
        assertLuma(pic, 0, 0, 2 * 4 + 3, 0, 58); // c = (H + b + 1) >> 1 = (60 + 55 + 1) >> 1
        assertLuma(pic, 0, 0, 2 * 4, 2, 50); // h of a vertically constant picture is G
        assertLuma(pic, 0, 0, 2 * 4 + 2, 2, 55); // j: 32 * b1 = 56320, (56320 + 512) >> 10 = 55
    }

    @Test
    void sixTapOvershootIsClipped() {
        // Row pattern 255 255 0 0 255 255 around the half position between x = 2 and 3: b1 = -2040 -> 0.
        byte[] dip = picture((x, y) -> x == 2 || x == 3 ? 0 : 255);
        assertLuma(dip, 2, 5, 2, 0, 0);
        // Row pattern 0 0 255 255 0 0: b1 = 10200, (10200 + 16) >> 5 = 319 -> 255.
        byte[] bump = picture((x, y) -> x == 2 || x == 3 ? 255 : 0);
        assertLuma(bump, 2, 5, 2, 0, 255);
        // Same vertically for h.
        byte[] bumpV = picture((x, y) -> y == 6 || y == 7 ? 255 : 0);
        assertLuma(bumpV, 4, 6, 0, 2, 255);
    }

    @Test
    void centreSampleUsesUnroundedIntermediates() {
        byte[] pic = picture((x, y) -> x == 8 && y == 8 ? 255 : 0);
        // j right-below the impulse: weight 20 * 20: (102000 + 512) >> 10 = 100. (Filtering rounded b values
        // instead, b = (5100 + 16) >> 5 = 159, would give (20 * 159 + 16) >> 5 = 99.)
        assertLuma(pic, 8, 8, 2, 2, 100);
        // Impulse at the first horizontal tap (weight 1), third vertical tap (20): (5100 + 512) >> 10 = 5.
        assertLuma(pic, 10, 8, 2, 2, 5);
        // f = (b + j + 1) >> 1 there, b = (255 + 16) >> 5 = 8: (8 + 5 + 1) >> 1 = 7.
        assertLuma(pic, 10, 8, 2, 1, 7);
        // Weight -5 * 20: (-25500 + 512) >> 10 = -25 -> 0; weight 20 * 1 (sixth vertical tap): 5.
        assertLuma(pic, 9, 8, 2, 2, 0);
        assertLuma(pic, 8, 5, 2, 2, 5);
    }

    @Test
    void referenceCoordinatesAreClampedToThePicture() {
        byte[] pic = picture((x, y) -> x == 0 ? 100 : 0);
        // b at x = -1: taps at columns -3..2 clamp to 0 0 0 0 1 2 -> (100 * (1 - 5 + 20 + 20) + 16) >> 5 = 113.
        assertLuma(pic, 0, 3, -2, 0, 113);
        // Far left: every tap is column 0, so full, half and quarter samples all give 100.
        assertLuma(pic, 0, 3, -4000, 0, 100);
        assertLuma(pic, 0, 3, -4002, 0, 100);
        assertLuma(pic, 0, 3, -4001, -4003, 100);
        // Far right: every tap is column 15 (0).
        assertLuma(pic, 15, 3, 4002, 4001, 0);
        // a between column 0 (100) and b at x = -1 (113) below the picture: (100 + 113 + 1) >> 1 = 107.
        assertLuma(pic, 0, 15, -3, 400, 107);
    }

    @Test
    void chromaBilinearWeights() {
        byte[] pic = new byte[8 * 8];
        pic[0] = 10;
        pic[1] = 20;
        pic[8] = 30;
        pic[9] = 40;
        // (6*2*10 + 2*2*20 + 6*6*30 + 2*6*40 + 32) >> 6 = 1792 >> 6 = 28
        assertChroma(pic, 0, 0, 2, 6, 28);
        assertChroma(pic, 0, 0, 0, 0, 10);
        // x = -2 + 3/8: A and B both clamp to column 0, so row 0 weighs 32 * 10 and row 1 32 * 30 at y = 4/8:
        // (320 + 960 + 32) >> 6 = 1312 >> 6 = 20.
        assertChroma(pic, 0, 0, -16 + 3, 4, 20);
        // Above and left of the picture everything is A = 10.
        assertChroma(pic, 0, 0, -805, -803, 10);
    }

    private interface Pattern {
        int at(int x, int y);
    }

    private static byte[] picture(Pattern p) {
        byte[] pic = new byte[W * W];
        for (int y = 0; y < W; y++) {
            for (int x = 0; x < W; x++) {
                pic[y * W + x] = (byte) p.at(x, y);
            }
        }
        return pic;
    }

    private static void assertLuma(byte[] pic, int x, int y, int mvx, int mvy, int expected) {
        byte[] out = new byte[1];
        InterpolationReference.predictLuma(pic, W, W, W, x, y, mvx, mvy, 1, 1, out, 0, 1);
        String what = "(" + x + "," + y + ") mv (" + mvx + "," + mvy + ")";
        assertThat(out[0] & 0xff).as("reference " + what).isEqualTo(expected);
        HalfPelPlanes planes = new HalfPelPlanes();
        planes.build(pic, W, W, W);
        planes.predictLuma(x, y, mvx, mvy, 1, 1, out, 0, 1);
        assertThat(out[0] & 0xff).as("planes " + what).isEqualTo(expected);
    }

    private static void assertChroma(byte[] pic, int cx, int cy, int mvx, int mvy, int expected) {
        byte[] out = new byte[1];
        InterpolationReference.predictChroma(pic, 8, 8, 8, cx, cy, mvx, mvy, 1, 1, out, 0, 1);
        assertThat(out[0] & 0xff).as("reference mv (" + mvx + "," + mvy + ")").isEqualTo(expected);
        ChromaMotionCompensation.predict(pic, 8, 8, 8, cx, cy, mvx, mvy, 1, 1, out, 0, 1);
        assertThat(out[0] & 0xff).as("fast mv (" + mvx + "," + mvy + ")").isEqualTo(expected);
    }
}
