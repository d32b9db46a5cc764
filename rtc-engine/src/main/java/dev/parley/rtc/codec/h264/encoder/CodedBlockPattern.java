package dev.parley.rtc.codec.h264.encoder;

/**
 * coded_block_pattern as me(v) (§9.1.2, Table 9-4 for ChromaArrayType 1): the codeNum that carries a given pattern
 * (bits 0-3 luma 8x8 blocks, bits 4-5 chroma: 0 none, 1 DC only, 2 DC and AC) for Intra_4x4 and for Inter macroblocks.
 */
final class CodedBlockPattern {
    // H.264 Table 9-4, ChromaArrayType 1 or 2: coded_block_pattern by codeNum, Intra_4x4 column then Inter column
    private static final int[] INTRA_BY_CODE = {
            47, 31, 15, 0, 23, 27, 29, 30, 7, 11, 13, 14, 39, 43, 45, 46,
            16, 3, 5, 10, 12, 19, 21, 26, 28, 35, 37, 42, 44, 1, 2, 4,
            8, 17, 18, 20, 24, 6, 9, 22, 25, 32, 33, 34, 36, 40, 38, 41};
    private static final int[] INTER_BY_CODE = {
            0, 16, 1, 2, 4, 8, 32, 3, 5, 10, 12, 15, 47, 7, 11, 13,
            14, 6, 9, 31, 35, 37, 42, 44, 33, 34, 36, 40, 39, 43, 45, 46,
            17, 18, 20, 24, 19, 21, 26, 28, 23, 27, 29, 30, 22, 25, 38, 41};
    private static final int[] INTRA_CODE = invert(INTRA_BY_CODE);
    private static final int[] INTER_CODE = invert(INTER_BY_CODE);

    private CodedBlockPattern() {
    }

    /** The codeNum to write as ue(v) for {@code cbp} (0..47) of an Intra_4x4 or an Inter macroblock. */
    static int codeNum(int cbp, boolean intra4x4) {
        return intra4x4 ? INTRA_CODE[cbp] : INTER_CODE[cbp];
    }

    private static int[] invert(int[] byCode) {
        int[] code = new int[48];
        java.util.Arrays.fill(code, -1);
        for (int i = 0; i < byCode.length; i++) {
            if (code[byCode[i]] != -1) {
                throw new ExceptionInInitializerError("coded_block_pattern " + byCode[i] + " twice in Table 9-4");
            }
            code[byCode[i]] = i;
        }
        return code;
    }
}
