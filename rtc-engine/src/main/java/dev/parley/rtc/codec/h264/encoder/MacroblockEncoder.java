package dev.parley.rtc.codec.h264.encoder;

import dev.parley.rtc.codec.h264.BitWriter;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Decides, codes, reconstructs and writes one macroblock: Intra 16x16 or Intra 4x4 (with their chroma mode) in
 * I slices; P_Skip, P_L0_16x16 or intra in P slices. Mode decisions use SATD (intra) or SAD (motion) plus lambda
 * times the bits the choice costs; the residual goes through {@link ResidualCoder}, which reconstructs exactly as a
 * decoder does. Not thread-safe: one per encoder.
 */
final class MacroblockEncoder {
    /** λ for SAD/SATD costs per QP: 2^((QP - 12) / 6), at least 1 (the usual choice, as in x264 and JM's λ_motion). */
    private static final int[] LAMBDA = new int[52];

    static {
        for (int qp = 0; qp < 52; qp++) {
            LAMBDA[qp] = Math.max(1, (int) Math.round(Math.pow(2, (qp - 12) / 6.0)));
        }
    }

    /**
     * A skip prediction this close (SAD per λ) is worth the quantisation trial that proves its residual would vanish:
     * camera noise alone keeps a still macroblock's SAD in the hundreds, and the trial costs less than a search.
     */
    private static final int SKIP_TRIAL_SAD_PER_LAMBDA = 32;

    /** Eight bytes at a time for the still-macroblock comparisons. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private final MacroblockGrid grid;
    private final ResidualCoder res = new ResidualCoder();
    private final MotionVectorPrediction mvp = new MotionVectorPrediction();
    private final MotionSearch search;
    private final int[][] pred16 = new int[4][256];
    private final int[] pred4 = new int[9 * 16];
    private final int[] predU = new int[4 * 64];
    private final int[] predV = new int[4 * 64];
    private final int[] interPred = new int[256];
    private final int[] interPredU = new int[64];
    private final int[] interPredV = new int[64];
    private final byte[] predBytes = new byte[256];
    private final byte[] predBytesU = new byte[64];
    private final byte[] predBytesV = new byte[64];
    private final int[] candX = new int[6];
    private final int[] candY = new int[6];
    /**
     * Still macroblocks: what the skip trial at vector (0, 0) gives for the inputs a macroblock had in picture
     * {@code stillPicture} (source samples, reference samples, and the skip SAD {@code stillSad} they make): bit qp
     * of {@code stillKnown} says the trial's outcome at that QP is known, bit qp of {@code stillSkips} that it was
     * P_Skip. The trial depends on nothing else, so while a macroblock's source and reference samples stay as they
     * were (a still background), its outcome at a known QP is repeated without running it, bit for bit.
     */
    private final int[] stillPicture;
    private final long[] stillKnown;
    private final long[] stillSkips;
    private final int[] stillSad;
    /** The picture in which each macroblock was last coded (a slice overflow codes one again in the same one). */
    private final int[] visited;
    private int picture;
    private Planes previousSrc;
    /** The motion vectors of the previous picture, a candidate for the same macroblock now. */
    private final int[] lastMvX;
    private final int[] lastMvY;

    MacroblockEncoder(MacroblockGrid grid, int maxVerticalMvSamples) {
        this.grid = grid;
        this.search = new MotionSearch(maxVerticalMvSamples);
        this.lastMvX = new int[grid.mbW * grid.mbH];
        this.lastMvY = new int[grid.mbW * grid.mbH];
        int mbs = grid.mbW * grid.mbH;
        this.stillPicture = new int[mbs];
        this.stillKnown = new long[mbs];
        this.stillSkips = new long[mbs];
        this.stillSad = new int[mbs];
        this.visited = new int[mbs];
    }

    /**
     * Starts a picture. {@code previousSrc} holds the source of the previous picture (null when there is none);
     * the reconstruction buffer handed to {@link #encode} must hold, until each macroblock is coded, the reference
     * the previous picture was predicted from.
     */
    void startPicture(Planes previousSrc) {
        picture++;
        this.previousSrc = previousSrc;
    }

    /** Per-slice state the macroblocks of a slice share. */
    static final class SliceState {
        int sliceId;
        boolean pSlice;
        /** QP_Y,PRED (§7.4.5): the QP of the previous macroblock of the slice, the slice QP at its start. */
        int qpPred;
        int skipRun;
        int firstMb;
    }

