package dev.parley.rtc.codec.h264.encoder;

/**
 * Transforms, quantises and reconstructs the residual of one macroblock, keeping the levels the
 * {@link MacroblockWriter} then codes. Reconstruction goes straight into the reconstructed picture through the same
 * dequantisation and inverse transform a decoder applies (§8.5), which is what keeps the encoder free of drift.
 *
 * <p>Level layout: luma block at raster position r (row * 4 + col inside the macroblock) has its 16 levels in scan
 * order at {@code lumaLevels[r * 16]}; chroma component c (0 Cb, 1 Cr) block b (2x2 raster) at
 * {@code chromaAc[(c * 4 + b) * 16]} (scan position 0 unused), its DC at {@code chromaDc[c * 4 + b]}.
 */
final class ResidualCoder {
    final int[] lumaLevels = new int[256];
    final int[] lumaDc = new int[16];
    final int[] chromaAc = new int[128];
    final int[] chromaDc = new int[8];
    /** TotalCoeff per luma block (raster), chroma AC block (c * 4 + b). */
    final int[] nzLuma = new int[16];
    final int[] nzChroma = new int[8];
    int cbpLuma;
    int cbpChroma;
    int lumaDcCount;

    private final int[] residual = new int[16];
    private final int[] coef = new int[256];
    private final int[] dc = new int[16];
    private final int[] dcScaled = new int[16];
    private final int[] blockScore = new int[16];

    // ---------------------------------------------------------------- luma, 4x4 blocks coded one by one (Intra 4x4)

    /**
     * Codes the luma 4x4 block at raster position {@code r} of the macroblock whose luma starts at {@code mbOff} with
     * prediction {@code pred} (stride 4 at {@code pOff}), reconstructing it into {@code rec}; returns TotalCoeff.
     */
    int codeIntra4x4Block(byte[] src, byte[] rec, int stride, int mbOff, int r, int[] pred, int pOff, int qp) {
        int off = mbOff + (r >> 2) * 4 * stride + (r & 3) * 4;
        subtract(src, off, stride, pred, pOff, 4, residual, 0);
        ForwardTransform.core4x4(residual, 0, coef, 0);
        int n = Quantizer.quant4x4(coef, 0, qp, true, lumaLevels, r * 16, 0);
        nzLuma[r] = n;
        if (n == 0) {
            InverseTransform.copyPred(pred, pOff, 4, rec, off, stride);
        } else {
            Dequantizer.dequant4x4(lumaLevels, r * 16, qp, coef, 0, false);
            InverseTransform.idct4x4AddPred(coef, 0, pred, pOff, 4, rec, off, stride);
        }
        return n;
    }

    /** After the 16 blocks of an Intra 4x4 macroblock: the luma coded_block_pattern bits (§7.4.5). */
    void finishIntra4x4() {
        cbpLuma = 0;
        for (int r = 0; r < 16; r++) {
            if (nzLuma[r] != 0) {
                cbpLuma |= 1 << blockTo8x8(r);
            }
        }
    }

    // ---------------------------------------------------------------- luma, Intra 16x16

    /** Codes Intra 16x16 luma with prediction {@code pred} (int[256], stride 16) and reconstructs it. */
    void codeIntra16x16(byte[] src, byte[] rec, int stride, int mbOff, int[] pred, int qp) {
        for (int r = 0; r < 16; r++) {
            int off = mbOff + (r >> 2) * 4 * stride + (r & 3) * 4;
            subtract(src, off, stride, pred, (r >> 2) * 64 + (r & 3) * 4, 16, residual, 0);
            ForwardTransform.core4x4(residual, 0, coef, r * 16);
            dc[r] = coef[r * 16];
        }
        ForwardTransform.hadamard4x4(dc);
        lumaDcCount = Quantizer.quantLumaDc(dc, qp, true, lumaDc, 0);
        int acTotal = 0;
        for (int r = 0; r < 16; r++) {
            int n = Quantizer.quant4x4(coef, r * 16, qp, true, lumaLevels, r * 16, 1);
            nzLuma[r] = n;
            acTotal += n;
        }
        cbpLuma = acTotal > 0 ? 15 : 0; // §7.4.5: Intra 16x16 sends all AC blocks or none
        if (lumaDcCount > 0) {
            Dequantizer.dequantLumaDc(lumaDc, 0, qp, dcScaled, 0);
        } else {
            java.util.Arrays.fill(dcScaled, 0);
        }
        for (int r = 0; r < 16; r++) {
            int off = mbOff + (r >> 2) * 4 * stride + (r & 3) * 4;
            int pOff = (r >> 2) * 64 + (r & 3) * 4;
            if (nzLuma[r] != 0) {
                Dequantizer.dequant4x4(lumaLevels, r * 16, qp, coef, r * 16, true);
            } else {
                java.util.Arrays.fill(coef, r * 16, r * 16 + 16, 0);
            }
            coef[r * 16] = dcScaled[r];
            InverseTransform.reconstruct4x4(coef, r * 16, pred, pOff, 16, rec, off, stride);
        }
    }

