package dev.parley.ui.video;

import static dev.parley.ui.video.TestFrames.BLUE;
import static dev.parley.ui.video.TestFrames.GREEN;
import static dev.parley.ui.video.TestFrames.RED;
import static dev.parley.ui.video.TestFrames.YELLOW;
import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Dimension2D;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.framework.junit5.Start;

/** What a video pane shows: colours, sizes, letterboxing, rotation, mirroring, clearing and the theme. */
class VideoPaneTest extends VideoPaneFixture {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @ParameterizedTest
    @EnumSource(VideoPresentation.class)
    void framesFromTheSourceAppear(VideoPresentation mode) throws Exception {
        show(mode, 320, 240);
        source.push(TestFrames.solid(320, 240, RED));
        awaitPresented(1);
        Image shot = snapshot();
        assertThat(TestFrames.near(shot, 160, 120, RED, TOLERANCE)).as(TestFrames.describe(shot, 160, 120)).isTrue();
        assertThat(TestFrames.near(shot, 2, 2, RED, TOLERANCE)).as("a 4:3 frame fills a 4:3 pane").isTrue();

        source.push(TestFrames.solid(320, 240, BLUE));
        awaitPresented(2);
        shot = snapshot();
        assertThat(TestFrames.near(shot, 160, 120, BLUE, TOLERANCE)).as(TestFrames.describe(shot, 160, 120)).isTrue();
        assertThat(pane.framesDelivered()).isEqualTo(2);
        assertThat(pane.framesConverted()).isEqualTo(2);
        assertThat(pane.getVideoSize()).isEqualTo(new Dimension2D(320, 240));
    }

    @Test
    void aNewFrameSizeIsShownLetterboxed() throws Exception {
        show(VideoPresentation.PULSE, 400, 300);
        source.push(TestFrames.solid(320, 240, GREEN));
        awaitPresented(1);
        Image shot = snapshot();
        assertThat(TestFrames.near(shot, 200, 5, GREEN, TOLERANCE)).as(TestFrames.describe(shot, 200, 5)).isTrue();

        source.push(TestFrames.solid(640, 360, RED));
        awaitPresented(2);
        assertThat(pane.getVideoSize()).isEqualTo(new Dimension2D(640, 360));
        shot = snapshot();
        // 16:9 in 400x300: 400x225 in the middle, 37.5 px bars above and below.
        assertThat(TestFrames.near(shot, 200, 150, RED, TOLERANCE)).as(TestFrames.describe(shot, 200, 150)).isTrue();
        assertThat(TestFrames.near(shot, 200, 45, RED, TOLERANCE)).as(TestFrames.describe(shot, 200, 45)).isTrue();
        assertThat(TestFrames.near(shot, 200, 30, LIGHT_LETTERBOX, 2)).as(TestFrames.describe(shot, 200, 30))
                .isTrue();
        assertThat(TestFrames.near(shot, 200, 270, LIGHT_LETTERBOX, 2)).as(TestFrames.describe(shot, 200, 270))
                .isTrue();

        source.push(TestFrames.solid(160, 120, BLUE));
        awaitPresented(3);
        shot = snapshot();
        assertThat(pane.getVideoSize()).isEqualTo(new Dimension2D(160, 120));
        assertThat(TestFrames.near(shot, 200, 5, BLUE, TOLERANCE)).as("scaled up to fill again: "
                + TestFrames.describe(shot, 200, 5)).isTrue();
        save(shot, "video-pane-resized.png");
    }

    @Test
    void clearShowsNothingUntilTheNextFrame() throws Exception {
        show(VideoPresentation.PULSE, 320, 240);
        source.push(TestFrames.solid(320, 240, RED));
        awaitPresented(1);
        fx(() -> pane.clear());
        Image shot = snapshot();
        assertThat(TestFrames.near(shot, 160, 120, LIGHT_LETTERBOX, 2)).as(TestFrames.describe(shot, 160, 120))
                .isTrue();
        assertThat(pane.getVideoSize()).isNull();
        source.push(TestFrames.solid(320, 240, GREEN));
        awaitPresented(2);
        shot = snapshot();
        assertThat(TestFrames.near(shot, 160, 120, GREEN, TOLERANCE)).as(TestFrames.describe(shot, 160, 120)).isTrue();
    }

