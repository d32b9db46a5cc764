package dev.parley.ui.video;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the tiles of a call go: n cells of one aspect ratio in a width x height area, as large as they can be. Of all
 * arrangements in rows of equal columns (the last row may hold fewer, centred), the one with the largest cells wins;
 * on a tie, the one with fewer empty places, then the one with fewer rows. In a usual landscape window that gives
 * 1: the whole area, 2: side by side, 3: two above one centred, 4: two by two; in a tall window tiles stack, in a
 * very wide one they line up. The arrangement is centred in the area, with {@code gap} between cells. Pure
 * arithmetic, no JavaFX.
 */
public final class GridLayout {

    /** A cell's rectangle, relative to the area's top left corner. */
    public record Cell(double x, double y, double width, double height) {

        public double maxX() {
            return x + width;
        }

        public double maxY() {
            return y + height;
        }
    }

    /** How many columns and rows n cells use. */
    public record Arrangement(int columns, int rows) {
    }

    private static final double TIE = 1e-9;

    private GridLayout() {
    }

    /** The arrangement with the largest cells for {@code n} (>= 1) cells; see the class comment. */
    public static Arrangement arrange(int n, double width, double height, double aspect, double gap) {
        if (n < 1) {
            throw new IllegalArgumentException("need at least one cell, was " + n);
        }
        checkAspect(aspect);
        Arrangement best = null;
        double bestWidth = -1;
        int bestEmpty = Integer.MAX_VALUE;
        for (int columns = 1; columns <= n; columns++) {
            int rows = (n + columns - 1) / columns;
            double w = cellWidth(columns, rows, width, height, aspect, gap);
            int empty = rows * columns - n;
            int size = best == null ? 1 : compare(w, bestWidth);
            if (size > 0 || (size == 0 && (empty < bestEmpty || (empty == bestEmpty && rows < best.rows())))) {
                best = new Arrangement(columns, rows);
                bestWidth = w;
                bestEmpty = empty;
            }
        }
        return best;
    }

    /**
     * The cells for {@code n} tiles (none for 0), in order: row by row, left to right.
     *
     * @param aspect width / height of every cell, e.g. 16/9
     * @param gap    space between neighbouring cells
     */
    public static List<Cell> cells(int n, double width, double height, double aspect, double gap) {
        checkAspect(aspect);
        List<Cell> cells = new ArrayList<>(n);
        if (n <= 0) {
            return cells;
        }
        width = Math.max(0, width);
        height = Math.max(0, height);
        gap = Math.max(0, gap);
        Arrangement a = arrange(n, width, height, aspect, gap);
        double cw = cellWidth(a.columns(), a.rows(), width, height, aspect, gap);
        double ch = cw / aspect;
        double blockWidth = a.columns() * cw + (a.columns() - 1) * gap;
        double blockHeight = a.rows() * ch + (a.rows() - 1) * gap;
        double left = (width - blockWidth) / 2;
        double top = (height - blockHeight) / 2;
        for (int i = 0; i < n; i++) {
            int row = i / a.columns();
            int column = i % a.columns();
            int inRow = row == a.rows() - 1 ? n - row * a.columns() : a.columns();
            double rowWidth = inRow * cw + (inRow - 1) * gap;
            double x = left + (blockWidth - rowWidth) / 2 + column * (cw + gap);
            double y = top + row * (ch + gap);
            cells.add(new Cell(x, y, cw, ch));
        }
        return cells;
    }

    /** 1 if a is larger than b beyond rounding, -1 if smaller, 0 if the same. */
    private static int compare(double a, double b) {
        double tolerance = Math.max(Math.abs(a), Math.abs(b)) * TIE + TIE;
        return a > b + tolerance ? 1 : a < b - tolerance ? -1 : 0;
    }

    private static double cellWidth(int columns, int rows, double width, double height, double aspect, double gap) {
        double byWidth = (width - (columns - 1) * gap) / columns;
        double byHeight = (height - (rows - 1) * gap) / rows * aspect;
        return Math.max(0, Math.min(byWidth, byHeight));
    }

    private static void checkAspect(double aspect) {
        if (!(aspect > 0) || Double.isInfinite(aspect)) {
            throw new IllegalArgumentException("aspect ratio must be positive, was " + aspect);
        }
    }
}
