package dev.parley.ui.call;

import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * Lays out its managed children (participant panes) as equal tiles of a fixed aspect ratio, choosing the number of
 * columns that makes the tiles largest for the current size (a layout with more rows than columns must be 15% larger
 * to be chosen): one person fills the area, two sit side by side in a wide window and one above the other in a tall
 * one, three or four make two rows (an incomplete last row is centred). The whole grid is centred. Any count works;
 * the call has 1 to 4.
 */
public class ParticipantGrid extends Region {

    /** How much larger stacked tiles (more rows than columns) must be to be chosen. */
    private static final double STACKING_MARGIN = 1.15;

    private final DoubleProperty gap = new SimpleDoubleProperty(this, "gap", 10) {
        @Override
        protected void invalidated() {
            requestLayout();
        }
    };
    private final DoubleProperty tileAspect = new SimpleDoubleProperty(this, "tileAspect", 16.0 / 9.0) {
        @Override
        protected void invalidated() {
            requestLayout();
        }
    };
    private int columns;
    private int rows;

    public ParticipantGrid() {
        getStyleClass().add("participant-grid");
    }

    /** The tiles, in reading order. */
    @Override
    public ObservableList<Node> getChildren() {
        return super.getChildren();
    }

    /** Space between tiles, in pixels. */
    public DoubleProperty gapProperty() {
        return gap;
    }

    /** Width over height of every tile (video inside is letterboxed). */
    public DoubleProperty tileAspectProperty() {
        return tileAspect;
    }

    /** Columns of the last layout. */
    public int columns() {
        return columns;
    }

    /** Rows of the last layout. */
    public int rows() {
        return rows;
    }

    /** The best number of columns for {@code n} tiles in a {@code width} x {@code height} area. */
    public static int bestColumns(int n, double width, double height, double gap, double aspect) {
        int best = 1;
        double bestArea = -1;
        for (int c = 1; c <= Math.max(1, n); c++) {
            int r = (n + c - 1) / c;
            double tw = tileWidth(c, r, width, height, gap, aspect);
            // Side by side reads better than stacked: stacking must win clearly.
            double area = tw * tw / aspect * (c >= r ? STACKING_MARGIN : 1.0);
            if (area > bestArea + 1e-6) {
                bestArea = area;
                best = c;
            }
        }
        return best;
    }

    private static double tileWidth(int c, int r, double width, double height, double gap, double aspect) {
        double cw = (width - gap * (c - 1)) / c;
        double ch = (height - gap * (r - 1)) / r;
        return Math.max(0, Math.min(cw, ch * aspect));
    }

    @Override
    protected void layoutChildren() {
        List<Node> tiles = getManagedChildren();
        int n = tiles.size();
        if (n == 0) {
            columns = 0;
            rows = 0;
            return;
        }
        Insets in = getInsets();
        double width = getWidth() - in.getLeft() - in.getRight();
        double height = getHeight() - in.getTop() - in.getBottom();
        double g = gap.get();
        double aspect = tileAspect.get() > 0 ? tileAspect.get() : 16.0 / 9.0;
        int c = bestColumns(n, width, height, g, aspect);
        int r = (n + c - 1) / c;
        double tw = tileWidth(c, r, width, height, g, aspect);
        double th = tw / aspect;
        double top = in.getTop() + (height - (r * th + (r - 1) * g)) / 2;
        for (int row = 0; row < r; row++) {
            int inRow = Math.min(c, n - row * c);
            double left = in.getLeft() + (width - (inRow * tw + (inRow - 1) * g)) / 2;
            for (int col = 0; col < inRow; col++) {
                Node tile = tiles.get(row * c + col);
                tile.resizeRelocate(snapPositionX(left + col * (tw + g)), snapPositionY(top + row * (th + g)),
                        snapSizeX(tw), snapSizeY(th));
            }
        }
        columns = c;
        rows = r;
    }

    @Override
    protected double computePrefWidth(double height) {
        return 640;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 360;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 0;
    }
}
