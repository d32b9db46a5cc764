package dev.parley.ui.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The call screen's controls, shortcuts, leave confirmation and stats overlay, driven as a person would (Monocle). */
@ExtendWith(ApplicationExtension.class)
class CallControlsViewTest {

    private final FakeCallService service = new FakeCallService();
    private final AtomicLong now = new AtomicLong(1_000);
    private CallViewModel model;
    private CallView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        model = new CallViewModel(service, Platform::runLater, now::get);
        view = new CallView(model);
        stage.setScene(new Scene(view, 1000, 640));
        stage.sizeToScene(); // the stage is shared by every test: take this scene's size
        stage.show();
    }

    @Test
    void buttonsAndShortcutsToggleTheControls(FxRobot robot) {
        Button mic = robot.lookup("#micButton").queryButton();
        assertThat(mic.getAccessibleText()).isEqualTo("Mute microphone (M)");
        assertThat(mic.getTooltip().getText()).isEqualTo("Mute microphone (M)");
        robot.clickOn(mic);
        assertThat(model.isMicrophoneMuted()).isTrue();
        assertThat(mic.getAccessibleText()).isEqualTo("Unmute microphone (M)");
        assertThat(mic.getPseudoClassStates()).extracting(Object::toString).contains("off");
        assertThat(robot.lookup("#selfView .tile-mic-off").query().isVisible()).isTrue();
        robot.type(KeyCode.M);
        assertThat(model.isMicrophoneMuted()).isFalse();

        Button camera = robot.lookup("#cameraButton").queryButton();
        robot.type(KeyCode.V);
        assertThat(model.isCameraOn()).isFalse();
        assertThat(camera.getAccessibleText()).isEqualTo("Turn camera on (V)");
        robot.clickOn(camera);
        assertThat(model.isCameraOn()).isTrue();
        assertThat(service.calls).containsExactly("mic muted=true", "mic muted=false", "camera enabled=false",
                "camera enabled=true");

        robot.type(KeyCode.F);
        assertThat(model.isFullScreen()).isTrue();
        assertThat(stage.isFullScreen()).as("applied to the window").isTrue();
        assertThat(robot.lookup("#fullScreenButton").queryButton().getAccessibleText())
                .isEqualTo("Leave full screen (F)");
        robot.type(KeyCode.S);
        assertThat(model.isStatsVisible()).isTrue();
        robot.type(KeyCode.ESCAPE);
        assertThat(model.isStatsVisible()).as("Esc closes the overlay first").isFalse();
        assertThat(model.isFullScreen()).isTrue();
        robot.type(KeyCode.ESCAPE);
        assertThat(model.isFullScreen()).isFalse();
        assertThat(stage.isFullScreen()).isFalse();
        robot.clickOn("#fullScreenButton");
        assertThat(stage.isFullScreen()).isTrue();
        robot.interact(() -> stage.setFullScreen(false));
        assertThat(model.isFullScreen()).as("the window left full screen by itself").isFalse();

        // Every control has accessible text and a tooltip.
        for (String id : List.of("#micButton", "#cameraButton", "#fullScreenButton", "#statsButton",
                "#leaveButton", "#copyCodeButton")) {
            Button b = robot.lookup(id).queryButton();
            assertThat(b.getAccessibleText()).as(id).isNotBlank();
            assertThat(b.getTooltip()).as(id).isNotNull();
        }
        MenuButton devices = robot.lookup("#deviceButton").queryAs(MenuButton.class);
        assertThat(devices.getAccessibleText()).isNotBlank();
        assertThat(devices.getItems()).extracting(MenuItem::getText).containsExactly("No other devices");
        robot.interact(() -> view.setDeviceMenu(() -> List.of(new MenuItem("Test camera"))));
        assertThat(devices.getItems()).extracting(MenuItem::getText).containsExactly("Test camera");
    }

    @Test
    void leavingAsksFirstAndEscapeOrStayCancels(FxRobot robot) {
        AtomicInteger ended = new AtomicInteger();
        model.setOnEnded(ended::incrementAndGet);
        Node confirm = robot.lookup("#leaveConfirm").query();
        assertThat(confirm.isVisible()).isFalse();

        robot.clickOn("#leaveButton");
        assertThat(confirm.isVisible()).isTrue();
        robot.type(KeyCode.M);
        assertThat(model.isMicrophoneMuted()).as("shortcuts wait while the question is open").isFalse();
        robot.type(KeyCode.ESCAPE);
        assertThat(confirm.isVisible()).isFalse();

        robot.clickOn("#leaveButton");
        robot.clickOn("#cancelLeaveButton");
        assertThat(confirm.isVisible()).isFalse();
        assertThat(service.calls).isEmpty();

        robot.clickOn("#leaveButton");
        robot.clickOn("#confirmLeaveButton");
        assertThat(service.calls).containsExactly("leave");
        assertThat(ended).hasValue(1);
        assertThat(model.isEnded()).isTrue();
    }

    @Test
    void theStatsOverlayTogglesAndShowsLiveSeries(FxRobot robot) {
        service.events.onParticipantJoined("a", "Ana");
        for (int i = 0; i < 10; i++) {
            service.events.onStats("a", FakeCallService.stats(5_000 + i * 1000L, 900 + 10 * i, 1.5, 60, 30));
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#statsOverlay").query().isVisible()).isFalse();
        assertThat(robot.lookup("#chart-bitrate-a").tryQuery()).as("no charts while closed").isEmpty();

        robot.clickOn("#statsButton");
        assertThat(robot.lookup("#statsOverlay").query().isVisible()).isTrue();
        LineChart<Number, Number> bitrate = chart(robot, "#chart-bitrate-a");
        assertThat(bitrate.getData()).hasSize(2);
        assertThat(bitrate.getData().get(0).getData()).hasSize(10);
        for (String chart : List.of("#chart-loss-a", "#chart-rtt-a", "#chart-fps-a")) {
            assertThat(chart(robot, chart).getData().get(0).getData()).as(chart)
                    .hasSize(10);
        }
        assertThat(text(robot, "#stats-a .figure-resolution")).isEqualTo("640 × 480");
        assertThat(text(robot, "#stats-a .figure-codecs")).isEqualTo("H264 video, opus audio");
        assertThat(text(robot, "#stats-a .figure-pair")).isEqualTo("Direct, through NAT (host/srflx)");
        assertThat(text(robot, "#stats-a .figure-fec")).isEqualTo("12 packets");
        assertThat(text(robot, "#stats-a .figure-nack")).isEqualTo("3 packets");
        assertThat(text(robot, "#stats-a .figure-bitrate")).isEqualTo("990 / 891 kbps");

        // Live: a new second of stats reaches the open chart.
        service.events.onStats("a", FakeCallService.stats(15_000, 1000, 2, 70, 29));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bitrate.getData().get(0).getData()).hasSize(11);
        // A second person gets a section of their own.
        service.events.onParticipantJoined("b", "Ben");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#stats-b").tryQuery()).isPresent();

        robot.clickOn("#statsCloseButton");
        assertThat(model.isStatsVisible()).isFalse();
        assertThat(robot.lookup("#statsOverlay").query().isVisible()).isFalse();
        assertThat(bitrate.getData()).as("charts let go of the series").isEmpty();
        robot.type(KeyCode.S);
        assertThat(chart(robot, "#chart-bitrate-a").getData().get(0).getData())
                .as("reopened with the same history").hasSize(11);
    }

    @SuppressWarnings("unchecked")
    private static LineChart<Number, Number> chart(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(LineChart.class);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