    // ---------------------------------------------------------------- luma, inter

    /**
     * Codes the luma residual of an inter macroblock against {@code pred} (int[256], stride 16): quantises every
     * block, drops 8x8 blocks (and the whole luma) whose few small levels are not worth their bits, reconstructs.
     */
    void codeInterLuma(byte[] src, byte[] rec, int stride, int mbOff, int[] pred, byte[] predBytes, int qp) {
        int total = 0;
        int zeroSad = DeadZoneBounds.interBlockSad(qp);
        int[] zeroMax = DeadZoneBounds.interCoefficients(qp);
        for (int r = 0; r < 16; r++) {
            int off = mbOff + (r >> 2) * 4 * stride + (r & 3) * 4;
            int pOff = (r >> 2) * 64 + (r & 3) * 4;
            if (!transformInter(src, off, stride, pred, pOff, 16, coef, r * 16, zeroSad, zeroMax)) {
                java.util.Arrays.fill(lumaLevels, r * 16, r * 16 + 16, 0); // its 8x8 may still be coded
                nzLuma[r] = 0;
                blockScore[r] = 0;
                continue;
            }
            nzLuma[r] = Quantizer.quant4x4(coef, r * 16, qp, false, lumaLevels, r * 16, 0);
            blockScore[r] = nzLuma[r] == 0 ? 0 : Decimation.score(lumaLevels, r * 16, 0);
        }
        cbpLuma = 0;
        for (int b8 = 0; b8 < 4; b8++) {
            int r0 = (b8 >> 1) * 8 + (b8 & 1) * 2;
            int score = blockScore[r0] + blockScore[r0 + 1] + blockScore[r0 + 4] + blockScore[r0 + 5];
            if ((nzLuma[r0] | nzLuma[r0 + 1] | nzLuma[r0 + 4] | nzLuma[r0 + 5]) == 0) {
                continue;
            }
            if (!Decimation.worthCoding(score, Decimation.LUMA_8X8_THRESHOLD)) {
                // also a block of lone ±1s after long runs (score 0): not coded, so not reconstructed either
                clearLuma(r0);
                clearLuma(r0 + 1);
                clearLuma(r0 + 4);
                clearLuma(r0 + 5);
            } else {
                cbpLuma |= 1 << b8;
                total += score;
            }
        }
        if (cbpLuma != 0 && !Decimation.worthCoding(total, Decimation.LUMA_MB_THRESHOLD)) {
            for (int r = 0; r < 16; r++) {
                clearLuma(r);
            }
            cbpLuma = 0;
        }
        // the prediction everywhere, then the residual on the blocks that have one
        copyRows(predBytes, 16, rec, mbOff, stride, 16);
        if (cbpLuma == 0) {
            return;
        }
        for (int r = 0; r < 16; r++) {
            if (nzLuma[r] != 0) {
                int off = mbOff + (r >> 2) * 4 * stride + (r & 3) * 4;
                Dequantizer.dequant4x4(lumaLevels, r * 16, qp, coef, r * 16, false);
                InverseTransform.idct4x4AddPred(coef, r * 16, pred, (r >> 2) * 64 + (r & 3) * 4, 16, rec, off, stride);
            }
        }
    }

