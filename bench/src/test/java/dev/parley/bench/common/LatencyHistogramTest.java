package dev.parley.bench.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void bucketsCoverEveryValueInOrder() {
        int previous = -1;
        for (long v : new long[] {0, 1, 127, 128, 129, 255, 256, 1_000, 1_000_000, 10_000_000_000L, Long.MAX_VALUE}) {
            int index = LatencyHistogram.index(v);
            assertThat(index).isGreaterThanOrEqualTo(previous);
            assertThat(LatencyHistogram.lowerBound(index)).isLessThanOrEqualTo(v);
            previous = index;
        }
    }

    @Test
    void percentilesAreWithinOnePercent() {
        LatencyHistogram h = new LatencyHistogram();
        for (long micros = 1; micros <= 10_000; micros++) {
            h.record(micros * 1_000);
        }
        assertThat(h.count()).isEqualTo(10_000);
        assertThat((double) h.percentileNanos(0.50)).isCloseTo(5_000_000, within(50_000.0));
        assertThat((double) h.percentileNanos(0.99)).isCloseTo(9_900_000, within(99_000.0));
        assertThat(h.maxNanos()).isEqualTo(10_000_000);
        assertThat(h.percentileNanos(1.0)).isLessThanOrEqualTo(h.maxNanos());
    }

    @Test
    void emptyHistogramReportsZero() {
        LatencyHistogram h = new LatencyHistogram();
        assertThat(h.percentileNanos(0.99)).isZero();
        assertThat(h.meanNanos()).isZero();
    }
}
