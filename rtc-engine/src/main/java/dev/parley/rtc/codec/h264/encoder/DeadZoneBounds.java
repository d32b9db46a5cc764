package dev.parley.rtc.codec.h264.encoder;

/**
 * Bounds below which an inter residual provably quantises to all zeros under {@link Quantizer}, so the encoder can
 * skip its quantisation (or its transform) without changing a bit. A level is zero while |c| * MF + f &lt; 2^qbits.
 */
final class DeadZoneBounds {
    /** Per QP: a 4x4 block whose SAD is below this is all zeros. */
    private static final int[] BLOCK_SAD = new int[52];
    /** Per QPc: an 8x8 chroma block (AC and DC) whose SAD is below this is all zeros. */
    private static final int[] CHROMA_SAD = new int[52];
    /** Per QP and raster position: the largest |c| that still quantises to 0. */
    private static final int[][] COEFFICIENTS = new int[52][16];
    /** As {@link #COEFFICIENTS}, with the DC position never counting (AC-only blocks). */
    private static final int[][] AC_COEFFICIENTS = new int[52][];

    static {
        for (int qp = 0; qp < 52; qp++) {
            int qbits = 15 + qp / 6;
            int room = (1 << qbits) - Quantizer.rounding(qbits, false); // |c| * MF must stay below this
            int m = qp % 6;
            // A core-transform coefficient of class (even, even), (odd, odd) or mixed is at most 1, 4 or 2 times the
            // block's SAD (the basis has weights 1 and 2).
            int worst = Math.max(Quantizer.mf(m, 0), Math.max(4 * Quantizer.mf(m, 1), 2 * Quantizer.mf(m, 2)));
            BLOCK_SAD[qp] = (room - 1) / worst + 1;
            // Chroma DC: a 2x2 Hadamard output is at most the sum of the four DCs, each at most its block's SAD; the
            // DC quantiser has qbits + 1 and 2f.
            int dcBound = (int) ((2L * room - 1) / Quantizer.mf(m, 0) + 1);
            CHROMA_SAD[qp] = Math.min(BLOCK_SAD[qp], dcBound);
            for (int i = 0; i < 16; i++) {
                COEFFICIENTS[qp][i] = (room - 1) / Quantizer.mf(m, Quantizer.positionClass(i));
            }
            AC_COEFFICIENTS[qp] = COEFFICIENTS[qp].clone();
            AC_COEFFICIENTS[qp][0] = Integer.MAX_VALUE;
        }
    }

    private DeadZoneBounds() {
    }

    static int interBlockSad(int qp) {
        return BLOCK_SAD[qp];
    }

    static int interChromaSad(int qpc) {
        return CHROMA_SAD[qpc];
    }

    /** Per raster position, the largest |coefficient| an inter quantisation at {@code qp} turns into 0. */
    static int[] interCoefficients(int qp) {
        return COEFFICIENTS[qp];
    }

    static int[] interAcCoefficients(int qp) {
        return AC_COEFFICIENTS[qp];
    }
}
