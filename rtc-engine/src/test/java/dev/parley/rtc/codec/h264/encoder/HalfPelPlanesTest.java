package dev.parley.rtc.codec.h264.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link HalfPelPlanes} and {@link ChromaMotionCompensation} against the spec-direct {@link InterpolationReference}
 * (itself checked against jcodec in {@link InterpolationReferenceJcodecTest}).
 */
class HalfPelPlanesTest {
    private static final int[][] BLOCKS =
        {{16, 16}, {16, 8}, {8, 16}, {8, 8}, {8, 4}, {4, 8}, {4, 4}, {30, 3}, {2, 30}};
    private static final int PAD = HalfPelPlanes.PAD;

    @Test
    void everyPlaneSampleIsTheSpecSampleWithClampedCoordinates() {
        HalfPelPlanes planes = new HalfPelPlanes();
        // One instance for all sizes: the arrays are reused (and the stride changes) between builds. The tiny sizes
        // have fewer rows or columns than the 6-tap filter spans, so every tap clamps.
        for (int[] size : new int[][] {{48, 32}, {16, 16}, {32, 48}, {1, 1}, {3, 5}, {7, 2}, {80, 16}}) {
            int w = size[0];
            int h = size[1];
            byte[] luma = InterpolationReferenceJcodecTest.randomPlane(new Random(w * 100L + h), w, h);
            planes.build(luma, w, w, h);
            assertThat(planes.stride()).isEqualTo(w + 2 * PAD);
            for (int y = -PAD; y < h + PAD; y++) {
                for (int x = -PAD; x < w + PAD; x++) {
                    int o = planes.offset(x, y);
                    int[] actual = {planes.full()[o] & 0xff, planes.halfH()[o] & 0xff, planes.halfV()[o] & 0xff,
                        planes.halfC()[o] & 0xff};
                    int[] expected = {spec(luma, w, h, x, y, 0, 0), spec(luma, w, h, x, y, 2, 0),
                        spec(luma, w, h, x, y, 0, 2), spec(luma, w, h, x, y, 2, 2)};
                    if (!Arrays.equals(actual, expected)) {
                        assertThat(actual).as("G, b, h, j at (" + x + "," + y + ") in " + w + "x" + h)
                                .isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void aRebuildAfterChangesInSomeRowsEqualsAFreshBuild() {
        HalfPelPlanes reused = new HalfPelPlanes();
        Random rnd = new Random(77);
        int w = 48;
        int h = 64;
        byte[] luma = InterpolationReferenceJcodecTest.randomPlane(rnd, w, h);
        for (int picture = 0; picture < 40; picture++) {
            // change nothing, one sample, or a band of rows (at the edges too), as a still background with motion does
            int changes = picture % 4 == 0 ? 0 : rnd.nextInt(3) + 1;
            for (int c = 0; c < changes; c++) {
                int row = rnd.nextInt(h);
                int rows = rnd.nextBoolean() ? 1 : rnd.nextInt(12) + 1;
                for (int y = row; y < Math.min(h, row + rows); y++) {
                    int x = rnd.nextInt(w);
                    luma[y * w + x] = (byte) rnd.nextInt(256);
                }
            }
            reused.build(luma, w, w, h);
            HalfPelPlanes fresh = new HalfPelPlanes();
            fresh.build(luma, w, w, h);
            assertThat(reused.full()).as("F, picture " + picture).isEqualTo(fresh.full());
            assertThat(reused.halfH()).as("H, picture " + picture).isEqualTo(fresh.halfH());
            assertThat(reused.halfV()).as("V, picture " + picture).isEqualTo(fresh.halfV());
            assertThat(reused.halfC()).as("C, picture " + picture).isEqualTo(fresh.halfC());
        }
    }

    @Test
    void predictionAndSadEqualTheReferenceForAnyVector() {
        HalfPelPlanes planes = new HalfPelPlanes();
        byte[] expected = new byte[40 * 40];
        byte[] actual = new byte[40 * 40];
        byte[] src = new byte[40 * 40];
        int boundedExits = 0;
        for (int[] size : new int[][] {{64, 48}, {32, 32}, {48, 64}}) {
            int w = size[0];
            int h = size[1];
            Random rnd = new Random(31L * w + h);
            byte[] luma = InterpolationReferenceJcodecTest.randomPlane(rnd, w, h);
            planes.build(luma, w, w, h);
            for (int trial = 0; trial < 120; trial++) {
                int[] block = BLOCKS[trial % BLOCKS.length];
                int bw = block[0];
                int bh = block[1];
                int x = rnd.nextInt(w - bw + 1) & ~3;
                int y = rnd.nextInt(h - bh + 1) & ~3;
                int mvxInt = InterpolationReferenceJcodecTest.randomDisplacement(rnd, w);
                int mvyInt = InterpolationReferenceJcodecTest.randomDisplacement(rnd, h);
                assertThat(planes.inRange(x, y, mvxInt * 4, mvyInt * 4, bw, bh)).isTrue();
                for (int frac = 0; frac < 16; frac++) {
                    int mvx = mvxInt * 4 + (frac & 3);
                    int mvy = mvyInt * 4 + (frac >> 2);
                    Arrays.fill(expected, (byte) 0x11);
                    Arrays.fill(actual, (byte) 0x77);
                    InterpolationReference.predictLuma(luma, w, w, h, x, y, mvx, mvy, bw, bh, expected, 3, 35);
                    planes.predictLuma(x, y, mvx, mvy, bw, bh, actual, 3, 35);
                    String what = bw + "x" + bh + " at (" + x + "," + y + ") mv (" + mvx + "," + mvy + ") in "
                            + w + "x" + h;
                    for (int j = 0; j < bh; j++) {
                        int o = 3 + j * 35;
                        if (!Arrays.equals(actual, o, o + bw, expected, o, o + bw)) {
                            assertThat(Arrays.copyOfRange(actual, o, o + bw)).as(what + " row " + j)
                                    .isEqualTo(Arrays.copyOfRange(expected, o, o + bw));
                        }
                    }

                    // Source block: the prediction plus noise, at an offset inside a larger buffer.
                    int srcOff = 5 * 40 + 2;
                    int sad = 0;
                    for (int j = 0; j < bh; j++) {
                        for (int i = 0; i < bw; i++) {
                            int p = expected[3 + j * 35 + i] & 0xff;
                            int s = rnd.nextInt(4) == 0 ? rnd.nextInt(256)
                                    : Math.max(0, Math.min(255, p + rnd.nextInt(7) - 3));
                            src[srcOff + j * 40 + i] = (byte) s;
                            sad += Math.abs(s - p);
                        }
                    }
                    int fullSad = planes.sadLuma(src, srcOff, 40, x, y, mvx, mvy, bw, bh);
                    if (fullSad != sad) {
                        assertThat(fullSad).as(what).isEqualTo(sad);
                    }
                    int bound = rnd.nextInt(sad + 2) + 1;
                    int bounded = planes.sadLuma(src, srcOff, 40, x, y, mvx, mvy, bw, bh, bound);
                    boolean ok = sad < bound ? bounded == sad : bounded >= bound && bounded <= sad;
                    if (!ok) {
                        assertThat(ok).as(what + ": bounded SAD " + bounded + ", bound " + bound + ", exact " + sad)
                                .isTrue();
                    }
                    if (bounded < sad) {
                        boundedExits++;
                    }
                }
            }
        }
        assertThat(boundedExits).as("the bound cut some searches short").isGreaterThan(100);
    }

    @Test
    void blocksLargerThanTheBorderAllowsAreRefused() {
        HalfPelPlanes planes = new HalfPelPlanes();
        planes.build(new byte[16 * 16], 16, 16, 16);
        assertThat(planes.inRange(0, 0, 1 << 20, -(1 << 20), 16, 16)).isTrue();
        assertThat(planes.inRange(0, 0, 0, 0, HalfPelPlanes.MAX_BLOCK, HalfPelPlanes.MAX_BLOCK)).isTrue();
        assertThat(planes.inRange(0, 0, 0, 0, HalfPelPlanes.MAX_BLOCK + 1, 4)).isFalse();
        assertThat(planes.inRange(0, 0, 0, 0, 4, HalfPelPlanes.MAX_BLOCK + 1)).isFalse();
    }

    @Test
    void chromaFastPathEqualsTheReference() {
        byte[] expected = new byte[8 * 8];
        byte[] actual = new byte[8 * 8];
        int[][] blocks = {{8, 8}, {8, 4}, {4, 8}, {4, 4}, {4, 2}, {2, 4}, {2, 2}};
        for (int[] size : new int[][] {{32, 24}, {8, 8}}) {
            int cw = size[0];
            int ch = size[1];
            Random rnd = new Random(5L * cw + ch);
            byte[] plane = InterpolationReferenceJcodecTest.randomPlane(rnd, cw, ch);
            for (int trial = 0; trial < 300; trial++) {
                int[] block = blocks[trial % blocks.length];
                int bw = block[0];
                int bh = block[1];
                int cx = rnd.nextInt(cw / bw) * bw;
                int cy = rnd.nextInt(ch / bh) * bh;
                int mvx = InterpolationReferenceJcodecTest.randomDisplacement(rnd, cw) * 8 + rnd.nextInt(8);
                int mvy = InterpolationReferenceJcodecTest.randomDisplacement(rnd, ch) * 8 + rnd.nextInt(8);
                if (trial % 5 == 0) {
                    mvx &= ~7; // full-sample copy path
                    mvy &= ~7;
                }
                Arrays.fill(expected, (byte) 0x11);
                Arrays.fill(actual, (byte) 0x77);
                InterpolationReference.predictChroma(plane, cw, cw, ch, cx, cy, mvx, mvy, bw, bh, expected, 0, 8);
                ChromaMotionCompensation.predict(plane, cw, cw, ch, cx, cy, mvx, mvy, bw, bh, actual, 0, 8);
                for (int j = 0; j < bh; j++) {
                    assertThat(Arrays.copyOfRange(actual, j * 8, j * 8 + bw))
                            .as(bw + "x" + bh + " at (" + cx + "," + cy + ") mv (" + mvx + "," + mvy + ") row " + j)
                            .isEqualTo(Arrays.copyOfRange(expected, j * 8, j * 8 + bw));
                }
            }
        }
    }

    @Test
    void chromaBlocksAtAndBeyondThePictureEdgesEqualTheReference() {
        // Every reference position from two samples outside to two samples past the far edge, with every fraction:
        // covers the fast path's bounds (a neighbour column or row is read only when its weight is nonzero).
        int cw = 24;
        int ch = 16;
        byte[] plane = InterpolationReferenceJcodecTest.randomPlane(new Random(77), cw, ch);
        byte[] expected = new byte[10 * 10];
        byte[] actual = new byte[10 * 10];
        int[][] blocks = {{8, 8}, {8, 4}, {4, 4}, {2, 2}};
        for (int[] block : blocks) {
            int bw = block[0];
            int bh = block[1];
            int cx = 8;
            int cy = 4;
            for (int yInt = -2; yInt <= ch - bh + 2; yInt++) {
                for (int xInt = -2; xInt <= cw - bw + 2; xInt++) {
                    for (int frac = 0; frac < 64; frac++) {
                        int mvx = (xInt - cx) * 8 + (frac & 7);
                        int mvy = (yInt - cy) * 8 + (frac >> 3);
                        Arrays.fill(expected, (byte) 0x11);
                        Arrays.fill(actual, (byte) 0x11);
                        InterpolationReference.predictChroma(plane, cw, cw, ch, cx, cy, mvx, mvy, bw, bh, expected, 1,
                                10);
                        ChromaMotionCompensation.predict(plane, cw, cw, ch, cx, cy, mvx, mvy, bw, bh, actual, 1, 10);
                        if (!Arrays.equals(actual, expected)) {
                            assertThat(actual).as(bw + "x" + bh + " mv (" + mvx + "," + mvy + ")").isEqualTo(expected);
                        }
                    }
                }
            }
        }
    }

    private static int spec(byte[] luma, int w, int h, int x, int y, int xFrac, int yFrac) {
        return InterpolationReference.lumaSample(luma, w, w, h, x, y, xFrac, yFrac);
    }
}
