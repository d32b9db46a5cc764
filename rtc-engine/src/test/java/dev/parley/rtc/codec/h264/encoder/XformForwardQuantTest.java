package dev.parley.rtc.codec.h264.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class XformForwardQuantTest {
    private static final int[][] CF = {{1, 1, 1, 1}, {2, 1, -1, -2}, {1, -1, -1, 1}, {1, -2, 2, -1}};
    private static final int[][] H4 = {{1, 1, 1, 1}, {1, 1, -1, -1}, {1, -1, -1, 1}, {1, -1, 1, -1}};
    /** The brief's MF table, by qp%6 and position class a (both even), b (both odd), c (else). */
    private static final int[][] MF = {
        {13107, 5243, 8066}, {11916, 4660, 7490}, {10082, 4194, 6554},
        {9362, 3647, 5825}, {8192, 3355, 5243}, {7282, 2893, 4559}};

    /** A·X·B for 4x4 matrices in raster order. */
    private static int[] mul(int[][] a, int[] x, int[][] b) {
        int[] ax = new int[16];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                for (int k = 0; k < 4; k++) {
                    ax[i * 4 + j] += a[i][k] * x[k * 4 + j];
                }
            }
        }
        int[] out = new int[16];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                for (int k = 0; k < 4; k++) {
                    out[i * 4 + j] += ax[i * 4 + k] * b[k][j];
                }
            }
        }
        return out;
    }

    private static int[][] transpose(int[][] m) {
        int[][] t = new int[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                t[j][i] = m[i][j];
            }
        }
        return t;
    }

    @Test
    void core4x4IsCfXCfTransposed() {
        Random rnd = new Random(10);
        int[] buf = new int[40];
        int[] out = new int[40];
        for (int round = 0; round < 2000; round++) {
            int[] x = new int[16];
            for (int i = 0; i < 16; i++) {
                x[i] = rnd.nextInt(511) - 255;
            }
            int[] expected = mul(CF, x, transpose(CF));
            int rOff = rnd.nextInt(10), cOff = rnd.nextInt(10);
            System.arraycopy(x, 0, buf, rOff, 16);
            ForwardTransform.core4x4(buf, rOff, out, cOff);
            assertThat(java.util.Arrays.copyOfRange(out, cOff, cOff + 16)).containsExactly(expected);
            assertThat(java.util.Arrays.copyOfRange(buf, rOff, rOff + 16)).containsExactly(x);
            ForwardTransform.core4x4(buf, rOff, buf, rOff); // in place
            assertThat(java.util.Arrays.copyOfRange(buf, rOff, rOff + 16)).containsExactly(expected);
        }
    }

    @Test
    void hadamardsAreHwhWithTheDocumentedScaling() {
        Random rnd = new Random(11);
        for (int round = 0; round < 2000; round++) {
            int[] w = new int[16];
            for (int i = 0; i < 16; i++) {
                w[i] = rnd.nextInt(8161) - 4080;
            }
            int[] expected = mul(H4, w, H4);
            for (int i = 0; i < 16; i++) {
                expected[i] >>= 1;
            }
            int[] got = w.clone();
            ForwardTransform.hadamard4x4(got);
            assertThat(got).containsExactly(expected);

            int a = w[0], b = w[1], c = w[2], d = w[3];
            int[] dc4 = {a, b, c, d};
            ForwardTransform.hadamard2x2(dc4); // [[1,1],[1,-1]]·[[a,b],[c,d]]·[[1,1],[1,-1]]
            assertThat(dc4).containsExactly(a + b + c + d, a - b + c - d, a + b - c - d, a - b - c + d);
        }
    }

    @Test
    void quant4x4FollowsTheDeadzoneFormulaInScanOrder() {
        Random rnd = new Random(12);
        int[] coef = new int[16];
        int[] levels = new int[20];
        for (int qp = 0; qp <= 51; qp++) {
            for (int round = 0; round < 200; round++) {
                for (int i = 0; i < 16; i++) {
                    coef[i] = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(18361) - 9180;
                }
                boolean intra = rnd.nextBoolean();
                int start = rnd.nextInt(2);
                int lOff = rnd.nextInt(5);
                int nz = Quantizer.quant4x4(coef, 0, qp, intra, levels, lOff, start);
                long qbits = 15 + qp / 6;
                long f = (1L << qbits) / (intra ? 3 : 6);
                int count = 0;
                for (int k = 0; k < 16; k++) {
                    int r = Block4x4.ZIGZAG_4x4[k];
                    int i = r / 4, j = r % 4;
                    int cls = i % 2 == 0 && j % 2 == 0 ? 0 : i % 2 == 1 && j % 2 == 1 ? 1 : 2;
                    long mag = (Math.abs((long) coef[r]) * MF[qp % 6][cls] + f) >> qbits;
                    mag = Math.min(mag, CavlcWriter.MAX_ABS_LEVEL); // the quantiser caps at what CAVLC can code
                    long want = k < start ? 0 : coef[r] < 0 ? -mag : mag;
                    assertThat(levels[lOff + k]).as("qp %d k %d", qp, k).isEqualTo((int) want);
                    count += want != 0 ? 1 : 0;
                }
                assertThat(nz).isEqualTo(count);
            }
        }
    }

    @Test
    void handCheckedQuantisation() {
        // qp 28: qbits 19, MF(4, a) = 8192, f = 2^19/3 = 174762; 1000 * 8192 + 174762 = 8366762 -> 15 (8366762 >> 19)
        int[] coef = new int[16];
        int[] levels = new int[16];
        coef[0] = 1000;
        assertThat(Quantizer.quant4x4(coef, 0, 28, true, levels, 0, 0)).isEqualTo(1);
        assertThat(levels[0]).isEqualTo(15);
        coef[0] = -1000;
        Quantizer.quant4x4(coef, 0, 28, true, levels, 0, 0);
        assertThat(levels[0]).isEqualTo(-15);
        // Dead zone at qp 28 for class a: intra needs |c| * 8192 >= 2^19 - 174762 = 349526, i.e. |c| >= 43;
        // inter (f = 87381) needs |c| >= 54.
        coef[0] = 42;
        assertThat(Quantizer.quant4x4(coef, 0, 28, true, levels, 0, 0)).isZero();
        coef[0] = 43;
        assertThat(Quantizer.quant4x4(coef, 0, 28, true, levels, 0, 0)).isEqualTo(1);
        coef[0] = 53;
        assertThat(Quantizer.quant4x4(coef, 0, 28, false, levels, 0, 0)).isZero();
        coef[0] = 54;
        assertThat(Quantizer.quant4x4(coef, 0, 28, false, levels, 0, 0)).isEqualTo(1);
        // Luma DC at qp 28: qbits 20, f = 2 * 174762; 1000 * 8192 + 349524 = 8541524 -> 8 (>> 20)
        int[] dc16 = new int[16];
        dc16[0] = 1000;
        assertThat(Quantizer.quantLumaDc(dc16, 28, true, levels, 0)).isEqualTo(1);
        assertThat(levels[0]).isEqualTo(8);
        // Scan order: the coefficient at raster 4 (row 1, col 0; class c, MF 5243) lands at scan position 2.
        dc16[0] = 0;
        dc16[4] = -3000; // 3000 * 8192 + 349524 = 24925524 -> 23
        Quantizer.quantLumaDc(dc16, 28, true, levels, 0);
        assertThat(levels).containsExactly(0, 0, -23, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        int[] dc4 = {0, 0, 1000, 0};
        assertThat(Quantizer.quantChromaDc(dc4, 28, false, levels, 0)).isEqualTo(1); // f = 2 * 87381
        assertThat(levels[2]).isEqualTo((1000 * 8192 + 2 * 87381) >> 20);
        assertThat(levels[0] | levels[1] | levels[3]).isZero();
    }

    @Test
    void dcQuantisersFollowTheFormula() {
        Random rnd = new Random(13);
        int[] dc = new int[16];
        int[] levels = new int[18];
        for (int qp = 0; qp <= 51; qp++) {
            for (int round = 0; round < 100; round++) {
                boolean intra = rnd.nextBoolean();
                for (int i = 0; i < 16; i++) {
                    dc[i] = rnd.nextInt(65281) - 32640;
                }
                long qbits = 16 + qp / 6;
                long f = 2 * ((1L << (qbits - 1)) / (intra ? 3 : 6));
                int nz = Quantizer.quantLumaDc(dc, qp, intra, levels, 2);
                int count = 0;
                for (int k = 0; k < 16; k++) {
                    long c = dc[Block4x4.ZIGZAG_4x4[k]];
                    long mag = (Math.abs(c) * MF[qp % 6][0] + f) >> qbits;
                    mag = Math.min(mag, CavlcWriter.MAX_ABS_LEVEL); // the quantiser caps at what CAVLC can code
                    assertThat(levels[2 + k]).isEqualTo((int) (c < 0 ? -mag : mag));
                    count += mag != 0 ? 1 : 0;
                }
                assertThat(nz).isEqualTo(count);
                nz = Quantizer.quantChromaDc(dc, qp, intra, levels, 1);
                count = 0;
                for (int k = 0; k < 4; k++) {
                    long mag = (Math.abs((long) dc[k]) * MF[qp % 6][0] + f) >> qbits;
                    mag = Math.min(mag, CavlcWriter.MAX_ABS_LEVEL); // the quantiser caps at what CAVLC can code
                    assertThat(levels[1 + k]).isEqualTo((int) (dc[k] < 0 ? -mag : mag));
                    count += mag != 0 ? 1 : 0;
                }
                assertThat(nz).isEqualTo(count);
            }
        }
    }

    @Test
    void zeroResidualNeverProducesLevels() {
        int[] zero = new int[16];
        int[] coef = new int[16];
        int[] levels = new int[16];
        for (int qp = 0; qp <= 51; qp++) {
            for (boolean intra : new boolean[] {true, false}) {
                java.util.Arrays.fill(levels, 7);
                ForwardTransform.core4x4(zero, 0, coef, 0);
                assertThat(Quantizer.quant4x4(coef, 0, qp, intra, levels, 0, 0)).isZero();
                assertThat(levels).containsOnly(0);
                java.util.Arrays.fill(levels, 7);
                assertThat(Quantizer.quant4x4(coef, 0, qp, intra, levels, 0, 1)).isZero();
                assertThat(levels).containsOnly(0);
                int[] dc16 = new int[16];
                ForwardTransform.hadamard4x4(dc16);
                java.util.Arrays.fill(levels, 7);
                assertThat(Quantizer.quantLumaDc(dc16, qp, intra, levels, 0)).isZero();
                assertThat(levels).containsOnly(0);
                int[] dc4 = new int[4];
                ForwardTransform.hadamard2x2(dc4);
                java.util.Arrays.fill(levels, 7);
                assertThat(Quantizer.quantChromaDc(dc4, qp, intra, levels, 0)).isZero();
                assertThat(levels).startsWith(0, 0, 0, 0);
            }
        }
    }

    @Test
    void acOnlyQuantIgnoresCoefZero() {
        int[] coef = new int[16];
        coef[0] = 9000;
        int[] levels = new int[16];
        assertThat(Quantizer.quant4x4(coef, 0, 0, true, levels, 0, 1)).isZero();
        assertThat(levels).containsOnly(0);
    }

    /** Quantiser step size: 0.625 at qp 0, doubling every 6. */
    private static double qstep(int qp) {
        return 0.625 * Math.pow(2, qp / 6.0);
    }

    @Test
    void roundTrip4x4ErrorIsWithinTheQuantiserStep() {
        Random rnd = new Random(14);
        int[] src = new int[16];
        int[] pred = new int[16];
        int[] res = new int[16];
        int[] coef = new int[16];
        int[] levels = new int[16];
        byte[] out = new byte[16];
        int rounds = 1500;
        for (int qp = 0; qp <= 30; qp++) {
            int maxErr = 0;
            long sumErr = 0;
            long sumSq = 0;
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < 16; i++) {
                    src[i] = rnd.nextInt(256);
                    pred[i] = rnd.nextInt(4) == 0 ? rnd.nextInt(256) : Math.max(0, Math.min(255, src[i] + rnd.nextInt(41) - 20));
                    res[i] = src[i] - pred[i];
                }
                ForwardTransform.core4x4(res, 0, coef, 0);
                Quantizer.quant4x4(coef, 0, qp, rnd.nextBoolean(), levels, 0, 0);
                Dequantizer.dequant4x4(levels, 0, qp, coef, 0, false);
                InverseTransform.idct4x4AddPred(coef, 0, pred, 0, 4, out, 0, 4);
                for (int i = 0; i < 16; i++) {
                    int err = (out[i] & 0xFF) - src[i];
                    maxErr = Math.max(maxErr, Math.abs(err));
                    sumErr += err;
                    sumSq += err * err;
                }
            }
            assertErrorSmall(qp, maxErr, sumErr, sumSq, rounds * 16L);
        }
    }

    /** RMS error about a third of the step (uniform rounding gives 0.29), no bias, peaks within 2 steps at low qp. */
    private static void assertErrorSmall(int qp, int maxErr, long sumErr, long sumSq, long n) {
        double rms = Math.sqrt((double) sumSq / n);
        double bias = (double) sumErr / n;
        assertThat(rms).as("rms at qp %d", qp).isLessThan(0.42 * qstep(qp) + 0.05);
        assertThat(Math.abs(bias)).as("bias at qp %d", qp).isLessThan(0.03 * qstep(qp) + 0.02);
        if (qp <= 12) {
            assertThat(maxErr).as("max at qp %d", qp).isLessThanOrEqualTo((int) (2 * qstep(qp) + 1));
        }
    }

    @Test
    void roundTripIntra16x16AndChromaThroughTheDcPaths() {
        Random rnd = new Random(15);
        int[] src = new int[256];
        int[] pred = new int[256];
        int[] coefs = new int[256]; // 16 blocks of 16, in raster block order
        int[] dc16 = new int[16];
        int[] dcLevels = new int[16];
        int[] acLevels = new int[16];
        int[] dcY = new int[16];
        int[] dc4 = new int[4];
        int[] dcC = new int[4];
        int[] coef = new int[16];
        int[] res = new int[16];
        byte[] out = new byte[256];
        int rounds = 100;
        for (int qp = 0; qp <= 30; qp++) {
            int maxErr = 0;
            long sumErr = 0;
            long sumSq = 0;
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < 256; i++) {
                    src[i] = rnd.nextInt(256);
                    pred[i] = Math.max(0, Math.min(255, src[i] + rnd.nextInt(41) - 20));
                }
                // Luma 16x16: the block at raster block position rb = row * 4 + col.
                for (int rb = 0; rb < 16; rb++) {
                    int o = (rb >> 2) * 64 + (rb & 3) * 4;
                    residual(src, pred, o, res);
                    ForwardTransform.core4x4(res, 0, coefs, rb * 16);
                    dc16[rb] = coefs[rb * 16];
                }
                ForwardTransform.hadamard4x4(dc16);
                Quantizer.quantLumaDc(dc16, qp, true, dcLevels, 0);
                Dequantizer.dequantLumaDc(dcLevels, 0, qp, dcY, 0);
                for (int rb = 0; rb < 16; rb++) {
                    int o = (rb >> 2) * 64 + (rb & 3) * 4;
                    Quantizer.quant4x4(coefs, rb * 16, qp, true, acLevels, 0, 1);
                    Dequantizer.dequant4x4(acLevels, 0, qp, coef, 0, true);
                    coef[0] = dcY[rb];
                    InverseTransform.reconstruct4x4(coef, 0, pred, o, 16, out, o, 16);
                }
                // Chroma: the top-left 8x8 as a chroma component, qPc = qp; block b = chroma4x4BlkIdx.
                for (int b = 0; b < 4; b++) {
                    int o = (b >> 1) * 64 + (b & 1) * 4;
                    residual(src, pred, o, res);
                    ForwardTransform.core4x4(res, 0, coefs, b * 16);
                    dc4[b] = coefs[b * 16];
                }
                ForwardTransform.hadamard2x2(dc4);
                Quantizer.quantChromaDc(dc4, qp, false, dcLevels, 0);
                Dequantizer.dequantChromaDc(dcLevels, 0, qp, dcC, 0);
                byte[] chroma = new byte[256];
                for (int b = 0; b < 4; b++) {
                    int o = (b >> 1) * 64 + (b & 1) * 4;
                    Quantizer.quant4x4(coefs, b * 16, qp, false, acLevels, 0, 1);
                    Dequantizer.dequant4x4(acLevels, 0, qp, coef, 0, true);
                    coef[0] = dcC[b];
                    InverseTransform.reconstruct4x4(coef, 0, pred, o, 16, chroma, o, 16);
                }
                for (int i = 0; i < 256; i++) {
                    int err = (out[i] & 0xFF) - src[i];
                    maxErr = Math.max(maxErr, Math.abs(err));
                    sumErr += err;
                    sumSq += err * err;
                    if ((i & 15) < 8 && i < 128) {
                        err = (chroma[i] & 0xFF) - src[i];
                        maxErr = Math.max(maxErr, Math.abs(err));
                        sumErr += err;
                        sumSq += err * err;
                    }
                }
            }
            assertErrorSmall(qp, maxErr, sumErr, sumSq, rounds * (256L + 64));
        }
    }

    private static void residual(int[] src, int[] pred, int o, int[] res) {
        for (int i = 0; i < 16; i++) {
            int p = o + (i >> 2) * 16 + (i & 3);
            res[i] = src[p] - pred[p];
        }
    }
}
