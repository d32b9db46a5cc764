package dev.parley.rtc.codec.h264.encoder;

/**
 * The in-loop deblocking filter (§8.7) for the streams Parley's encoder writes: frame pictures, 4:2:0, 8-bit,
 * transform_size_8x8_flag 0, disable_deblocking_filter_idc 0 (every edge is filtered, slice boundaries included,
 * picture edges not), FilterOffsetA = FilterOffsetB = 0, chroma_qp_index_offset 0, one reference picture, no I_PCM.
 * The encoder runs it over its reconstructed picture after the last macroblock, so that the reference picture is
 * the same one a decoder builds.
 *
 * <p>Macroblocks are processed in raster order and edges in the order of §8.7 (luma vertical edges left to right,
 * luma horizontal edges top to bottom, then the same for Cb and Cr), in place, so each edge sees the samples earlier
 * edges modified. Edges whose boundary strength is 0 and macroblocks with no non-zero strength are skipped.
 * An instance holds two 16-entry scratch arrays: reuse it, one per thread.
 */
public final class Deblocker {
    /** α' by indexA (Table 8-16). */
    static final int[] ALPHA = {
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 4, 5, 6, 7, 8, 9, 10, 12, 13,
        15, 17, 20, 22, 25, 28, 32, 36, 40, 45, 50, 56, 63, 71, 80, 90, 101, 113, 127, 144, 162, 182, 203, 226, 255, 255,
    };
    /** β' by indexB (Table 8-16). */
    static final int[] BETA = {
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4,
        6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13, 14, 14, 15, 15, 16, 16, 17, 17, 18, 18,
    };
    /** t'C0 at [bS * 52 + indexA] for bS 1..3 (Table 8-17); the bS-0 row is unused. */
    static final int[] TC0 = {
        // bS 0 (unused)
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        // bS 1
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 6, 6, 7, 8, 9, 10, 11, 13,
        // bS 2
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 4, 4, 5, 5, 6, 7, 8, 8, 10, 11, 12, 13, 15, 17,
        // bS 3
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 2, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 6, 6, 7, 8, 9, 10, 11, 13, 14, 16, 18, 20, 23, 25,
    };
    /** QP<sub>C</sub> by qP<sub>I</sub> = QP<sub>Y</sub> + chroma_qp_index_offset (0 here) (Table 8-15). */
    static final int[] CHROMA_QP = {
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
        26, 27, 28, 29, 29, 30, 31, 32, 32, 33, 34, 34, 35, 35, 36, 36, 37, 37, 37, 38, 38, 38, 39, 39, 39, 39,
    };

    /** bS of the current macroblock's vertical edges: [edge * 4 + block row], edge e at luma x = 4e. */
    private final int[] bsV = new int[16];
    /** bS of the current macroblock's horizontal edges: [edge * 4 + block column], edge e at luma y = 4e. */
    private final int[] bsH = new int[16];

    /**
     * Deblocks a reconstructed picture of {@code mbW x mbH} macroblocks in place. Samples are unsigned 8-bit
     * ({@code b & 0xff}); plane {@code y} has row stride {@code strideY} (at least {@code mbW * 16}), planes
     * {@code u} (Cb) and {@code v} (Cr) have row stride {@code strideC} (at least {@code mbW * 8}); all start at the
     * picture's top-left sample. {@code in} describes every macroblock of this picture.
     */
    public void filterFrame(byte[] y, int strideY, byte[] u, byte[] v, int strideC, int mbW, int mbH,
            DeblockingInput in) {
        if (in.mbWidth != mbW || in.mbHeight != mbH) {
            throw new IllegalArgumentException("input is for " + in.mbWidth + "x" + in.mbHeight
                    + " macroblocks, picture has " + mbW + "x" + mbH);
        }
        int[] qps = in.qp;
        for (int mbY = 0; mbY < mbH; mbY++) {
            for (int mbX = 0; mbX < mbW; mbX++) {
                int mb = mbY * mbW + mbX;
                if (!strengths(in, mbX, mbY)) {
                    continue;
                }
                int qp = qps[mb];
                // Where there is no left/top neighbour the MB edge has bS 0, so these QPs go unused.
                int qpLeft = mbX > 0 ? qps[mb - 1] : qp;
                int qpTop = mbY > 0 ? qps[mb - mbW] : qp;
                int lumaOff = mbY * 16 * strideY + mbX * 16;
                luma(y, lumaOff, strideY, qp, qpLeft, qpTop);
                int chromaOff = mbY * 8 * strideC + mbX * 8;
                int qpc = CHROMA_QP[qp];
                int qpcLeft = CHROMA_QP[qpLeft];
                int qpcTop = CHROMA_QP[qpTop];
                chroma(u, chromaOff, strideC, qpc, qpcLeft, qpcTop);
                chroma(v, chromaOff, strideC, qpc, qpcLeft, qpcTop);
            }
        }
    }

