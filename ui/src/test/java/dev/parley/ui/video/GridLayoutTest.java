package dev.parley.ui.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GridLayoutTest {

    private static final double EPS = 1e-6;
    private static final double WIDE = 16.0 / 9.0;
    private static final double GAP = 8;

    /** Every layout, any n from 1 to 4, wide or tall area, either aspect: the rules every cell keeps. */
    @ParameterizedTest(name = "{0} cells in {1}x{2}, aspect {3}")
    @CsvSource({
        "1, 1280, 720, 1.7777777777777777", "2, 1280, 720, 1.7777777777777777", "3, 1280, 720, 1.7777777777777777",
        "4, 1280, 720, 1.7777777777777777", "1, 600, 1000, 1.7777777777777777", "2, 600, 1000, 1.7777777777777777",
        "3, 600, 1000, 1.7777777777777777", "4, 600, 1000, 1.7777777777777777", "3, 1000, 800, 1.3333333333333333",
        "4, 1000, 800, 1.3333333333333333", "2, 700, 900, 1.3333333333333333", "3, 2560, 600, 1.7777777777777777",
        "4, 3000, 500, 1.7777777777777777", "3, 400, 1400, 1.3333333333333333"})
    void cellsKeepTheAspectStayInsideDoNotOverlapAndAreCentred(int n, double w, double h, double aspect) {
        List<GridLayout.Cell> cells = GridLayout.cells(n, w, h, aspect, GAP);
        assertThat(cells).hasSize(n);
        for (GridLayout.Cell c : cells) {
            assertThat(c.width() / c.height()).as("aspect of %s", c).isCloseTo(aspect, within(EPS));
            assertThat(c.width()).isPositive();
            assertThat(c.x()).isGreaterThanOrEqualTo(-EPS);
            assertThat(c.y()).isGreaterThanOrEqualTo(-EPS);
            assertThat(c.maxX()).isLessThanOrEqualTo(w + EPS);
            assertThat(c.maxY()).isLessThanOrEqualTo(h + EPS);
        }
        // Same size, and at least the gap apart.
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                GridLayout.Cell a = cells.get(i);
                GridLayout.Cell b = cells.get(j);
                assertThat(b.width()).isCloseTo(a.width(), within(EPS));
                boolean apart = a.maxX() + GAP <= b.x() + EPS || b.maxX() + GAP <= a.x() + EPS
                        || a.maxY() + GAP <= b.y() + EPS || b.maxY() + GAP <= a.y() + EPS;
                assertThat(apart).as("%s and %s overlap or touch", a, b).isTrue();
            }
        }
        // The whole arrangement is centred: equal margins left and right, top and bottom.
        double minX = cells.stream().mapToDouble(GridLayout.Cell::x).min().orElseThrow();
        double maxX = cells.stream().mapToDouble(GridLayout.Cell::maxX).max().orElseThrow();
        double minY = cells.stream().mapToDouble(GridLayout.Cell::y).min().orElseThrow();
        double maxY = cells.stream().mapToDouble(GridLayout.Cell::maxY).max().orElseThrow();
        assertThat(minX).isCloseTo(w - maxX, within(EPS));
        assertThat(minY).isCloseTo(h - maxY, within(EPS));
        // And it uses the area: the cells touch two opposite edges (they could not be any larger).
        assertThat(minX < EPS || minY < EPS).as("cells as large as they can be").isTrue();
    }

    @Test
    void oneCellFillsTheAreaAsFarAsItsAspectAllows() {
        GridLayout.Cell wide = GridLayout.cells(1, 1280, 720, WIDE, GAP).get(0);
        assertThat(wide.x()).isCloseTo(0, within(EPS));
        assertThat(wide.y()).isCloseTo(0, within(EPS));
        assertThat(wide.width()).isCloseTo(1280, within(EPS));
        assertThat(wide.height()).isCloseTo(720, within(EPS));
        GridLayout.Cell squarish = GridLayout.cells(1, 1000, 1000, WIDE, GAP).get(0);
        assertThat(squarish.width()).isCloseTo(1000, within(EPS));
        assertThat(squarish.y()).isCloseTo((1000 - 562.5) / 2, within(EPS));
    }

    @Test
    void twoSitSideBySideInAWideWindowAndStackInATallOne() {
        List<GridLayout.Cell> wide = GridLayout.cells(2, 1280, 720, WIDE, GAP);
        assertThat(wide.get(0).y()).isCloseTo(wide.get(1).y(), within(EPS));
        assertThat(wide.get(0).maxX()).isLessThan(wide.get(1).x());
        assertThat(GridLayout.arrange(2, 1280, 720, WIDE, GAP)).isEqualTo(new GridLayout.Arrangement(2, 1));

        List<GridLayout.Cell> tall = GridLayout.cells(2, 600, 1000, WIDE, GAP);
        assertThat(tall.get(0).x()).isCloseTo(tall.get(1).x(), within(EPS));
        assertThat(tall.get(0).maxY()).isLessThan(tall.get(1).y());
        assertThat(tall.get(0).width()).isCloseTo(600, within(EPS));
    }

    @Test
    void threeAreTwoAboveOneCentred() {
        for (double[] size : new double[][] {{1280, 720}, {1280, 800}, {1000, 800}}) {
            List<GridLayout.Cell> c = GridLayout.cells(3, size[0], size[1], WIDE, GAP);
            assertThat(GridLayout.arrange(3, size[0], size[1], WIDE, GAP)).isEqualTo(new GridLayout.Arrangement(2, 2));
            assertThat(c.get(0).y()).isCloseTo(c.get(1).y(), within(EPS));
            assertThat(c.get(2).y()).isGreaterThan(c.get(0).maxY());
            assertThat(c.get(2).x() + c.get(2).width() / 2).as("third centred").isCloseTo(size[0] / 2, within(EPS));
        }
        // A portrait window stacks them; an ultra-wide one lines them up.
        assertThat(GridLayout.arrange(3, 400, 1400, WIDE, GAP)).isEqualTo(new GridLayout.Arrangement(1, 3));
        assertThat(GridLayout.arrange(3, 2560, 600, WIDE, GAP)).isEqualTo(new GridLayout.Arrangement(3, 1));
    }

    @Test
    void fourAreTwoByTwo() {
        for (double[] size : new double[][] {{1280, 720}, {1920, 1080}, {1000, 800}, {800, 800}, {2000, 600}}) {
            assertThat(GridLayout.arrange(4, size[0], size[1], WIDE, GAP)).as("%sx%s", size[0], size[1])
                    .isEqualTo(new GridLayout.Arrangement(2, 2));
        }
        List<GridLayout.Cell> c = GridLayout.cells(4, 1280, 720, WIDE, GAP);
        assertThat(c.get(0).y()).isCloseTo(c.get(1).y(), within(EPS));
        assertThat(c.get(2).y()).isCloseTo(c.get(3).y(), within(EPS));
        assertThat(c.get(0).x()).isCloseTo(c.get(2).x(), within(EPS));
        // Height-bound: two rows of (720 - 8) / 2.
        assertThat(c.get(0).height()).isCloseTo(356, within(EPS));
    }

    @Test
    void aFourByThreeAspectGivesFourByThreeCells() {
        List<GridLayout.Cell> c = GridLayout.cells(2, 1280, 720, 4.0 / 3.0, GAP);
        assertThat(c.get(0).width() / c.get(0).height()).isCloseTo(4.0 / 3.0, within(EPS));
    }

    @Test
    void degenerateInput() {
        assertThat(GridLayout.cells(0, 100, 100, WIDE, GAP)).isEmpty();
        assertThat(GridLayout.cells(2, 0, 0, WIDE, GAP)).allSatisfy(c -> assertThat(c.width()).isZero());
        assertThat(GridLayout.cells(3, 10, 10, WIDE, 50)).allSatisfy(c -> assertThat(c.width()).isZero());
        assertThatThrownBy(() -> GridLayout.cells(1, 100, 100, 0, GAP)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GridLayout.arrange(0, 100, 100, WIDE, GAP))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
