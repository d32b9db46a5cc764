package dev.parley.rtc.codec.h264.decoder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.rtc.codec.h264.encoder.InterpolationReference;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Inter prediction from a bordered reference {@link Picture} against the spec computed one sample at a time with
 * clamped coordinates ({@link InterpolationReference}): every fractional position, every partition size, vectors near
 * and far beyond every edge.
 */
class InterPredictionTest {
    private static final int[][] SIZES = {{16, 16}, {16, 8}, {8, 16}, {8, 8}, {8, 4}, {4, 8}, {4, 4}};

    @Test
    void lumaMatchesTheSpecForEveryPositionAndVector() {
        Random rnd = new Random(11);
        Picture ref = randomPicture(rnd, 48, 32);
        byte[] plain = plane(ref.y, ref.originY, ref.strideY, 48, 32);
        LumaInterpolator interpolator = new LumaInterpolator();
        byte[] got = new byte[16 * 16];
        byte[] want = new byte[16 * 16];
        for (int trial = 0; trial < 20_000; trial++) {
            int[] size = SIZES[rnd.nextInt(SIZES.length)];
            int w = size[0];
            int h = size[1];
            int x = rnd.nextInt(48 / w) * w;
            int y = rnd.nextInt(32 / h) * h;
            int range = rnd.nextInt(4) == 0 ? 4000 : 200; // quarter samples: mostly near, some far outside
            int mvx = rnd.nextInt(2 * range + 1) - range;
            int mvy = rnd.nextInt(2 * range + 1) - range;
            interpolator.predict(ref, x, y, mvx, mvy, w, h, got, 0, 16);
            InterpolationReference.predictLuma(plain, 48, 48, 32, x, y, mvx, mvy, w, h, want, 0, 16);
            for (int j = 0; j < h; j++) {
                for (int i = 0; i < w; i++) {
                    assertThat(got[j * 16 + i]).as("block %dx%d at %d,%d mv %d,%d sample %d,%d", w, h, x, y, mvx, mvy,
                            i, j).isEqualTo(want[j * 16 + i]);
                }
            }
        }
    }

    @Test
    void chromaMatchesTheSpecForEveryPositionAndVector() {
        Random rnd = new Random(12);
        Picture ref = randomPicture(rnd, 48, 32);
        byte[] plain = plane(ref.u, ref.originC, ref.strideC, 24, 16);
        byte[] got = new byte[8 * 8];
        byte[] want = new byte[8 * 8];
        for (int trial = 0; trial < 20_000; trial++) {
            int[] size = SIZES[rnd.nextInt(SIZES.length)];
            int w = size[0] / 2;
            int h = size[1] / 2;
            int x = rnd.nextInt(24 / w) * w;
            int y = rnd.nextInt(16 / h) * h;
            int range = rnd.nextInt(4) == 0 ? 4000 : 200;
            int mvx = rnd.nextInt(2 * range + 1) - range;
            int mvy = rnd.nextInt(2 * range + 1) - range;
            ref.predictChroma(ref.u, x, y, mvx, mvy, w, h, got, 0, 8);
            InterpolationReference.predictChroma(plain, 24, 24, 16, x, y, mvx, mvy, w, h, want, 0, 8);
            for (int j = 0; j < h; j++) {
                for (int i = 0; i < w; i++) {
                    assertThat(got[j * 8 + i]).as("block %dx%d at %d,%d mv %d,%d", w, h, x, y, mvx, mvy)
                            .isEqualTo(want[j * 8 + i]);
                }
            }
        }
    }

    /** A picture of random samples (with some flat areas and extremes, for the clipping) and its borders filled. */
    private static Picture randomPicture(Random rnd, int w, int h) {
        Picture p = new Picture(w, h);
        fill(rnd, p.y, p.originY, p.strideY, w, h);
        fill(rnd, p.u, p.originC, p.strideC, w / 2, h / 2);
        fill(rnd, p.v, p.originC, p.strideC, w / 2, h / 2);
        p.extendBorders();
        return p;
    }

    private static void fill(Random rnd, byte[] plane, int origin, int stride, int w, int h) {
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = switch (rnd.nextInt(6)) {
                    case 0 -> 0;
                    case 1 -> 255;
                    default -> rnd.nextInt(256);
                };
                plane[origin + y * stride + x] = (byte) v;
            }
        }
    }

    private static byte[] plane(byte[] src, int origin, int stride, int w, int h) {
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(src, origin + y * stride, out, y * w, w);
        }
        return out;
    }
}
