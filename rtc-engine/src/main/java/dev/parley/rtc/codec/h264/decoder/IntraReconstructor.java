package dev.parley.rtc.codec.h264.decoder;

import dev.parley.rtc.codec.h264.H264ParseException;
import dev.parley.rtc.codec.h264.encoder.Dequantizer;
import dev.parley.rtc.codec.h264.encoder.Intra16x16Predictor;
import dev.parley.rtc.codec.h264.encoder.Intra4x4Predictor;
import dev.parley.rtc.codec.h264.encoder.IntraChromaPredictor;
import dev.parley.rtc.codec.h264.encoder.InverseTransform;

/**
 * Intra macroblock reconstruction into the picture being decoded: Intra 4x4 (§8.3.1, block by block, each predicted
 * from the ones before it), Intra 16x16 (§8.3.3 with the luma DC transform of §8.5.10), intra chroma prediction
 * (§8.3.4) and I_PCM samples (§8.3.5), with the residual of §8.5.12 and picture construction (§8.5.14). Neighbour
 * availability is the caller's (§6.4.11: decoded and in the same slice; constrained_intra_pred_flag is 0). A mode
 * whose neighbours are not available is a corrupt stream.
 *
 * <p>The predictors read the planes in picture coordinates, so they are given positions shifted by the border.
 * Not thread-safe (scratch arrays); one per slice decoder.
 */
final class IntraReconstructor {
    /** Whether the top-right 4x4 block of a block is decoded before it, for blocks off the macroblock's top row and
     * right column (§6.4.11.4: blocks 3, 7, 11, 13 and 15 come before their top-right neighbour). */
    private static final boolean[] TOP_RIGHT_INSIDE = {
        false, false, true, false, false, false, true, false, true, true, true, false, true, false, true, false};
    /** luma4x4BlkIdx to the raster position of its 4x4 block, where the Intra16x16 DC of §8.5.10 is found. */
    private static final int[] BLK_RASTER = {0, 1, 4, 5, 2, 3, 6, 7, 8, 9, 12, 13, 10, 11, 14, 15};

    /** Intra4x4PredMode by luma4x4BlkIdx, set by the parser. */
    final int[] modes = new int[16];
    private final int[] pred = new int[256];

    /**
     * Intra 4x4 luma of macroblock (mbX, mbY): {@link #modes}, then per block its levels
     * ({@code levels[blk * 16 ..]} in scan order, used when {@code totals[blk] > 0}).
     */
    void intra4x4(Picture p, int mbX, int mbY, boolean left, boolean top, boolean topRight, boolean topLeft, int qp,
            int[] levels, int[] totals, int[] coef) throws H264ParseException {
        int stride = p.strideY;
        for (int blk = 0; blk < 16; blk++) {
            int bx = MacroblockDecoder.BLK_X[blk];
            int by = MacroblockDecoder.BLK_Y[blk];
            boolean l = bx > 0 || left;
            boolean t = by > 0 || top;
            boolean tl = bx > 0 ? (by > 0 || top) : (by > 0 ? left : topLeft);
            boolean tr;
            if (by == 0) {
                tr = bx == 3 ? topRight : top;
            } else {
                tr = TOP_RIGHT_INSIDE[blk];
            }
            int mode = modes[blk];
            if (!Intra4x4Predictor.modeAvailable(mode, l, t, tl)) {
                throw new H264ParseException("Intra4x4PredMode " + mode + " without the neighbours it needs");
            }
            int x = mbX * 16 + bx * 4;
            int y = mbY * 16 + by * 4;
            Intra4x4Predictor.predict(mode, p.y, stride, x + Picture.PAD, y + Picture.PAD, l, t, t && tr, tl, pred, 0);
            int off = p.originY + y * stride + x;
            if (totals[blk] > 0) {
                Dequantizer.dequant4x4(levels, blk * 16, qp, coef, 0, false);
                InverseTransform.reconstruct4x4(coef, 0, pred, 0, 4, p.y, off, stride);
            } else {
                InverseTransform.copyPred(pred, 0, 4, p.y, off, stride);
            }
        }
    }

