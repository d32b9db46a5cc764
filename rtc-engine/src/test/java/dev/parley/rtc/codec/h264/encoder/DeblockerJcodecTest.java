package dev.parley.rtc.codec.h264.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.jcodec.codecs.h264.H264Const;
import org.jcodec.codecs.h264.H264Utils.Mv;
import org.jcodec.codecs.h264.decode.DeblockerInput;
import org.jcodec.codecs.h264.decode.deblock.DeblockingFilter;
import org.jcodec.codecs.h264.io.model.Frame;
import org.jcodec.codecs.h264.io.model.MBType;
import org.jcodec.codecs.h264.io.model.SeqParameterSet;
import org.jcodec.codecs.h264.io.model.SliceHeader;
import org.jcodec.codecs.h264.io.model.SliceType;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.junit.jupiter.api.Test;

/**
 * {@link Deblocker} against jcodec 0.2.5's decoder-side deblocking filter (a test-only oracle), driven with the same
 * random pictures and per-macroblock descriptions. jcodec's input is what its decoder fills: MB types (null for
 * P_Skip), total coefficients per 4x4 block, packed list-0/list-1 vectors with reference index (-1 = list unused),
 * the reference pictures per macroblock (compared by identity), QP per colour component, one slice header per
 * macroblock. Its pictures store samples minus 128 as signed bytes.
 */
class DeblockerJcodecTest {
    private static final int I16 = 0;
    private static final int I4 = 1;
    private static final int P16 = 2;
    private static final int SKIP = 3;
    private static final int P8x8 = 4;
    private static final int P16x8 = 5;
    private static final int P8x16 = 6;

    @Test
    void tablesAgreeWithJcodec() {
        assertThat(Deblocker.ALPHA).containsExactly(DeblockingFilter.alphaTab);
        assertThat(Deblocker.BETA).containsExactly(DeblockingFilter.betaTab);
        for (int bs = 1; bs <= 3; bs++) {
            assertThat(Arrays.copyOfRange(Deblocker.TC0, bs * 52, bs * 52 + 52)).as("tC0 for bS %d", bs)
                    .containsExactly(DeblockingFilter.tcs[bs - 1]);
        }
        assertThat(Deblocker.CHROMA_QP).containsExactly(H264Const.QP_SCALE_CR);
    }

    @Test
    void randomPicturesMatchJcodec() {
        Random rnd = new Random(0x5eb10c);
        long changed = 0;
        for (int iter = 0; iter < 400; iter++) {
            changed += runOne(rnd, iter);
        }
        // The content is built so that much of it gets filtered; a no-op filter must not pass.
        assertThat(changed).isGreaterThan(100_000);
    }

