package dev.parley.rtc.codec.h264.encoder;

/**
 * Encoder-side forward transforms: the integer core transform that §8.5.12.2 inverts, and the Hadamard transforms
 * of the Intra16x16 luma DC (§8.5.10) and 4:2:0 chroma DC (§8.5.11) that the decoder undoes. Their scaling is
 * folded into {@link Quantizer}. All arrays are raster order; nothing is allocated.
 */
final class ForwardTransform {
    private ForwardTransform() {
    }

    /**
     * Core transform Y = Cf·X·CfT with Cf = [[1,1,1,1],[2,1,-1,-2],[1,-1,-1,1],[1,-2,2,-1]].
     *
     * @param residual 16 residual samples (source minus prediction) at {@code rOff}, raster order; not modified
     * @param coef     receives the 16 unscaled coefficients at {@code cOff}, raster order (may equal
     *                 {@code residual} at the same offset)
     */
    static void core4x4(int[] residual, int rOff, int[] coef, int cOff) {
        for (int i = 0; i < 16; i += 4) { // rows: X·CfT (each row is read fully before it is written)
            int x0 = residual[rOff + i], x1 = residual[rOff + i + 1];
            int x2 = residual[rOff + i + 2], x3 = residual[rOff + i + 3];
            int s03 = x0 + x3, d03 = x0 - x3, s12 = x1 + x2, d12 = x1 - x2;
            coef[cOff + i] = s03 + s12;
            coef[cOff + i + 1] = 2 * d03 + d12;
            coef[cOff + i + 2] = s03 - s12;
            coef[cOff + i + 3] = d03 - 2 * d12;
        }
        for (int j = cOff; j < cOff + 4; j++) { // columns: Cf·(X·CfT)
            int x0 = coef[j], x1 = coef[j + 4], x2 = coef[j + 8], x3 = coef[j + 12];
            int s03 = x0 + x3, d03 = x0 - x3, s12 = x1 + x2, d12 = x1 - x2;
            coef[j] = s03 + s12;
            coef[j + 4] = 2 * d03 + d12;
            coef[j + 8] = s03 - s12;
            coef[j + 12] = d03 - 2 * d12;
        }
    }

    /**
     * In-place forward Hadamard of the Intra16x16 luma DC matrix: Y = (H·W·H) >> 1 with
     * H = [[1,1,1,1],[1,1,-1,-1],[1,-1,-1,1],[1,-1,1,-1]] (the matrix of §8.5.10) and an arithmetic (floor) shift,
     * as in the reference encoder; {@link Quantizer#quantLumaDc} expects this halved scale.
     *
     * @param dc16 16 values, raster order: {@code dc16[i*4+j]} is the DC coefficient (coef[0] after
     *             {@link #core4x4}) of the 4x4 block at block row i, block column j of the macroblock (NOT
     *             luma4x4BlkIdx order; see {@link Block4x4#BLK_IDX_TO_RASTER}). On return it is the matrix c of
     *             §8.5.10 before quantisation, same raster order.
     */
    static void hadamard4x4(int[] dc16) {
        for (int p = 0; p < 16; p += 4) { // rows
            int a = dc16[p], b = dc16[p + 1], c = dc16[p + 2], d = dc16[p + 3];
            int s01 = a + b, d01 = a - b, s23 = c + d, d23 = c - d;
            dc16[p] = s01 + s23;
            dc16[p + 1] = s01 - s23;
            dc16[p + 2] = d01 - d23;
            dc16[p + 3] = d01 + d23;
        }
        for (int j = 0; j < 4; j++) { // columns, then halve
            int a = dc16[j], b = dc16[j + 4], c = dc16[j + 8], d = dc16[j + 12];
            int s01 = a + b, d01 = a - b, s23 = c + d, d23 = c - d;
            dc16[j] = (s01 + s23) >> 1;
            dc16[j + 4] = (s01 - s23) >> 1;
            dc16[j + 8] = (d01 - d23) >> 1;
            dc16[j + 12] = (d01 + d23) >> 1;
        }
    }

    /**
     * In-place forward 2x2 Hadamard of the 4:2:0 chroma DC: Y = H·W·H, H = [[1,1],[1,-1]] (§8.5.11.1), no shift.
     *
     * @param dc4 the DC coefficients of the four chroma 4x4 blocks in chroma4x4BlkIdx order, i.e. 2x2 raster
     *            ({@code row*2 + col}); on return the matrix c of §8.5.11.1 in the same order (c0..c3)
     */
    static void hadamard2x2(int[] dc4) {
        int a = dc4[0], b = dc4[1], c = dc4[2], d = dc4[3];
        int s01 = a + b, d01 = a - b, s23 = c + d, d23 = c - d;
        dc4[0] = s01 + s23;
        dc4[1] = d01 + d23;
        dc4[2] = s01 - s23;
        dc4[3] = d01 - d23;
    }
}
