package dev.parley.rtc.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequenceArithmeticTest {
    @Test
    void serialComparisonAcrossTheWrap() {
        assertThat(SequenceNumbers.isNewer(1, 0)).isTrue();
        assertThat(SequenceNumbers.isNewer(0, 65535)).isTrue();
        assertThat(SequenceNumbers.isNewer(65535, 0)).isFalse();
        assertThat(SequenceNumbers.isNewer(5, 5)).isFalse();
        assertThat(SequenceNumbers.isNewer(0x8000, 0)).isTrue();
        assertThat(SequenceNumbers.isNewer(0, 0x8000)).isFalse();
        assertThat(SequenceNumbers.diff(2, 65534)).isEqualTo(4);
        assertThat(SequenceNumbers.diff(65534, 2)).isEqualTo(-4);
        assertThat(SequenceNumbers.latest(65530, 3)).isEqualTo(3);
        assertThat(SequenceNumbers.add(65535, 2)).isEqualTo(1);
    }

    @Test
    void unwrapsForwardBackwardAndReordered() {
        SequenceUnwrapper u = new SequenceUnwrapper();
        assertThat(u.unwrap(65534)).isEqualTo(65534);
        assertThat(u.unwrap(65535)).isEqualTo(65535);
        assertThat(u.unwrap(1)).isEqualTo(65537);
        assertThat(u.unwrap(65535)).isEqualTo(65535); // reordered from before the wrap
        assertThat(u.unwrap(0)).isEqualTo(65536);
        assertThat(u.peek(10)).isEqualTo(65546);
        long last = 65536;
        for (int i = 0; i < 5 * 65536; i += 1000) {
            last = u.unwrap((int) ((65536 + i) & 0xffff));
        }
        assertThat(last).isEqualTo(65536 + (5 * 65536 - 1) / 1000 * 1000);
        SequenceUnwrapper back = new SequenceUnwrapper();
        back.unwrap(2);
        assertThat(back.unwrap(65535)).isEqualTo(-1);
    }

    @Test
    void timestampsWrapAt32Bits() {
        assertThat(Timestamps.diff(10, 0xfffffff6L)).isEqualTo(20);
        assertThat(Timestamps.diff(0xfffffff6L, 10)).isEqualTo(-20);
        assertThat(Timestamps.isNewer(10, 0xfffffff6L)).isTrue();
        assertThat(Timestamps.isNewer(0xfffffff6L, 10)).isFalse();
        assertThat(Timestamps.add(0xffffffffL, 1)).isZero();
        TimestampUnwrapper u = new TimestampUnwrapper();
        assertThat(u.unwrap(0xffffff00L)).isEqualTo(0xffffff00L);
        assertThat(u.unwrap(0x100)).isEqualTo(0x1_0000_0100L);
        assertThat(u.unwrap(0xfffffff0L)).isEqualTo(0xfffffff0L);
    }
}
