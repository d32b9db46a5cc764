package dev.parley.rtc.codec.h264.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XformDecimationTest {
    private static int[] levels(int... nonZeroPairs) { // scan position, level, ...
        int[] l = new int[16];
        for (int i = 0; i < nonZeroPairs.length; i += 2) {
            l[nonZeroPairs[i]] = nonZeroPairs[i + 1];
        }
        return l;
    }

    @Test
    void isolatedOnesCostByTheirRun() {
        assertThat(Decimation.score(new int[16], 0, 0)).isZero();
        assertThat(Decimation.score(levels(0, 1), 0, 0)).isEqualTo(3); // run 0
        assertThat(Decimation.score(levels(2, -1), 0, 0)).isEqualTo(2); // run 2
        assertThat(Decimation.score(levels(5, 1), 0, 0)).isEqualTo(1); // run 5
        assertThat(Decimation.score(levels(6, 1), 0, 0)).isZero(); // run 6: noise
        assertThat(Decimation.score(levels(15, -1), 0, 0)).isZero();
        // runs 0, 0 (after pos 0), 2 (pos 2 and 3 skipped): 3 + 3 + 2
        assertThat(Decimation.score(levels(0, 1, 1, -1, 4, 1), 0, 0)).isEqualTo(8);
    }

    @Test
    void anyLargerLevelKeepsTheBlock() {
        int score = Decimation.score(levels(0, 1, 14, 2), 0, 0);
        assertThat(score).isEqualTo(Decimation.KEEP);
        assertThat(Decimation.worthCoding(score, Decimation.LUMA_MB_THRESHOLD)).isTrue();
        assertThat(Decimation.score(levels(9, -5), 0, 0)).isEqualTo(Decimation.KEEP);
    }

    @Test
    void acBlocksCountRunsFromScanPositionOneAndIgnoreTheDcSlot() {
        int[] l = levels(0, 7, 1, 1);
        assertThat(Decimation.score(l, 0, 1)).isEqualTo(3);
        int[] shifted = new int[20];
        System.arraycopy(levels(0, 7, 4, 1), 0, shifted, 4, 16);
        assertThat(Decimation.score(shifted, 4, 1)).isEqualTo(1); // run 3 after position 0
    }

    @Test
    void thresholdsDropSparseRegionsAndKeepDenseOnes() {
        // One ±1 at run 0 in a 8x8 quadrant: 3 < 4, dropped; two of them: 6, kept.
        int one = Decimation.score(levels(0, 1), 0, 0);
        assertThat(Decimation.worthCoding(one, Decimation.LUMA_8X8_THRESHOLD)).isFalse();
        assertThat(Decimation.worthCoding(one + one, Decimation.LUMA_8X8_THRESHOLD)).isTrue();
        assertThat(Decimation.worthCoding(0, Decimation.CHROMA_AC_THRESHOLD)).isFalse();
    }
}
