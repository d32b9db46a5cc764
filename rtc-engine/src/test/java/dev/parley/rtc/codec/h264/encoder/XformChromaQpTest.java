package dev.parley.rtc.codec.h264.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import org.jcodec.codecs.h264.H264Const;
import org.junit.jupiter.api.Test;

class XformChromaQpTest {
    @Test
    void matchesTable8_15() {
        // H.264 Table 8-15: qPI < 30 -> QPc = qPI; qPI 30..51 ->
        int[] above = {29, 30, 31, 32, 32, 33, 34, 34, 35, 35, 36, 36, 37, 37, 37, 38, 38, 38, 39, 39, 39, 39};
        for (int qpi = 0; qpi <= 51; qpi++) {
            int want = qpi < 30 ? qpi : above[qpi - 30];
            assertThat(ChromaQp.fromQpi(qpi)).as("qPI %d", qpi).isEqualTo(want);
            assertThat(ChromaQp.qpc(qpi, 0)).isEqualTo(want);
        }
    }

    @Test
    void matchesJcodecAndClipsQpiWithTheOffset() {
        for (int qpY = 0; qpY <= 51; qpY++) {
            for (int offset = -12; offset <= 12; offset++) {
                int qpi = Math.max(0, Math.min(51, qpY + offset));
                assertThat(ChromaQp.qpc(qpY, offset)).isEqualTo(H264Const.QP_SCALE_CR[qpi]);
            }
        }
        assertThat(ChromaQp.qpc(51, 12)).isEqualTo(39);
        assertThat(ChromaQp.qpc(3, -12)).isZero();
    }
}
