package dev.parley.rtc.codec.h264.decoder;

import dev.parley.rtc.codec.h264.H264ParseException;
import dev.parley.rtc.codec.h264.encoder.ChromaQp;
import dev.parley.rtc.codec.h264.encoder.Dequantizer;

/**
 * Parses and reconstructs one macroblock of an I or P slice (macroblock_layer(), §7.3.5, with mb_pred / sub_mb_pred
 * and residual(), semantics §7.4.5): the macroblock types of Tables 7-11, 7-13 and 7-17, Intra 4x4 mode prediction,
 * coded_block_pattern (me(v), Table 9-4), mb_qp_delta, CAVLC residual blocks with their nC contexts across
 * macroblocks (§9.2.1), motion vector prediction and motion compensation (§8.4), the intra paths (through
 * {@link IntraReconstructor}) and the inter residual.
 *
 * <p>The picture, its {@link MacroblockMap} and the reference list come from {@link #startSlice}; QP<sub>Y</sub>
 * carries over from one macroblock to the next within the slice. Corrupt data is an {@link H264ParseException} (no
 * stack trace; only damaged slices take that path). Nothing is allocated per macroblock. Not thread-safe.
 */
final class MacroblockDecoder {
    /** luma4x4BlkIdx to block column and row inside the macroblock (§6.4.3). */
    static final int[] BLK_X = {0, 1, 0, 1, 2, 3, 2, 3, 0, 1, 0, 1, 2, 3, 2, 3};
    static final int[] BLK_Y = {0, 0, 1, 1, 0, 0, 1, 1, 2, 2, 3, 3, 2, 2, 3, 3};
    // Table 9-4, ChromaArrayType 1 or 2: coded_block_pattern by codeNum, for Intra_4x4 and for Inter macroblocks.
    private static final int[] CBP_INTRA = {
        47, 31, 15, 0, 23, 27, 29, 30, 7, 11, 13, 14, 39, 43, 45, 46,
        16, 3, 5, 10, 12, 19, 21, 26, 28, 35, 37, 42, 44, 1, 2, 4,
        8, 17, 18, 20, 24, 6, 9, 22, 25, 32, 33, 34, 36, 40, 38, 41};
    private static final int[] CBP_INTER = {
        0, 16, 1, 2, 4, 8, 32, 3, 5, 10, 12, 15, 47, 7, 11, 13,
        14, 6, 9, 31, 35, 37, 42, 44, 33, 34, 36, 40, 39, 43, 45, 46,
        17, 18, 20, 24, 19, 21, 26, 28, 23, 27, 29, 30, 22, 25, 38, 41};
    // Table 7-17, sub_mb_type of P macroblocks: partitions and their size in 4x4 blocks.
    private static final int[] SUB_PARTS = {1, 2, 2, 4};
    private static final int[] SUB_W4 = {2, 2, 1, 1};
    private static final int[] SUB_H4 = {2, 1, 2, 1};

    private final RbspReader r;
    private final CavlcReader cavlc = new CavlcReader();
    private final MotionVectorPredictor mvp = new MotionVectorPredictor();
    private final LumaInterpolator luma = new LumaInterpolator();
    private final IntraReconstructor intra = new IntraReconstructor();
    /** Residual levels in scan order: 16 luma blocks by luma4x4BlkIdx, then the luma DC block. */
    private final int[] lumaLevels = new int[17 * 16];
    private final int[] lumaTotal = new int[17];
    /** Raster bits of the luma 4x4 blocks with coefficients (see {@link MacroblockMap#codedMask}). */
    private int codedMask;
    /** Chroma DC levels, Cb then Cr; chroma AC levels by (component * 4 + block) * 16. */
    private final int[] chromaDc = new int[8];
    private final int[] chromaAc = new int[8 * 16];
    private final int[] chromaTotal = new int[8];
    private final int[] coef = new int[16];
    private final int[] dc = new int[16];
    /** P_8x8: sub_mb_type and refIdx of each 8x8; 16x16..8x16: refIdx of each partition. */
    private final int[] subType = new int[4];
    private final int[] partRef = new int[4];
    /** mvd_l0 by partition (or sub-partition, 4 per 8x8). */
    private final int[] mvdX = new int[16];
    private final int[] mvdY = new int[16];

