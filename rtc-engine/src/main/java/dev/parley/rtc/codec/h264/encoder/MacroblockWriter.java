package dev.parley.rtc.codec.h264.encoder;

import dev.parley.rtc.codec.h264.BitWriter;

/**
 * Writes macroblock_layer() (§7.3.5) for CAVLC Baseline from the decisions of a {@link MacroblockEncoder}: mb_type,
 * the Intra 4x4 modes or the motion vector difference, coded_block_pattern, mb_qp_delta and residual().
 */
final class MacroblockWriter {
    /** mb_type of P_L0_16x16 in a P slice (Table 7-13); intra types follow at 5 + their I slice value. */
    private static final int P_L0_16X16 = 0;
    private static final int P_INTRA_OFFSET = 5;

    private MacroblockWriter() {
    }

    /** mb_skip_run (§7.3.4). */
    static void writeSkipRun(BitWriter w, int run) {
        w.writeUe(run);
    }

    /**
     * An intra macroblock. {@code i16Mode} is its Intra 16x16 mode, or -1 for Intra 4x4, whose modes are in the grid;
     * {@code qpDelta} is mb_qp_delta (written only where the syntax has it).
     */
    static void writeIntra(BitWriter w, MacroblockGrid g, int mb, int sliceId, boolean pSlice, int i16Mode,
                           int chromaMode, ResidualCoder res, int qpDelta) {
        int offset = pSlice ? P_INTRA_OFFSET : 0;
        if (i16Mode >= 0) {
            // Table 7-11: 1 + pred mode + 4 * CodedBlockPatternChroma + 12 if CodedBlockPatternLuma is 15
            w.writeUe(offset + 1 + i16Mode + 4 * res.cbpChroma + (res.cbpLuma == 15 ? 12 : 0));
        } else {
            w.writeUe(offset); // I_NxN
            for (int blk = 0; blk < 16; blk++) {
                int r = Block4x4.BLK_IDX_TO_RASTER[blk];
                int col = r & 3;
                int row = r >> 2;
                int predicted = g.predictedIntra4x4Mode(mb, sliceId, col, row);
                int mode = g.intraMode[mb * 16 + r];
                if (mode == predicted) {
                    w.writeBit(true); // prev_intra4x4_pred_mode_flag
                } else {
                    w.writeBit(false);
                    w.writeBits(mode < predicted ? mode : mode - 1, 3); // rem_intra4x4_pred_mode (§8.3.1.1)
                }
            }
        }
        w.writeUe(chromaMode); // intra_chroma_pred_mode
        int cbp = res.cbpLuma | (res.cbpChroma << 4);
        if (i16Mode < 0) {
            w.writeUe(CodedBlockPattern.codeNum(cbp, true));
        }
        if (i16Mode >= 0 || cbp != 0) {
            w.writeSe(qpDelta);
            writeResidual(w, g, mb, sliceId, res, i16Mode >= 0);
        }
    }

    /** A P_L0_16x16 macroblock with motion vector difference (mvdX, mvdY). */
    static void writeInter(BitWriter w, MacroblockGrid g, int mb, int sliceId, int mvdX, int mvdY,
                           ResidualCoder res, int qpDelta) {
        w.writeUe(P_L0_16X16);
        // ref_idx_l0 is absent: num_ref_idx_l0_active_minus1 is 0 (§7.3.5.1)
        w.writeSe(mvdX);
        w.writeSe(mvdY);
        int cbp = res.cbpLuma | (res.cbpChroma << 4);
        w.writeUe(CodedBlockPattern.codeNum(cbp, false));
        if (cbp != 0) {
            w.writeSe(qpDelta);
            writeResidual(w, g, mb, sliceId, res, false);
        }
    }

    /** residual() (§7.3.5.3) with residual_block_cavlc(); the grid already holds this macroblock's TotalCoeffs. */
    private static void writeResidual(BitWriter w, MacroblockGrid g, int mb, int sliceId, ResidualCoder res,
                                      boolean intra16x16) {
        if (intra16x16) {
            CavlcWriter.writeBlock(w, res.lumaDc, 0, 16, g.lumaNc(mb, sliceId, 0, 0)); // Intra16x16DCLevel
        }
        for (int b8 = 0; b8 < 4; b8++) {
            if ((res.cbpLuma & (1 << b8)) == 0) {
                continue;
            }
            for (int b4 = 0; b4 < 4; b4++) {
                int r = Block4x4.BLK_IDX_TO_RASTER[b8 * 4 + b4];
                int nC = g.lumaNc(mb, sliceId, r & 3, r >> 2);
                if (intra16x16) {
                    CavlcWriter.writeBlock(w, res.lumaLevels, r * 16 + 1, 15, nC); // Intra16x16ACLevel
                } else {
                    CavlcWriter.writeBlock(w, res.lumaLevels, r * 16, 16, nC);
                }
            }
        }
        if (res.cbpChroma != 0) {
            CavlcWriter.writeBlock(w, res.chromaDc, 0, 4, -1); // ChromaDCLevel Cb, nC = -1 for 4:2:0 (§9.2.1)
            CavlcWriter.writeBlock(w, res.chromaDc, 4, 4, -1);
        }
        if (res.cbpChroma == 2) {
            for (int c = 0; c < 2; c++) {
                int[] nz = c == 0 ? g.nzU : g.nzV;
                for (int b = 0; b < 4; b++) {
                    int nC = g.chromaNc(nz, mb, sliceId, b & 1, b >> 1);
                    CavlcWriter.writeBlock(w, res.chromaAc, (c * 4 + b) * 16 + 1, 15, nC);
                }
            }
        }
    }
}