    /** One random picture, filtered by both; returns how many samples the filter changed. */
    private static int runOne(Random rnd, int iter) {
        int mbW = 1 + rnd.nextInt(5);
        int mbH = 1 + rnd.nextInt(4);
        int w = mbW * 16;
        int h = mbH * 16;
        int cw = w / 2;
        int ch = h / 2;
        int mbs = mbW * mbH;

        // Picture kind: 0 = all intra, 1 = all inter, 2 = mixed.
        int pictureKind = iter % 3;
        int baseQp = rnd.nextInt(52);
        int qpSpread = rnd.nextInt(3) == 0 ? 52 : 1 + rnd.nextInt(6);
        int baseMvX = rnd.nextInt(129) - 64;
        int baseMvY = rnd.nextInt(129) - 64;
        int mvSpread = 1 + rnd.nextInt(8);
        int nzPercent = rnd.nextInt(60);

        // Oracle input.
        SeqParameterSet sps = new SeqParameterSet();
        sps.picWidthInMbsMinus1 = mbW - 1;
        sps.picHeightInMapUnitsMinus1 = mbH - 1;
        sps.frameMbsOnlyFlag = true;
        SliceHeader sh = new SliceHeader();
        sh.sps = sps;
        sh.disableDeblockingFilterIdc = 0;
        sh.sliceAlphaC0OffsetDiv2 = 0;
        sh.sliceBetaOffsetDiv2 = 0;
        DeblockerInput di = new DeblockerInput(sps);
        Arrays.fill(di.shs, sh);
        Frame ref = new Frame(16, 16, new byte[][] {new byte[256], new byte[64], new byte[64]}, ColorSpace.YUV420J,
                null, 0, SliceType.P, null, null, 0);
        Frame[][] refs = {{ref}, {}};
        int noMv = Mv.packMv(0, 0, -1);

        DeblockingInput mine = new DeblockingInput(mbW, mbH);

        for (int mbY = 0; mbY < mbH; mbY++) {
            for (int mbX = 0; mbX < mbW; mbX++) {
                int mb = mbY * mbW + mbX;
                int kind;
                if (pictureKind == 0) {
                    kind = rnd.nextInt(2);
                } else if (pictureKind == 1) {
                    kind = 2 + rnd.nextInt(5);
                } else {
                    kind = rnd.nextInt(7);
                }
                int qp = clamp(baseQp + rnd.nextInt(2 * qpSpread + 1) - qpSpread, 0, 51);
                di.mbQps[0][mb] = qp;
                di.mbQps[1][mb] = H264Const.QP_SCALE_CR[qp];
                di.mbQps[2][mb] = H264Const.QP_SCALE_CR[qp];
                if (kind == I16 || kind == I4) {
                    di.mbTypes[mb] = kind == I16 ? MBType.I_16x16 : MBType.I_NxN;
                    mine.setIntra(mbX, mbY, qp);
                    for (int b = 0; b < 16; b++) {
                        int bx = mbX * 4 + (b & 3);
                        int by = mbY * 4 + (b >> 2);
                        // An intra MB's coefficients and vectors must not matter: give it junk.
                        di.nCoeff[by][bx] = rnd.nextInt(3);
                        di.mvs.setMv(bx, by, 0, noMv);
                        di.mvs.setMv(bx, by, 1, noMv);
                    }
                    continue;
                }
                di.mbTypes[mb] = switch (kind) {
                    case P16 -> MBType.P_16x16;
                    case SKIP -> null;
                    case P8x8 -> MBType.P_8x8;
                    case P16x8 -> MBType.P_16x8;
                    default -> MBType.P_8x16;
                };
                di.refsUsed[mb] = refs;
                int mvx = baseMvX + rnd.nextInt(2 * mvSpread + 1) - mvSpread;
                int mvy = baseMvY + rnd.nextInt(2 * mvSpread + 1) - mvSpread;
                int mask = 0;
                if (kind != SKIP) {
                    for (int b = 0; b < 16; b++) {
                        if (rnd.nextInt(100) < nzPercent) {
                            mask |= 1 << b;
                        }
                    }
                }
                mine.setInter(mbX, mbY, qp, mask, mvx, mvy);
                int[] partMvX = new int[16];
                int[] partMvY = new int[16];
                Arrays.fill(partMvX, mvx);
                Arrays.fill(partMvY, mvy);
                // Partitions in 4x4 units: {x4, y4, w4, h4}.
                int[][] parts = switch (kind) {
                    case P8x8 -> new int[][] {{0, 0, 2, 2}, {2, 0, 2, 2}, {0, 2, 2, 2}, {2, 2, 2, 2}};
                    case P16x8 -> new int[][] {{0, 0, 4, 2}, {0, 2, 4, 2}};
                    case P8x16 -> new int[][] {{0, 0, 2, 4}, {2, 0, 2, 4}};
                    default -> new int[0][];
                };
                for (int[] p : parts) {
                    int px = mvx + rnd.nextInt(11) - 5;
                    int py = mvy + rnd.nextInt(11) - 5;
                    mine.setMotion(mbX, mbY, p[0], p[1], p[2], p[3], px, py);
                    for (int j = 0; j < p[3]; j++) {
                        for (int i = 0; i < p[2]; i++) {
                            partMvX[(p[1] + j) * 4 + p[0] + i] = px;
                            partMvY[(p[1] + j) * 4 + p[0] + i] = py;
                        }
                    }
                }
                for (int b = 0; b < 16; b++) {
                    int bx = mbX * 4 + (b & 3);
                    int by = mbY * 4 + (b >> 2);
                    // jcodec counts coefficients; any count > 0 means "has non-zero levels".
                    di.nCoeff[by][bx] = (mask >> b & 1) != 0 ? 1 + rnd.nextInt(16) : 0;
                    di.mvs.setMv(bx, by, 0, Mv.packMv(partMvX[b], partMvY[b], 0));
                    di.mvs.setMv(bx, by, 1, noMv);
                }
            }
        }

        byte[] y = plane(rnd, w, h);
        byte[] u = plane(rnd, cw, ch);
        byte[] v = plane(rnd, cw, ch);

        // Oracle: jcodec's planes hold sample - 128.
        Picture pic = Picture.createPicture(w, h,
                new byte[][] {toSigned(y), toSigned(u), toSigned(v)}, ColorSpace.YUV420J);
        new DeblockingFilter(mbW, mbH, di).deblockFrame(pic);

        // Ours, with padded strides to check that nothing outside the picture is touched.
        int strideY = w + 7;
        int strideC = cw + 5;
        byte[] py = pad(y, w, h, strideY, (byte) 0x5a);
        byte[] pu = pad(u, cw, ch, strideC, (byte) 0x33);
        byte[] pv = pad(v, cw, ch, strideC, (byte) 0x44);
        new Deblocker().filterFrame(py, strideY, pu, pv, strideC, mbW, mbH, mine);

        int changed = 0;
        changed += compare("Y", iter, py, strideY, pic.getPlaneData(0), w, h, (byte) 0x5a, y);
        changed += compare("U", iter, pu, strideC, pic.getPlaneData(1), cw, ch, (byte) 0x33, u);
        changed += compare("V", iter, pv, strideC, pic.getPlaneData(2), cw, ch, (byte) 0x44, v);
        return changed;
    }