    private MacroblockMap map;
    private Picture pic;
    private Picture[] list0;
    private int numRefIdxActive;
    private int slice;
    private int qp;
    private int cbOffset;
    private int crOffset;
    private int filterIdc;
    private int offsetA;
    private int offsetB;
    // Availability of the current macroblock's neighbours A, B, C, D (§6.4.9).
    private boolean hasLeft;
    private boolean hasTop;
    private boolean hasTopRight;
    private boolean hasTopLeft;

    MacroblockDecoder(RbspReader r) {
        this.r = r;
    }

    /**
     * Starts slice number {@code slice} (counted from 0 in the picture) of {@code h} in picture {@code pic}, whose
     * macroblocks are recorded in {@code map}; {@code list0} is the slice's reference list (P slices).
     */
    void startSlice(SliceHeader h, int slice, Picture pic, MacroblockMap map, Picture[] list0) {
        this.map = map;
        this.pic = pic;
        this.list0 = list0;
        this.numRefIdxActive = h.numRefIdxActive;
        this.slice = slice;
        this.qp = h.sliceQp;
        this.cbOffset = h.pps.chromaQpIndexOffset();
        this.crOffset = h.pps.secondChromaQpIndexOffset();
        this.filterIdc = h.disableDeblockingFilterIdc;
        this.offsetA = h.filterOffsetA;
        this.offsetB = h.filterOffsetB;
    }

    private void neighbours(int mb) {
        int w = map.mbWidth;
        int mbX = mb % w;
        int[] s = map.slice;
        hasLeft = mbX > 0 && s[mb - 1] == slice;
        hasTop = mb >= w && s[mb - w] == slice;
        hasTopRight = mb >= w && mbX < w - 1 && s[mb - w + 1] == slice;
        hasTopLeft = mb >= w && mbX > 0 && s[mb - w - 1] == slice;
    }

    /** Records what every macroblock stores: its slice, kind, QPs and the slice's deblocking controls. */
    private void record(int mb, int kind, int deblockQp) {
        map.slice[mb] = slice;
        map.kind[mb] = (byte) kind;
        map.qp[mb] = (byte) deblockQp;
        map.qpCb[mb] = (byte) ChromaQp.qpc(deblockQp, cbOffset);
        map.qpCr[mb] = (byte) ChromaQp.qpc(deblockQp, crOffset);
        map.filterIdc[mb] = (byte) filterIdc;
        map.filterOffsetA[mb] = (byte) offsetA;
        map.filterOffsetB[mb] = (byte) offsetB;
    }

    /** A P_Skip macroblock (§7.4.4): P_L0_16x16 from refIdx 0 with the inferred vector, no residual. */
    void decodeSkip(int mb) throws H264ParseException {
        neighbours(mb);
        if (list0[0] == null) {
            throw new H264ParseException("P_Skip without a reference picture");
        }
        mvp.load(map, mb, slice, false);
        mvp.predictSkip();
        predictInter(mb, 0, 0, 4, 4, list0[0], mvp.predX, mvp.predY);
        MotionVectorPredictor.storeUniform(map, mb, 0, list0[0].serial, mvp.predX, mvp.predY);
        map.codedMask[mb] = 0;
        map.oneMotion[mb] = true;
        clearBlocks(mb, 0);
        record(mb, MacroblockMap.P_SKIP, qp);
    }

    /** macroblock_layer() of macroblock {@code mb} in a slice of type {@code sliceType}. */
    void decode(int mb, int sliceType) throws H264ParseException {
        neighbours(mb);
        int mbType = r.readUe();
        if (sliceType == SliceHeaderStart.P) {
            if (mbType < 5) {
                decodeInter(mb, mbType);
                return;
            }
            mbType -= 5; // Table 7-13: mb_type 5..30 of a P slice are the I types 0..25
        }
        if (mbType == 0) {
            decodeIntra4x4(mb);
        } else if (mbType <= 24) {
            decodeIntra16x16(mb, mbType);
        } else if (mbType == 25) {
            decodePcm(mb);
        } else {
            throw new H264ParseException("mb_type " + mbType + " out of range");
        }
    }