    /** Copies an n x n prediction (stride n) into the picture at {@code off}. */
    static void copyRows(byte[] pred, int n, byte[] dst, int off, int stride, int rows) {
        for (int row = 0; row < rows; row++) {
            System.arraycopy(pred, row * n, dst, off + row * stride, n);
        }
    }

    private void clearLuma(int r) {
        if (nzLuma[r] != 0) {
            java.util.Arrays.fill(lumaLevels, r * 16, r * 16 + 16, 0);
            nzLuma[r] = 0;
        }
        blockScore[r] = 0;
    }

    // ---------------------------------------------------------------- chroma

    /**
     * Codes both chroma components against their predictions (int[64] each, stride 8) and reconstructs them.
     * {@code inter} selects the inter rounding and lets a residual of a few small levels go uncoded.
     */
    void codeChroma(byte[] srcU, byte[] srcV, byte[] recU, byte[] recV, int strideC, int mbOffC,
                    int[] predU, int[] predV, byte[] predBytesU, byte[] predBytesV, int qpY, boolean inter) {
        int qpc = ChromaQp.qpc(qpY, 0);
        copyRows(predBytesU, 8, recU, mbOffC, strideC, 8);
        copyRows(predBytesV, 8, recV, mbOffC, strideC, 8);
        if (inter && sad8x8(srcU, mbOffC, strideC, predBytesU) < DeadZoneBounds.interChromaSad(qpc)
                && sad8x8(srcV, mbOffC, strideC, predBytesV) < DeadZoneBounds.interChromaSad(qpc)) {
            cbpChroma = 0; // provably nothing survives quantisation: the prediction is the reconstruction
            clear8(nzChroma);
            return;
        }
        int dcCount = 0;
        int acCount = 0;
        int score = 0;
        for (int c = 0; c < 2; c++) {
            byte[] src = c == 0 ? srcU : srcV;
            int[] pred = c == 0 ? predU : predV;
            for (int b = 0; b < 4; b++) {
                int off = mbOffC + (b >> 1) * 4 * strideC + (b & 1) * 4;
                int k = (c * 4 + b) * 16;
                int pOff = (b >> 1) * 32 + (b & 1) * 4;
                int n;
                if (inter) {
                    // one pass: residual, transform, and whether any AC level can survive (the DC goes its own way)
                    if (transformInter(src, off, strideC, pred, pOff, 8, coef, k, 0, DeadZoneBounds.interAcCoefficients(qpc))) {
                        n = Quantizer.quant4x4(coef, k, qpc, false, chromaAc, k, 1);
                    } else {
                        n = 0;
                        java.util.Arrays.fill(chromaAc, k, k + 16, 0);
                    }
                } else {
                    subtract(src, off, strideC, pred, pOff, 8, residual, 0);
                    ForwardTransform.core4x4(residual, 0, coef, k);
                    n = Quantizer.quant4x4(coef, k, qpc, true, chromaAc, k, 1);
                }
                dc[c * 4 + b] = coef[k];
                nzChroma[c * 4 + b] = n;
                acCount += n;
                if (inter && n != 0) {
                    score += Decimation.score(chromaAc, k, 1);
                }
            }
            System.arraycopy(dc, c * 4, dcScaled, 0, 4);
            ForwardTransform.hadamard2x2(dcScaled);
            int n = Quantizer.quantChromaDc(dcScaled, qpc, !inter, chromaDc, c * 4);
            dcCount += n;
            if (inter && n != 0) {
                for (int i = 0; i < 4; i++) {
                    int l = Math.abs(chromaDc[c * 4 + i]);
                    score += l > 1 ? Decimation.KEEP : l;
                }
            }
        }
        if (inter && !Decimation.worthCoding(score, Decimation.CHROMA_AC_THRESHOLD) && (acCount | dcCount) != 0) {
            for (int i = 0; i < 8; i++) {
                if (nzChroma[i] != 0) { // the other blocks' levels are all zero already
                    java.util.Arrays.fill(chromaAc, i * 16, i * 16 + 16, 0);
                    nzChroma[i] = 0;
                }
            }
            java.util.Arrays.fill(chromaDc, 0);
            acCount = 0;
            dcCount = 0;
        }
        if (acCount > 0) {
            cbpChroma = 2;
        } else {
            cbpChroma = dcCount > 0 ? 1 : 0;
        }
        for (int c = 0; c < 2; c++) {
            byte[] rec = c == 0 ? recU : recV;
            int[] pred = c == 0 ? predU : predV;
            if (cbpChroma == 0) {
                continue; // the prediction, copied above
            }
            Dequantizer.dequantChromaDc(chromaDc, c * 4, qpc, dcScaled, 0);
            for (int b = 0; b < 4; b++) {
                int k = (c * 4 + b) * 16;
                if (cbpChroma == 2 && nzChroma[c * 4 + b] != 0) {
                    Dequantizer.dequant4x4(chromaAc, k, qpc, coef, k, true);
                } else {
                    java.util.Arrays.fill(coef, k, k + 16, 0);
                }
                coef[k] = dcScaled[b];
                int off = mbOffC + (b >> 1) * 4 * strideC + (b & 1) * 4;
                InverseTransform.reconstruct4x4(coef, k, pred, (b >> 1) * 32 + (b & 1) * 4, 8, rec, off, strideC);
            }
        }
        if (cbpChroma < 2 && acCount != 0) {
            clear8(nzChroma); // AC not sent: TotalCoeff 0 for the nC of later blocks
        }
    }