    /**
     * A plane of 4x4 blocks: mostly gentle steps between blocks (which the filter acts on), some hard ones (which
     * it leaves), some near 0 and 255 (clipping), with a little per-sample noise.
     */
    private static byte[] plane(Random rnd, int w, int h) {
        byte[] p = new byte[w * h];
        int base = rnd.nextInt(256);
        for (int by = 0; by < h; by += 4) {
            for (int bx = 0; bx < w; bx += 4) {
                int level;
                int r = rnd.nextInt(10);
                if (r == 0) {
                    level = rnd.nextInt(256);
                } else if (r == 1) {
                    level = rnd.nextBoolean() ? rnd.nextInt(6) : 250 + rnd.nextInt(6);
                } else {
                    level = base + rnd.nextInt(25) - 12;
                }
                int noise = rnd.nextInt(4);
                for (int j = 0; j < 4; j++) {
                    for (int i = 0; i < 4; i++) {
                        int s = level + (noise == 0 ? 0 : rnd.nextInt(2 * noise + 1) - noise);
                        p[(by + j) * w + bx + i] = (byte) clamp(s, 0, 255);
                    }
                }
            }
        }
        return p;
    }

    private static int compare(String name, int iter, byte[] mine, int stride, byte[] oracle, int w, int h,
            byte guard, byte[] input) {
        int changed = 0;
        for (int yy = 0; yy < h; yy++) {
            for (int xx = 0; xx < w; xx++) {
                int got = mine[yy * stride + xx] & 0xff;
                int want = oracle[yy * w + xx] + 128;
                if (got != want) {
                    throw new AssertionError(name + " differs at (" + xx + "," + yy + ") in case " + iter
                            + ": got " + got + ", jcodec " + want + ", input " + (input[yy * w + xx] & 0xff));
                }
                if (got != (input[yy * w + xx] & 0xff)) {
                    changed++;
                }
            }
            for (int xx = w; xx < stride; xx++) {
                assertThat(mine[yy * stride + xx]).as("%s padding at (%d,%d)", name, xx, yy).isEqualTo(guard);
            }
        }
        return changed;
    }

    private static byte[] toSigned(byte[] p) {
        byte[] s = new byte[p.length];
        for (int i = 0; i < p.length; i++) {
            s[i] = (byte) ((p[i] & 0xff) - 128);
        }
        return s;
    }

    private static byte[] pad(byte[] p, int w, int h, int stride, byte guard) {
        byte[] out = new byte[stride * h];
        Arrays.fill(out, guard);
        for (int yy = 0; yy < h; yy++) {
            System.arraycopy(p, yy * w, out, yy * stride, w);
        }
        return out;
    }

    private static int clamp(int x, int lo, int hi) {
        return Math.max(lo, Math.min(hi, x));
    }
}