    private void decodeIntra4x4(int mb) throws H264ParseException {
        int fb = map.firstBlock(mb);
        int bpr = map.blocksPerRow;
        byte[] modes = map.intraMode;
        int[] mode16 = intra.modes;
        for (int blk = 0; blk < 16; blk++) {
            int bx = BLK_X[blk];
            int by = BLK_Y[blk];
            int k = fb + by * bpr + bx;
            int pred;
            if ((bx == 0 && !hasLeft) || (by == 0 && !hasTop)) {
                pred = MacroblockMap.DC_MODE; // §8.3.1.1: dcPredModePredictedFlag
            } else {
                pred = Math.min(modes[k - 1], modes[k - bpr]);
            }
            int mode;
            if (r.readBit() != 0) { // prev_intra4x4_pred_mode_flag
                mode = pred;
            } else {
                int rem = r.readBits(3);
                mode = rem < pred ? rem : rem + 1;
            }
            modes[k] = (byte) mode;
            mode16[blk] = mode;
        }
        int chromaMode = r.readUe("intra_chroma_pred_mode", 3);
        int cbp = readCbp(CBP_INTRA);
        readQpDelta(cbp != 0);
        readResidual(mb, false, cbp);
        intra.intra4x4(pic, mb % map.mbWidth, mb / map.mbWidth, hasLeft, hasTop, hasTopRight, hasTopLeft, qp,
                lumaLevels, lumaTotal, coef);
        chroma(mb, chromaMode, cbp >> 4);
        intraMotion(mb);
        record(mb, MacroblockMap.I_4X4, qp);
    }

    private void decodeIntra16x16(int mb, int mbType) throws H264ParseException {
        // Table 7-11: mb_type 1..24 pack Intra16x16PredMode, the chroma and the luma coded block pattern.
        int predMode = (mbType - 1) & 3;
        int cbp = ((mbType - 1) >> 2) % 3 << 4 | (mbType >= 13 ? 15 : 0);
        int chromaMode = r.readUe("intra_chroma_pred_mode", 3);
        readQpDelta(true);
        readResidual(mb, true, cbp);
        intra.intra16x16(pic, mb % map.mbWidth, mb / map.mbWidth, predMode, hasLeft, hasTop, hasTopLeft, qp,
                lumaLevels, lumaTotal, coef, dc);
        fillModes(mb);
        chroma(mb, chromaMode, cbp >> 4);
        intraMotion(mb);
        record(mb, MacroblockMap.I_16X16, qp);
    }

    private void decodePcm(int mb) throws H264ParseException {
        while (!r.byteAligned()) {
            if (r.readBit() != 0) {
                throw new H264ParseException("pcm_alignment_zero_bit is 1");
            }
        }
        int start = r.position() >>> 3;
        r.skip(384 * 8);
        if (r.overrun()) {
            throw new H264ParseException("I_PCM samples past the end of the slice");
        }
        intra.pcm(pic, mb % map.mbWidth, mb / map.mbWidth, r.buffer(), start);
        fillModes(mb);
        clearBlocks(mb, 16); // §9.2.1: an I_PCM neighbour counts 16 coefficients per block
        intraMotion(mb);
        record(mb, MacroblockMap.I_PCM, 0); // §8.7.2.2: qPp of an I_PCM macroblock is 0; QPY,PRED carries on
    }

