package dev.parley.rtc.codec.h264.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.jcodec.codecs.h264.decode.CoeffTransformer;
import org.junit.jupiter.api.Test;

/**
 * The inverse side against jcodec's decoder (CoeffTransformer) as an oracle. jcodec's decoder puts parsed levels
 * at raster index zigzag4x4[k] and works in raster order from then on; after invDC4x4 + dequantizeDC4x4 its luma
 * DC array is in raster block order until reorderDC4x4 turns it into luma4x4BlkIdx order.
 */
class XformJcodecOracleTest {
    private static final int ROUNDS = 1000;

    /** Levels as CAVLC would give them: mostly zero, mostly small, some large. */
    private static void randomLevels(Random rnd, int[] levels, int n) {
        int density = rnd.nextInt(4);
        for (int k = 0; k < n; k++) {
            int kind = rnd.nextInt(10);
            if (kind < 2 + 2 * density) {
                levels[k] = 0;
            } else if (kind < 8) {
                levels[k] = rnd.nextInt(7) - 3;
            } else {
                levels[k] = rnd.nextInt(1201) - 600;
            }
        }
    }

    private static int[] toRaster(int[] levels, int n) {
        int[] raster = new int[n];
        for (int k = 0; k < n; k++) {
            raster[CoeffTransformer.zigzag4x4[k]] = levels[k];
        }
        return raster;
    }

    @Test
    void zigzagIsTable8_13AndJcodecs() {
        // Table 8-13 frame zig-zag: idx -> c[i][j] with i the row: 00 01 10 20 11 02 03 12 21 30 31 22 13 23 32 33
        int[][] ij = {{0, 0}, {0, 1}, {1, 0}, {2, 0}, {1, 1}, {0, 2}, {0, 3}, {1, 2},
            {2, 1}, {3, 0}, {3, 1}, {2, 2}, {1, 3}, {2, 3}, {3, 2}, {3, 3}};
        for (int k = 0; k < 16; k++) {
            assertThat(Block4x4.ZIGZAG_4x4[k]).isEqualTo(ij[k][0] * 4 + ij[k][1]);
        }
        assertThat(Block4x4.ZIGZAG_4x4).containsExactly(CoeffTransformer.zigzag4x4);
    }

    @Test
    void blkIdxToRasterMatchesInverseBlockScan() {
        // §6.4.3: x = InverseRasterScan(b/4, 8, 8, 16, 0) + InverseRasterScan(b%4, 4, 4, 8, 0), y likewise
        for (int b = 0; b < 16; b++) {
            int x = (b / 4 % 2) * 8 + (b % 4 % 2) * 4;
            int y = (b / 4 / 2) * 8 + (b % 4 / 2) * 4;
            assertThat(Block4x4.BLK_IDX_TO_RASTER[b]).isEqualTo((y / 4) * 4 + x / 4);
        }
    }

    @Test
    void dequant4x4MatchesJcodecDequantizeAcForAllQps() {
        Random rnd = new Random(1);
        int[] levels = new int[20];
        int[] coef = new int[24];
        for (int qp = 0; qp <= 51; qp++) {
            for (int round = 0; round < ROUNDS; round++) {
                int lOff = rnd.nextInt(5);
                int cOff = rnd.nextInt(9);
                randomLevels(rnd, levels, 20);
                int[] expected = toRaster(slice(levels, lOff, 16), 16);
                CoeffTransformer.dequantizeAC(expected, qp, null);

                Dequantizer.dequant4x4(levels, lOff, qp, coef, cOff, false);
                same(slice(coef, cOff, 16), expected, qp);

                coef[cOff] = 12345; // skipDc: coef[0] is the caller's, levels[0] is ignored
                levels[lOff] = 99;
                Dequantizer.dequant4x4(levels, lOff, qp, coef, cOff, true);
                same(new int[] {coef[cOff]}, new int[] {12345}, qp);
                same(slice(coef, cOff + 1, 15), slice(expected, 1, 15), qp);
            }
        }
    }