    /**
     * Fills {@link #bsV} and {@link #bsH} for macroblock (mbX, mbY) (§8.7.2.1, frame macroblocks, one reference
     * picture); returns whether any bS is non-zero.
     */
    private boolean strengths(DeblockingInput in, int mbX, int mbY) {
        int[] bsV = this.bsV;
        int[] bsH = this.bsH;
        int mbW = in.mbWidth;
        int mb = mbY * mbW + mbX;
        boolean[] intra = in.intra;
        if (intra[mb]) {
            // Intra: 4 on macroblock edges, 3 inside; picture edges are not filtered.
            int left = mbX > 0 ? 4 : 0;
            int top = mbY > 0 ? 4 : 0;
            for (int k = 0; k < 4; k++) {
                bsV[k] = left;
                bsH[k] = top;
            }
            for (int i = 4; i < 16; i++) {
                bsV[i] = 3;
                bsH[i] = 3;
            }
            return true;
        }
        int[] nz = in.nonZero;
        int[] mvX = in.mvX;
        int[] mvY = in.mvY;
        int bpr = in.blocksPerRow;
        int mask = nz[mb];
        int firstBlock = mbY * 4 * bpr + mbX * 4;
        int any = 0;

        // Left macroblock edge.
        if (mbX == 0) {
            bsV[0] = bsV[1] = bsV[2] = bsV[3] = 0;
        } else if (intra[mb - 1]) {
            bsV[0] = bsV[1] = bsV[2] = bsV[3] = 4;
            any = 4;
        } else {
            int maskP = nz[mb - 1];
            for (int k = 0; k < 4; k++) {
                int q = firstBlock + k * bpr;
                int coded = ((mask >> (k * 4)) | (maskP >> (k * 4 + 3))) & 1;
                int bs = coded != 0 ? 2 : motionDiffers(mvX, mvY, q, q - 1);
                bsV[k] = bs;
                any |= bs;
            }
        }
        // Top macroblock edge.
        if (mbY == 0) {
            bsH[0] = bsH[1] = bsH[2] = bsH[3] = 0;
        } else if (intra[mb - mbW]) {
            bsH[0] = bsH[1] = bsH[2] = bsH[3] = 4;
            any = 4;
        } else {
            int maskP = nz[mb - mbW];
            for (int k = 0; k < 4; k++) {
                int q = firstBlock + k;
                int coded = ((mask >> k) | (maskP >> (12 + k))) & 1;
                int bs = coded != 0 ? 2 : motionDiffers(mvX, mvY, q, q - bpr);
                bsH[k] = bs;
                any |= bs;
            }
        }
        // Internal edges. One vector for the whole macroblock: only coefficients make them non-zero.
        if (in.oneVector[mb]) {
            for (int e = 1; e < 4; e++) {
                for (int k = 0; k < 4; k++) {
                    int bit = k * 4 + e;
                    int bs = (((mask >> bit) | (mask >> (bit - 1))) & 1) << 1;
                    bsV[e * 4 + k] = bs;
                    any |= bs;
                    bit = e * 4 + k;
                    bs = (((mask >> bit) | (mask >> (bit - 4))) & 1) << 1;
                    bsH[e * 4 + k] = bs;
                    any |= bs;
                }
            }
            return any != 0;
        }
        for (int e = 1; e < 4; e++) {
            for (int k = 0; k < 4; k++) {
                int bit = k * 4 + e; // block right of vertical edge e, row k
                int q = firstBlock + k * bpr + e;
                int bs = ((mask >> bit) | (mask >> (bit - 1))) & 1;
                bs = bs != 0 ? 2 : motionDiffers(mvX, mvY, q, q - 1);
                bsV[e * 4 + k] = bs;
                any |= bs;

                bit = e * 4 + k; // block below horizontal edge e, column k
                q = firstBlock + e * bpr + k;
                bs = ((mask >> bit) | (mask >> (bit - 4))) & 1;
                bs = bs != 0 ? 2 : motionDiffers(mvX, mvY, q, q - bpr);
                bsH[e * 4 + k] = bs;
                any |= bs;
            }
        }
        return any != 0;
    }

    /** bS 1 when the vectors of two blocks differ by 4 or more quarter samples in either component, else 0. */
    private static int motionDiffers(int[] mvX, int[] mvY, int q, int p) {
        int dx = mvX[q] - mvX[p];
        int dy = mvY[q] - mvY[p];
        return (dx >= 4 || dx <= -4 || dy >= 4 || dy <= -4) ? 1 : 0;
    }