    private void decodeInter(int mb, int mbType) throws H264ParseException {
        int parts;
        if (mbType < 3) {
            parts = mbType == 0 ? 1 : 2;
            for (int p = 0; p < parts; p++) {
                partRef[p] = readRefIdx();
            }
            for (int p = 0; p < parts; p++) {
                mvdX[p] = readMvd();
                mvdY[p] = readMvd();
            }
        } else {
            for (int s = 0; s < 4; s++) {
                subType[s] = r.readUe("sub_mb_type", 3);
            }
            for (int s = 0; s < 4; s++) {
                partRef[s] = mbType == 4 ? 0 : readRefIdx(); // P_8x8ref0: refIdx 0, not coded
            }
            for (int s = 0; s < 4; s++) {
                for (int p = 0; p < SUB_PARTS[subType[s]]; p++) {
                    mvdX[s * 4 + p] = readMvd();
                    mvdY[s * 4 + p] = readMvd();
                }
            }
        }
        int cbp = readCbp(CBP_INTER);
        readQpDelta(cbp != 0);
        readResidual(mb, false, cbp);

        mvp.load(map, mb, slice, true);
        switch (mbType) {
            case 0 -> partition(mb, 0, 0, 4, 4, partRef[0], 0, MotionVectorPredictor.MEDIAN);
            case 1 -> {
                partition(mb, 0, 0, 4, 2, partRef[0], 0, MotionVectorPredictor.SHAPE_16X8);
                partition(mb, 0, 2, 4, 2, partRef[1], 1, MotionVectorPredictor.SHAPE_16X8);
            }
            case 2 -> {
                partition(mb, 0, 0, 2, 4, partRef[0], 0, MotionVectorPredictor.SHAPE_8X16);
                partition(mb, 2, 0, 2, 4, partRef[1], 1, MotionVectorPredictor.SHAPE_8X16);
            }
            default -> {
                for (int s = 0; s < 4; s++) {
                    int t = subType[s];
                    int x0 = (s & 1) * 2;
                    int y0 = (s >> 1) * 2;
                    for (int p = 0; p < SUB_PARTS[t]; p++) {
                        int x4 = x0 + (t == 3 ? p & 1 : t == 2 ? p : 0);
                        int y4 = y0 + (t == 3 ? p >> 1 : t == 1 ? p : 0);
                        partition(mb, x4, y4, SUB_W4[t], SUB_H4[t], partRef[s], s * 4 + p,
                                MotionVectorPredictor.MEDIAN);
                    }
                }
            }
        }
        if (mbType == 0) {
            MotionVectorPredictor.storeUniform(map, mb, partRef[0], list0[partRef[0]].serial, mvp.lastX, mvp.lastY);
        } else {
            mvp.store(map, mb, list0);
        }
        map.codedMask[mb] = codedMask;
        map.oneMotion[mb] = mbType == 0;
        fillModes(mb);
        interResidual(mb, cbp);
        record(mb, MacroblockMap.P_INTER, qp);
    }

    /** One partition: its vector (prediction + mvd, §8.4.1), then its samples (§8.4.2). */
    private void partition(int mb, int x4, int y4, int w4, int h4, int refIdx, int mvd, int shape) {
        mvp.predict(x4, y4, w4, refIdx, shape);
        int x = mvp.predX + mvdX[mvd];
        int y = mvp.predY + mvdY[mvd];
        mvp.set(x4, y4, w4, h4, refIdx, x, y);
        predictInter(mb, x4, y4, w4, h4, list0[refIdx], x, y);
    }

    /** Luma and both chroma predictions of a block of {@code w4 x h4} 4x4 blocks at (x4, y4) of the macroblock. */
    private void predictInter(int mb, int x4, int y4, int w4, int h4, Picture ref, int mvx, int mvy) {
        Picture p = pic;
        int x = (mb % map.mbWidth) * 16 + x4 * 4;
        int y = (mb / map.mbWidth) * 16 + y4 * 4;
        luma.predict(ref, x, y, mvx, mvy, w4 * 4, h4 * 4, p.y, p.originY + y * p.strideY + x, p.strideY);
        int cx = x / 2;
        int cy = y / 2;
        int dst = p.originC + cy * p.strideC + cx;
        ref.predictChroma(ref.u, cx, cy, mvx, mvy, w4 * 2, h4 * 2, p.u, dst, p.strideC);
        ref.predictChroma(ref.v, cx, cy, mvx, mvy, w4 * 2, h4 * 2, p.v, dst, p.strideC);
    }

    /** ref_idx_l0 as te(v) (§9.1.2) with range num_ref_idx_l0_active_minus1; it must name a picture. */
    private int readRefIdx() throws H264ParseException {
        int range = numRefIdxActive - 1;
        int refIdx;
        if (range == 0) {
            refIdx = 0;
        } else if (range == 1) {
            refIdx = 1 - r.readBit();
        } else {
            refIdx = r.readUe("ref_idx_l0", range);
        }
        if (list0[refIdx] == null) {
            throw new H264ParseException("ref_idx_l0 " + refIdx + " names no reference picture");
        }
        return refIdx;
    }

