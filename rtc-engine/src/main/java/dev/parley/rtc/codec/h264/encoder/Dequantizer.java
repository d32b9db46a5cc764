package dev.parley.rtc.codec.h264.encoder;

import static dev.parley.rtc.codec.h264.encoder.Block4x4.ZIGZAG_4x4;

/**
 * The decoder's scaling processes (H.264 §8.5.10, §8.5.11.2, §8.5.12.1) for flat scaling matrices
 * (Flat_4x4_16, so weightScale4x4 = 16 everywhere and LevelScale4x4(m,i,j) = 16 * normAdjust4x4(m,i,j), eq. 8-315).
 * The encoder runs these on its own levels so its reconstruction is the decoder's, bit for bit.
 * 8-bit only: qP is QP'Y = QPY for luma and QP'C = QPc for chroma.
 */
public final class Dequantizer {
    /** normAdjust4x4 v(m, class), §8.5.9 / Table 8-14; class as in {@link Quantizer#positionClass}. */
    private static final int[][] V = {{10, 16, 13}, {11, 18, 14}, {13, 20, 16}, {14, 23, 18}, {16, 25, 20}, {18, 29, 23}};

    /** LevelScale4x4(qP%6, i, j) = 16 * v, indexed by scan position. */
    private static final int[][] LS_SCAN = new int[6][16];

    static {
        for (int m = 0; m < 6; m++) {
            for (int k = 0; k < 16; k++) {
                LS_SCAN[m][k] = 16 * V[m][Quantizer.positionClass(ZIGZAG_4x4[k])];
            }
        }
    }

    private Dequantizer() {
    }

    /**
     * §8.5.12.1 scaling of one 4x4 block (inverse scan included): c = levels put at raster ZIGZAG_4x4[k], then
     * d = (c * LS) << (qP/6 - 4) for qP >= 24, else (c * LS + 2^(3 - qP/6)) >> (4 - qP/6).
     *
     * @param levels 16 levels in scan order at {@code lOff}
     * @param qp     QP'Y (luma) or QPc (chroma), 0..51
     * @param coef   receives the 16 scaled coefficients d in raster order at {@code cOff}
     * @param skipDc true for Intra16x16 luma and chroma blocks (d00 = c00, which the DC path supplies already
     *               scaled): {@code levels[lOff]} is ignored and {@code coef[cOff]} left unchanged for the caller
     */
    public static void dequant4x4(int[] levels, int lOff, int qp, int[] coef, int cOff, boolean skipDc) {
        int[] ls = LS_SCAN[qp % 6];
        int q = qp / 6;
        int k = skipDc ? 1 : 0;
        if (q >= 4) {
            int shift = q - 4;
            for (; k < 16; k++) {
                coef[cOff + ZIGZAG_4x4[k]] = (levels[lOff + k] * ls[k]) << shift;
            }
        } else {
            int shift = 4 - q;
            int round = 1 << (3 - q);
            for (; k < 16; k++) {
                coef[cOff + ZIGZAG_4x4[k]] = (levels[lOff + k] * ls[k] + round) >> shift;
            }
        }
    }

    /**
     * §8.5.10: Intra16x16 luma DC. Builds c from the levels by the inverse zig-zag scan, f = H·c·H,
     * then dcY = (f * LS(qP%6,0,0)) << (qP/6 - 6) for qP >= 36, else (f * LS + 2^(5 - qP/6)) >> (6 - qP/6).
     *
     * @param levels 16 Intra16x16DCLevel values in scan order at {@code lOff}
     * @param qp     QP'Y
     * @param dcY    receives 16 values at {@code dOff} in RASTER order of the 4x4 blocks:
     *               {@code dcY[dOff + i*4 + j]} is the scaled DC (d00 for {@link #dequant4x4} with skipDc) of the
     *               block at block row i, block column j of the macroblock; the block luma4x4BlkIdx = b takes
     *               {@code dcY[dOff + Block4x4.BLK_IDX_TO_RASTER[b]]}
     */
    public static void dequantLumaDc(int[] levels, int lOff, int qp, int[] dcY, int dOff) {
        for (int k = 0; k < 16; k++) {
            dcY[dOff + ZIGZAG_4x4[k]] = levels[lOff + k];
        }
        for (int p = dOff; p < dOff + 16; p += 4) { // rows: c·H
            int a = dcY[p], b = dcY[p + 1], c = dcY[p + 2], d = dcY[p + 3];
            int s01 = a + b, d01 = a - b, s23 = c + d, d23 = c - d;
            dcY[p] = s01 + s23;
            dcY[p + 1] = s01 - s23;
            dcY[p + 2] = d01 - d23;
            dcY[p + 3] = d01 + d23;
        }
        int ls = 16 * V[qp % 6][0];
        int q = qp / 6;
        int shift = q >= 6 ? q - 6 : 6 - q;
        int round = q >= 6 ? 0 : 1 << (5 - q);
        for (int j = dOff; j < dOff + 4; j++) { // columns: H·(c·H), then scale
            int a = dcY[j], b = dcY[j + 4], c = dcY[j + 8], d = dcY[j + 12];
            int s01 = a + b, d01 = a - b, s23 = c + d, d23 = c - d;
            if (q >= 6) {
                dcY[j] = ((s01 + s23) * ls) << shift;
                dcY[j + 4] = ((s01 - s23) * ls) << shift;
                dcY[j + 8] = ((d01 - d23) * ls) << shift;
                dcY[j + 12] = ((d01 + d23) * ls) << shift;
            } else {
                dcY[j] = ((s01 + s23) * ls + round) >> shift;
                dcY[j + 4] = ((s01 - s23) * ls + round) >> shift;
                dcY[j + 8] = ((d01 - d23) * ls + round) >> shift;
                dcY[j + 12] = ((d01 + d23) * ls + round) >> shift;
            }
        }
    }

    /**
     * §8.5.11: 4:2:0 chroma DC. c = [[c0, c1], [c2, c3]], f = H·c·H (§8.5.11.1),
     * dcC = ((f * LS(qP%6,0,0)) << (qP/6)) >> 5 (§8.5.11.2).
     *
     * @param levels 4 ChromaDCLevel values c0..c3 at {@code lOff}
     * @param qpc    QPc of this chroma component
     * @param dcC    receives 4 values at {@code dOff}; {@code dcC[dOff + b]} is the scaled DC (d00) of the chroma
     *               block chroma4x4BlkIdx = b (2x2 raster: 0 top-left, 1 top-right, 2 bottom-left, 3 bottom-right)
     */
    public static void dequantChromaDc(int[] levels, int lOff, int qpc, int[] dcC, int dOff) {
        int a = levels[lOff], b = levels[lOff + 1], c = levels[lOff + 2], d = levels[lOff + 3];
        int s01 = a + b, d01 = a - b, s23 = c + d, d23 = c - d;
        int ls = 16 * V[qpc % 6][0];
        int q = qpc / 6;
        dcC[dOff] = (((s01 + s23) * ls) << q) >> 5;
        dcC[dOff + 1] = (((d01 + d23) * ls) << q) >> 5;
        dcC[dOff + 2] = (((s01 - s23) * ls) << q) >> 5;
        dcC[dOff + 3] = (((d01 - d23) * ls) << q) >> 5;
    }
}
