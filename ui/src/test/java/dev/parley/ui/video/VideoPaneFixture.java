package dev.parley.ui.video;

import java.io.File;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A video pane on a headless stage (Monocle), fed from the test's thread as a camera thread would feed it; what it
 * shows is read back from scene snapshots.
 */
@ExtendWith(ApplicationExtension.class)
abstract class VideoPaneFixture {

    /** Per channel: I420's chroma rounding and the scaling filter move colours a little. */
    static final int TOLERANCE = 12;
    static final int LIGHT_LETTERBOX = 0xff24262e;
    static final int DARK_LETTERBOX = 0xff0c0d10;

    Stage stage;
    VideoPane pane;
    Scene scene;
    final ManualVideoSource source = new ManualVideoSource();

    /** Each test class's {@code @Start} calls this (TestFX looks for {@code @Start} on the test class only). */
    void open(Stage stage) {
        this.stage = stage;
        stage.show();
    }

    @AfterEach
    void detach() throws Exception {
        if (pane != null) {
            fx(() -> pane.setSource(null));
        }
    }

    void show(VideoPresentation mode, double width, double height) throws Exception {
        fx(() -> {
            pane = new VideoPane(mode);
            scene = new Scene(new StackPane(pane), width, height);
            stage.setScene(scene);
            stage.sizeToScene();
            pane.setSource(source);
        });
    }

    void awaitPresented(long n) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> pane.framesPresented() >= n);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void awaitFxIdle() {
        WaitForAsyncUtils.waitForFxEvents();
    }

    Image snapshot() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(5, TimeUnit.SECONDS);
    }

    static void fx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get(5, TimeUnit.SECONDS);
    }

    static void save(Image image, String name) throws Exception {
        File dir = new File("target/snapshots");
        dir.mkdirs();
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", new File(dir, name));
    }

    static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
