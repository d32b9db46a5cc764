package dev.parley.rtc.codec.h264.decoder;

/**
 * The deblocking filter process (§8.7) over a whole decoded picture, in place, for frame pictures of 4:2:0 8-bit
 * video with the 4x4 transform: per macroblock in raster order, luma vertical edges left to right, luma horizontal
 * edges top to bottom, then the same for Cb and Cr, each edge seeing what earlier edges wrote.
 *
 * <p>Each macroblock is filtered with its own slice's controls (from the {@link MacroblockMap}):
 * disable_deblocking_filter_idc 1 skips it, 2 leaves the edges it shares with other slices alone (§8.7, filterLeftMbEdgeFlag and
 * filterTopMbEdgeFlag), FilterOffsetA and FilterOffsetB shift indexA and indexB (8-460, 8-461). Boundary strength
 * (§8.7.2.1): 4 on macroblock edges next to an intra macroblock, 3 inside intra macroblocks, 2 where either 4x4
 * luma block has coefficients, 1 where the blocks predict from different pictures or their vectors differ by 4 or
 * more quarter samples, else 0. QP averages per 8-462 with QPc per component and qPp = 0 for I_PCM.
 * Not thread-safe (per-macroblock strength arrays).
 */
final class LoopFilter {
    // Table 8-16: alpha' by indexA and beta' by indexB.
    private static final int[] ALPHA = {
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 4, 5, 6, 7, 8, 9, 10, 12, 13,
        15, 17, 20, 22, 25, 28, 32, 36, 40, 45, 50, 56, 63, 71, 80, 90, 101, 113, 127, 144, 162, 182, 203, 226, 255, 255,
    };
    private static final int[] BETA = {
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4,
        6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13, 14, 14, 15, 15, 16, 16, 17, 17, 18, 18,
    };
    // Table 8-17: t'C0 at [(bS - 1) * 52 + indexA] for bS 1..3.
    private static final int[] TC0 = {
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 6, 6, 7, 8, 9, 10, 11, 13,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 4, 4, 5, 5, 6, 7, 8, 8, 10, 11, 12, 13, 15, 17,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 2, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 6, 6, 7, 8, 9, 10, 11, 13, 14, 16, 18, 20, 23, 25,
    };

    /** bS of the vertical edges: [edge * 4 + block row]; of the horizontal edges: [edge * 4 + block column]. */
    private final int[] bsV = new int[16];
    private final int[] bsH = new int[16];

    /** Deblocks picture {@code p}, every macroblock of which {@code map} describes. */
    void filter(Picture p, MacroblockMap map) {
        int mbW = map.mbWidth;
        for (int mb = 0; mb < map.mbCount; mb++) {
            int idc = map.filterIdc[mb];
            if (idc == 1) {
                continue;
            }
            int mbX = mb % mbW;
            int mbY = mb / mbW;
            boolean left = mbX > 0 && (idc == 0 || map.slice[mb - 1] == map.slice[mb]);
            boolean top = mbY > 0 && (idc == 0 || map.slice[mb - mbW] == map.slice[mb]);
            if (!strengths(map, mb, left, top)) {
                continue;
            }
            int offA = map.filterOffsetA[mb];
            int offB = map.filterOffsetB[mb];
            int leftMb = left ? mb - 1 : mb;
            int topMb = top ? mb - mbW : mb;
            int lumaOff = p.originY + mbY * 16 * p.strideY + mbX * 16;
            edges(p.y, lumaOff, p.strideY, map.qp, mb, leftMb, topMb, offA, offB, false);
            int chromaOff = p.originC + mbY * 8 * p.strideC + mbX * 8;
            edges(p.u, chromaOff, p.strideC, map.qpCb, mb, leftMb, topMb, offA, offB, true);
            edges(p.v, chromaOff, p.strideC, map.qpCr, mb, leftMb, topMb, offA, offB, true);
        }
    }