    /** Luma edges of one macroblock whose top-left sample is {@code off}. */
    private void luma(byte[] s, int off, int stride, int qp, int qpLeft, int qpTop) {
        int[] bsV = this.bsV;
        int[] bsH = this.bsH;
        for (int e = 0; e < 4; e++) {
            int b = e * 4;
            if ((bsV[b] | bsV[b + 1] | bsV[b + 2] | bsV[b + 3]) != 0) {
                // §8.7.2.2: qPav averages the two macroblocks' QPY; indexA = qPav since FilterOffsetA is 0.
                int indexA = e == 0 ? (qpLeft + qp + 1) >> 1 : qp;
                lumaEdge(s, off + 4 * e, 1, stride, bsV, b, indexA);
            }
        }
        for (int e = 0; e < 4; e++) {
            int b = e * 4;
            if ((bsH[b] | bsH[b + 1] | bsH[b + 2] | bsH[b + 3]) != 0) {
                int indexA = e == 0 ? (qpTop + qp + 1) >> 1 : qp;
                lumaEdge(s, off + 4 * e * stride, stride, 1, bsH, b, indexA);
            }
        }
    }

    /**
     * One 16-sample luma edge: {@code off} is q0 of its first line, {@code across} the step from p0 to q0,
     * {@code along} the step from one line to the next; line j uses {@code bs[b + j / 4]}.
     */
    private static void lumaEdge(byte[] s, int off, int across, int along, int[] bs, int b, int indexA) {
        int alpha = ALPHA[indexA];
        if (alpha == 0) {
            return; // |p0 - q0| < 0 never holds
        }
        int beta = BETA[indexA];
        for (int k = 0; k < 4; k++) {
            int strength = bs[b + k];
            int i = off + k * 4 * along;
            if (strength == 4) {
                for (int j = 0; j < 4; j++, i += along) {
                    lumaStrong(s, i, across, alpha, beta);
                }
            } else if (strength != 0) {
                int tc0 = TC0[strength * 52 + indexA];
                for (int j = 0; j < 4; j++, i += along) {
                    lumaNormal(s, i, across, alpha, beta, tc0);
                }
            }
        }
    }

    /** One line of a luma edge with bS 1..3 (§8.7.2.3); {@code i} is q0, {@code a} the step from p0 to q0. */
    private static void lumaNormal(byte[] s, int i, int a, int alpha, int beta, int tc0) {
        int p0 = s[i - a] & 0xff;
        int q0 = s[i] & 0xff;
        int p1 = s[i - 2 * a] & 0xff;
        int q1 = s[i + a] & 0xff;
        int d = q0 - p0;
        if (((abs(d) - alpha) & (abs(p1 - p0) - beta) & (abs(q1 - q0) - beta)) >= 0) {
            return; // §8.7.2.2 filterSamplesFlag 0: not all three terms negative (difference below threshold)
        }
        int p2 = s[i - 3 * a] & 0xff;
        int q2 = s[i + 2 * a] & 0xff;
        // ap < beta and aq < beta as 0/1 without branches (they are data-dependent and badly predicted).
        int ap = (abs(p2 - p0) - beta) >>> 31;
        int aq = (abs(q2 - q0) - beta) >>> 31;
        int tc = tc0 + ap + aq;
        int delta = clip3(-tc, tc, ((d << 2) + (p1 - q1) + 4) >> 3);
        s[i - a] = (byte) clip1(p0 + delta);
        s[i] = (byte) clip1(q0 - delta);
        int avg = (p0 + q0 + 1) >> 1;
        s[i - 2 * a] = (byte) (p1 + (clip3(-tc0, tc0, (p2 + avg - (p1 << 1)) >> 1) & -ap));
        s[i + a] = (byte) (q1 + (clip3(-tc0, tc0, (q2 + avg - (q1 << 1)) >> 1) & -aq));
    }