    /**
     * Encodes macroblock {@code mb} at {@code qp} into {@code w}: decides, reconstructs into {@code rec}, records
     * it in the grid. In a P slice a P_Skip only extends {@code s.skipRun}; the caller writes pending runs.
     */
    void encode(BitWriter w, SliceState s, int mb, int qp, Planes src, Planes rec, HalfPelPlanes refLuma,
                Planes ref, boolean forceIntra) {
        int mbX = mb % grid.mbW;
        int mbY = mb / grid.mbW;
        int stride = src.width;
        int strideC = src.chromaWidth;
        int mbOff = mbY * 16 * stride + mbX * 16;
        int mbOffC = mbY * 8 * strideC + mbX * 8;
        grid.slice[mb] = s.sliceId;
        int lambda = LAMBDA[qp];
        boolean firstVisit = visited[mb] != picture;
        visited[mb] = picture;
        if (s.pSlice && !forceIntra) {
            if (encodeInter(w, s, mb, mbX, mbY, qp, lambda, src, rec, refLuma, ref, mbOff, mbOffC, firstVisit)) {
                return;
            }
        }
        encodeIntra(w, s, mb, mbX, mbY, qp, lambda, src, rec, mbOff, mbOffC);
    }

    /**
     * Codes macroblock {@code mb} as cheaply as the syntax allows, for a frame over its budget: P_Skip in a P slice
     * (no bits but the skip run), in an I slice Intra 16x16 DC prediction with no residual (a few bits).
     */
    void encodeBare(BitWriter w, SliceState s, int mb, Planes src, Planes rec, HalfPelPlanes refLuma, Planes ref) {
        int mbX = mb % grid.mbW;
        int mbY = mb / grid.mbW;
        int stride = src.width;
        int strideC = src.chromaWidth;
        int mbOff = mbY * 16 * stride + mbX * 16;
        int mbOffC = mbY * 8 * strideC + mbX * 8;
        grid.slice[mb] = s.sliceId;
        visited[mb] = picture;
        if (s.pSlice) {
            mvp.predictSkip(grid, mb, s.sliceId);
            predictInter(refLuma, ref, mbX * 16, mbY * 16, mvp.x, mvp.y);
            ResidualCoder.copyRows(predBytes, 16, rec.y, mbOff, stride, 16);
            ResidualCoder.copyRows(predBytesU, 8, rec.u, mbOffC, strideC, 8);
            ResidualCoder.copyRows(predBytesV, 8, rec.v, mbOffC, strideC, 8);
            recordSkip(s, mb, mvp.x, mvp.y, Integer.MAX_VALUE / 4);
            return;
        }
        boolean left = grid.left(mb, s.sliceId) >= 0;
        boolean top = grid.above(mb, s.sliceId) >= 0;
        boolean topLeft = grid.aboveLeft(mb, s.sliceId) >= 0;
        Intra16x16Predictor.predict(Intra16x16Predictor.DC, rec.y, stride, mbX * 16, mbY * 16, left, top, topLeft,
                pred16[0]);
        InverseTransform.copyPred(pred16[0], 0, 16, rec.y, mbOff, stride, 16, 16);
        IntraChromaPredictor.predict(IntraChromaPredictor.DC, rec.u, strideC, mbX * 8, mbY * 8, left, top, topLeft,
                predU, 0);
        IntraChromaPredictor.predict(IntraChromaPredictor.DC, rec.v, strideC, mbX * 8, mbY * 8, left, top, topLeft,
                predV, 0);
        InverseTransform.copyPred(predU, 0, 8, rec.u, mbOffC, strideC, 8, 8);
        InverseTransform.copyPred(predV, 0, 8, rec.v, mbOffC, strideC, 8, 8);
        res.clearForBarePrediction();
        grid.type[mb] = MacroblockGrid.I16X16;
        grid.mvX[mb] = 0;
        grid.mvY[mb] = 0;
        grid.clearIntraModes(mb);
        grid.clearCoefficients(mb);
        grid.qp[mb] = s.qpPred; // mb_qp_delta 0
        MacroblockWriter.writeIntra(w, grid, mb, s.sliceId, false, Intra16x16Predictor.DC, IntraChromaPredictor.DC,
                res, 0);
    }

