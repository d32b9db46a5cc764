package dev.parley.rtc.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 3711 §3.3.1 / Appendix A index estimation. */
class IndexEstimationTest {

    private static SsrcState at(long highest) {
        SsrcState s = new SsrcState(1, 0, 0);
        s.update(highest);
        return s;
    }

    @Test
    void firstPacketHasRocZero() {
        assertThat(new SsrcState(1, 0, 0).estimateIndex(65535)).isEqualTo(65535);
    }

    @Test
    void choosesTheNearestOfRocMinusOneRocAndRocPlusOne() {
        long roc5 = 5L << 16;
        assertThat(at(roc5 | 100).estimateIndex(101)).isEqualTo(roc5 | 101);
        assertThat(at(roc5 | 100).estimateIndex(65000)).isEqualTo((4L << 16) | 65000); // late, before the wrap
        assertThat(at(roc5 | 65000).estimateIndex(3)).isEqualTo((6L << 16) | 3);      // wrapped
        assertThat(at(roc5 | 65000).estimateIndex(64000)).isEqualTo(roc5 | 64000);
        // s_l = 40000 >= 32768: SEQ below s_l - 32768 = 7232 is taken as wrapped (ROC + 1)
        assertThat(at(roc5 | 40000).estimateIndex(7232)).isEqualTo(roc5 | 7232);
        assertThat(at(roc5 | 40000).estimateIndex(7231)).isEqualTo((6L << 16) | 7231);
        // s_l = 1000 < 32768: SEQ more than 32768 above s_l is taken as late (ROC - 1)
        assertThat(at(roc5 | 1000).estimateIndex(33768)).isEqualTo(roc5 | 33768);
        assertThat(at(roc5 | 1000).estimateIndex(33769)).isEqualTo((4L << 16) | 33769);
    }

    @Test
    void rocMinusOneBelowZeroIsRejected() {
        assertThat(at(100).estimateIndex(65000)).isEqualTo(-1);
    }

    @Test
    void rocCannotPassTwoToThe32() {
        assertThat(at((0xFFFF_FFFFL << 16) | 65000).estimateIndex(3)).isEqualTo(-1);
    }
}
