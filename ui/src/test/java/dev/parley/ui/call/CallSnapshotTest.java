package dev.parley.ui.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.rtc.media.synthetic.SyntheticVideo;
import dev.parley.rtc.media.synthetic.SyntheticVideoSource;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Pictures of the call screen for reviewers: a 3-person call with synthetic video (one camera off, one muted, one
 * speaking) and a banner, and the same call with the stats overlay open; both again in the dark theme. Written under
 * target/snapshots/.
 */
@ExtendWith(ApplicationExtension.class)
class CallSnapshotTest {

    private final SyntheticVideoSource ana = SyntheticVideoSource.vga30();
    private final SyntheticVideoSource grace = new SyntheticVideoSource(
            SyntheticVideo.of(SyntheticVideo.Kind.PAN, 640, 480, 7), 30);
    private final SyntheticVideoSource self = new SyntheticVideoSource(
            SyntheticVideo.of(SyntheticVideo.Kind.STATIC, 320, 240, 3), 10);
    private final FakeCallService service = new FakeCallService(self);
    private final AtomicLong now = new AtomicLong(50_000);
    private CallViewModel model;
    private CallView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        model = new CallViewModel(service, Platform::runLater, now::get);
        view = new CallView(model);
        stage.setScene(new Scene(view, 1280, 720));
        stage.sizeToScene(); // the stage is shared by every test: take this scene's size
        stage.show();
    }

    @AfterEach
    void stopSources() {
        ana.close();
        grace.close();
        self.close();
    }

    @Test
    void aThreePersonCallAndItsStatsOverlay(FxRobot robot) throws Exception {
        CallEvents events = service.events;
        events.onCallStatus(CallStatus.CONNECTING, "Connecting to 2 people…");
        events.onParticipantJoined("ana", "Ana Lima");
        events.onParticipantJoined("grace", "Grace Hopper");
        events.onCallStatus(CallStatus.CONNECTED, "Connected");
        events.onParticipantJoined("linus", "Linus Pauling");
        events.onRemoteVideo("ana", ana);
        events.onRemoteVideo("grace", grace);
        events.onParticipantState("ana", new ParticipantState(false, false, ConnectionQuality.GOOD));
        events.onParticipantState("grace", new ParticipantState(true, false, ConnectionQuality.GOOD));
        events.onParticipantState("linus", new ParticipantState(false, true, ConnectionQuality.FAIR));
        // Ana talks long enough to take the highlight.
        for (int t = 0; t <= 400; t += 100) {
            long at = 50_000 + t;
            Platform.runLater(() -> now.set(at));
            events.onAudioLevel("ana", -18);
            events.onAudioLevel("grace", -90);
            events.onAudioLevel("linus", -70);
        }
        for (int i = 0; i < 60; i++) {
            long t = 1_000_000 + i * 1000L;
            double wave = Math.sin(i / 6.0);
            events.onStats("ana", new CallStats(t, 1450 + 250 * wave, 1300 + 120 * wave, Math.max(0, 0.6 + wave),
                    38 + 6 * wave, 30 - (i % 17 == 0 ? 4 : 0), 4 + i / 10, 11 + i / 4, 640, 480, "H264", "opus",
                    "host/host"));
            events.onStats("grace", new CallStats(t, 900 + 300 * Math.cos(i / 4.0), 1250, 2.5 + 2 * wave,
                    140 + 30 * wave, 24 + 3 * wave, 31 + i, 60 + 2 * i, 640, 480, "H264", "opus", "srflx/relay"));
            events.onStats("linus", new CallStats(t, 42, 1280, 0.2, 85 + 5 * wave, Double.NaN, 0, 2, 0, 0, null,
                    "opus", "srflx/srflx"));
        }
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> view.tile("ana").videoPane().framesPresented() > 2
                && view.tile("grace").videoPane().framesPresented() > 2
                && robot.lookup("#selfVideo").queryAs(dev.parley.ui.video.VideoPane.class).framesPresented() > 0
                && robot.lookup("#banners .banner-leaving").tryQuery().isEmpty()); // "Connecting…" fades out

        assertThat(model.activeSpeakerProperty().get().id()).isEqualTo("ana");
        assertThat(view.tile("ana").getPseudoClassStates()).extracting(Object::toString).contains("active-speaker");
        assertThat(robot.lookup("#tile-linus .tile-placeholder").query().isVisible()).isTrue();
        assertThat(robot.lookup("#tile-grace .tile-mic-off").query().isVisible()).isTrue();
        assertThat(robot.lookup("#banners .banner").queryAll()).hasSize(1);
        assertThat(view.grid().getChildren()).hasSize(3);

        BufferedImage call = write("call-3-people.png");
        // The video tiles really show frames: the pattern is far from a flat colour.
        int[] tile = center(view.tile("ana"));
        assertThat(distinctColours(call, tile[0], tile[1], 60)).isGreaterThan(8);

        robot.interact(model::toggleStats);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#chart-bitrate-grace").tryQuery()).isPresent();
        write("call-stats-overlay.png");

        // The dark theme, as the window switches it (a "dark" class on the scene's root).
        robot.interact(() -> view.getStyleClass().add("dark"));
        write("call-stats-overlay-dark.png");
        robot.interact(model::toggleStats);
        write("call-3-people-dark.png");
    }

    private BufferedImage write(String name) throws Exception {
        WritableImage shot = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(10,
                TimeUnit.SECONDS);
        BufferedImage image = SwingFXUtils.fromFXImage(shot, null);
        File out = new File("target/snapshots/" + name);
        out.getParentFile().mkdirs();
        ImageIO.write(image, "png", out);
        assertThat(out).isNotEmpty();
        return image;
    }

    private static int[] center(javafx.scene.Node node) {
        var b = node.localToScene(node.getLayoutBounds());
        return new int[] {(int) b.getCenterX(), (int) b.getCenterY()};
    }

    private static int distinctColours(BufferedImage image, int cx, int cy, int radius) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = cy - radius; y < cy + radius; y += 4) {
            for (int x = cx - radius; x < cx + radius; x += 4) {
                colours.add(image.getRGB(x, y) & 0xF0F0F0);
            }
        }
        return colours.size();
    }
}