    /** No residual at all (an Intra 16x16 macroblock that is its prediction): every level and count zero. */
    void clearForBarePrediction() {
        java.util.Arrays.fill(lumaDc, 0);
        java.util.Arrays.fill(nzLuma, 0);
        java.util.Arrays.fill(nzChroma, 0);
        java.util.Arrays.fill(chromaDc, 0);
        lumaDcCount = 0;
        cbpLuma = 0;
        cbpChroma = 0;
    }

    // ---------------------------------------------------------------- helpers

    /** 8x8 block index (0..3) of the 4x4 block at raster position r. */
    static int blockTo8x8(int r) {
        return ((r >> 3) << 1) | ((r & 3) >> 1);
    }

    private static void clear8(int[] a) {
        a[0] = 0;
        a[1] = 0;
        a[2] = 0;
        a[3] = 0;
        a[4] = 0;
        a[5] = 0;
        a[6] = 0;
        a[7] = 0;
    }

    /**
     * The residual of a 4x4 block (source minus the prediction, row stride {@code pStride}), its core transform exactly as
     * {@link ForwardTransform#core4x4} into {@code coef}, in one pass over registers (the inter hot path). Returns
     * false, with {@code coef} unspecified, when the block provably quantises to all zeros: its SAD is below
     * {@code zeroSad} or every coefficient is within {@code zeroMax}.
     */
    static boolean transformInter(byte[] src, int off, int stride, int[] pred, int pOff, int pStride, int[] coef,
                                  int cOff, int zeroSad, int[] zeroMax) {
        int s1 = off + stride;
        int s2 = s1 + stride;
        int s3 = s2 + stride;
        int p1 = pOff + pStride;
        int p2 = p1 + pStride;
        int p3 = p2 + pStride;
        int a0 = (src[off] & 0xff) - pred[pOff];
        int a1 = (src[off + 1] & 0xff) - pred[pOff + 1];
        int a2 = (src[off + 2] & 0xff) - pred[pOff + 2];
        int a3 = (src[off + 3] & 0xff) - pred[pOff + 3];
        int b0 = (src[s1] & 0xff) - pred[p1];
        int b1 = (src[s1 + 1] & 0xff) - pred[p1 + 1];
        int b2 = (src[s1 + 2] & 0xff) - pred[p1 + 2];
        int b3 = (src[s1 + 3] & 0xff) - pred[p1 + 3];
        int c0 = (src[s2] & 0xff) - pred[p2];
        int c1 = (src[s2 + 1] & 0xff) - pred[p2 + 1];
        int c2 = (src[s2 + 2] & 0xff) - pred[p2 + 2];
        int c3 = (src[s2 + 3] & 0xff) - pred[p2 + 3];
        int d0 = (src[s3] & 0xff) - pred[p3];
        int d1 = (src[s3 + 1] & 0xff) - pred[p3 + 1];
        int d2 = (src[s3 + 2] & 0xff) - pred[p3 + 2];
        int d3 = (src[s3 + 3] & 0xff) - pred[p3 + 3];
        int sad = Math.abs(a0) + Math.abs(a1) + Math.abs(a2) + Math.abs(a3) + Math.abs(b0) + Math.abs(b1)
                + Math.abs(b2) + Math.abs(b3) + Math.abs(c0) + Math.abs(c1) + Math.abs(c2) + Math.abs(c3)
                + Math.abs(d0) + Math.abs(d1) + Math.abs(d2) + Math.abs(d3);
        if (sad < zeroSad) {
            return false;
        }
        // rows: X·CfT
        int a03 = a0 + a3, e03 = a0 - a3, a12 = a1 + a2, e12 = a1 - a2;
        a0 = a03 + a12; a1 = 2 * e03 + e12; a2 = a03 - a12; a3 = e03 - 2 * e12;
        int b03 = b0 + b3, f03 = b0 - b3, b12 = b1 + b2, f12 = b1 - b2;
        b0 = b03 + b12; b1 = 2 * f03 + f12; b2 = b03 - b12; b3 = f03 - 2 * f12;
        int c03 = c0 + c3, g03 = c0 - c3, c12 = c1 + c2, g12 = c1 - c2;
        c0 = c03 + c12; c1 = 2 * g03 + g12; c2 = c03 - c12; c3 = g03 - 2 * g12;
        int d03 = d0 + d3, h03 = d0 - d3, d12 = d1 + d2, h12 = d1 - d2;
        d0 = d03 + d12; d1 = 2 * h03 + h12; d2 = d03 - d12; d3 = h03 - 2 * h12;
        // columns: Cf·(X·CfT), each column i gives coefficients i, 4 + i, 8 + i, 12 + i
        boolean any = column(a0, b0, c0, d0, coef, cOff, zeroMax);
        any |= column(a1, b1, c1, d1, coef, cOff + 1, zeroMax);
        any |= column(a2, b2, c2, d2, coef, cOff + 2, zeroMax);
        any |= column(a3, b3, c3, d3, coef, cOff + 3, zeroMax);
        return any;
    }

