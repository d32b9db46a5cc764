package dev.parley.rtc.codec.h264.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fused inter path (residual, core transform and dead-zone check in one pass) computes what the separate steps
 * compute, and says "all zero" only for blocks the quantiser really turns into zeros, at every QP.
 */
class InterBlockTransformTest {

    @Test
    void matchesTheSeparateStepsAndOnlySkipsAllZeroBlocks() {
        Random rnd = new Random(3);
        byte[] src = new byte[64 * 64];
        int[] pred = new int[256];
        int[] fused = new int[32];
        int[] residual = new int[16];
        int[] coef = new int[16];
        int[] levels = new int[16];
        int skipped = 0;
        int coded = 0;
        for (int trial = 0; trial < 20_000; trial++) {
            int qp = rnd.nextInt(52);
            int spread = 1 + rnd.nextInt(trial % 3 == 0 ? 4 : 64);
            int off = rnd.nextInt(60) * 64 + rnd.nextInt(60);
            int pOff = rnd.nextInt(4) * 64 + rnd.nextInt(4) * 4;
            for (int row = 0; row < 4; row++) {
                for (int col = 0; col < 4; col++) {
                    int p = rnd.nextInt(256);
                    pred[pOff + row * 16 + col] = p;
                    int v = Math.max(0, Math.min(255, p + rnd.nextInt(2 * spread + 1) - spread));
                    src[off + row * 64 + col] = (byte) v;
                    residual[row * 4 + col] = v - p;
                }
            }
            ForwardTransform.core4x4(residual, 0, coef, 0);
            int nonZero = Quantizer.quant4x4(coef, 0, qp, false, levels, 0, 0);
            Arrays.fill(fused, 7);
            boolean mayCode = ResidualCoder.transformInter(src, off, 64, pred, pOff, 16, fused, 16,
                    zeroSad(qp), zeroMax(qp));
            if (!mayCode) {
                skipped++;
                assertThat(nonZero).as("trial %d: a block said to vanish has levels", trial).isZero();
            } else {
                coded++;
                assertThat(Arrays.copyOfRange(fused, 16, 32)).as("trial %d", trial).isEqualTo(coef);
            }
        }
        assertThat(skipped).isGreaterThan(1000);
        assertThat(coded).isGreaterThan(1000);
    }

    private static int zeroSad(int qp) {
        return DeadZoneBounds.interBlockSad(qp);
    }

    private static int[] zeroMax(int qp) {
        return DeadZoneBounds.interCoefficients(qp);
    }
}
