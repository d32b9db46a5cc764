package dev.parley.capture.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.rtc.media.VideoFrame;
import dev.parley.rtc.media.synthetic.FrameStamp;
import org.junit.jupiter.api.Test;

class TestPatternStampTest {

    @Test
    void readsBothBandsBackFromAFrame() {
        VideoFrame frame = VideoFrame.black(640, 480, 0);
        FrameStamp.write(frame, 1234, 0);
        FrameStamp.write(frame, TestPatternStamp.captureStamp(1_700_000_123_456L), 1);

        TestPatternStamp stamp = TestPatternStamp.read(frame);

        assertThat(stamp).isEqualTo(new TestPatternStamp(1234, (int) (1_700_000_123_456L % (1 << 24))));
        assertThat(stamp.latencyMillis(1_700_000_123_456L + 87)).isEqualTo(87);
    }

    @Test
    void aFrameWithoutStampsReadsAsNull() {
        assertThat(TestPatternStamp.read(VideoFrame.black(640, 480, 0))).isNull();
        VideoFrame onlyNumber = VideoFrame.black(640, 480, 0);
        FrameStamp.write(onlyNumber, 5, 0);
        assertThat(TestPatternStamp.read(onlyNumber)).isNull();
    }

    @Test
    void latencyIsCorrectAcrossTheWrapOfTheMillisecondStamp() {
        int captured = TestPatternStamp.MODULUS - 10;
        long nowAfterWrap = 5L * TestPatternStamp.MODULUS + 30;

        assertThat(TestPatternStamp.latencyMillis(captured, nowAfterWrap)).isEqualTo(40);
        assertThat(TestPatternStamp.latencyMillis(7, 3L * TestPatternStamp.MODULUS + 7)).isZero();
    }

    @Test
    void framesSinceCountsAcrossTheWrapOfTheFrameNumber() {
        TestPatternStamp last = new TestPatternStamp(TestPatternStamp.MODULUS - 1, 0);
        TestPatternStamp next = new TestPatternStamp(1, 0);

        assertThat(next.framesSince(last)).isEqualTo(2);
    }
}
