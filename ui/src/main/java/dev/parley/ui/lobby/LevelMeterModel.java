package dev.parley.ui.lobby;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

/**
 * The microphone meter's state from polled levels: dBFS mapped to a 0..1 bar (linear in decibels from
 * {@value #FLOOR_DBFS} dBFS to 0), which jumps up at once and falls back gently as meters do, and a peak mark that
 * holds for {@value #PEAK_HOLD_SECONDS} s and then sinks. Fed on the JavaFX thread by the view's timer.
 */
public final class LevelMeterModel {

    /** The quietest level the bar shows; anything below is an empty bar. */
    public static final double FLOOR_DBFS = -60;
    /** How fast the bar may fall, in bar lengths per second (a full bar empties in half a second). */
    public static final double RELEASE_PER_SECOND = 2.0;
    public static final double PEAK_HOLD_SECONDS = 1.0;
    /** How fast the peak mark sinks after its hold. */
    public static final double PEAK_FALL_PER_SECOND = 0.5;
    /** Above this the person is told to move back or turn the input down (about -1.5 dBFS). */
    public static final double CLIPPING_FRACTION = 0.975;

    private final ReadOnlyDoubleWrapper level = new ReadOnlyDoubleWrapper(this, "level", 0);
    private final ReadOnlyDoubleWrapper peak = new ReadOnlyDoubleWrapper(this, "peak", 0);
    private final ReadOnlyBooleanWrapper clipping = new ReadOnlyBooleanWrapper(this, "clipping", false);
    private long lastNanos;
    private long peakNanos;
    private boolean started;

    /** {@code dbfs} mapped to the bar: 0 at or below the floor (and for NaN), 1 at 0 dBFS and above. */
    public static double fraction(double dbfs) {
        if (Double.isNaN(dbfs) || dbfs <= FLOOR_DBFS) {
            return 0;
        }
        if (dbfs >= 0) {
            return 1;
        }
        return (dbfs - FLOOR_DBFS) / -FLOOR_DBFS;
    }

    /** One reading of the microphone, in dBFS, taken at {@code nanoTime} (a monotonic clock). */
    public void sample(double dbfs, long nanoTime) {
        double target = fraction(dbfs);
        double seconds = started ? Math.max(0, (nanoTime - lastNanos) / 1e9) : 0;
        started = true;
        lastNanos = nanoTime;

        double fallen = Math.max(0, level.get() - RELEASE_PER_SECOND * seconds);
        level.set(Math.max(target, fallen));

        if (target >= peak.get()) {
            peak.set(target);
            peakNanos = nanoTime;
        } else {
            double held = (nanoTime - peakNanos) / 1e9;
            if (held > PEAK_HOLD_SECONDS) {
                double sinking = Math.min(seconds, held - PEAK_HOLD_SECONDS);
                peak.set(Math.max(target, peak.get() - PEAK_FALL_PER_SECOND * sinking));
            }
        }
        clipping.set(peak.get() >= CLIPPING_FRACTION);
    }

    /** Empties the meter (no microphone). */
    public void reset() {
        started = false;
        level.set(0);
        peak.set(0);
        clipping.set(false);
    }

    /** The bar's length, 0..1. */
    public ReadOnlyDoubleProperty levelProperty() {
        return level.getReadOnlyProperty();
    }

    /** Where the peak mark stands, 0..1 (never below the bar). */
    public ReadOnlyDoubleProperty peakProperty() {
        return peak.getReadOnlyProperty();
    }

    /** True while the recent peak is at the top: too loud. */
    public ReadOnlyBooleanProperty clippingProperty() {
        return clipping.getReadOnlyProperty();
    }
}
