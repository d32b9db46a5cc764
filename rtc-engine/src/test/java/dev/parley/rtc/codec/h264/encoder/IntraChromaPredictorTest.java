package dev.parley.rtc.codec.h264.encoder;

import static dev.parley.rtc.codec.h264.encoder.IntraTestPlanes.at;
import static dev.parley.rtc.codec.h264.encoder.IntraTestPlanes.signed;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.jcodec.codecs.h264.decode.ChromaPredictionBuilder;
import org.junit.jupiter.api.Test;

/**
 * 4:2:0 chroma intra prediction against jcodec 0.2.5's decoder-side builder (the oracle) over random
 * neighbourhoods and every availability combination, plus hand-checked DC rules per 4x4 block and plane cases.
 */
class IntraChromaPredictorTest {
    private static final int W = 24;
    private static final int H = 24;

    @Test
    void matchesJcodecForEveryModeAndAvailability() {
        Random rnd = new Random(0xc4);
        int[] pred = new int[80];
        int compared = 0;
        for (int iter = 0; iter < 400; iter++) {
            byte[] plane = IntraTestPlanes.random(rnd, W, H);
            int x = 1 + rnd.nextInt(W - 8);
            int y = 1 + rnd.nextInt(H - 8);
            for (int flags = 0; flags < 8; flags++) {
                boolean left = (flags & 1) != 0;
                boolean top = (flags & 2) != 0;
                boolean topLeft = (flags & 4) != 0;
                for (int mode = 0; mode < IntraChromaPredictor.MODE_COUNT; mode++) {
                    if (!IntraChromaPredictor.modeAvailable(mode, left, top, topLeft)) {
                        continue;
                    }
                    int off = rnd.nextInt(pred.length - 64 + 1);
                    Arrays.fill(pred, -1);
                    IntraChromaPredictor.predict(mode, plane, W, x, y, left, top, topLeft, pred, off);
                    int[] expected = oracle(mode, plane, W, x, y, left, top, topLeft, rnd);
                    int[] actual = Arrays.copyOfRange(pred, off, off + 64);
                    if (!Arrays.equals(actual, expected)) { // AssertJ only on failure, for speed
                        assertThat(actual).as("mode %d flags %s iter %d", mode, Integer.toBinaryString(flags), iter)
                                .containsExactly(expected);
                    }
                    int written = -1;
                    for (int i = 0; i < pred.length && written < 0; i++) {
                        if ((i < off || i >= off + 64) && pred[i] != -1) {
                            written = i;
                        }
                    }
                    assertThat(written).as("first index written outside the block").isEqualTo(-1);
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(400 * (8 + 4 + 4 + 1));
    }

    @Test
    void modeAvailabilityFollowsTheSpec() {
        for (int flags = 0; flags < 8; flags++) {
            boolean left = (flags & 1) != 0;
            boolean top = (flags & 2) != 0;
            boolean topLeft = (flags & 4) != 0;
            assertThat(IntraChromaPredictor.modeAvailable(0, left, top, topLeft)).isTrue();
            assertThat(IntraChromaPredictor.modeAvailable(1, left, top, topLeft)).isEqualTo(left);
            assertThat(IntraChromaPredictor.modeAvailable(2, left, top, topLeft)).isEqualTo(top);
            assertThat(IntraChromaPredictor.modeAvailable(3, left, top, topLeft)).isEqualTo(left && top && topLeft);
            assertThat(IntraChromaPredictor.modeAvailable(4, left, top, topLeft)).isFalse();
        }
    }

    @Test
    void dcPrefersDifferentNeighboursPerBlock() {
        // Top: p[0..3,-1] = 10, p[4..7,-1] = 20; left: p[-1,0..3] = 30, p[-1,4..7] = 40.
        int stride = 9;
        byte[] plane = new byte[stride * 9];
        for (int i = 0; i < 8; i++) {
            plane[1 + i] = (byte) (i < 4 ? 10 : 20);
            plane[(1 + i) * stride] = (byte) (i < 4 ? 30 : 40);
        }
        int[] pred = new int[64];
        // Both: (0,0) and (4,4) average top and left, (4,0) takes its top only, (0,4) its left only (§8.3.4.1).
        IntraChromaPredictor.predict(IntraChromaPredictor.DC, plane, stride, 1, 1, true, true, false, pred, 0);
        assertQuadrants(pred, 20, 20, 40, 30);
        // Top only: every block takes the top samples above its own column.
        IntraChromaPredictor.predict(IntraChromaPredictor.DC, plane, stride, 1, 1, false, true, false, pred, 0);
        assertQuadrants(pred, 10, 20, 10, 20);
        // Left only: every block takes the left samples beside its own row.
        IntraChromaPredictor.predict(IntraChromaPredictor.DC, plane, stride, 1, 1, true, false, false, pred, 0);
        assertQuadrants(pred, 30, 30, 40, 40);
    }

    @Test
    void dcWithNothingAvailableIsMidGreyAndReadsNothing() {
        byte[] plane = new byte[64];
        Arrays.fill(plane, (byte) 5);
        int[] pred = new int[64];
        IntraChromaPredictor.predict(IntraChromaPredictor.DC, plane, 8, 0, 0, false, false, false, pred, 0);
        assertThat(pred).containsOnly(128);
    }

    @Test
    void planeReproducesALinearRamp() {
        // f(x,y) = 100 + 3x - 2y: b = (34 * 60 * 3 + 32) >> 6 = 96 = 32 * 3 and c = -64 = 32 * -2 exactly.
        int stride = 9;
        byte[] plane = new byte[stride * 9];
        for (int i = -1; i < 8; i++) {
            plane[1 + i] = (byte) (100 + 3 * i + 2); // p[i,-1] = f(i,-1)
        }
        for (int j = 0; j < 8; j++) {
            plane[(1 + j) * stride] = (byte) (100 - 3 - 2 * j); // p[-1,j] = f(-1,j)
        }
        int[] pred = new int[64];
        IntraChromaPredictor.predict(IntraChromaPredictor.PLANE, plane, stride, 1, 1, true, true, true, pred, 0);
        for (int yy = 0; yy < 8; yy++) {
            for (int xx = 0; xx < 8; xx++) {
                assertThat(pred[yy * 8 + xx]).as("(%d,%d)", xx, yy).isEqualTo(100 + 3 * xx - 2 * yy);
            }
        }
    }

    @Test
    void planeClipsAtBothEnds() {
        int stride = 9;
        byte[] plane = new byte[stride * 9];
        for (int i = 1; i <= 8; i++) {
            plane[i] = (byte) 255;
            plane[i * stride] = (byte) 255;
        }
        // Corner 0: H = V = 4 * 255, b = c = (34 * 1020 + 32) >> 6 = 542, a = 16 * 510.
        int[] pred = new int[64];
        IntraChromaPredictor.predict(IntraChromaPredictor.PLANE, plane, stride, 1, 1, true, true, true, pred, 0);
        assertThat(pred[0]).isEqualTo(Math.max(0, (8160 - 542 * 6 + 16) >> 5)); // 153
        assertThat(pred[63]).isEqualTo(255);
        assertThat(pred[7]).isEqualTo(Math.min(255, (8160 + 542 * 4 - 542 * 3 + 16) >> 5)); // 272 -> 255
    }

    private static void assertQuadrants(int[] pred, int q00, int q40, int q04, int q44) {
        for (int yy = 0; yy < 8; yy++) {
            for (int xx = 0; xx < 8; xx++) {
                int expected = yy < 4 ? (xx < 4 ? q00 : q40) : (xx < 4 ? q04 : q44);
                assertThat(pred[yy * 8 + xx]).as("(%d,%d)", xx, yy).isEqualTo(expected);
            }
        }
    }

    /**
     * jcodec's builder takes leftRow[8], topLine (the picture-wide chroma row above, indexed from mbX * 8) and
     * topLeft[0]; it writes prediction + residual (zero here, four 4x4 blocks) as signed bytes into an 8x8 raster.
     * Unavailable samples get independent garbage.
     */
    private static int[] oracle(int mode, byte[] plane, int stride, int x, int y, boolean left, boolean top,
            boolean topLeft, Random rnd) {
        int mbX = rnd.nextInt(3);
        byte[] leftRow = new byte[8];
        byte[] topLine = new byte[mbX * 8 + 8];
        byte[] topLeftArr = new byte[1];
        IntraTestPlanes.garbage(rnd, leftRow);
        IntraTestPlanes.garbage(rnd, topLine);
        IntraTestPlanes.garbage(rnd, topLeftArr);
        for (int i = 0; i < 8; i++) {
            if (left) {
                leftRow[i] = signed(at(plane, stride, x - 1, y + i));
            }
            if (top) {
                topLine[mbX * 8 + i] = signed(at(plane, stride, x + i, y - 1));
            }
        }
        if (topLeft) {
            topLeftArr[0] = signed(at(plane, stride, x - 1, y - 1));
        }
        byte[] blk = new byte[64];
        ChromaPredictionBuilder.predictWithMode(new int[4][16], mode, mbX, left, top, leftRow, topLine, topLeftArr,
                blk);
        int[] out = new int[64];
        for (int i = 0; i < 64; i++) {
            out[i] = blk[i] + 128;
        }
        return out;
    }
}