    @Test
    void idctAddPredMatchesJcodecIdctThenClip() {
        Random rnd = new Random(2);
        int[] levels = new int[16];
        int[] coef = new int[20];
        int[] pred = new int[16 * 16];
        int stride = 24;
        byte[] plane = new byte[stride * 12];
        for (int qp = 0; qp <= 51; qp++) {
            for (int round = 0; round < ROUNDS; round++) {
                int cOff = rnd.nextInt(5);
                randomLevels(rnd, levels, 16);
                Dequantizer.dequant4x4(levels, 0, qp, coef, cOff, false);
                if (rnd.nextInt(4) == 0) { // also raw coefficients, all in the spec's 16-bit range
                    for (int i = 0; i < 16; i++) {
                        coef[cOff + i] = rnd.nextInt(1 << 14) - (1 << 13);
                    }
                }
                int[] coefBefore = slice(coef, cOff, 16);
                int[] r = coefBefore.clone();
                CoeffTransformer.idct4x4(r);

                int pStride = rnd.nextBoolean() ? 4 : 16;
                int pOff = pStride == 4 ? 0 : rnd.nextInt(13) + 16 * rnd.nextInt(13);
                for (int i = 0; i < pred.length; i++) {
                    pred[i] = rnd.nextInt(256);
                }
                rnd.nextBytes(plane);
                byte[] before = plane.clone();
                int px = rnd.nextInt(stride - 3), py = rnd.nextInt(12 - 3);
                int dOff = py * stride + px;

                InverseTransform.idct4x4AddPred(coef, cOff, pred, pOff, pStride, plane, dOff, stride);

                same(slice(coef, cOff, 16), coefBefore, qp);
                byte[] expected = before.clone();
                for (int i = 0; i < 4; i++) {
                    for (int j = 0; j < 4; j++) {
                        int v = pred[pOff + i * pStride + j] + r[i * 4 + j];
                        expected[(py + i) * stride + px + j] = (byte) Math.max(0, Math.min(255, v));
                    }
                }
                if (!Arrays.equals(plane, expected)) {
                    assertThat(plane).as("qp %d", qp).containsExactly(expected);
                }
            }
        }
    }

    @Test
    void lumaDcMatchesJcodecInvDc4x4DequantizeDc4x4AndReorder() {
        Random rnd = new Random(3);
        int[] levels = new int[16];
        int[] dcY = new int[20];
        for (int qp = 0; qp <= 51; qp++) {
            for (int round = 0; round < ROUNDS; round++) {
                randomLevels(rnd, levels, 16);
                int[] expected = toRaster(levels, 16);
                CoeffTransformer.invDC4x4(expected);
                CoeffTransformer.dequantizeDC4x4(expected, qp, null);

                int dOff = rnd.nextInt(5);
                Dequantizer.dequantLumaDc(levels, 0, qp, dcY, dOff);
                same(slice(dcY, dOff, 16), expected, qp);

                int[] byBlkIdx = expected.clone();
                CoeffTransformer.reorderDC4x4(byBlkIdx); // jcodec then uses byBlkIdx[b] for block b
                int[] mineByBlkIdx = new int[16];
                for (int b = 0; b < 16; b++) {
                    mineByBlkIdx[b] = dcY[dOff + Block4x4.BLK_IDX_TO_RASTER[b]];
                }
                same(mineByBlkIdx, byBlkIdx, qp);
            }
        }
    }

    @Test
    void chromaDcMatchesJcodecInvDc2x2DequantizeDc2x2() {
        Random rnd = new Random(4);
        int[] levels = new int[6];
        int[] dcC = new int[8];
        for (int qpc = 0; qpc <= 51; qpc++) {
            for (int round = 0; round < ROUNDS; round++) {
                int lOff = rnd.nextInt(3);
                randomLevels(rnd, levels, 6);
                int[] expected = slice(levels, lOff, 4);
                CoeffTransformer.invDC2x2(expected);
                CoeffTransformer.dequantizeDC2x2(expected, qpc, null);

                int dOff = rnd.nextInt(5);
                Dequantizer.dequantChromaDc(levels, lOff, qpc, dcC, dOff);
                same(slice(dcC, dOff, 4), expected, qpc);
            }
        }
    }

