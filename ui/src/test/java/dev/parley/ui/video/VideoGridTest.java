package dev.parley.ui.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parley.rtc.media.VideoFrame;
import dev.parley.rtc.media.synthetic.SyntheticVideo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The grid of video panes on a headless stage: where the tiles go for 1 to 4 people, and again after resizing. */
@ExtendWith(ApplicationExtension.class)
class VideoGridTest {

    private Stage stage;
    private Scene scene;
    private VideoGrid grid;
    private final List<VideoPane> panes = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        grid = new VideoGrid();
        grid.setId("videoGrid");
        grid.setManaged(false);
        Pane root = new Pane(grid);
        scene = new Scene(root, 1280, 720);
        stage.setScene(scene);
        stage.sizeToScene(); // the stage is shared by every test: take this scene's size
        stage.show();
    }

    @AfterEach
    void detach() throws Exception {
        fx(() -> panes.forEach(p -> p.setSource(null)));
    }

    @Test
    void oneToFourTilesFollowTheLayoutAndResizeWithTheGrid() throws Exception {
        for (int n = 1; n <= 4; n++) {
            int count = n;
            fx(() -> {
                VideoPane pane = new VideoPane();
                pane.setId("pane" + count);
                panes.add(pane);
                grid.getChildren().add(pane);
                grid.resizeRelocate(0, 0, 1280, 720);
                grid.layout();
            });
            assertTilesFollowLayout(n, 1280, 720);
        }
        // 4: two by two in a wide window.
        Bounds first = bounds(0);
        Bounds fourth = bounds(3);
        assertThat(fourth.getMinY()).isGreaterThan(first.getMaxY());
        assertThat(fourth.getMinX()).isGreaterThan(first.getMaxX());

        // Two people in a tall window stack; in a wide one they sit side by side.
        fx(() -> {
            grid.getChildren().remove(2, 4);
            grid.resizeRelocate(0, 0, 600, 1000);
            grid.layout();
        });
        assertTilesFollowLayout(2, 600, 1000);
        assertThat(bounds(1).getMinY()).isGreaterThan(bounds(0).getMaxY());
        fx(() -> {
            grid.resizeRelocate(0, 0, 1000, 500);
            grid.layout();
        });
        assertTilesFollowLayout(2, 1000, 500);
        assertThat(bounds(1).getMinX()).isGreaterThan(bounds(0).getMaxX());
    }

    @Test
    void aFourByThreeGridKeepsFourByThreeCells() throws Exception {
        fx(() -> {
            grid.setCellAspectRatio(VideoGrid.ASPECT_4_3);
            for (int i = 0; i < 2; i++) {
                VideoPane pane = new VideoPane();
                panes.add(pane);
                grid.getChildren().add(pane);
            }
            grid.resizeRelocate(0, 0, 1280, 720);
            grid.layout();
        });
        assertTilesFollowLayout(2, 1280, 720);
        assertThat(bounds(0).getWidth() / bounds(0).getHeight()).isCloseTo(4.0 / 3.0, within(0.01));
    }

    /** Three people with moving synthetic video, 640x480 in 16:9 cells, written out for a reviewer to look at. */
    @Test
    void aThreePersonCallSnapshot() throws Exception {
        List<ManualVideoSource> sources = new ArrayList<>();
        fx(() -> {
            for (int i = 0; i < 3; i++) {
                ManualVideoSource source = new ManualVideoSource();
                VideoPane pane = new VideoPane();
                pane.setSource(source);
                sources.add(source);
                panes.add(pane);
                grid.getChildren().add(pane);
            }
            grid.resizeRelocate(0, 0, 1280, 720);
        });
        SyntheticVideo.Kind[] kinds = {SyntheticVideo.Kind.SHAPES, SyntheticVideo.Kind.PAN, SyntheticVideo.Kind.SHAPES};
        for (int i = 0; i < 3; i++) {
            SyntheticVideo clip = SyntheticVideo.of(kinds[i], 640, 480, i + 1);
            VideoFrame frame = clip.newFrame();
            clip.render(10 * i + 5, frame);
            sources.get(i).push(frame);
        }
        for (VideoPane pane : panes) {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> pane.framesPresented() >= 1);
        }
        Image shot = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(5, TimeUnit.SECONDS);
        VideoPaneTest.save(shot, "video-grid-3.png");
        assertTilesFollowLayout(3, 1280, 720);
        // The third tile's picture is centred under the first two.
        Bounds third = bounds(2);
        assertThat((third.getMinX() + third.getMaxX()) / 2).isCloseTo(640, within(1.0));
    }

    private void assertTilesFollowLayout(int n, double width, double height) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Insets in = grid.getInsets();
        List<GridLayout.Cell> cells = GridLayout.cells(n, width - in.getLeft() - in.getRight(),
                height - in.getTop() - in.getBottom(), grid.getCellAspectRatio(), grid.getSpacing());
        assertThat(grid.getChildren()).hasSize(n);
        for (int i = 0; i < n; i++) {
            Bounds b = bounds(i);
            GridLayout.Cell c = cells.get(i);
            assertThat(b.getMinX()).as("tile %d of %d x", i, n).isCloseTo(in.getLeft() + c.x(), within(1.0));
            assertThat(b.getMinY()).as("tile %d of %d y", i, n).isCloseTo(in.getTop() + c.y(), within(1.0));
            assertThat(b.getWidth()).as("tile %d of %d width", i, n).isCloseTo(c.width(), within(1.0));
            assertThat(b.getHeight()).as("tile %d of %d height", i, n).isCloseTo(c.height(), within(1.0));
            assertThat(b.getMaxX()).isLessThanOrEqualTo(width);
            assertThat(b.getMaxY()).isLessThanOrEqualTo(height);
        }
    }

    private Bounds bounds(int i) {
        return grid.getChildren().get(i).getBoundsInParent();
    }

    private static void fx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get(5, TimeUnit.SECONDS);
    }
}
