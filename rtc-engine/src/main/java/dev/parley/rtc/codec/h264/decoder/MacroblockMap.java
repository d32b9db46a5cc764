package dev.parley.rtc.codec.h264.decoder;

import java.util.Arrays;

/**
 * What the decoding of later macroblocks and the deblocking filter need to know about every macroblock of the
 * picture being decoded: its kind, slice, quantiser, deblocking controls, and per 4x4 block the coefficient counts
 * (the nC context of §9.2.1), the Intra 4x4 prediction modes (§8.3.1.1) and the list-0 motion (§8.4.1.3).
 *
 * <p>Per-block arrays are rasters over the whole picture: luma 4x4 block (bx, by) of the picture at
 * {@code by * blocksPerRow + bx} ({@code blocksPerRow = mbWidth * 4}); chroma 4x4 blocks at
 * {@code cy * (mbWidth * 2) + cx}. Allocated once per picture size; {@link #startPicture} makes every macroblock
 * unavailable again, every other entry is written when its macroblock is decoded.
 */
final class MacroblockMap {
    static final int P_SKIP = 0;
    /** P_L0_16x16, P_L0_L0_16x8, P_L0_L0_8x16, P_8x8, P_8x8ref0. */
    static final int P_INTER = 1;
    static final int I_4X4 = 2;
    static final int I_16X16 = 3;
    static final int I_PCM = 4;

    /** Intra_4x4_DC (Table 8-2): what a block outside an Intra 4x4 macroblock offers its neighbours (§8.3.1.1). */
    static final byte DC_MODE = 2;

    final int mbWidth;
    final int mbHeight;
    final int mbCount;
    final int blocksPerRow;
    final int chromaBlocksPerRow;
    /** Per macroblock: kind (the constants above). */
    final byte[] kind;
    /** Per macroblock: the slice it belongs to, counted from 0 in the picture; -1 until decoded. */
    final int[] slice;
    /** Per macroblock: QPY as the deblocking filter uses it (0 for I_PCM, §8.7.2.2). */
    final byte[] qp;
    /** Per macroblock: QPc of Cb and Cr for the deblocking filter (from QPY 0 for I_PCM). */
    final byte[] qpCb;
    final byte[] qpCr;
    /** Per macroblock: disable_deblocking_filter_idc, FilterOffsetA and FilterOffsetB of its slice (§7.4.3). */
    final byte[] filterIdc;
    final byte[] filterOffsetA;
    final byte[] filterOffsetB;
    /**
     * Per inter macroblock: bit {@code y4 * 4 + x4} set for each luma 4x4 block with coefficients (the bS 2 test of
     * §8.7.2.1), and whether all its blocks share one reference and vector (P_Skip, P_L0_16x16).
     */
    final int[] codedMask;
    final boolean[] oneMotion;
    /** Per luma 4x4 block: TotalCoeff of its block (16 for I_PCM, §9.2.1). */
    final byte[] totalCoeff;
    /** Per chroma 4x4 block of Cb and Cr: TotalCoeff of its AC block. */
    final byte[] totalCoeffCb;
    final byte[] totalCoeffCr;
    /** Per luma 4x4 block: Intra4x4PredMode, {@link #DC_MODE} outside Intra 4x4 macroblocks. */
    final byte[] intraMode;
    // The motion of a macroblock with one vector for all its blocks ({@link #oneMotion}, and intra macroblocks) is
    // kept in its right column and bottom row only: the blocks its neighbours' prediction and deblocking read.
    /** Per luma 4x4 block: refIdxL0 in its slice's list, -1 for intra. */
    final byte[] refIdx;
    /** Per luma 4x4 block: {@link Picture#serial} of the picture it predicts from, -1 for intra. */
    final int[] refSerial;
    /** Per luma 4x4 block: mvL0 in quarter samples, 0 for intra. */
    final int[] mvX;
    final int[] mvY;

    MacroblockMap(int mbWidth, int mbHeight) {
        this.mbWidth = mbWidth;
        this.mbHeight = mbHeight;
        this.mbCount = mbWidth * mbHeight;
        this.blocksPerRow = mbWidth * 4;
        this.chromaBlocksPerRow = mbWidth * 2;
        kind = new byte[mbCount];
        slice = new int[mbCount];
        qp = new byte[mbCount];
        qpCb = new byte[mbCount];
        qpCr = new byte[mbCount];
        filterIdc = new byte[mbCount];
        filterOffsetA = new byte[mbCount];
        filterOffsetB = new byte[mbCount];
        codedMask = new int[mbCount];
        oneMotion = new boolean[mbCount];
        int blocks = mbCount * 16;
        totalCoeff = new byte[blocks];
        totalCoeffCb = new byte[mbCount * 4];
        totalCoeffCr = new byte[mbCount * 4];
        intraMode = new byte[blocks];
        refIdx = new byte[blocks];
        refSerial = new int[blocks];
        mvX = new int[blocks];
        mvY = new int[blocks];
    }

    /** A new picture: no macroblock is decoded (available, §6.4.1) yet. */
    void startPicture() {
        Arrays.fill(slice, -1);
    }

    /** Index of the top-left luma 4x4 block of macroblock {@code mb}. */
    int firstBlock(int mb) {
        return (mb / mbWidth) * 4 * blocksPerRow + (mb % mbWidth) * 4;
    }

    /** Index of the top-left chroma 4x4 block of macroblock {@code mb}. */
    int firstChromaBlock(int mb) {
        return (mb / mbWidth) * 2 * chromaBlocksPerRow + (mb % mbWidth) * 2;
    }

    /** Whether macroblock {@code mb} is I_4x4, I_16x16 or I_PCM. */
    boolean intra(int mb) {
        return kind[mb] >= I_4X4;
    }
}