    /** Returns false when an intra macroblock would be cheaper (nothing written then). */
    private boolean encodeInter(BitWriter w, SliceState s, int mb, int mbX, int mbY, int qp, int lambda,
                                Planes src, Planes rec, HalfPelPlanes refLuma, Planes ref, int mbOff, int mbOffC,
                                boolean firstVisit) {
        int x = mbX * 16;
        int y = mbY * 16;
        int stride = src.width;
        mvp.predictSkip(grid, mb, s.sliceId);
        int skipX = mvp.x;
        int skipY = mvp.y;
        boolean still = skipX == 0 && skipY == 0;
        long qpBit = 1L << qp;
        int skipSad;
        if (still) {
            if (stillPicture[mb] != picture) {
                // still the inputs of the previous picture? (rec holds its reference until this macroblock is coded)
                if (!(firstVisit && stillPicture[mb] == picture - 1 && sameAsBefore(src, rec, ref, mbOff, mbOffC))) {
                    stillKnown[mb] = 0;
                    stillSkips[mb] = 0;
                    stillSad[mb] = refLuma.sadLuma(src.y, mbOff, stride, x, y, 0, 0, 16, 16);
                }
                stillPicture[mb] = picture;
            }
            skipSad = stillSad[mb];
            if ((stillSkips[mb] & qpBit) != 0) {
                copyReference(ref, rec, mbOff, mbOffC); // the skip's reconstruction: its prediction
                recordSkip(s, mb, 0, 0, skipSad);
                return true;
            }
        } else {
            skipSad = refLuma.sadLuma(src.y, mbOff, stride, x, y, skipX, skipY, 16, 16);
        }
        boolean trialLuma = false;
        boolean trialChroma = false;
        // Early skip: a cheap-looking skip prediction whose residual quantises to nothing is final. (A still
        // macroblock's trial known to fail at this QP need not run: the coding below redoes the same work if needed.)
        boolean knownOutcome = still && (stillKnown[mb] & qpBit) != 0;
        if (still) {
            stillKnown[mb] |= qpBit;
        }
        if (!knownOutcome && skipSad < SKIP_TRIAL_SAD_PER_LAMBDA * lambda + 256) {
            predictInter(refLuma, ref, x, y, skipX, skipY);
            res.codeInterLuma(src.y, rec.y, stride, mbOff, interPred, predBytes, qp);
            trialLuma = true;
            if (res.cbpLuma == 0) {
                res.codeChroma(src.u, src.v, rec.u, rec.v, src.chromaWidth, mbOffC, interPredU, interPredV,
                        predBytesU, predBytesV, qp, true);
                trialChroma = true;
                if (res.cbpChroma == 0) {
                    if (still) {
                        stillSkips[mb] |= qpBit;
                    }
                    recordSkip(s, mb, skipX, skipY, skipSad);
                    return true;
                }
            }
        }
        mvp.predict16x16(grid, mb, s.sliceId);
        int px = mvp.x;
        int py = mvp.y;
        int n = 0;
        candX[n] = skipX;
        candY[n++] = skipY;
        candX[n] = lastMvX[mb];
        candY[n++] = lastMvY[mb];
        int a = grid.left(mb, s.sliceId);
        if (a >= 0 && grid.isInter(a)) {
            candX[n] = grid.mvX[a];
            candY[n++] = grid.mvY[a];
        }
        int b = grid.above(mb, s.sliceId);
        if (b >= 0 && grid.isInter(b)) {
            candX[n] = grid.mvX[b];
            candY[n++] = grid.mvY[b];
        }
        // Early termination (as x264's): a candidate as good as the neighbours ended up is good enough.
        int neighbourSad = Integer.MAX_VALUE;
        if (a >= 0 && grid.isInter(a)) {
            neighbourSad = grid.sad[a];
        }
        if (b >= 0 && grid.isInter(b)) {
            neighbourSad = neighbourSad == Integer.MAX_VALUE ? grid.sad[b] : (neighbourSad + grid.sad[b]) / 2;
        }
        int earlyExit = Math.max(2 * lambda + 32, neighbourSad == Integer.MAX_VALUE ? 0 : neighbourSad);
        search.search(refLuma, src.y, mbOff, stride, x, y, px, py, candX, candY, n, lambda, earlyExit);
        int interCost = search.cost;
        // An intra macroblock only where motion compensation is poor: try Intra 16x16's cost in SAD terms.
        if (search.sad > 24 * lambda + 1024) {
            int intraCost = bestIntra16x16Sad(src, rec, mb, s.sliceId, mbX, mbY, mbOff) + 6 * lambda;
            if (intraCost < interCost) {
                return false;
            }
        }
        int mvX = search.mvX;
        int mvY = search.mvY;
        boolean atSkipVector = mvX == skipX && mvY == skipY;
        if (!atSkipVector || !trialLuma) {
            predictInter(refLuma, ref, x, y, mvX, mvY);
            res.codeInterLuma(src.y, rec.y, stride, mbOff, interPred, predBytes, qp);
            trialChroma = false;
        } // else: the skip trial already coded (and reconstructed) this very prediction
        if (!atSkipVector || !trialChroma) {
            res.codeChroma(src.u, src.v, rec.u, rec.v, src.chromaWidth, mbOffC, interPredU, interPredV,
                    predBytesU, predBytesV, qp, true);
        }
        if (mvX == skipX && mvY == skipY && res.cbpLuma == 0 && res.cbpChroma == 0) {
            recordSkip(s, mb, mvX, mvY, search.sad);
            return true;
        }
        grid.type[mb] = MacroblockGrid.P16X16;
        grid.sad[mb] = search.sad;
        grid.mvX[mb] = mvX;
        grid.mvY[mb] = mvY;
        lastMvX[mb] = mvX;
        lastMvY[mb] = mvY;
        grid.clearIntraModes(mb);
        storeCoefficientCounts(mb);
        int cbp = res.cbpLuma | res.cbpChroma;
        int mbQp = cbp != 0 ? qp : s.qpPred;
        grid.qp[mb] = mbQp;
        MacroblockWriter.writeSkipRun(w, s.skipRun);
        s.skipRun = 0;
        MacroblockWriter.writeInter(w, grid, mb, s.sliceId, mvX - px, mvY - py, res, qpDelta(qp, s.qpPred));
        s.qpPred = mbQp;
        return true;
    }

