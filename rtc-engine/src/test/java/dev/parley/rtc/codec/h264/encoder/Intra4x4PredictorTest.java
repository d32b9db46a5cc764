package dev.parley.rtc.codec.h264.encoder;

import static dev.parley.rtc.codec.h264.encoder.IntraTestPlanes.at;
import static dev.parley.rtc.codec.h264.encoder.IntraTestPlanes.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.jcodec.codecs.h264.decode.Intra4x4PredictionBuilder;
import org.junit.jupiter.api.Test;

/**
 * Intra_4x4 prediction against jcodec 0.2.5's decoder-side builder (the oracle), over random neighbourhoods and all
 * 16 combinations of the four availability flags, for every mode the flags allow; plus hand-checked spec cases.
 */
class Intra4x4PredictorTest {
    private static final int W = 24;
    private static final int H = 24;

    @Test
    void matchesJcodecForEveryModeAndAvailability() {
        Random rnd = new Random(0x4a4);
        int[] pred = new int[40];
        int compared = 0;
        for (int iter = 0; iter < 400; iter++) {
            byte[] plane = IntraTestPlanes.random(rnd, W, H);
            int x = 1 + rnd.nextInt(W - 8); // room for p[-1,..] and p[7,-1]
            int y = 1 + rnd.nextInt(H - 4);
            for (int flags = 0; flags < 16; flags++) {
                boolean left = (flags & 1) != 0;
                boolean top = (flags & 2) != 0;
                boolean topRight = (flags & 4) != 0;
                boolean topLeft = (flags & 8) != 0;
                for (int mode = 0; mode < Intra4x4Predictor.MODE_COUNT; mode++) {
                    if (!Intra4x4Predictor.modeAvailable(mode, left, top, topLeft)) {
                        continue;
                    }
                    int off = rnd.nextInt(pred.length - 16 + 1);
                    Arrays.fill(pred, -1);
                    Intra4x4Predictor.predict(mode, plane, W, x, y, left, top, topRight, topLeft, pred, off);
                    int[] expected = oracle(mode, plane, W, x, y, left, top, topRight, topLeft, rnd);
                    int[] actual = Arrays.copyOfRange(pred, off, off + 16);
                    if (!Arrays.equals(actual, expected)) { // AssertJ only on failure: keeps 40k checks fast
                        assertThat(actual).as("mode %d flags %s iter %d", mode, Integer.toBinaryString(flags), iter)
                                .containsExactly(expected);
                    }
                    assertUntouchedOutside(pred, off, 16);
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(400 * 50);
    }

    @Test
    void modeAvailabilityFollowsTheSpec() {
        for (int flags = 0; flags < 8; flags++) {
            boolean left = (flags & 1) != 0;
            boolean top = (flags & 2) != 0;
            boolean topLeft = (flags & 4) != 0;
            assertThat(Intra4x4Predictor.modeAvailable(0, left, top, topLeft)).isEqualTo(top);
            assertThat(Intra4x4Predictor.modeAvailable(1, left, top, topLeft)).isEqualTo(left);
            assertThat(Intra4x4Predictor.modeAvailable(2, left, top, topLeft)).isTrue();
            assertThat(Intra4x4Predictor.modeAvailable(3, left, top, topLeft)).isEqualTo(top);
            for (int mode = 4; mode <= 6; mode++) {
                assertThat(Intra4x4Predictor.modeAvailable(mode, left, top, topLeft)).isEqualTo(left && top && topLeft);
            }
            assertThat(Intra4x4Predictor.modeAvailable(7, left, top, topLeft)).isEqualTo(top);
            assertThat(Intra4x4Predictor.modeAvailable(8, left, top, topLeft)).isEqualTo(left);
            assertThat(Intra4x4Predictor.modeAvailable(9, left, top, topLeft)).isFalse();
        }
        assertThatThrownBy(() -> Intra4x4Predictor.predict(9, new byte[64], 8, 1, 1, true, true, true, true,
                new int[16], 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dcWithNothingAvailableIsMidGreyAndReadsNothing() {
        // A 4x4 picture: any read of a neighbour would be out of bounds.
        byte[] plane = new byte[16];
        Arrays.fill(plane, (byte) 7);
        int[] pred = new int[16];
        Intra4x4Predictor.predict(Intra4x4Predictor.DC, plane, 4, 0, 0, false, false, false, false, pred, 0);
        assertThat(pred).containsOnly(128);
    }

    @Test
    void dcAveragesWhatIsAvailable() {
        byte[] plane = plane5x5(new int[] {9, 10, 20, 30, 41}, new int[] {1, 2, 3, 5});
        int[] pred = new int[16];
        Intra4x4Predictor.predict(Intra4x4Predictor.DC, plane, 5, 1, 1, true, true, false, false, pred, 0);
        assertThat(pred).containsOnly((10 + 20 + 30 + 41 + 1 + 2 + 3 + 5 + 4) >> 3); // 14
        Intra4x4Predictor.predict(Intra4x4Predictor.DC, plane, 5, 1, 1, false, true, false, false, pred, 0);
        assertThat(pred).containsOnly((10 + 20 + 30 + 41 + 2) >> 2); // 25
        Intra4x4Predictor.predict(Intra4x4Predictor.DC, plane, 5, 1, 1, true, false, false, false, pred, 0);
        assertThat(pred).containsOnly((1 + 2 + 3 + 5 + 2) >> 2); // 3
    }

    @Test
    void missingTopRightIsSubstitutedByTheLastTopSample() {
        // Row above: p[0..3,-1] = 10,20,30,40; p[4..7,-1] = 200 exist in the plane but are flagged unavailable.
        int stride = 9;
        byte[] plane = new byte[stride * 5];
        int[] top = {10, 20, 30, 40, 200, 200, 200, 200};
        for (int i = 0; i < 8; i++) {
            plane[1 + i] = (byte) top[i];
        }
        int[] pred = new int[16];
        Intra4x4Predictor.predict(Intra4x4Predictor.DIAGONAL_DOWN_LEFT, plane, stride, 1, 1, false, true, false,
                false, pred, 0);
        // d = f3 along 10,20,30,40,40,40,40,40; d6 = (p6 + 3 p7 + 2) >> 2 (§8.3.1.2.4)
        assertThat(pred).containsExactly(
                20, 30, 38, 40,
                30, 38, 40, 40,
                38, 40, 40, 40,
                40, 40, 40, 40);
        Intra4x4Predictor.predict(Intra4x4Predictor.VERTICAL_LEFT, plane, stride, 1, 1, false, true, false, false,
                pred, 0);
        assertThat(pred).containsExactly(
                15, 25, 35, 40,
                20, 30, 38, 40,
                25, 35, 40, 40,
                30, 38, 40, 40);
        // With the flag set the real top-right samples are used.
        Intra4x4Predictor.predict(Intra4x4Predictor.DIAGONAL_DOWN_LEFT, plane, stride, 1, 1, false, true, true,
                false, pred, 0);
        assertThat(pred[3]).isEqualTo((40 + 2 * 200 + 200 + 2) >> 2);
        assertThat(pred[15]).isEqualTo(200);
    }

    @Test
    void diagonalDownRightFiltersAlongTheEdge() {
        // Corner 100, top 0,4,8,12, left 50,60,70,80.
        byte[] plane = plane5x5(new int[] {100, 0, 4, 8, 12}, new int[] {50, 60, 70, 80});
        int[] pred = new int[16];
        Intra4x4Predictor.predict(Intra4x4Predictor.DIAGONAL_DOWN_RIGHT, plane, 5, 1, 1, true, true, false, true,
                pred, 0);
        int e0 = (50 + 200 + 0 + 2) >> 2; // f3(p[-1,0], p[-1,-1], p[0,-1]) on the diagonal
        int e1 = (100 + 2 * 0 + 4 + 2) >> 2;
        int em1 = (60 + 2 * 50 + 100 + 2) >> 2;
        assertThat(pred[0]).isEqualTo(e0);
        assertThat(pred[5]).isEqualTo(e0);
        assertThat(pred[15]).isEqualTo(e0);
        assertThat(pred[1]).isEqualTo(e1);
        assertThat(pred[4]).isEqualTo(em1);
        assertThat(pred[12]).isEqualTo((80 + 2 * 70 + 60 + 2) >> 2);
        assertThat(pred[3]).isEqualTo((4 + 2 * 8 + 12 + 2) >> 2);
    }

    @Test
    void horizontalUpEndsInTheLastLeftSample() {
        byte[] plane = plane5x5(new int[] {0, 0, 0, 0, 0}, new int[] {10, 20, 30, 40});
        int[] pred = new int[16];
        Intra4x4Predictor.predict(Intra4x4Predictor.HORIZONTAL_UP, plane, 5, 1, 1, true, false, false, false,
                pred, 0);
        assertThat(pred).containsExactly(
                15, 20, 25, 30,
                25, 30, 35, 38,
                35, 38, 40, 40,
                40, 40, 40, 40);
    }

    /** A 5x5 plane with the block at (1,1): row 0 = {corner, top0..3}, column 0 rows 1..4 = left0..3. */
    private static byte[] plane5x5(int[] cornerAndTop, int[] left) {
        byte[] p = new byte[25];
        for (int i = 0; i < 5; i++) {
            p[i] = (byte) cornerAndTop[i];
        }
        for (int j = 0; j < 4; j++) {
            p[(j + 1) * 5] = (byte) left[j];
        }
        return p;
    }

    private static void assertUntouchedOutside(int[] pred, int off, int len) {
        int written = -1;
        for (int i = 0; i < pred.length && written < 0; i++) {
            if ((i < off || i >= off + len) && pred[i] != -1) {
                written = i;
            }
        }
        assertThat(written).as("first index written outside the block").isEqualTo(-1);
    }

    /**
     * jcodec's builder works on one macroblock: leftRow[16] is the column left of the current 4x4 column (indexed by
     * blkY), topLine is the picture-wide row above (indexed by mbOffX + blkX, reaching 7 past it for top-right),
     * topLeft[blkY >> 2] the corner; the prediction (plus a residual, zero here) goes into a 16x16 signed-byte
     * macroblock at (blkX, blkY). Samples the flags mark unavailable get independent garbage, so reading one on
     * either side shows up as a mismatch.
     */
    private static int[] oracle(int mode, byte[] plane, int stride, int x, int y, boolean left, boolean top,
            boolean topRight, boolean topLeft, Random rnd) {
        int mbOffX = 16 * rnd.nextInt(3);
        int blkX = 4 * rnd.nextInt(4);
        int blkY = 4 * rnd.nextInt(4);
        byte[] leftRow = new byte[16];
        byte[] topLine = new byte[mbOffX + 16 + 8];
        byte[] topLeftArr = new byte[4];
        IntraTestPlanes.garbage(rnd, leftRow);
        IntraTestPlanes.garbage(rnd, topLine);
        IntraTestPlanes.garbage(rnd, topLeftArr);
        if (left) {
            for (int j = 0; j < 4; j++) {
                leftRow[blkY + j] = signed(at(plane, stride, x - 1, y + j));
            }
        }
        if (top) {
            int n = topRight ? 8 : 4;
            for (int i = 0; i < n; i++) {
                topLine[mbOffX + blkX + i] = signed(at(plane, stride, x + i, y - 1));
            }
        }
        if (topLeft) {
            topLeftArr[blkY >> 2] = signed(at(plane, stride, x - 1, y - 1));
        }
        byte[] mb = new byte[256];
        Intra4x4PredictionBuilder.predictWithMode(mode, new int[16], left, top, topRight, leftRow, topLine,
                topLeftArr, mbOffX, blkX, blkY, mb);
        int[] out = new int[16];
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                out[r * 4 + c] = mb[(blkY + r) * 16 + blkX + c] + 128;
            }
        }
        return out;
    }
}
