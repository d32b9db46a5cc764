package dev.parley.rtc.codec.h264.encoder;

import static dev.parley.rtc.codec.h264.encoder.IntraTestPlanes.at;
import static dev.parley.rtc.codec.h264.encoder.IntraTestPlanes.signed;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.jcodec.codecs.h264.decode.Intra16x16PredictionBuilder;
import org.junit.jupiter.api.Test;

/**
 * Intra_16x16 prediction against jcodec 0.2.5's decoder-side builder (the oracle) over random neighbourhoods and
 * every availability combination, plus hand-checked DC and plane cases.
 */
class Intra16x16PredictorTest {
    private static final int W = 40;
    private static final int H = 40;

    @Test
    void matchesJcodecForEveryModeAndAvailability() {
        Random rnd = new Random(0x1616);
        int[] pred = new int[256];
        int compared = 0;
        for (int iter = 0; iter < 300; iter++) {
            byte[] plane = IntraTestPlanes.random(rnd, W, H);
            int x = 1 + rnd.nextInt(W - 16);
            int y = 1 + rnd.nextInt(H - 16);
            for (int flags = 0; flags < 8; flags++) {
                boolean left = (flags & 1) != 0;
                boolean top = (flags & 2) != 0;
                boolean topLeft = (flags & 4) != 0;
                for (int mode = 0; mode < Intra16x16Predictor.MODE_COUNT; mode++) {
                    if (!Intra16x16Predictor.modeAvailable(mode, left, top, topLeft)) {
                        continue;
                    }
                    Arrays.fill(pred, -1);
                    Intra16x16Predictor.predict(mode, plane, W, x, y, left, top, topLeft, pred);
                    int[] expected = oracle(mode, plane, W, x, y, left, top, topLeft, rnd);
                    if (!Arrays.equals(pred, expected)) { // AssertJ only on failure, for speed
                        assertThat(pred).as("mode %d flags %s iter %d", mode, Integer.toBinaryString(flags), iter)
                                .containsExactly(expected);
                    }
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(300 * (8 + 4 + 4 + 1)); // DC always, V and H half the time, plane once
    }

    @Test
    void modeAvailabilityFollowsTheSpec() {
        for (int flags = 0; flags < 8; flags++) {
            boolean left = (flags & 1) != 0;
            boolean top = (flags & 2) != 0;
            boolean topLeft = (flags & 4) != 0;
            assertThat(Intra16x16Predictor.modeAvailable(0, left, top, topLeft)).isEqualTo(top);
            assertThat(Intra16x16Predictor.modeAvailable(1, left, top, topLeft)).isEqualTo(left);
            assertThat(Intra16x16Predictor.modeAvailable(2, left, top, topLeft)).isTrue();
            assertThat(Intra16x16Predictor.modeAvailable(3, left, top, topLeft)).isEqualTo(left && top && topLeft);
            assertThat(Intra16x16Predictor.modeAvailable(4, left, top, topLeft)).isFalse();
        }
    }

    @Test
    void dcWithNothingAvailableIsMidGreyAndReadsNothing() {
        byte[] plane = new byte[256]; // exactly one macroblock: any neighbour read is out of bounds
        Arrays.fill(plane, (byte) 3);
        int[] pred = new int[256];
        Intra16x16Predictor.predict(Intra16x16Predictor.DC, plane, 16, 0, 0, false, false, false, pred);
        assertThat(pred).containsOnly(128);
    }

    @Test
    void dcHalvesToTheAvailableEdge() {
        int stride = 17;
        byte[] plane = new byte[stride * 17];
        for (int i = 0; i < 16; i++) {
            plane[1 + i] = (byte) (i < 8 ? 10 : 11); // top sums to 168
            plane[(1 + i) * stride] = (byte) 200; // left sums to 3200
        }
        int[] pred = new int[256];
        Intra16x16Predictor.predict(Intra16x16Predictor.DC, plane, stride, 1, 1, true, true, false, pred);
        assertThat(pred).containsOnly((168 + 3200 + 16) >> 5); // 105
        Intra16x16Predictor.predict(Intra16x16Predictor.DC, plane, stride, 1, 1, false, true, false, pred);
        assertThat(pred).containsOnly((168 + 8) >> 4); // 11
        Intra16x16Predictor.predict(Intra16x16Predictor.DC, plane, stride, 1, 1, true, false, false, pred);
        assertThat(pred).containsOnly(200);
    }

    @Test
    void planeReproducesALinearRamp() {
        // f(x,y) = 100 + 2x - y on the neighbours; for small integer gradients b = 32 gx and c = 32 gy exactly
        // (§8.3.3.4), so the prediction continues the ramp into the block.
        int stride = 17;
        byte[] plane = new byte[stride * 17];
        for (int i = -1; i < 16; i++) {
            plane[1 + i] = (byte) (100 + 2 * i + 1); // p[i,-1] = f(i,-1), including p[-1,-1] = 99
        }
        for (int j = 0; j < 16; j++) {
            plane[(1 + j) * stride] = (byte) (100 - 2 - j); // p[-1,j] = f(-1,j)
        }
        int[] pred = new int[256];
        Intra16x16Predictor.predict(Intra16x16Predictor.PLANE, plane, stride, 1, 1, true, true, true, pred);
        for (int yy = 0; yy < 16; yy++) {
            for (int xx = 0; xx < 16; xx++) {
                assertThat(pred[yy * 16 + xx]).as("(%d,%d)", xx, yy).isEqualTo(100 + 2 * xx - yy);
            }
        }
    }

    @Test
    void planeClipsBothWaysAndShiftsNegativeGradientsArithmetically() {
        int stride = 17;
        int[] pred = new int[256];
        // Bright edges, dark corner: H = V = 8 * 255, b = c = (5 * 2040 + 32) >> 6 = 159, a = 16 * 510.
        byte[] plane = edges(stride, 0, 255);
        Intra16x16Predictor.predict(Intra16x16Predictor.PLANE, plane, stride, 1, 1, true, true, true, pred);
        assertThat(pred[0]).isEqualTo((8160 - 159 * 14 + 16) >> 5); // 185
        assertThat(pred[255]).isEqualTo(255); // (8160 + 159 * 16 + 16) >> 5 = 335, clipped
        // Dark edges, bright corner: b = c = (-10200 + 32) >> 6 = -159 (floor), a = 0.
        plane = edges(stride, 255, 0);
        Intra16x16Predictor.predict(Intra16x16Predictor.PLANE, plane, stride, 1, 1, true, true, true, pred);
        assertThat(pred[0]).isEqualTo((159 * 14 + 16) >> 5); // 70
        assertThat(pred[255]).isZero(); // negative, clipped
    }

    private static byte[] edges(int stride, int corner, int edge) {
        byte[] plane = new byte[stride * 17];
        plane[0] = (byte) corner;
        for (int i = 1; i <= 16; i++) {
            plane[i] = (byte) edge;
            plane[i * stride] = (byte) edge;
        }
        return plane;
    }

    /**
     * jcodec's builder takes leftRow[16] (the column left of the macroblock), topLine (the picture-wide row above,
     * indexed from mbOffX) and topLeft[0]; it writes prediction + residual (zero here) as signed bytes into a 16x16
     * raster. Unavailable samples get independent garbage.
     */
    private static int[] oracle(int mode, byte[] plane, int stride, int x, int y, boolean left, boolean top,
            boolean topLeft, Random rnd) {
        int mbOffX = 16 * rnd.nextInt(3);
        byte[] leftRow = new byte[16];
        byte[] topLine = new byte[mbOffX + 16];
        byte[] topLeftArr = new byte[1];
        IntraTestPlanes.garbage(rnd, leftRow);
        IntraTestPlanes.garbage(rnd, topLine);
        IntraTestPlanes.garbage(rnd, topLeftArr);
        for (int i = 0; i < 16; i++) {
            if (left) {
                leftRow[i] = signed(at(plane, stride, x - 1, y + i));
            }
            if (top) {
                topLine[mbOffX + i] = signed(at(plane, stride, x + i, y - 1));
            }
        }
        if (topLeft) {
            topLeftArr[0] = signed(at(plane, stride, x - 1, y - 1));
        }
        byte[] mb = new byte[256];
        Intra16x16PredictionBuilder.predictWithMode(mode, new int[16][16], left, top, leftRow, topLine, topLeftArr,
                mbOffX, mb);
        int[] out = new int[256];
        for (int i = 0; i < 256; i++) {
            out[i] = mb[i] + 128;
        }
        return out;
    }
}
