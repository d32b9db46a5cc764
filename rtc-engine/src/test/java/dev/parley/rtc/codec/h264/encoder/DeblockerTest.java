package dev.parley.rtc.codec.h264.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed cases of §8.7 for {@link Deblocker}; the expected samples are worked out from the equations in the
 * comments. Pictures are two macroblocks side by side unless said otherwise, so the edge under test is the left
 * macroblock edge of the right macroblock at luma x = 16 (chroma x = 8).
 */
class DeblockerTest {
    private static final int W = 32;
    private static final int H = 16;
    private static final int CW = 16;
    private static final int CH = 8;

    private final byte[] y = new byte[W * H];
    private final byte[] u = new byte[CW * CH];
    private final byte[] v = new byte[CW * CH];

    /** Luma: 60 left of x = 16 and {@code right} from there; chroma flat 128. */
    private void lumaStep(int left, int right) {
        for (int r = 0; r < H; r++) {
            for (int x = 0; x < W; x++) {
                y[r * W + x] = (byte) (x < 16 ? left : right);
            }
        }
        Arrays.fill(u, (byte) 128);
        Arrays.fill(v, (byte) 128);
    }

    private void chromaStep(byte[] plane, int left, int right) {
        for (int r = 0; r < CH; r++) {
            for (int x = 0; x < CW; x++) {
                plane[r * CW + x] = (byte) (x < 8 ? left : right);
            }
        }
    }

    private int[] lumaRow(int r, int from, int to) {
        int[] out = new int[to - from];
        for (int x = from; x < to; x++) {
            out[x - from] = y[r * W + x] & 0xff;
        }
        return out;
    }

    private static int[] row(byte[] plane, int stride, int r, int from, int to) {
        int[] out = new int[to - from];
        for (int x = from; x < to; x++) {
            out[x - from] = plane[r * stride + x] & 0xff;
        }
        return out;
    }

    private void filter(DeblockingInput in) {
        new Deblocker().filterFrame(y, W, u, v, CW, in.mbWidth(), in.mbHeight(), in);
    }

    @Test
    void bs4StrongFilterBetweenIntraAndInter() {
        // QP 30: indexA 30, alpha 25, beta 8 (Table 8-16). |p0 - q0| = 6 < (25 >> 2) + 2 = 8 and ap = aq = 0 < 8,
        // so the strong filter (8-470..8-472, 8-477..8-479) replaces p0..p2 and q0..q2:
        // p0' = (60 + 2*60 + 2*60 + 2*66 + 66 + 4) >> 3 = 62, p1' = (60 + 60 + 60 + 66 + 2) >> 2 = 62,
        // p2' = (2*60 + 3*60 + 60 + 60 + 66 + 4) >> 3 = 61, q0' = (60 + 2*60 + 2*66 + 2*66 + 66 + 4) >> 3 = 64,
        // q1' = (60 + 66 + 66 + 66 + 2) >> 2 = 65, q2' = (2*66 + 3*66 + 66 + 66 + 60 + 4) >> 3 = 65.
        lumaStep(60, 66);
        DeblockingInput in = new DeblockingInput(2, 1);
        in.setIntra(0, 0, 30);
        in.setInter(1, 0, 30, 0, 0, 0);
        filter(in);
        for (int r = 0; r < H; r++) {
            assertThat(lumaRow(r, 10, 22)).as("row %d", r)
                    .containsExactly(60, 60, 60, 61, 62, 62, 64, 65, 65, 66, 66, 66);
        }
        assertThat(u).containsOnly((byte) 128);
        assertThat(v).containsOnly((byte) 128);
    }

