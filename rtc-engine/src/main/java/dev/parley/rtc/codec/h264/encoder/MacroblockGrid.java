package dev.parley.rtc.codec.h264.encoder;

import java.util.Arrays;

/**
 * What the encoder remembers about every macroblock of the picture being coded, for the decisions and syntax of the
 * macroblocks after it: type, slice, QP, motion vector, the total_coeff of every 4x4 block (the nC context of CAVLC,
 * §9.2.1) and the Intra 4x4 modes (their prediction, §8.3.1.1). Neighbour availability (§6.4.4: inside the picture,
 * already coded, same slice) is decided here too.
 */
final class MacroblockGrid {
    static final int SKIP = 0;
    static final int P16X16 = 1;
    static final int I16X16 = 2;
    static final int I4X4 = 3;

    /** Intra_4x4_DC (Table 8-2): the mode assumed for neighbours that are not Intra 4x4 macroblocks (§8.3.1.1). */
    static final int INTRA4X4_DC = 2;

    final int mbW;
    final int mbH;
    final int[] type;
    final int[] slice;
    final int[] qp;
    final int[] mvX;
    final int[] mvY;
    /** SAD of the chosen prediction of inter macroblocks (the early termination of later searches). */
    final int[] sad;
    /** total_coeff per luma 4x4 block, index mb * 16 + row * 4 + col (raster inside the macroblock). */
    final int[] nzY;
    /** total_coeff per chroma AC block, index mb * 4 + row * 2 + col, Cb and Cr. */
    final int[] nzU;
    final int[] nzV;
    /** Intra4x4PredMode per 4x4 block, raster inside the macroblock; DC for other macroblock types. */
    final int[] intraMode;

    MacroblockGrid(int mbW, int mbH) {
        this.mbW = mbW;
        this.mbH = mbH;
        int n = mbW * mbH;
        type = new int[n];
        slice = new int[n];
        qp = new int[n];
        mvX = new int[n];
        mvY = new int[n];
        sad = new int[n];
        nzY = new int[n * 16];
        nzU = new int[n * 4];
        nzV = new int[n * 4];
        intraMode = new int[n * 16];
        Arrays.fill(slice, -1);
    }

    /** A new picture: no macroblock is available until coded again (slice ids are never reused, see caller). */
    void startPicture() {
        Arrays.fill(slice, -1);
    }

    /** Macroblock {@code mb} (raster address) is coded and in slice {@code sliceId}. */
    boolean inSlice(int mb, int sliceId) {
        return slice[mb] == sliceId;
    }

    /** mbAddrA (§6.4.9): the left neighbour, or -1 when not available. */
    int left(int mb, int sliceId) {
        return mb % mbW > 0 && slice[mb - 1] == sliceId ? mb - 1 : -1;
    }

    /** mbAddrB: the neighbour above, or -1. */
    int above(int mb, int sliceId) {
        return mb >= mbW && slice[mb - mbW] == sliceId ? mb - mbW : -1;
    }

    /** mbAddrC: above and to the right, or -1. */
    int aboveRight(int mb, int sliceId) {
        return mb >= mbW && mb % mbW < mbW - 1 && slice[mb - mbW + 1] == sliceId ? mb - mbW + 1 : -1;
    }

    /** mbAddrD: above and to the left, or -1. */
    int aboveLeft(int mb, int sliceId) {
        return mb >= mbW && mb % mbW > 0 && slice[mb - mbW - 1] == sliceId ? mb - mbW - 1 : -1;
    }

    /** nC for the luma 4x4 block at (col, row) of macroblock {@code mb} (§9.2.1), neighbours inside or outside it. */
    int lumaNc(int mb, int sliceId, int col, int row) {
        int nA = -1;
        int nB = -1;
        if (col > 0) {
            nA = nzY[mb * 16 + row * 4 + col - 1];
        } else {
            int a = left(mb, sliceId);
            if (a >= 0) {
                nA = nzY[a * 16 + row * 4 + 3];
            }
        }
        if (row > 0) {
            nB = nzY[mb * 16 + (row - 1) * 4 + col];
        } else {
            int b = above(mb, sliceId);
            if (b >= 0) {
                nB = nzY[b * 16 + 12 + col];
            }
        }
        return combine(nA, nB);
    }

    /** nC for the chroma AC block at (col, row) of one component (§9.2.1, 4:2:0: 2x2 blocks per macroblock). */
    int chromaNc(int[] nz, int mb, int sliceId, int col, int row) {
        int nA = -1;
        int nB = -1;
        if (col > 0) {
            nA = nz[mb * 4 + row * 2];
        } else {
            int a = left(mb, sliceId);
            if (a >= 0) {
                nA = nz[a * 4 + row * 2 + 1];
            }
        }
        if (row > 0) {
            nB = nz[mb * 4 + col];
        } else {
            int b = above(mb, sliceId);
            if (b >= 0) {
                nB = nz[b * 4 + 2 + col];
            }
        }
        return combine(nA, nB);
    }

    /** §9.2.1: both available -> (nA + nB + 1) >> 1, one -> that one, none -> 0. */
    private static int combine(int nA, int nB) {
        if (nA >= 0 && nB >= 0) {
            return (nA + nB + 1) >> 1;
        }
        if (nA >= 0) {
            return nA;
        }
        return Math.max(nB, 0);
    }

    /**
     * predIntra4x4PredMode for the block at (col, row) of {@code mb} (§8.3.1.1): DC when a neighbouring macroblock is
     * not available, the minimum of the neighbouring blocks' modes otherwise (DC for non-Intra-4x4 neighbours).
     */
    int predictedIntra4x4Mode(int mb, int sliceId, int col, int row) {
        int modeA;
        int modeB;
        if (col > 0) {
            modeA = intraMode[mb * 16 + row * 4 + col - 1];
        } else {
            int a = left(mb, sliceId);
            if (a < 0) {
                return INTRA4X4_DC;
            }
            modeA = intraMode[a * 16 + row * 4 + 3];
        }
        if (row > 0) {
            modeB = intraMode[mb * 16 + (row - 1) * 4 + col];
        } else {
            int b = above(mb, sliceId);
            if (b < 0) {
                return INTRA4X4_DC;
            }
            modeB = intraMode[b * 16 + 12 + col];
        }
        return Math.min(modeA, modeB);
    }

    /** Records a macroblock that is not Intra 4x4: every block's mode reads as DC for its neighbours. */
    void clearIntraModes(int mb) {
        Arrays.fill(intraMode, mb * 16, mb * 16 + 16, INTRA4X4_DC);
    }

    void clearCoefficients(int mb) {
        Arrays.fill(nzY, mb * 16, mb * 16 + 16, 0);
        Arrays.fill(nzU, mb * 4, mb * 4 + 4, 0);
        Arrays.fill(nzV, mb * 4, mb * 4 + 4, 0);
    }

    boolean isInter(int mb) {
        return type[mb] == SKIP || type[mb] == P16X16;
    }
}