    /** mvd_l0 component, within the range of §7.4.5.1 (-8192 .. 8191.75 samples). */
    private int readMvd() throws H264ParseException {
        return r.readSe("mvd_l0", -32768, 32767);
    }

    private int readCbp(int[] table) throws H264ParseException {
        return table[r.readUe("coded_block_pattern", 47)];
    }

    /** mb_qp_delta when present (§7.4.5): QPY = (QPY,PRED + mb_qp_delta + 52) % 52 for 8-bit video. */
    private void readQpDelta(boolean present) throws H264ParseException {
        if (present) {
            qp = (qp + r.readSe("mb_qp_delta", -26, 25) + 52) % 52;
        }
    }

    /**
     * residual() (§7.3.5.3) for 4:2:0 CAVLC: the Intra16x16 DC block, the luma blocks of the coded 8x8 quadrants
     * (AC only for Intra16x16), chroma DC and AC; every block's TotalCoeff goes to the map for the nC of later blocks.
     */
    private void readResidual(int mb, boolean i16, int cbp) throws H264ParseException {
        int fb = map.firstBlock(mb);
        int bpr = map.blocksPerRow;
        byte[] totals = map.totalCoeff;
        int mask = 0;
        if (i16) {
            lumaTotal[16] = block(nC(totals, fb, bpr, 0, 0), 16, lumaLevels, 256);
        }
        for (int blk = 0; blk < 16; blk++) {
            int bx = BLK_X[blk];
            int by = BLK_Y[blk];
            int k = fb + by * bpr + bx;
            int total = 0;
            if ((cbp & (1 << (blk >> 2))) != 0) {
                int nC = nC(totals, k, bpr, bx, by);
                total = i16 ? block(nC, 15, lumaLevels, blk * 16 + 1) : block(nC, 16, lumaLevels, blk * 16);
            }
            totals[k] = (byte) total;
            lumaTotal[blk] = total;
            if (total != 0) {
                mask |= 1 << (by * 4 + bx);
            }
        }
        codedMask = mask;
        int fc = map.firstChromaBlock(mb);
        int cpr = map.chromaBlocksPerRow;
        int chromaCbp = cbp >> 4;
        if (chromaCbp > 2) {
            throw new H264ParseException("CodedBlockPatternChroma " + chromaCbp);
        }
        for (int c = 0; c < 2; c++) {
            if (chromaCbp != 0) {
                block(-1, 4, chromaDc, c * 4);
            } else {
                chromaDc[c * 4] = chromaDc[c * 4 + 1] = chromaDc[c * 4 + 2] = chromaDc[c * 4 + 3] = 0;
            }
        }
        for (int c = 0; c < 2; c++) {
            byte[] ct = c == 0 ? map.totalCoeffCb : map.totalCoeffCr;
            for (int b = 0; b < 4; b++) {
                int bx = b & 1;
                int by = b >> 1;
                int k = fc + by * cpr + bx;
                int total = 0;
                if (chromaCbp == 2) {
                    total = block(nC(ct, k, cpr, bx, by), 15, chromaAc, (c * 4 + b) * 16 + 1);
                }
                ct[k] = (byte) total;
                chromaTotal[c * 4 + b] = total;
            }
        }
    }

    /** nC of the block at index k of a total-coefficient raster (§9.2.1): neighbours A and B when available. */
    private int nC(byte[] totals, int k, int stride, int bx, int by) {
        boolean a = bx > 0 || hasLeft;
        boolean b = by > 0 || hasTop;
        if (a && b) {
            return (totals[k - 1] + totals[k - stride] + 1) >> 1;
        }
        return a ? totals[k - 1] : b ? totals[k - stride] : 0;
    }

    private int block(int nC, int maxNumCoeff, int[] levels, int off) throws H264ParseException {
        int total = cavlc.read(r, nC, maxNumCoeff, levels, off);
        if (total == CavlcReader.ERROR || r.overrun()) {
            throw new H264ParseException("malformed residual block");
        }
        return total;
    }