    /**
     * Whether the macroblock's source samples equal the previous picture's and its reference samples equal those
     * the previous picture was predicted from ({@code rec}, not yet written in this picture), luma and chroma.
     */
    private boolean sameAsBefore(Planes src, Planes rec, Planes ref, int mbOff, int mbOffC) {
        Planes before = previousSrc;
        return before != null
                && same(src.y, before.y, mbOff, src.width, 2, 16) && same(ref.y, rec.y, mbOff, src.width, 2, 16)
                && same(src.u, before.u, mbOffC, src.chromaWidth, 1, 8)
                && same(src.v, before.v, mbOffC, src.chromaWidth, 1, 8)
                && same(ref.u, rec.u, mbOffC, src.chromaWidth, 1, 8)
                && same(ref.v, rec.v, mbOffC, src.chromaWidth, 1, 8);
    }

    /** Copies the reference samples of a macroblock (luma and chroma) into the reconstruction. */
    private static void copyReference(Planes ref, Planes rec, int mbOff, int mbOffC) {
        for (int r = 0; r < 16; r++) {
            int o = mbOff + r * ref.width;
            LONGS.set(rec.y, o, (long) LONGS.get(ref.y, o));
            LONGS.set(rec.y, o + 8, (long) LONGS.get(ref.y, o + 8));
        }
        for (int r = 0; r < 8; r++) {
            int o = mbOffC + r * ref.chromaWidth;
            LONGS.set(rec.u, o, (long) LONGS.get(ref.u, o));
            LONGS.set(rec.v, o, (long) LONGS.get(ref.v, o));
        }
    }

    /** Whether {@code rows} rows of {@code longs} * 8 bytes at {@code off} are equal in {@code a} and {@code b}. */
    private static boolean same(byte[] a, byte[] b, int off, int stride, int longs, int rows) {
        long diff = 0;
        for (int r = 0; r < rows; r++, off += stride) {
            for (int i = 0; i < longs; i++) {
                diff |= (long) LONGS.get(a, off + 8 * i) ^ (long) LONGS.get(b, off + 8 * i);
            }
        }
        return diff == 0;
    }

    private void recordSkip(SliceState s, int mb, int mvX, int mvY, int sad) {
        grid.type[mb] = MacroblockGrid.SKIP;
        grid.sad[mb] = sad;
        grid.mvX[mb] = mvX;
        grid.mvY[mb] = mvY;
        lastMvX[mb] = mvX;
        lastMvY[mb] = mvY;
        grid.qp[mb] = s.qpPred; // §7.4.5: a skipped macroblock keeps QP_Y,PRED
        grid.clearIntraModes(mb);
        grid.clearCoefficients(mb);
        s.skipRun++;
    }