    /**
     * Intra 16x16 luma: the prediction, the DC levels ({@code levels[256 ..]}, always coded) through §8.5.10, and
     * the AC levels of each block ({@code levels[blk * 16 + 1 ..]} when {@code totals[blk] > 0}).
     */
    void intra16x16(Picture p, int mbX, int mbY, int mode, boolean left, boolean top, boolean topLeft, int qp,
            int[] levels, int[] totals, int[] coef, int[] dc) throws H264ParseException {
        if (!Intra16x16Predictor.modeAvailable(mode, left, top, topLeft)) {
            throw new H264ParseException("Intra16x16PredMode " + mode + " without the neighbours it needs");
        }
        int stride = p.strideY;
        int x = mbX * 16;
        int y = mbY * 16;
        Intra16x16Predictor.predict(mode, p.y, stride, x + Picture.PAD, y + Picture.PAD, left, top, topLeft, pred);
        Dequantizer.dequantLumaDc(levels, 256, qp, dc, 0);
        for (int blk = 0; blk < 16; blk++) {
            int bx = MacroblockDecoder.BLK_X[blk];
            int by = MacroblockDecoder.BLK_Y[blk];
            if (totals[blk] > 0) {
                Dequantizer.dequant4x4(levels, blk * 16, qp, coef, 0, true);
            } else {
                for (int i = 1; i < 16; i++) {
                    coef[i] = 0;
                }
            }
            coef[0] = dc[BLK_RASTER[blk]];
            int off = p.originY + (y + by * 4) * stride + x + bx * 4;
            InverseTransform.reconstruct4x4(coef, 0, pred, by * 64 + bx * 4, 16, p.y, off, stride);
        }
    }

    /** Intra chroma prediction of both components of macroblock (mbX, mbY), written to the picture. */
    void chroma(Picture p, int mbX, int mbY, int mode, boolean left, boolean top, boolean topLeft)
            throws H264ParseException {
        if (!IntraChromaPredictor.modeAvailable(mode, left, top, topLeft)) {
            throw new H264ParseException("intra_chroma_pred_mode " + mode + " without the neighbours it needs");
        }
        int stride = p.strideC;
        int x = mbX * 8;
        int y = mbY * 8;
        int off = p.originC + y * stride + x;
        IntraChromaPredictor.predict(mode, p.u, stride, x + Picture.PAD_C, y + Picture.PAD_C, left, top, topLeft,
                pred, 0);
        copy(pred, p.u, off, stride);
        IntraChromaPredictor.predict(mode, p.v, stride, x + Picture.PAD_C, y + Picture.PAD_C, left, top, topLeft,
                pred, 0);
        copy(pred, p.v, off, stride);
    }

    private static void copy(int[] pred, byte[] plane, int off, int stride) {
        for (int r = 0, i = 0; r < 8; r++, off += stride) {
            for (int c = 0; c < 8; c++) {
                plane[off + c] = (byte) pred[i++];
            }
        }
    }

    /** I_PCM: 256 luma then 64 Cb and 64 Cr samples in raster order from {@code src[start ..]} (§7.3.5, §8.3.5). */
    void pcm(Picture p, int mbX, int mbY, byte[] src, int start) {
        int off = p.originY + mbY * 16 * p.strideY + mbX * 16;
        for (int r = 0; r < 16; r++) {
            System.arraycopy(src, start + r * 16, p.y, off + r * p.strideY, 16);
        }
        int c = p.originC + mbY * 8 * p.strideC + mbX * 8;
        for (int r = 0; r < 8; r++) {
            System.arraycopy(src, start + 256 + r * 8, p.u, c + r * p.strideC, 8);
            System.arraycopy(src, start + 320 + r * 8, p.v, c + r * p.strideC, 8);
        }
    }
}
