package dev.parley.rtc.codec.h264.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The shortcuts of InverseTransform give exactly what the full §8.5.12.2 path gives. */
class XformFastPathTest {
    @Test
    void reconstructAndDcShortcutEqualTheFullTransform() {
        Random rnd = new Random(20);
        int[] coef = new int[16];
        int[] pred = new int[64];
        byte[] full = new byte[64];
        byte[] fast = new byte[64];
        byte[] dcOnly = new byte[64];
        for (int round = 0; round < 20000; round++) {
            Arrays.fill(coef, 0);
            int kind = rnd.nextInt(3); // all zero, DC only, general
            if (kind >= 1) {
                coef[0] = nonZero(rnd, 4000);
            }
            if (kind == 2) {
                coef[1 + rnd.nextInt(15)] = nonZero(rnd, 1000);
            }
            for (int i = 0; i < 64; i++) {
                pred[i] = rnd.nextInt(256);
            }
            rnd.nextBytes(full);
            System.arraycopy(full, 0, fast, 0, 64);
            System.arraycopy(full, 0, dcOnly, 0, 64);
            int off = rnd.nextInt(4) * 8 + rnd.nextInt(4);
            InverseTransform.idct4x4AddPred(coef, 0, pred, off, 8, full, off, 8);
            InverseTransform.reconstruct4x4(coef, 0, pred, off, 8, fast, off, 8);
            assertThat(fast).containsExactly(full);
            if (kind < 2) {
                InverseTransform.dcAddPred(coef[0], pred, off, 8, dcOnly, off, 8);
                assertThat(dcOnly).containsExactly(full);
            }
            if (kind == 0) {
                assertThat(Block4x4.isZero(coef, 0, 16)).isTrue();
                byte[] copied = dcOnly.clone();
                InverseTransform.copyPred(pred, off, 8, copied, off, 8);
                assertThat(copied).containsExactly(full);
            } else {
                assertThat(Block4x4.isZero(coef, 0, 16)).isFalse();
            }
        }
    }

    private static int nonZero(Random rnd, int max) {
        int v = rnd.nextInt(max) + 1;
        return rnd.nextBoolean() ? v : -v;
    }

    @Test
    void copyPredCopiesARegionAndNothingElse() {
        int[] pred = new int[16 * 16];
        for (int i = 0; i < pred.length; i++) {
            pred[i] = (i * 7) & 0xFF;
        }
        byte[] plane = new byte[32 * 20];
        Arrays.fill(plane, (byte) 3);
        InverseTransform.copyPred(pred, 0, 16, plane, 2 * 32 + 5, 32, 16, 16);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 32; x++) {
                boolean inside = x >= 5 && x < 21 && y >= 2 && y < 18;
                int want = inside ? pred[(y - 2) * 16 + x - 5] : 3;
                assertThat(plane[y * 32 + x] & 0xFF).isEqualTo(want);
            }
        }
    }

    @Test
    void isZeroLooksOnlyAtItsRange() {
        int[] a = new int[20];
        a[3] = 1;
        a[20 - 1] = -1;
        assertThat(Block4x4.isZero(a, 4, 15)).isTrue();
        assertThat(Block4x4.isZero(a, 3, 16)).isFalse();
        assertThat(Block4x4.isZero(a, 4, 16)).isFalse();
    }
}