    @Test
    void bs4WeakFormWhenTheStepIsLarge() {
        // |p0 - q0| = 10 is not < 8: only p0 and q0 change (8-473, 8-480):
        // p0' = (2*60 + 60 + 70 + 2) >> 2 = 63, q0' = (2*70 + 70 + 60 + 2) >> 2 = 68. The inter macroblock is on
        // the left this time: an intra q side gives bS 4 as well.
        lumaStep(60, 70);
        // Chroma QP for QPY 30 is 29 (Table 8-15): alpha 22, beta 7. Cb step 100 | 110 takes the chroma bS-4 form:
        // p0' = (2*100 + 100 + 110 + 2) >> 2 = 103, q0' = (2*110 + 110 + 100 + 2) >> 2 = 108. Cr step 100 | 130
        // is not < alpha and stays.
        chromaStep(u, 100, 110);
        chromaStep(v, 100, 130);
        DeblockingInput in = new DeblockingInput(2, 1);
        in.setInter(0, 0, 30, 0, 0, 0);
        in.setIntra(1, 0, 30);
        filter(in);
        for (int r = 0; r < H; r++) {
            assertThat(lumaRow(r, 12, 20)).as("row %d", r).containsExactly(60, 60, 60, 63, 68, 70, 70, 70);
        }
        for (int r = 0; r < CH; r++) {
            assertThat(row(u, CW, r, 4, 12)).as("Cb row %d", r).containsExactly(100, 100, 100, 103, 108, 110, 110, 110);
            assertThat(row(v, CW, r, 0, 16)).as("Cr row %d", r)
                    .containsExactly(100, 100, 100, 100, 100, 100, 100, 100, 130, 130, 130, 130, 130, 130, 130, 130);
        }
    }

    @Test
    void bs2ClipsDeltaToTc() {
        // Two P macroblocks, same vector; only block (3, 0) of the left one has coefficients, so luma rows 0..3 of
        // the edge get bS 2 and the rest bS 0. QP 30: alpha 25, beta 8, tC0 = 1 (Table 8-17); ap = aq = 0 < 8 so
        // tC = 3. delta = Clip3(-3, 3, ((70 - 60) * 4 + (60 - 70) + 4) >> 3 = 4) = 3: p0' = 63, q0' = 67.
        // p1' = 60 + Clip3(-1, 1, (60 + 65 - 120) >> 1) = 61, q1' = 70 + Clip3(-1, 1, (70 + 65 - 140) >> 1) = 69.
        lumaStep(60, 70);
        // Chroma rows 0 and 1 lie on luma rows 0..3 (chroma sample k takes the bS of luma sample 2k). QPc 29:
        // alpha 22, beta 7, tC0 1, tC = 2; delta = Clip3(-2, 2, 4) = 2: p0' = 102, q0' = 108.
        chromaStep(u, 100, 110);
        chromaStep(v, 100, 110);
        DeblockingInput in = new DeblockingInput(2, 1);
        in.setInter(0, 0, 30, 1 << 3, 12, -8);
        in.setInter(1, 0, 30, 0, 12, -8);
        filter(in);
        for (int r = 0; r < H; r++) {
            if (r < 4) {
                assertThat(lumaRow(r, 12, 20)).as("row %d", r).containsExactly(60, 60, 61, 63, 67, 69, 70, 70);
            } else {
                assertThat(lumaRow(r, 12, 20)).as("row %d", r).containsExactly(60, 60, 60, 60, 70, 70, 70, 70);
            }
        }
        for (byte[] plane : new byte[][] {u, v}) {
            for (int r = 0; r < CH; r++) {
                int[] expected = r < 2
                        ? new int[] {100, 100, 100, 102, 108, 110, 110, 110}
                        : new int[] {100, 100, 100, 100, 110, 110, 110, 110};
                assertThat(row(plane, CW, r, 4, 12)).as("chroma row %d", r).containsExactly(expected);
            }
        }
    }