    /** Fills {@link #bsV} and {@link #bsH} of macroblock {@code mb} (§8.7.2.1); false when all are 0. */
    private boolean strengths(MacroblockMap map, int mb, boolean left, boolean top) {
        int[] bsV = this.bsV;
        int[] bsH = this.bsH;
        if (map.intra(mb)) {
            int l = left ? 4 : 0;
            int t = top ? 4 : 0;
            for (int k = 0; k < 4; k++) {
                bsV[k] = l;
                bsH[k] = t;
            }
            for (int i = 4; i < 16; i++) {
                bsV[i] = 3;
                bsH[i] = 3;
            }
            return true;
        }
        int bpr = map.blocksPerRow;
        int fb = map.firstBlock(mb);
        int mask = map.codedMask[mb];
        // A one-vector macroblock keeps its motion in its right column and bottom row: its bottom-right block.
        boolean one = map.oneMotion[mb];
        int rep = fb + 3 * bpr + 3;
        int any = 0;
        if (!left) {
            bsV[0] = bsV[1] = bsV[2] = bsV[3] = 0;
        } else if (map.intra(mb - 1)) {
            bsV[0] = bsV[1] = bsV[2] = bsV[3] = 4;
            any = 4;
        } else {
            int coded = mask | map.codedMask[mb - 1] >>> 3; // block row k: bit 4k of either side
            boolean bothOne = one && map.oneMotion[mb - 1];
            int motion = bothOne ? motionStrength(map, rep, fb - 1) : 0;
            for (int k = 0; k < 4; k++) {
                int q = fb + k * bpr;
                any |= bsV[k] = (coded >>> (4 * k) & 1) != 0 ? 2
                        : bothOne ? motion : motionStrength(map, one ? rep : q, q - 1);
            }
        }
        if (!top) {
            bsH[0] = bsH[1] = bsH[2] = bsH[3] = 0;
        } else if (map.intra(mb - map.mbWidth)) {
            bsH[0] = bsH[1] = bsH[2] = bsH[3] = 4;
            any = 4;
        } else {
            int coded = mask | map.codedMask[mb - map.mbWidth] >>> 12; // block column k: bit k of either side
            boolean bothOne = one && map.oneMotion[mb - map.mbWidth];
            int motion = bothOne ? motionStrength(map, rep, fb - bpr) : 0;
            for (int k = 0; k < 4; k++) {
                int q = fb + k;
                any |= bsH[k] = (coded >>> k & 1) != 0 ? 2
                        : bothOne ? motion : motionStrength(map, one ? rep : q, q - bpr);
            }
        }
        // Inner edges: bit y4 * 4 + x4 of vertical (horizontal) edge e is coded on either side of it.
        int codedV = mask | mask << 1;
        int codedH = mask | mask << 4;
        if (one) {
            for (int e = 1; e < 4; e++) {
                for (int k = 0; k < 4; k++) {
                    any |= bsV[e * 4 + k] = (codedV >>> (k * 4 + e) & 1) << 1;
                    any |= bsH[e * 4 + k] = (codedH >>> (e * 4 + k) & 1) << 1;
                }
            }
            return any != 0;
        }
        for (int e = 1; e < 4; e++) {
            for (int k = 0; k < 4; k++) {
                int q = fb + k * bpr + e;
                any |= bsV[e * 4 + k] = (codedV >>> (k * 4 + e) & 1) != 0 ? 2 : motionStrength(map, q, q - 1);
                q = fb + e * bpr + k;
                any |= bsH[e * 4 + k] = (codedH >>> (e * 4 + k) & 1) != 0 ? 2 : motionStrength(map, q, q - bpr);
            }
        }
        return any != 0;
    }

    /**
     * bS 1 or 0 between two 4x4 luma blocks of inter macroblocks without coefficients (P: one vector each): 1 when
     * they predict from different pictures or their vectors differ by 4 quarter samples or more.
     */
    private static int motionStrength(MacroblockMap map, int q, int p) {
        if (map.refSerial[q] != map.refSerial[p]) {
            return 1;
        }
        int dx = map.mvX[q] - map.mvX[p];
        int dy = map.mvY[q] - map.mvY[p];
        return dx >= 4 || dx <= -4 || dy >= 4 || dy <= -4 ? 1 : 0;
    }

    /**
     * The vertical then horizontal edges of one component of a macroblock whose top-left sample is {@code off};
     * {@code qps} holds the component's per-macroblock QP, {@code leftMb} / {@code topMb} the neighbours whose QP
     * the macroblock edges average with (unused when those edges are not filtered).
     */
    private void edges(byte[] s, int off, int stride, byte[] qps, int mb, int leftMb, int topMb, int offA, int offB,
            boolean chroma) {
        int qp = qps[mb];
        int step = chroma ? 2 : 1; // chroma (4:2:0): edges 0 and 2 of the luma grid, at chroma x = 0 and 4
        int width = chroma ? 2 : 4; // samples along an edge per 4x4 luma block
        for (int e = 0; e < 4; e += step) {
            int b = e * 4;
            if ((bsV[b] | bsV[b + 1] | bsV[b + 2] | bsV[b + 3]) != 0) {
                int qpAv = e == 0 ? (qps[leftMb] + qp + 1) >> 1 : qp;
                edge(s, off + e * width, 1, stride, bsV, b, qpAv, offA, offB, width, chroma);
            }
        }
        for (int e = 0; e < 4; e += step) {
            int b = e * 4;
            if ((bsH[b] | bsH[b + 1] | bsH[b + 2] | bsH[b + 3]) != 0) {
                int qpAv = e == 0 ? (qps[topMb] + qp + 1) >> 1 : qp;
                edge(s, off + e * width * stride, stride, 1, bsH, b, qpAv, offA, offB, width, chroma);
            }
        }
    }

