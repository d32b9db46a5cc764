package dev.parley.rtc.jitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DelayEstimatorTest {

    private static final long MS = 1_000_000L;
    private static final AudioJitterConfig CONFIG = AudioJitterConfig.defaults(1);

    @Test
    void constantTransitHasNoJitterAndTheMinimumTarget() {
        DelayEstimator e = new DelayEstimator();
        for (int i = 0; i < 100; i++) {
            e.add(960L * i, 50 * MS + 20 * MS * i);
        }
        assertThat(e.jitterMs()).isZero();
        assertThat(e.p95ExcessMs()).isZero();
        assertThat(e.targetMs(CONFIG)).isEqualTo(20);
    }

    @Test
    void initialTargetUntilEnoughArrivals() {
        DelayEstimator e = new DelayEstimator();
        for (int i = 0; i < DelayEstimator.MIN_SAMPLES - 1; i++) {
            e.add(960L * i, 20 * MS * i);
        }
        assertThat(e.targetMs(CONFIG)).isEqualTo(60);
    }

    @Test
    void rfc3550JitterConvergesToTheTransitDifference() {
        // Transit alternates 0 and 10 ms: every |D| is 10 ms, so J -> 10 ms (RFC 3550 §6.4.1).
        DelayEstimator e = new DelayEstimator();
        for (int i = 0; i < 400; i++) {
            e.add(960L * i, 20 * MS * i + (i % 2) * 10 * MS);
        }
        assertThat(e.jitterMs()).isCloseTo(10, within(0.01));
        assertThat(e.p95ExcessMs()).isCloseTo(10, within(1e-9));
        // max(p95 10, 3 J 30) + one 20 ms frame.
        assertThat(e.targetMs(CONFIG)).isCloseTo(50, within(0.1));
    }

    @Test
    void timestampWrapAroundIsHarmless() {
        DelayEstimator e = new DelayEstimator();
        long ts = 0xFFFF_FFFFL - 960L * 50;
        for (int i = 0; i < 100; i++) {
            e.add(ts + 960L * i, 20 * MS * i);
        }
        assertThat(e.jitterMs()).isZero();
        assertThat(e.p95ExcessMs()).isZero();
    }

    @Test
    void targetIsClampedToTheMaximum() {
        DelayEstimator e = new DelayEstimator();
        for (int i = 0; i < 100; i++) {
            e.add(960L * i, 20 * MS * i + (i % 2) * 900 * MS);
        }
        assertThat(e.targetMs(CONFIG)).isEqualTo(400);
    }

    @Test
    void outliersAreIgnoredUntilTheyPersist() {
        DelayEstimator e = new DelayEstimator();
        for (int i = 0; i < 50; i++) {
            e.add(960L * i, 20 * MS * i);
        }
        // One garbage timestamp (an hour off) and one in the other direction: left out.
        e.add(960L * 50 + 48_000L * 3600, 20 * MS * 50);
        e.add(960L * 51 - 48_000L * 3600, 20 * MS * 51);
        assertThat(e.outliers()).isEqualTo(2);
        e.add(960L * 52, 20 * MS * 52);
        assertThat(e.jitterMs()).isZero();
        assertThat(e.samples()).isEqualTo(51);
        // A new timestamp base that persists: the estimator restarts from it.
        for (int i = 53; i < 60; i++) {
            e.add(960L * i + 1_000_000_000L, 20 * MS * i);
        }
        assertThat(e.samples()).isEqualTo(5);
        assertThat(e.jitterMs()).isZero();
    }
}