    @Test
    void motionVectorThresholdIsFourQuarterSamples() {
        // No coefficients: bS is 1 iff a vector component differs by 4 or more (§8.7.2.1), else 0.
        // QP 30, bS 1: tC0 1, tC 3, same numbers as the bS-2 case.
        int[][] cases = {{3, 0, 0}, {0, -3, 0}, {4, 0, 1}, {0, -4, 1}, {-7, 2, 1}};
        for (int[] c : cases) {
            lumaStep(60, 70);
            DeblockingInput in = new DeblockingInput(2, 1);
            in.setInter(0, 0, 30, 0, 5, 5);
            in.setInter(1, 0, 30, 0, 5 + c[0], 5 + c[1]);
            filter(in);
            int[] expected = c[2] == 1 ? new int[] {60, 60, 61, 63, 67, 69, 70, 70}
                    : new int[] {60, 60, 60, 60, 70, 70, 70, 70};
            for (int r = 0; r < H; r++) {
                assertThat(lumaRow(r, 12, 20)).as("mv difference %d,%d row %d", c[0], c[1], r)
                        .containsExactly(expected);
            }
        }
    }

    @Test
    void partitionMotionGivesInternalEdgesBs1() {
        // 16x8 partitions whose vectors differ by 4 vertically: the internal horizontal edge at y = 8 gets bS 1,
        // the one at y = 4 and y = 12 stay 0. One macroblock, luma 60 above y = 8 and 70 below.
        byte[] y1 = new byte[256];
        for (int i = 0; i < 256; i++) {
            y1[i] = (byte) (i < 128 ? 60 : 70);
        }
        byte[] c1 = new byte[64];
        Arrays.fill(c1, (byte) 128);
        byte[] c2 = c1.clone();
        DeblockingInput in = new DeblockingInput(1, 1);
        in.setInter(0, 0, 30, 0, 0, 0);
        in.setMotion(0, 0, 0, 2, 4, 2, 0, 4);
        new Deblocker().filterFrame(y1, 16, c1, c2, 8, 1, 1, in);
        int[] column = new int[16];
        for (int x = 0; x < 16; x++) {
            for (int r = 0; r < 16; r++) {
                column[r] = y1[r * 16 + x] & 0xff;
            }
            assertThat(column).as("column %d", x)
                    .containsExactly(60, 60, 60, 60, 60, 60, 61, 63, 67, 69, 70, 70, 70, 70, 70, 70);
        }
    }

    @Test
    void bs0LeavesEverythingUntouched() {
        // Inter macroblocks without coefficients and with close vectors: every bS is 0, whatever the samples.
        Random rnd = new Random(7);
        byte[] y1 = new byte[48 * 32];
        byte[] u1 = new byte[24 * 16];
        byte[] v1 = new byte[24 * 16];
        rnd.nextBytes(y1);
        rnd.nextBytes(u1);
        rnd.nextBytes(v1);
        byte[] y0 = y1.clone();
        byte[] u0 = u1.clone();
        byte[] v0 = v1.clone();
        DeblockingInput in = new DeblockingInput(3, 2);
        for (int mbY = 0; mbY < 2; mbY++) {
            for (int mbX = 0; mbX < 3; mbX++) {
                in.setInter(mbX, mbY, 40, 0, 10 + mbX, -20 - mbY * 3);
            }
        }
        in.setMotion(1, 1, 2, 0, 2, 4, 12, -20);
        new Deblocker().filterFrame(y1, 48, u1, v1, 24, 3, 2, in);
        assertThat(y1).isEqualTo(y0);
        assertThat(u1).isEqualTo(u0);
        assertThat(v1).isEqualTo(v0);
    }

