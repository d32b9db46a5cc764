package dev.parley.ui.video;

import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Insets;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * The tiles of a call: lays its managed children (video panes, or tiles holding one with a name and badges) out in
 * cells of one aspect ratio, as large as the grid allows, following {@link GridLayout} (1: whole area, 2: side by
 * side or stacked, 3: two above one centred, 4: two by two), and again whenever it is resized. Each child is sized to
 * its cell; a {@link VideoPane} letterboxes a picture of another shape inside it. Style class {@code video-grid}
 * (its padding is the margin around the tiles).
 */
public class VideoGrid extends Pane {

    public static final double ASPECT_16_9 = 16.0 / 9.0;
    public static final double ASPECT_4_3 = 4.0 / 3.0;

    private static final String STYLESHEET = VideoGrid.class.getResource("video.css").toExternalForm();

    private final DoubleProperty cellAspectRatio = new SimpleDoubleProperty(this, "cellAspectRatio", ASPECT_16_9);
    private final DoubleProperty spacing = new SimpleDoubleProperty(this, "spacing", 8);

    public VideoGrid() {
        getStylesheets().add(STYLESHEET);
        getStyleClass().add("video-grid");
        setAccessibleRole(AccessibleRole.PARENT);
        setAccessibleText("Participants' video");
        cellAspectRatio.addListener((obs, was, is) -> requestLayout());
        spacing.addListener((obs, was, is) -> requestLayout());
    }

    public VideoGrid(Node... tiles) {
        this();
        getChildren().addAll(tiles);
    }

    /** Width / height of every cell: {@link #ASPECT_16_9} (default) or {@link #ASPECT_4_3}, or any positive ratio. */
    public DoubleProperty cellAspectRatioProperty() {
        return cellAspectRatio;
    }

    public double getCellAspectRatio() {
        return cellAspectRatio.get();
    }

    public void setCellAspectRatio(double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("aspect ratio must be positive, was " + value);
        }
        cellAspectRatio.set(value);
    }

    /** Space between neighbouring cells, in pixels (default 8). */
    public DoubleProperty spacingProperty() {
        return spacing;
    }

    public double getSpacing() {
        return spacing.get();
    }

    public void setSpacing(double value) {
        spacing.set(value);
    }

    /** The cells the managed children get at the grid's current size, relative to its padding box. */
    public List<GridLayout.Cell> cells() {
        Insets in = getInsets();
        return GridLayout.cells(getManagedChildren().size(), getWidth() - in.getLeft() - in.getRight(),
                getHeight() - in.getTop() - in.getBottom(), getCellAspectRatio(), getSpacing());
    }

    @Override
    protected void layoutChildren() {
        List<Node> tiles = getManagedChildren();
        List<GridLayout.Cell> cells = cells();
        Insets in = getInsets();
        for (int i = 0; i < tiles.size(); i++) {
            GridLayout.Cell c = cells.get(i);
            // Whole pixels: tiles of a row share their edges' rounding, so gaps stay even.
            double x = Math.round(in.getLeft() + c.x());
            double y = Math.round(in.getTop() + c.y());
            double w = Math.round(in.getLeft() + c.maxX()) - x;
            double h = Math.round(in.getTop() + c.maxY()) - y;
            tiles.get(i).resizeRelocate(x, y, w, h);
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        return 640 + in.getLeft() + in.getRight();
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        return 360 + in.getTop() + in.getBottom();
    }

    @Override
    protected double computeMinWidth(double height) {
        return getInsets().getLeft() + getInsets().getRight();
    }

    @Override
    protected double computeMinHeight(double width) {
        return getInsets().getTop() + getInsets().getBottom();
    }
}
