package dev.parley.rtc.codec.h264.encoder;

import static dev.parley.rtc.codec.h264.encoder.Block4x4.ZIGZAG_4x4;

/**
 * Deadzone scalar quantiser for the output of {@link ForwardTransform} (encoder's choice, the usual one):
 * {@code level = sign(c) * ((|c| * MF + f) >> qbits)} with qbits = 15 + qp/6, f = 2^qbits/3 (intra) or
 * 2^qbits/6 (inter); the luma DC (after the halving Hadamard) and chroma DC use qbits + 1 and 2f.
 * MF is the standard quantisation table: up to the core transform's row norms, the reciprocal of the decoder's
 * normAdjust (Table 8-14), so that quantisation followed by {@link Dequantizer} and {@link InverseTransform}
 * returns the residual.
 *
 * <p>Levels are written in zig-zag scan order ({@link Block4x4#ZIGZAG_4x4}), ready for CAVLC. Every method
 * returns the number of non-zero levels written. Coefficient magnitudes from 8-bit residuals cannot overflow.
 */
final class Quantizer {
    /** Quantisation coefficients per qp%6 for positions of class (0,0)-like, (1,1)-like, other. */
    private static final int[][] QUANT_COEF = {
        {13107, 5243, 8066}, {11916, 4660, 7490}, {10082, 4194, 6554},
        {9362, 3647, 5825}, {8192, 3355, 5243}, {7282, 2893, 4559}};

    /** MF[qp%6][scan position]. */
    private static final int[][] MF_SCAN = new int[6][16];

    static {
        for (int m = 0; m < 6; m++) {
            for (int k = 0; k < 16; k++) {
                MF_SCAN[m][k] = QUANT_COEF[m][positionClass(ZIGZAG_4x4[k])];
            }
        }
    }

    private Quantizer() {
    }

    /** MF for {@code qp % 6} and a position class ({@link #positionClass}). */
    static int mf(int qpMod6, int positionClass) {
        return QUANT_COEF[qpMod6][positionClass];
    }

    /** The rounding offset f of the quantiser: 2^qbits / 3 for intra, / 6 for inter (qbits = 15 + qp / 6). */
    static int rounding(int qbits, boolean intra) {
        return (1 << qbits) / (intra ? 3 : 6);
    }

    /** 0 for even row and even column, 1 for odd row and odd column, 2 otherwise (as in Table 8-14's v columns). */
    static int positionClass(int raster) {
        int row = raster >> 2, col = raster & 3;
        if ((row & 1) == 0 && (col & 1) == 0) {
            return 0;
        }
        return (row & 1) == 1 && (col & 1) == 1 ? 1 : 2;
    }

    /**
     * Quantises one 4x4 block.
     *
     * @param coef          16 coefficients from {@link ForwardTransform#core4x4}, raster order, at {@code cOff}
     * @param qp            QP'Y for luma or QPc for chroma, 0..51
     * @param intra         selects the intra rounding offset (1/3) over the inter one (1/6)
     * @param levels        receives 16 levels in scan order at {@code lOff}
     * @param startScanPos  0 for a whole block; 1 for an AC block (Intra16x16 or chroma) whose DC is coded apart:
     *                      {@code levels[lOff]} is then written as 0 and coef[0] is ignored
     * @return the number of non-zero levels written
     */
    static int quant4x4(int[] coef, int cOff, int qp, boolean intra, int[] levels, int lOff, int startScanPos) {
        int qbits = 15 + qp / 6;
        int f = rounding(qbits, intra);
        int[] mf = MF_SCAN[qp % 6];
        int nonZero = 0;
        for (int k = 0; k < startScanPos; k++) {
            levels[lOff + k] = 0;
        }
        for (int k = startScanPos; k < 16; k++) {
            int level = quant(coef[cOff + ZIGZAG_4x4[k]], mf[k], f, qbits);
            levels[lOff + k] = level;
            nonZero += level != 0 ? 1 : 0;
        }
        return nonZero;
    }

    /**
     * Quantises the Intra16x16 luma DC.
     *
     * @param dc16   the output of {@link ForwardTransform#hadamard4x4}, raster order
     * @param qp     QP'Y
     * @param levels receives the 16 Intra16x16DCLevel values in scan order at {@code lOff}
     * @return the number of non-zero levels written
     */
    static int quantLumaDc(int[] dc16, int qp, boolean intra, int[] levels, int lOff) {
        int qbits = 16 + qp / 6;
        int f = 2 * ((1 << (qbits - 1)) / (intra ? 3 : 6));
        int mf = QUANT_COEF[qp % 6][0];
        int nonZero = 0;
        for (int k = 0; k < 16; k++) {
            int level = quant(dc16[ZIGZAG_4x4[k]], mf, f, qbits);
            levels[lOff + k] = level;
            nonZero += level != 0 ? 1 : 0;
        }
        return nonZero;
    }

    /**
     * Quantises one 4:2:0 chroma DC block.
     *
     * @param dc4    the output of {@link ForwardTransform#hadamard2x2}: c0..c3 (2x2 raster = chroma4x4BlkIdx order)
     * @param qpc    QPc of this chroma component ({@link ChromaQp})
     * @param levels receives the 4 ChromaDCLevel values (same c0..c3 order, which is also the coding order) at
     *               {@code lOff}
     * @return the number of non-zero levels written
     */
    static int quantChromaDc(int[] dc4, int qpc, boolean intra, int[] levels, int lOff) {
        int qbits = 16 + qpc / 6;
        int f = 2 * ((1 << (qbits - 1)) / (intra ? 3 : 6));
        int mf = QUANT_COEF[qpc % 6][0];
        int nonZero = 0;
        for (int k = 0; k < 4; k++) {
            int level = quant(dc4[k], mf, f, qbits);
            levels[lOff + k] = level;
            nonZero += level != 0 ? 1 : 0;
        }
        return nonZero;
    }

    /**
     * One level, its magnitude capped at what CAVLC can code in Baseline ({@link CavlcWriter#MAX_ABS_LEVEL}): only
     * reachable at QPs below about 10; the decoder reconstructs from the capped level like the encoder does.
     */
    private static int quant(int c, int mf, int f, int qbits) {
        int level = c >= 0 ? (c * mf + f) >> qbits : -((-c * mf + f) >> qbits);
        return Math.max(-CavlcWriter.MAX_ABS_LEVEL, Math.min(CavlcWriter.MAX_ABS_LEVEL, level));
    }
}