    private void predictInter(HalfPelPlanes refLuma, Planes ref, int x, int y, int mvX, int mvY) {
        refLuma.predictLuma(x, y, mvX, mvY, 16, 16, predBytes, 0, 16);
        for (int i = 0; i < 256; i++) {
            interPred[i] = predBytes[i] & 0xff;
        }
        int cw = ref.chromaWidth;
        int ch = ref.chromaHeight;
        ChromaMotionCompensation.predict(ref.u, cw, cw, ch, x / 2, y / 2, mvX, mvY, 8, 8, predBytesU, 0, 8);
        for (int i = 0; i < 64; i++) {
            interPredU[i] = predBytesU[i] & 0xff;
        }
        ChromaMotionCompensation.predict(ref.v, cw, cw, ch, x / 2, y / 2, mvX, mvY, 8, 8, predBytesV, 0, 8);
        for (int i = 0; i < 64; i++) {
            interPredV[i] = predBytesV[i] & 0xff;
        }
    }

    // ---------------------------------------------------------------- intra

    private int bestIntra16x16Sad(Planes src, Planes rec, int mb, int sliceId, int mbX, int mbY, int mbOff) {
        boolean left = grid.left(mb, sliceId) >= 0;
        boolean top = grid.above(mb, sliceId) >= 0;
        boolean topLeft = grid.aboveLeft(mb, sliceId) >= 0;
        int best = Integer.MAX_VALUE;
        for (int mode = 0; mode < 4; mode++) {
            if (!Intra16x16Predictor.modeAvailable(mode, left, top, topLeft)) {
                continue;
            }
            // predicted from the reconstructed neighbours, like the real thing
            Intra16x16Predictor.predict(mode, rec.y, src.width, mbX * 16, mbY * 16, left, top, topLeft, pred16[0]);
            best = Math.min(best, BlockCost.sad(src.y, mbOff, src.width, pred16[0], 0, 16, 16));
        }
        return best;
    }

