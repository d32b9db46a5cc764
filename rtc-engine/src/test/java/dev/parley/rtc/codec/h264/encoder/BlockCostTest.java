package dev.parley.rtc.codec.h264.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** SAD and SATD against straightforward definitions (matrix products), plus hand-checked values. */
class BlockCostTest {
    /** The 4x4 Hadamard matrix (any row order gives the same sum of magnitudes). */
    private static final int[][] H4 = {{1, 1, 1, 1}, {1, 1, -1, -1}, {1, -1, -1, 1}, {1, -1, 1, -1}};

    @Test
    void sadMatchesTheDefinition() {
        Random rnd = new Random(5);
        for (int iter = 0; iter < 500; iter++) {
            int w = 4 << rnd.nextInt(3);
            int h = 4 << rnd.nextInt(3);
            int stride = w + rnd.nextInt(9);
            int srcOff = rnd.nextInt(10);
            byte[] src = new byte[srcOff + stride * h];
            rnd.nextBytes(src);
            int predOff = rnd.nextInt(10);
            int[] pred = randomPred(rnd, predOff + w * h);
            int expected = 0;
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    expected += Math.abs((src[srcOff + r * stride + c] & 0xff) - pred[predOff + r * w + c]);
                }
            }
            assertThat(BlockCost.sad(src, srcOff, stride, pred, predOff, w, h)).isEqualTo(expected);
        }
    }

    @Test
    void satd4x4MatchesTheMatrixDefinition() {
        Random rnd = new Random(6);
        for (int iter = 0; iter < 2000; iter++) {
            int srcStride = 4 + rnd.nextInt(20);
            int predStride = 4 + rnd.nextInt(20);
            byte[] src = new byte[srcStride * 4 + 3];
            rnd.nextBytes(src);
            int[] pred = randomPred(rnd, predStride * 4 + 5);
            int srcOff = rnd.nextInt(4);
            int predOff = rnd.nextInt(6);
            int[][] d = new int[4][4];
            for (int r = 0; r < 4; r++) {
                for (int c = 0; c < 4; c++) {
                    d[r][c] = (src[srcOff + r * srcStride + c] & 0xff) - pred[predOff + r * predStride + c];
                }
            }
            assertThat(BlockCost.satd4x4(src, srcOff, srcStride, pred, predOff, predStride))
                    .isEqualTo(naiveSatd(d));
        }
    }

    @Test
    void satdHandChecks() {
        byte[] src = new byte[16];
        int[] pred = new int[16];
        Arrays.fill(src, (byte) 200);
        Arrays.fill(pred, 190);
        // A flat difference is all DC: |16 * 10| / 2.
        assertThat(BlockCost.satd4x4(src, 0, 4, pred, 0, 4)).isEqualTo(80);
        assertThat(BlockCost.sad(src, 0, 4, pred, 0, 4, 4)).isEqualTo(160);
        Arrays.fill(pred, 200);
        assertThat(BlockCost.satd4x4(src, 0, 4, pred, 0, 4)).isZero();
        // A single differing sample spreads evenly over all 16 coefficients: 16 * 8 / 2.
        pred[5] = 192;
        assertThat(BlockCost.satd4x4(src, 0, 4, pred, 0, 4)).isEqualTo(64);
    }

    @Test
    void satdOfALargerBlockSumsItsFourByFourBlocks() {
        Random rnd = new Random(7);
        for (int iter = 0; iter < 200; iter++) {
            int w = 4 << rnd.nextInt(3);
            int h = 4 << rnd.nextInt(3);
            int stride = w + rnd.nextInt(5);
            byte[] src = new byte[stride * h];
            rnd.nextBytes(src);
            int[] pred = randomPred(rnd, w * h);
            int expected = 0;
            for (int by = 0; by < h; by += 4) {
                for (int bx = 0; bx < w; bx += 4) {
                    int[][] d = new int[4][4];
                    for (int r = 0; r < 4; r++) {
                        for (int c = 0; c < 4; c++) {
                            d[r][c] = (src[(by + r) * stride + bx + c] & 0xff) - pred[(by + r) * w + bx + c];
                        }
                    }
                    expected += naiveSatd(d);
                }
            }
            assertThat(BlockCost.satd(src, 0, stride, pred, 0, w, h)).isEqualTo(expected);
        }
    }

    /** (sum of |H4 * D * H4^T|) >> 1. */
    private static int naiveSatd(int[][] d) {
        int sum = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                int t = 0;
                for (int k = 0; k < 4; k++) {
                    for (int l = 0; l < 4; l++) {
                        t += H4[i][k] * d[k][l] * H4[j][l];
                    }
                }
                sum += Math.abs(t);
            }
        }
        return sum >> 1;
    }

    private static int[] randomPred(Random rnd, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = rnd.nextInt(256);
        }
        return p;
    }
}
