package dev.parley.ui.lobby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** dBFS to bar length, the bar's fall, the peak mark's hold and fall. */
class LevelMeterModelTest {

    private static final long MS = 1_000_000L;
    private final LevelMeterModel meter = new LevelMeterModel();

    @Test
    void decibelsMapLinearlyFromTheFloorToFullScale() {
        assertThat(LevelMeterModel.fraction(-100)).isZero();
        assertThat(LevelMeterModel.fraction(-60)).isZero();
        assertThat(LevelMeterModel.fraction(-45)).isCloseTo(0.25, within(1e-9));
        assertThat(LevelMeterModel.fraction(-30)).isCloseTo(0.5, within(1e-9));
        assertThat(LevelMeterModel.fraction(-6)).isCloseTo(0.9, within(1e-9));
        assertThat(LevelMeterModel.fraction(0)).isEqualTo(1);
        assertThat(LevelMeterModel.fraction(3)).as("never past the end").isEqualTo(1);
        assertThat(LevelMeterModel.fraction(Double.NaN)).isZero();
        assertThat(LevelMeterModel.fraction(Double.NEGATIVE_INFINITY)).isZero();
    }

    @Test
    void theBarJumpsUpAtOnceAndFallsGently() {
        meter.sample(-60, 0);
        meter.sample(-12, 50 * MS);
        assertThat(meter.levelProperty().get()).isCloseTo(0.8, within(1e-9));
        meter.sample(-100, 100 * MS);
        // 50 ms at 2 bar lengths per second: down by 0.1, not to zero.
        assertThat(meter.levelProperty().get()).isCloseTo(0.7, within(1e-9));
        meter.sample(-100, 500 * MS);
        assertThat(meter.levelProperty().get()).isZero();
    }

    @Test
    void thePeakHoldsForASecondThenSinksButNeverBelowTheBar() {
        meter.sample(-6, 0);
        assertThat(meter.peakProperty().get()).isCloseTo(0.9, within(1e-9));
        meter.sample(-60, 500 * MS);
        meter.sample(-60, 1000 * MS);
        assertThat(meter.peakProperty().get()).as("held").isCloseTo(0.9, within(1e-9));
        meter.sample(-60, 1200 * MS);
        assertThat(meter.peakProperty().get()).as("0.2 s past the hold at 0.5/s").isCloseTo(0.8, within(1e-9));
        meter.sample(-30, 1250 * MS);
        assertThat(meter.peakProperty().get()).isCloseTo(0.775, within(1e-9));
        assertThat(meter.peakProperty().get()).isGreaterThanOrEqualTo(meter.levelProperty().get());
        meter.sample(-3, 1300 * MS);
        assertThat(meter.peakProperty().get()).as("a higher level resets the mark").isCloseTo(0.95, within(1e-9));
        for (long t = 1350; t < 6000; t += 50) {
            meter.sample(-100, t * MS);
            assertThat(meter.peakProperty().get()).isGreaterThanOrEqualTo(meter.levelProperty().get());
        }
        assertThat(meter.peakProperty().get()).isZero();
    }

    @Test
    void clippingIsToldWhileThePeakIsAtTheTopAndResetEmptiesTheMeter() {
        meter.sample(-10, 0);
        assertThat(meter.clippingProperty().get()).isFalse();
        meter.sample(-0.5, 50 * MS);
        assertThat(meter.clippingProperty().get()).isTrue();
        meter.sample(-40, 2000 * MS);
        assertThat(meter.clippingProperty().get()).isFalse();
        meter.reset();
        assertThat(meter.levelProperty().get()).isZero();
        assertThat(meter.peakProperty().get()).isZero();
    }
}
