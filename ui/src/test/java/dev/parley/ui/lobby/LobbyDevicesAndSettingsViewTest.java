package dev.parley.ui.lobby;

import static dev.parley.ui.lobby.FakeDeviceService.CAM_USB;
import static dev.parley.ui.lobby.FakeDeviceService.SPK_SILENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.ui.settings.Theme;
import dev.parley.ui.theme.ThemeManager;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/** The lobby's devices and settings driven as a person would: pickers, the level meter, theme, privacy, server. */
class LobbyDevicesAndSettingsViewTest extends LobbyFxTestBase {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Stop
    void stop() {
        close();
    }

    @Test
    void thePickersListTheDevicesAndChoosingOneAsksTheService(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<Object> cameras = robot.lookup("#cameraPicker").queryAs(ComboBox.class);
        assertThat(cameras.getItems()).hasSize(3);
        assertThat(cameras.getValue()).isEqualTo(FakeDeviceService.CAM_BUILT_IN);
        robot.clickOn("#cameraPicker").clickOn("USB Webcam C920");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(devices.selections).containsExactly(CAM_USB);
        assertThat(store.stored().cameraId()).isEqualTo("cam-2");

        robot.clickOn("#speakerPicker").clickOn("No sound");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(devices.selections).containsExactly(CAM_USB, SPK_SILENT);
        assertThat(store.stored().speakerId()).isEqualTo("silent");

        robot.interact(() -> devices.unplug(CAM_USB, FakeDeviceService.CAM_PATTERN,
                "The USB camera was unplugged; showing a test pattern."));
        assertThat(cameras.getItems()).hasSize(2);
        assertThat(cameras.getValue()).isEqualTo(FakeDeviceService.CAM_PATTERN);
        Label news = robot.lookup("#deviceStatus").queryAs(Label.class);
        assertThat(news.isVisible()).isTrue();
        assertThat(news.getText()).contains("unplugged");
        assertThat(devices.selections).as("the app's switch is not chosen back").hasSize(2);
    }


    @Test
    void theLevelMeterMovesWithTheMicrophone(FxRobot robot) throws Exception {
        LevelMeterBar meter = robot.lookup("#micMeter").queryAs(LevelMeterBar.class);
        assertThat(meter.fillWidth()).isZero();
        long start = System.nanoTime();
        devices.level = () -> -35 + 25 * Math.sin((System.nanoTime() - start) / 1.5e8);
        Set<Long> widths = new HashSet<>();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
            widths.add(Math.round(WaitForAsyncUtils.asyncFx(meter::fillWidth).get()));
            return widths.stream().filter(w -> w > 0).count() >= 4;
        });
        assertThat(model.devices().meter().peakProperty().get()).isPositive();
    }


    @Test
    void theThemePickerSwitchesTheWholeWindow(FxRobot robot) {
        assertThat(stage.getScene().getRoot().getStyleClass()).as("System: this desktop prefers dark")
                .contains(ThemeManager.DARK_CLASS);
        openSettings(robot);
        robot.clickOn("#themeLight");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getScene().getRoot().getStyleClass()).doesNotContain(ThemeManager.DARK_CLASS);
        assertThat(store.stored().theme()).isEqualTo(Theme.LIGHT);
        robot.clickOn("#themeDark");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getScene().getRoot().getStyleClass()).contains(ThemeManager.DARK_CLASS);
        assertThat(store.stored().theme()).isEqualTo(Theme.DARK);
        robot.clickOn("#themeDark");
        assertThat(model.settings().themeProperty().get()).as("clicking the chosen one keeps it")
                .isEqualTo(Theme.DARK);

        robot.clickOn("#privacyRelayOnly");
        assertThat(store.stored().privacy().label()).isEqualTo("Hide my IP address (relay only)");
        TextField server = robot.lookup("#serverField").queryAs(TextField.class);
        robot.clickOn(server);
        robot.interact(() -> server.setText("https://x.org"));
        assertThat(robot.lookup("#serverHint").queryAs(Label.class).getText()).contains("ws://");
        robot.type(KeyCode.ENTER);
        assertThat(store.stored().serverUrl()).as("not saved while invalid").isEmpty();
        robot.interact(() -> server.setText("wss://x.org"));
        robot.type(KeyCode.ENTER);
        assertThat(store.stored().serverUrl()).isEqualTo("wss://x.org");
        assertThat(robot.lookup("#serverHint").queryAs(Label.class).getText()).contains("next time it starts");
    }

    @Test
    void leavingTheWindowFreesTheCameraAndANewRootKeepsTheTheme(FxRobot robot) {
        FakeDeviceService.StillPreview preview = (FakeDeviceService.StillPreview) model.devices().previewProperty()
                .get();
        assertThat(preview.sink).as("the preview listens while the lobby is shown").isNotNull();
        StackPane call = new StackPane();
        robot.interact(() -> stage.getScene().setRoot(call));
        assertThat(preview.sink).as("the camera's one sink is free for the call view").isNull();
        assertThat(call.getStyleClass()).contains(ThemeManager.DARK_CLASS);
        assertThat(view.getStyleClass()).doesNotContain(ThemeManager.DARK_CLASS);
        robot.interact(() -> stage.getScene().setRoot(view));
        assertThat(preview.sink).isNotNull();
    }


    private void openSettings(FxRobot robot) {
        robot.interact(() -> {
            robot.lookup("#settingsPane").queryAs(TitledPane.class).setExpanded(true);
            view.applyCss();
            view.layout();
            robot.lookup(".lobby-scroll").queryAs(ScrollPane.class).setVvalue(1);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
