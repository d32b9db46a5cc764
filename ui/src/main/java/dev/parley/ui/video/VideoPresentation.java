package dev.parley.ui.video;

/**
 * How a {@link VideoPane} gets its newest frame onto the screen. Both convert on the source's thread and show at
 * most one frame per pane per JavaFX pulse; they differ in what wakes the JavaFX thread.
 *
 * <p>Measured with {@code bench/run render} (4 panes at 640x480@30, headless, software renderer, 2 shared cores):
 * both keep the JavaFX thread at about 3% of a core; {@link #PULSE} presented every frame with steady 16 ms pulses,
 * {@link #RUN_LATER} 90-98% with pulses more often late (on-demand pulses drift off the timer's beat), and it costs
 * JavaFX's runLater wrapper objects (about 250 bytes) per frame where {@link #PULSE} allocates nothing. Hence the
 * default.
 */
public enum VideoPresentation {

    /**
     * One shared {@link javafx.animation.AnimationTimer} for every pane presents each pane's newest frame at the
     * start of a pulse. It runs while a pane has a source and sleeps after half a second without frames. The default.
     */
    PULSE,

    /**
     * Each pane asks for one {@link javafx.application.Platform#runLater} when a frame is ready (never more than one
     * pending per pane) and presents in it; a frame arriving before the previous one's pulse waits for that pulse.
     */
    RUN_LATER
}