    @Test
    void pictureEdgesAreNotFiltered() {
        // One intra macroblock at QP 40 (alpha 80, beta 15; chroma QPc 36: alpha 63, beta 11). Each luma row is
        // 4-sample runs 100, 10, 200, 105: the internal vertical edges are steps of at least alpha (left alone), the
        // rows are identical (horizontal edges see no step). A filter that treated x = 0 as an edge would wrap
        // into the previous row and see 105 | 100 there, well inside alpha and beta, and change it. Chroma rows are
        // 100 100 100 100 180 180 102 102 for the same reason (wrap: 102 102 | 100 100). Padding columns must stay.
        int stride = 20;
        int strideC = 11;
        byte[] y1 = new byte[stride * 16];
        byte[] u1 = new byte[strideC * 8];
        Arrays.fill(y1, (byte) 101);
        Arrays.fill(u1, (byte) 101);
        int[] runs = {100, 10, 200, 105};
        int[] chromaRow = {100, 100, 100, 100, 180, 180, 102, 102};
        for (int r = 0; r < 16; r++) {
            for (int x = 0; x < 16; x++) {
                y1[r * stride + x] = (byte) runs[x / 4];
            }
        }
        for (int r = 0; r < 8; r++) {
            for (int x = 0; x < 8; x++) {
                u1[r * strideC + x] = (byte) chromaRow[x];
            }
        }
        byte[] v1 = u1.clone();
        byte[] y0 = y1.clone();
        byte[] u0 = u1.clone();
        DeblockingInput in = new DeblockingInput(1, 1);
        in.setIntra(0, 0, 40);
        new Deblocker().filterFrame(y1, stride, u1, v1, strideC, 1, 1, in);
        assertThat(y1).isEqualTo(y0);
        assertThat(u1).isEqualTo(u0);
        assertThat(v1).isEqualTo(u0);
    }

    @Test
    void lowQpDisablesTheFilter() {
        // indexA < 16 gives alpha 0 (Table 8-16): nothing is filtered, even all-intra with gentle random content.
        Random rnd = new Random(11);
        byte[] y1 = new byte[32 * 32];
        byte[] u1 = new byte[16 * 16];
        byte[] v1 = new byte[16 * 16];
        for (byte[] p : new byte[][] {y1, u1, v1}) {
            for (int i = 0; i < p.length; i++) {
                p[i] = (byte) (100 + rnd.nextInt(3));
            }
        }
        byte[] y0 = y1.clone();
        byte[] u0 = u1.clone();
        byte[] v0 = v1.clone();
        DeblockingInput in = new DeblockingInput(2, 2);
        in.setIntra(0, 0, 15);
        in.setIntra(1, 0, 0);
        in.setIntra(0, 1, 15);
        in.setIntra(1, 1, 12);
        new Deblocker().filterFrame(y1, 32, u1, v1, 16, 2, 2, in);
        assertThat(y1).isEqualTo(y0);
        assertThat(u1).isEqualTo(u0);
        assertThat(v1).isEqualTo(v0);
    }

    @Test
    void qpAverageRoundsUp() {
        // Intra | intra at QPs 15 and 16: qPav = (15 + 16 + 1) >> 1 = 16, alpha 4, beta 2 (Table 8-16), so the
        // edge step 100 | 102 is filtered with bS 4, strong form (2 < (4 >> 2) + 2): p2..p0 = 100 101 101,
        // q0..q2 = 101 102 102. With 15 | 15 (qPav 15, alpha 0) it stays. Internal edges are flat.
        lumaStep(100, 102);
        DeblockingInput in = new DeblockingInput(2, 1);
        in.setIntra(0, 0, 15);
        in.setIntra(1, 0, 16);
        filter(in);
        for (int r = 0; r < H; r++) {
            assertThat(lumaRow(r, 12, 20)).as("row %d", r).containsExactly(100, 100, 101, 101, 101, 102, 102, 102);
        }
        lumaStep(100, 102);
        in.setIntra(1, 0, 15);
        filter(in);
        for (int r = 0; r < H; r++) {
            assertThat(lumaRow(r, 12, 20)).as("row %d", r).containsExactly(100, 100, 100, 100, 102, 102, 102, 102);
        }
    }

    @Test
    void rasterBitFollowsTheBlockScan() {
        // §6.4.3: luma4x4BlkIdx walks 8x8 quadrants in raster order, 4x4 blocks in raster order inside each.
        int[] rasterOfBlkIdx = {0, 1, 4, 5, 2, 3, 6, 7, 8, 9, 12, 13, 10, 11, 14, 15};
        for (int i = 0; i < 16; i++) {
            assertThat(DeblockingInput.rasterBit(i)).as("blkIdx %d", i).isEqualTo(1 << rasterOfBlkIdx[i]);
        }
    }
}
