package dev.parley.ui.lobby;

import javafx.css.PseudoClass;
import javafx.scene.layout.Region;

/**
 * A horizontal microphone meter: a track ({@code .level-meter}), a bar ({@code .level-meter-fill}) as long as the
 * model's level and a thin peak mark ({@code .level-meter-peak}); {@code :clipping} while too loud.
 */
final class LevelMeterBar extends Region {

    private static final PseudoClass CLIPPING = PseudoClass.getPseudoClass("clipping");

    private final LevelMeterModel model;
    private final Region fill = new Region();
    private final Region peak = new Region();

    LevelMeterBar(LevelMeterModel model) {
        this.model = model;
        getStyleClass().add("level-meter");
        fill.getStyleClass().add("level-meter-fill");
        peak.getStyleClass().add("level-meter-peak");
        fill.setManaged(false);
        peak.setManaged(false);
        getChildren().addAll(fill, peak);
        model.levelProperty().addListener(o -> requestLayout());
        model.peakProperty().addListener(o -> requestLayout());
        model.clippingProperty().addListener((o, was, is) -> pseudoClassStateChanged(CLIPPING, is));
        setMinHeight(8);
        setPrefHeight(8);
        setMaxHeight(8);
        setPrefWidth(200);
    }

    /** The bar's current length in pixels (for tests and accessibility checks). */
    double fillWidth() {
        return fill.getWidth();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        double x = snappedLeftInset();
        double y = snappedTopInset();
        fill.resizeRelocate(x, y, snapSizeX(w * model.levelProperty().get()), h);
        double p = model.peakProperty().get();
        double mark = 3;
        peak.setVisible(p > 0.005);
        peak.resizeRelocate(snapPositionX(x + Math.max(0, w * p - mark)), y, mark, h);
    }
}
