package dev.parley.rtc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FreezeDetectorTest {

    private static final long MS = 1_000_000L;

    @Test
    void aGapOfMoreThanAverageAndAHundredFiftyMillisecondsIsOneFreeze() {
        FreezeDetector d = new FreezeDetector();
        long t = 0;
        for (int i = 0; i < 40; i++, t += 33 * MS) {
            d.onFrame(t);
        }
        assertThat(d.freezeCount()).isZero();
        t += 150 * MS; // 183 ms since the last frame: >= 33 + 150
        d.onFrame(t);
        assertThat(d.freezeCount()).isEqualTo(1);
        assertThat(d.totalFreezeSeconds()).isBetween(0.182, 0.184);
        assertThat(d.longestIntervalNanos()).isEqualTo(183 * MS);
        d.onFrame(t + 170 * MS); // 170 < 3 x (new average ~38) + ... not >= max(114, 188)
        assertThat(d.freezeCount()).isEqualTo(1);
    }

    @Test
    void aPauseIsNotAFreeze() {
        FreezeDetector d = new FreezeDetector();
        for (int i = 0; i < 10; i++) {
            d.onFrame(i * 33 * MS);
        }
        d.onPause(330 * MS);
        d.onFrame(5_000 * MS);
        assertThat(d.freezeCount()).isZero();
    }
}