    /** Intra chroma prediction of both components and their residual. */
    private void chroma(int mb, int chromaMode, int chromaCbp) throws H264ParseException {
        intra.chroma(pic, mb % map.mbWidth, mb / map.mbWidth, chromaMode, hasLeft, hasTop, hasTopLeft);
        chromaResidual(mb, chromaCbp);
    }

    /** Chroma DC (§8.5.11) and AC of both components added to the prediction in the picture. */
    private void chromaResidual(int mb, int chromaCbp) {
        if (chromaCbp == 0) {
            return;
        }
        Picture p = pic;
        int x = (mb % map.mbWidth) * 8;
        int y = (mb / map.mbWidth) * 8;
        for (int c = 0; c < 2; c++) {
            int qpc = ChromaQp.qpc(qp, c == 0 ? cbOffset : crOffset);
            Dequantizer.dequantChromaDc(chromaDc, c * 4, qpc, dc, 0);
            byte[] plane = c == 0 ? p.u : p.v;
            for (int b = 0; b < 4; b++) {
                int off = p.originC + (y + (b >> 1) * 4) * p.strideC + x + (b & 1) * 4;
                if (chromaTotal[c * 4 + b] > 0) {
                    Dequantizer.dequant4x4(chromaAc, (c * 4 + b) * 16, qpc, coef, 0,
                            true);
                    coef[0] = dc[b];
                    ResidualAdd.add4x4(coef, 0, plane, off, p.strideC);
                } else {
                    ResidualAdd.addDc(dc[b], plane, off, p.strideC);
                }
            }
        }
    }

    /** The luma and chroma residual of an inter macroblock, added to its prediction. */
    private void interResidual(int mb, int cbp) {
        if (cbp == 0) {
            return;
        }
        Picture p = pic;
        int x = (mb % map.mbWidth) * 16;
        int y = (mb / map.mbWidth) * 16;
        for (int blk = 0; blk < 16; blk++) {
            if (lumaTotal[blk] > 0) {
                Dequantizer.dequant4x4(lumaLevels, blk * 16, qp, coef, 0, false);
                int off = p.originY + (y + BLK_Y[blk] * 4) * p.strideY + x + BLK_X[blk] * 4;
                ResidualAdd.add4x4(coef, 0, p.y, off, p.strideY);
            }
        }
        chromaResidual(mb, cbp >> 4);
    }

    /** Intra macroblocks: no motion (reference -1), for the motion vector prediction of their neighbours. */
    private void intraMotion(int mb) {
        MotionVectorPredictor.storeUniform(map, mb, -1, -1, 0, 0);
    }

    /** Blocks outside Intra 4x4 macroblocks offer Intra_4x4_DC to their neighbours (§8.3.1.1). */
    private void fillModes(int mb) {
        int fb = map.firstBlock(mb);
        int bpr = map.blocksPerRow;
        for (int r4 = 0; r4 < 4; r4++) {
            int k = fb + r4 * bpr;
            for (int c = 0; c < 4; c++) {
                map.intraMode[k + c] = MacroblockMap.DC_MODE;
            }
        }
    }

    /** Sets every block's TotalCoeff to {@code total} and the Intra 4x4 modes to DC (P_Skip and I_PCM). */
    private void clearBlocks(int mb, int total) {
        int fb = map.firstBlock(mb);
        int bpr = map.blocksPerRow;
        for (int r4 = 0; r4 < 4; r4++) {
            int k = fb + r4 * bpr;
            for (int c = 0; c < 4; c++) {
                map.totalCoeff[k + c] = (byte) total;
                map.intraMode[k + c] = MacroblockMap.DC_MODE;
            }
        }
        int fc = map.firstChromaBlock(mb);
        int cpr = map.chromaBlocksPerRow;
        byte t = (byte) total;
        map.totalCoeffCb[fc] = map.totalCoeffCb[fc + 1] = map.totalCoeffCb[fc + cpr] = map.totalCoeffCb[fc + cpr + 1] = t;
        map.totalCoeffCr[fc] = map.totalCoeffCr[fc + 1] = map.totalCoeffCr[fc + cpr] = map.totalCoeffCr[fc + cpr + 1] = t;
    }
}