    private void encodeIntra(BitWriter w, SliceState s, int mb, int mbX, int mbY, int qp, int lambda,
                             Planes src, Planes rec, int mbOff, int mbOffC) {
        int stride = src.width;
        int sliceId = s.sliceId;
        boolean left = grid.left(mb, sliceId) >= 0;
        boolean top = grid.above(mb, sliceId) >= 0;
        boolean topLeft = grid.aboveLeft(mb, sliceId) >= 0;
        boolean topRight = grid.aboveRight(mb, sliceId) >= 0;
        int x = mbX * 16;
        int y = mbY * 16;

        // Intra 16x16: the best of the four modes by SATD
        int best16 = -1;
        int cost16 = Integer.MAX_VALUE;
        for (int mode = 0; mode < 4; mode++) {
            if (!Intra16x16Predictor.modeAvailable(mode, left, top, topLeft)) {
                continue;
            }
            Intra16x16Predictor.predict(mode, rec.y, stride, x, y, left, top, topLeft, pred16[mode]);
            int c = BlockCost.satd(src.y, mbOff, stride, pred16[mode], 0, 16, 16) + lambda * (mode == 2 ? 1 : 3);
            if (c < cost16) {
                cost16 = c;
                best16 = mode;
            }
        }

        // Intra 4x4: block by block (each predicts from the ones before), reconstructed as it goes
        int cost4 = 24 * lambda; // the extra mode bits of an I_NxN macroblock over an Intra 16x16 one
        for (int blk = 0; blk < 16 && cost4 < cost16; blk++) {
            int r = Block4x4.BLK_IDX_TO_RASTER[blk];
            int col = r & 3;
            int row = r >> 2;
            boolean l = col > 0 || left;
            boolean t = row > 0 || top;
            boolean tl = row > 0 ? (col > 0 || left) : (col > 0 ? top : topLeft);
            boolean tr;
            if (row == 0) {
                tr = col < 3 ? top : topRight;
            } else {
                tr = col < 3 && rasterToBlk(row - 1, col + 1) < blk;
            }
            int predicted = grid.predictedIntra4x4Mode(mb, sliceId, col, row);
            int bestMode = -1;
            int bestCost = Integer.MAX_VALUE;
            int bx = x + col * 4;
            int by = y + row * 4;
            int off = mbOff + row * 4 * stride + col * 4;
            for (int mode = 0; mode < 9; mode++) {
                if (!Intra4x4Predictor.modeAvailable(mode, l, t, tl)) {
                    continue;
                }
                Intra4x4Predictor.predict(mode, rec.y, stride, bx, by, l, t, tr, tl, pred4, mode * 16);
                int c = BlockCost.satd4x4(src.y, off, stride, pred4, mode * 16, 4)
                        + lambda * (mode == predicted ? 1 : 4);
                if (c < bestCost) {
                    bestCost = c;
                    bestMode = mode;
                }
            }
            cost4 += bestCost;
            grid.intraMode[mb * 16 + r] = bestMode;
            res.codeIntra4x4Block(src.y, rec.y, stride, mbOff, r, pred4, bestMode * 16, qp);
        }
        int i16Mode;
        if (cost4 < cost16) {
            res.finishIntra4x4();
            i16Mode = -1;
            grid.type[mb] = MacroblockGrid.I4X4;
        } else {
            grid.clearIntraModes(mb);
            res.codeIntra16x16(src.y, rec.y, stride, mbOff, pred16[best16], qp);
            i16Mode = best16;
            grid.type[mb] = MacroblockGrid.I16X16;
        }

        // chroma: the mode with the least SAD over both components
        int strideC = src.chromaWidth;
        int bestC = 0;
        int costC = Integer.MAX_VALUE;
        for (int mode = 0; mode < 4; mode++) {
            if (!IntraChromaPredictor.modeAvailable(mode, left, top, topLeft)) {
                continue;
            }
            IntraChromaPredictor.predict(mode, rec.u, strideC, mbX * 8, mbY * 8, left, top, topLeft, predU, mode * 64);
            IntraChromaPredictor.predict(mode, rec.v, strideC, mbX * 8, mbY * 8, left, top, topLeft, predV, mode * 64);
            int c = BlockCost.sad(src.u, mbOffC, strideC, predU, mode * 64, 8, 8)
                    + BlockCost.sad(src.v, mbOffC, strideC, predV, mode * 64, 8, 8) + lambda * (mode == 0 ? 1 : 3);
            if (c < costC) {
                costC = c;
                bestC = mode;
            }
        }
        copy64(predU, bestC * 64, interPredU, predBytesU);
        copy64(predV, bestC * 64, interPredV, predBytesV);
        res.codeChroma(src.u, src.v, rec.u, rec.v, strideC, mbOffC, interPredU, interPredV, predBytesU, predBytesV,
                qp, false);

        grid.mvX[mb] = 0;
        grid.mvY[mb] = 0;
        lastMvX[mb] = 0;
        lastMvY[mb] = 0;
        storeCoefficientCounts(mb);
        int cbp = res.cbpLuma | res.cbpChroma;
        int mbQp = (i16Mode >= 0 || cbp != 0) ? qp : s.qpPred;
        grid.qp[mb] = mbQp;
        if (s.pSlice) {
            MacroblockWriter.writeSkipRun(w, s.skipRun);
            s.skipRun = 0;
        }
        MacroblockWriter.writeIntra(w, grid, mb, sliceId, s.pSlice, i16Mode, bestC, res, qpDelta(qp, s.qpPred));
        s.qpPred = mbQp;
    }

    private void storeCoefficientCounts(int mb) {
        System.arraycopy(res.nzLuma, 0, grid.nzY, mb * 16, 16);
        System.arraycopy(res.nzChroma, 0, grid.nzU, mb * 4, 4);
        System.arraycopy(res.nzChroma, 4, grid.nzV, mb * 4, 4);
    }

    /** mb_qp_delta from QP_Y,PRED to {@code qp}, in -26..25 (§7.4.5). */
    private static int qpDelta(int qp, int qpPred) {
        int d = qp - qpPred;
        if (d > 25) {
            d -= 52;
        } else if (d < -26) {
            d += 52;
        }
        return d;
    }

    /** luma4x4BlkIdx of the block at (row, col) inside a macroblock (§6.4.3). */
    private static int rasterToBlk(int row, int col) {
        return ((row >> 1) * 2 + (col >> 1)) * 4 + (row & 1) * 2 + (col & 1);
    }

    private static void copy64(int[] src, int off, int[] dst, byte[] dstBytes) {
        System.arraycopy(src, off, dst, 0, 64);
        for (int i = 0; i < 64; i++) {
            dstBytes[i] = (byte) dst[i];
        }
    }
}