    /** jcodec's Intra16x16 luma residual sequence (MBlockDecoderIntra16x16) against ours, end to end. */
    @Test
    void intra16x16ResidualMatchesJcodecSequence() {
        Random rnd = new Random(5);
        int[] dcLevels = new int[16];
        int[] acLevels = new int[16 * 16];
        int[] dcY = new int[16];
        int[] coef = new int[16];
        int[] pred = new int[256];
        byte[] mine = new byte[256];
        for (int qp = 0; qp <= 51; qp++) {
            for (int round = 0; round < 40; round++) {
                randomLevels(rnd, dcLevels, 16);
                for (int b = 0; b < 16; b++) {
                    for (int k = 0; k < 16; k++) {
                        acLevels[b * 16 + k] = k == 0 ? 0 : (rnd.nextInt(3) == 0 ? rnd.nextInt(21) - 10 : 0);
                    }
                }
                for (int i = 0; i < 256; i++) {
                    pred[i] = rnd.nextInt(256);
                }
                // jcodec: dc in raster via zigzag, invDC4x4, dequantizeDC4x4, reorderDC4x4 (-> blkIdx);
                // ac[blk] raster via zigzag from scan pos 1, dequantizeAC, ac[blk][0] = dc[blk], idct4x4.
                int[] dc = toRaster(dcLevels, 16);
                CoeffTransformer.invDC4x4(dc);
                CoeffTransformer.dequantizeDC4x4(dc, qp, null);
                CoeffTransformer.reorderDC4x4(dc);
                int[][] jres = new int[16][];
                for (int b = 0; b < 16; b++) {
                    int[] ac = toRaster(slice(acLevels, b * 16, 16), 16);
                    CoeffTransformer.dequantizeAC(ac, qp, null);
                    ac[0] = dc[b];
                    CoeffTransformer.idct4x4(ac);
                    jres[b] = ac;
                }

                Dequantizer.dequantLumaDc(dcLevels, 0, qp, dcY, 0);
                for (int b = 0; b < 16; b++) {
                    int raster = Block4x4.BLK_IDX_TO_RASTER[b];
                    int bx = (raster & 3) * 4, by = (raster >> 2) * 4;
                    Dequantizer.dequant4x4(acLevels, b * 16, qp, coef, 0, true);
                    coef[0] = dcY[raster];
                    InverseTransform.reconstruct4x4(coef, 0, pred, by * 16 + bx, 16, mine, by * 16 + bx, 16);
                }
                int[] want = new int[256];
                int[] got = new int[256];
                for (int b = 0; b < 16; b++) {
                    int raster = Block4x4.BLK_IDX_TO_RASTER[b];
                    int bx = (raster & 3) * 4, by = (raster >> 2) * 4;
                    for (int i = 0; i < 16; i++) {
                        int p = (by + i / 4) * 16 + bx + i % 4;
                        want[p] = Math.max(0, Math.min(255, pred[p] + jres[b][i]));
                    }
                }
                for (int p = 0; p < 256; p++) {
                    got[p] = mine[p] & 0xFF;
                }
                same(got, want, qp);
            }
        }
    }

    /** Fails through AssertJ (with its message) only on a mismatch, to keep the many rounds fast. */
    private static void same(int[] actual, int[] expected, int qp) {
        if (!Arrays.equals(actual, expected)) {
            assertThat(actual).as("qp %d", qp).containsExactly(expected);
        }
    }

    private static int[] slice(int[] a, int off, int len) {
        int[] out = new int[len];
        System.arraycopy(a, off, out, 0, len);
        return out;
    }
}