    /**
     * One edge: {@code off} is q0 of its first line, {@code across} the step from p0 to q0, {@code along} from one
     * line to the next; the lines of 4x4 block k take {@code bs[b + k]}.
     */
    private static void edge(byte[] s, int off, int across, int along, int[] bs, int b, int qpAv, int offA, int offB,
            int lines, boolean chroma) {
        int indexA = clip3(0, 51, qpAv + offA);
        int indexB = clip3(0, 51, qpAv + offB);
        int alpha = ALPHA[indexA];
        int beta = BETA[indexB];
        if (alpha == 0 || beta == 0) {
            return; // |p0 - q0| < 0 or |p1 - p0| < 0 never holds
        }
        for (int k = 0; k < 4; k++) {
            int strength = bs[b + k];
            if (strength == 0) {
                continue;
            }
            int i = off + k * lines * along;
            if (chroma) {
                int tc = strength < 4 ? TC0[(strength - 1) * 52 + indexA] + 1 : -1;
                chromaLine(s, i, across, alpha, beta, tc);
                chromaLine(s, i + along, across, alpha, beta, tc);
            } else if (strength == 4) {
                for (int j = 0; j < 4; j++, i += along) {
                    lumaStrong(s, i, across, alpha, beta);
                }
            } else {
                int tc0 = TC0[(strength - 1) * 52 + indexA];
                for (int j = 0; j < 4; j++, i += along) {
                    lumaNormal(s, i, across, alpha, beta, tc0);
                }
            }
        }
    }

    /** One luma line with bS &lt; 4 (§8.7.2.3); {@code i} is q0, {@code a} the step from p0 to q0. */
    private static void lumaNormal(byte[] s, int i, int a, int alpha, int beta, int tc0) {
        int p0 = s[i - a] & 0xff;
        int q0 = s[i] & 0xff;
        int p1 = s[i - 2 * a] & 0xff;
        int q1 = s[i + a] & 0xff;
        // filterSamplesFlag (8-468): all three differences below their thresholds, i.e. all three terms negative.
        if (((abs(p0 - q0) - alpha) & (abs(p1 - p0) - beta) & (abs(q1 - q0) - beta)) >= 0) {
            return;
        }
        int p2 = s[i - 3 * a] & 0xff;
        int q2 = s[i + 2 * a] & 0xff;
        // ap < beta and aq < beta (8-471, 8-472) as 0 or 1, without data-dependent branches.
        int ap = (abs(p2 - p0) - beta) >>> 31;
        int aq = (abs(q2 - q0) - beta) >>> 31;
        int tc = tc0 + ap + aq;
        int delta = clip3(-tc, tc, (((q0 - p0) << 2) + (p1 - q1) + 4) >> 3);
        s[i - a] = (byte) clip1(p0 + delta);
        s[i] = (byte) clip1(q0 - delta);
        int avg = (p0 + q0 + 1) >> 1;
        s[i - 2 * a] = (byte) (p1 + (clip3(-tc0, tc0, (p2 + avg - (p1 << 1)) >> 1) & -ap));
        s[i + a] = (byte) (q1 + (clip3(-tc0, tc0, (q2 + avg - (q1 << 1)) >> 1) & -aq));
    }

    /** One luma line with bS 4 (§8.7.2.4). */
    private static void lumaStrong(byte[] s, int i, int a, int alpha, int beta) {
        int p0 = s[i - a] & 0xff;
        int q0 = s[i] & 0xff;
        int p1 = s[i - 2 * a] & 0xff;
        int q1 = s[i + a] & 0xff;
        int d = abs(p0 - q0);
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
     * One chroma line: p0 and q0 only; {@code tc} = tC0 + 1 below bS 4 (§8.7.2.3), -1 for the 3-tap filter of bS 4
     * (§8.7.2.4).
     */
    private static void chromaLine(byte[] s, int i, int a, int alpha, int beta, int tc) {
        int p0 = s[i - a] & 0xff;
        int q0 = s[i] & 0xff;
        int p1 = s[i - 2 * a] & 0xff;
        int q1 = s[i + a] & 0xff;
        if (((abs(p0 - q0) - alpha) & (abs(p1 - p0) - beta) & (abs(q1 - q0) - beta)) >= 0) {
            return;
        }
        if (tc < 0) {
            s[i - a] = (byte) ((2 * p1 + p0 + q1 + 2) >> 2);
            s[i] = (byte) ((2 * q1 + q0 + p1 + 2) >> 2);
        } else {
            int delta = clip3(-tc, tc, (((q0 - p0) << 2) + (p1 - q1) + 4) >> 3);
            s[i - a] = (byte) clip1(p0 + delta);
            s[i] = (byte) clip1(q0 - delta);
        }
    }

    // Math.abs, min and max compile to branch-free instructions: the filter's data-dependent tests mispredict.
    private static int abs(int x) {
        return Math.abs(x);
    }

    private static int clip3(int lo, int hi, int x) {
        return Math.max(lo, Math.min(hi, x));
    }

    private static int clip1(int x) {
        return Math.max(0, Math.min(255, x));
    }
}