    /** One line of a luma edge with bS 4 (§8.7.2.4). */
    private static void lumaStrong(byte[] s, int i, int a, int alpha, int beta) {
        int p0 = s[i - a] & 0xff;
        int q0 = s[i] & 0xff;
        int p1 = s[i - 2 * a] & 0xff;
        int q1 = s[i + a] & 0xff;
        int d = abs(q0 - p0);
        if (((d - alpha) & (abs(p1 - p0) - beta) & (abs(q1 - q0) - beta)) >= 0) {
            return;
        }
        int p2 = s[i - 3 * a] & 0xff;
        int q2 = s[i + 2 * a] & 0xff;
        boolean small = d < ((alpha >> 2) + 2);
        if (small && abs(p2 - p0) < beta) {
            int p3 = s[i - 4 * a] & 0xff;
            s[i - a] = (byte) ((p2 + 2 * p1 + 2 * p0 + 2 * q0 + q1 + 4) >> 3);
            s[i - 2 * a] = (byte) ((p2 + p1 + p0 + q0 + 2) >> 2);
            s[i - 3 * a] = (byte) ((2 * p3 + 3 * p2 + p1 + p0 + q0 + 4) >> 3);
        } else {
            s[i - a] = (byte) ((2 * p1 + p0 + q1 + 2) >> 2);
        }
        if (small && abs(q2 - q0) < beta) {
            int q3 = s[i + 3 * a] & 0xff;
            s[i] = (byte) ((p1 + 2 * p0 + 2 * q0 + 2 * q1 + q2 + 4) >> 3);
            s[i + a] = (byte) ((p0 + q0 + q1 + q2 + 2) >> 2);
            s[i + 2 * a] = (byte) ((2 * q3 + 3 * q2 + q1 + q0 + p0 + 4) >> 3);
        } else {
            s[i] = (byte) ((2 * q1 + q0 + p1 + 2) >> 2);
        }
    }

    /**
     * Chroma edges of one 8x8 block whose top-left sample is {@code off}, QPs already mapped through Table 8-15.
     * Chroma edge 0 is the macroblock edge (luma edge 0), chroma edge 4 lies on luma edge 8; chroma sample k along
     * an edge takes the bS of luma sample 2k (§8.7.2), i.e. of 4x4 block k / 2.
     */
    private void chroma(byte[] s, int off, int stride, int qpc, int qpcLeft, int qpcTop) {
        int[] bsV = this.bsV;
        int[] bsH = this.bsH;
        for (int e = 0; e < 4; e += 2) {
            int b = e * 4;
            if ((bsV[b] | bsV[b + 1] | bsV[b + 2] | bsV[b + 3]) != 0) {
                int indexA = e == 0 ? (qpcLeft + qpc + 1) >> 1 : qpc;
                chromaEdge(s, off + 2 * e, 1, stride, bsV, b, indexA);
            }
        }
        for (int e = 0; e < 4; e += 2) {
            int b = e * 4;
            if ((bsH[b] | bsH[b + 1] | bsH[b + 2] | bsH[b + 3]) != 0) {
                int indexA = e == 0 ? (qpcTop + qpc + 1) >> 1 : qpc;
                chromaEdge(s, off + 2 * e * stride, stride, 1, bsH, b, indexA);
            }
        }
    }

    /** One 8-sample chroma edge; line j uses {@code bs[b + j / 2]}. */
    private static void chromaEdge(byte[] s, int off, int across, int along, int[] bs, int b, int indexA) {
        int alpha = ALPHA[indexA];
        if (alpha == 0) {
            return;
        }
        int beta = BETA[indexA];
        for (int k = 0; k < 4; k++) {
            int strength = bs[b + k];
            if (strength == 0) {
                continue;
            }
            int i = off + k * 2 * along;
            // bS < 4: tC = tC0 + 1 for chroma (§8.7.2.3); bS 4: the 3-tap filter, signalled by tc < 0.
            int tc = strength == 4 ? -1 : TC0[strength * 52 + indexA] + 1;
            chromaLine(s, i, across, alpha, beta, tc);
            chromaLine(s, i + along, across, alpha, beta, tc);
        }
    }

    /** One line of a chroma edge: p0 and q0 only; {@code tc < 0} selects the bS-4 filter (§8.7.2.4). */
    private static void chromaLine(byte[] s, int i, int a, int alpha, int beta, int tc) {
        int p0 = s[i - a] & 0xff;
        int q0 = s[i] & 0xff;
        int p1 = s[i - 2 * a] & 0xff;
        int q1 = s[i + a] & 0xff;
        int d = q0 - p0;
        if (((abs(d) - alpha) & (abs(p1 - p0) - beta) & (abs(q1 - q0) - beta)) >= 0) {
            return; // §8.7.2.2 filterSamplesFlag 0: not all three terms negative (difference below threshold)
        }
        if (tc < 0) {
            s[i - a] = (byte) ((2 * p1 + p0 + q1 + 2) >> 2);
            s[i] = (byte) ((2 * q1 + q0 + p1 + 2) >> 2);
        } else {
            int delta = clip3(-tc, tc, ((d << 2) + (p1 - q1) + 4) >> 3);
            s[i - a] = (byte) clip1(p0 + delta);
            s[i] = (byte) clip1(q0 - delta);
        }
    }

    private static int abs(int x) {
        return x < 0 ? -x : x;
    }

    private static int clip3(int lo, int hi, int x) {
        return x < lo ? lo : (x > hi ? hi : x);
    }

    /** Clip1Y / Clip1C for 8-bit samples. */
    private static int clip1(int x) {
        return x < 0 ? 0 : (x > 255 ? 255 : x);
    }
}