    /**
     * A frame of four coloured quarters (red, green / blue, yellow), turned and mirrored: each quarter of the screen
     * must show the quarter of the frame that lands there.
     */
    @ParameterizedTest(name = "rotation {0}, mirrored {1}")
    @CsvSource({"0, false", "90, false", "180, false", "270, false", "0, true", "90, true", "180, true", "270, true"})
    void rotationAndMirroringTurnThePicture(int rotation, boolean mirrored) throws Exception {
        show(VideoPresentation.PULSE, 400, 400);
        fx(() -> pane.setMirrored(mirrored));
        int[] frameQuarters = {RED, GREEN, BLUE, YELLOW};
        source.push(TestFrames.quadrants(320, 240, RED, GREEN, BLUE, YELLOW).withRotation(rotation));
        awaitPresented(1);
        boolean quarter = rotation % 180 != 0;
        assertThat(pane.getVideoSize()).isEqualTo(quarter ? new Dimension2D(240, 320) : new Dimension2D(320, 240));
        Image shot = snapshot();
        // The picture's box on screen: 400x300 (upright 4:3) or 300x400 (a quarter turn), centred.
        double boxW = quarter ? 300 : 400;
        double boxH = quarter ? 400 : 300;
        double left = (400 - boxW) / 2;
        double top = (400 - boxH) / 2;
        for (int sy = 0; sy < 2; sy++) {
            for (int sx = 0; sx < 2; sx++) {
                int x = (int) (left + boxW * (sx == 0 ? 0.25 : 0.75));
                int y = (int) (top + boxH * (sy == 0 ? 0.25 : 0.75));
                int expected = frameQuarters[sourceQuarter(sx, sy, rotation, mirrored)];
                assertThat(TestFrames.near(shot, x, y, expected, TOLERANCE))
                        .as("screen quarter (%d, %d): %s, expected #%06x", sx, sy, TestFrames.describe(shot, x, y),
                                expected & 0xffffff)
                        .isTrue();
            }
        }
        if (rotation == 90) {
            save(shot, "video-pane-rotated-90" + (mirrored ? "-mirrored" : "") + ".png");
        }
    }

    @Test
    void theLetterboxFollowsTheDarkTheme() throws Exception {
        show(VideoPresentation.PULSE, 320, 240);
        Image light = snapshot();
        fx(() -> scene.getRoot().getStyleClass().add("dark"));
        Image dark = snapshot();
        assertThat(TestFrames.near(light, 10, 10, LIGHT_LETTERBOX, 2)).as(TestFrames.describe(light, 10, 10)).isTrue();
        assertThat(TestFrames.near(dark, 10, 10, DARK_LETTERBOX, 2)).as(TestFrames.describe(dark, 10, 10)).isTrue();
        assertThat(pane.getStyleClass()).contains("video-pane");
        assertThat(pane.getAccessibleText()).isNotBlank();
    }

    /** Which quarter of the frame (0 TL, 1 TR, 2 BL, 3 BR) lands on screen quarter (sx, sy). */
    private static int sourceQuarter(int sx, int sy, int rotation, boolean mirrored) {
        // Centred coordinates, y down; undo the mirror (applied last on screen), then the clockwise rotation.
        int u = mirrored ? 1 - 2 * sx : 2 * sx - 1;
        int v = 2 * sy - 1;
        for (int r = 0; r < rotation; r += 90) {
            // The inverse of a clockwise quarter turn (x, y) -> (-y, x) is (x, y) -> (y, -x).
            int t = u;
            u = v;
            v = -t;
        }
        return (v > 0 ? 2 : 0) + (u > 0 ? 1 : 0);
    }
}
