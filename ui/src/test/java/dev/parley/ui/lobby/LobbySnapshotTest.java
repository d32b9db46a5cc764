package dev.parley.ui.lobby;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.ui.settings.PrivacyMode;
import dev.parley.ui.settings.Theme;
import dev.parley.ui.settings.UserSettings;
import dev.parley.ui.theme.ThemeManager;
import java.io.File;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Pictures of the lobby for reviewers, under ui/target/snapshots/: light and dark with the test pattern in the
 * preview and a live meter, the settings opened, a room just made, and a narrow window.
 */
@ExtendWith(ApplicationExtension.class)
class LobbySnapshotTest {

    private static final File DIR = new File("target/snapshots");

    private final FakeRoomService rooms = new FakeRoomService();
    private final FakeDeviceService devices = new FakeDeviceService(true);
    private final MemorySettingsStore store = new MemorySettingsStore(
            new UserSettings("Ada Lovelace", "", PrivacyMode.DEFAULT, Theme.LIGHT, "", "", ""));
    private LobbyViewModel model;
    private LobbyView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        long t0 = System.nanoTime();
        devices.level = () -> -20 + 6 * Math.sin((System.nanoTime() - t0) / 2e8);
        model = new LobbyViewModel(rooms, devices, store, Platform::runLater, Runnable::run);
        view = new LobbyView(model);
        stage.setScene(LobbyTestScenes.create(view, model, LobbyTestScenes.themes(Theme.LIGHT), 1100, 760));
        stage.sizeToScene(); // the stage is shared by every test: take this scene's size
        stage.show();
    }

    @Stop
    void stop() {
        devices.close();
    }

    @Test
    void lobbyInLightAndDark(FxRobot robot) throws Exception {
        rooms.events.onConnectionStatus("Connected to parley.example.org.", true);
        long presented = view.previewPane().framesPresented();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> view.previewPane().framesPresented() >= presented + 5
                && model.devices().meter().levelProperty().get() > 0.3);

        WritableImage light = save("lobby.png");
        assertThat(distinctColours(light, bounds(view.previewPane()))).as("the test pattern is in the preview")
                .isGreaterThan(50);

        robot.interact(() -> {
            robot.lookup("#settingsPane").queryAs(TitledPane.class).setExpanded(true);
            model.settings().privacyProperty().set(PrivacyMode.RELAY_ONLY);
            view.applyCss();
            view.layout();
            robot.lookup(".lobby-scroll").queryAs(ScrollPane.class).setVvalue(1);
        });
        save("lobby-settings.png");
        robot.interact(() -> {
            robot.lookup("#settingsPane").queryAs(TitledPane.class).setExpanded(false);
            robot.lookup(".lobby-scroll").queryAs(ScrollPane.class).setVvalue(0);
            model.settings().themeProperty().set(Theme.DARK);
        });
        assertThat(stage.getScene().getRoot().getStyleClass()).contains(ThemeManager.DARK_CLASS);
        long again = view.previewPane().framesPresented();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> view.previewPane().framesPresented() >= again + 3);
        WritableImage dark = save("lobby-dark.png");
        assertThat(meanLuminance(dark)).as("dark is darker").isLessThan(meanLuminance(light) - 0.3);

        rooms.events.onEntered("7mq2k-xd41r", List.of(new RoomEvents.Participant("p1", "Grace Hopper")));
        save("lobby-room-dark.png");

        robot.interact(() -> {
            model.leaveRoom();
            stage.setWidth(600);
            stage.setHeight(780);
        });
        WritableImage narrow = save("lobby-narrow-dark.png");
        assertThat(narrow.getWidth()).isEqualTo(600);
        Bounds preview = bounds(view.previewPane());
        Bounds name = bounds(robot.lookup("#nameField").query());
        assertThat(preview.getMinY()).as("stacked: the devices below the name").isGreaterThan(name.getMaxY());
    }

    private WritableImage save(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage shot = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get();
        DIR.mkdirs();
        File out = new File(DIR, name);
        ImageIO.write(SwingFXUtils.fromFXImage(shot, null), "png", out);
        assertThat(out).isNotEmpty();
        return shot;
    }

    private static Bounds bounds(javafx.scene.Node node) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> node.localToScene(node.getBoundsInLocal())).get();
    }

    private static int distinctColours(WritableImage image, Bounds area) {
        PixelReader pixels = image.getPixelReader();
        Set<Integer> colours = new HashSet<>();
        for (int y = (int) area.getMinY() + 4; y < (int) area.getMaxY() - 4; y += 3) {
            for (int x = (int) area.getMinX() + 4; x < (int) area.getMaxX() - 4; x += 3) {
                colours.add(pixels.getArgb(x, y));
            }
        }
        return colours.size();
    }

    private static double meanLuminance(WritableImage image) {
        PixelReader pixels = image.getPixelReader();
        double sum = 0;
        int n = 0;
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                int argb = pixels.getArgb(x, y);
                sum += (0.2126 * (argb >> 16 & 0xff) + 0.7152 * (argb >> 8 & 0xff) + 0.0722 * (argb & 0xff)) / 255;
                n++;
            }
        }
        return sum / n;
    }
}