    private static boolean column(int x0, int x1, int x2, int x3, int[] coef, int o, int[] zeroMax) {
        int s03 = x0 + x3, d03 = x0 - x3, s12 = x1 + x2, d12 = x1 - x2;
        int y0 = s03 + s12;
        int y1 = 2 * d03 + d12;
        int y2 = s03 - s12;
        int y3 = d03 - 2 * d12;
        coef[o] = y0;
        coef[o + 4] = y1;
        coef[o + 8] = y2;
        coef[o + 12] = y3;
        int i = o & 3; // the column inside the block; the caller's offsets are 16-aligned
        return Math.abs(y0) > zeroMax[i] || Math.abs(y1) > zeroMax[4 + i] || Math.abs(y2) > zeroMax[8 + i]
                || Math.abs(y3) > zeroMax[12 + i];
    }

    private static int sad8x8(byte[] src, int off, int stride, byte[] pred) {
        int sad = 0;
        for (int row = 0; row < 8; row++) {
            int s = off + row * stride;
            int p = row * 8;
            for (int i = 0; i < 8; i++) {
                int d = (src[s + i] & 0xff) - (pred[p + i] & 0xff);
                sad += d < 0 ? -d : d;
            }
        }
        return sad;
    }

    /** residual = source block (4x4 at {@code off}) minus prediction (stride {@code pStride}); returns its SAD. */
    private static int subtract(byte[] src, int off, int stride, int[] pred, int pOff, int pStride, int[] out, int o) {
        int sad = 0;
        for (int row = 0; row < 4; row++) {
            int s = off + row * stride;
            int p = pOff + row * pStride;
            int d0 = (src[s] & 0xff) - pred[p];
            int d1 = (src[s + 1] & 0xff) - pred[p + 1];
            int d2 = (src[s + 2] & 0xff) - pred[p + 2];
            int d3 = (src[s + 3] & 0xff) - pred[p + 3];
            out[o] = d0;
            out[o + 1] = d1;
            out[o + 2] = d2;
            out[o + 3] = d3;
            sad += Math.abs(d0) + Math.abs(d1) + Math.abs(d2) + Math.abs(d3);
            o += 4;
        }
        return sad;
    }

}
