package dev.parley.ui.lobby;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.ui.ParleyApplication;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The lobby as today's window shell builds it (rooms only, a small 540x540 window): still usable until the shell
 * hands over devices and settings.
 */
@ExtendWith(ApplicationExtension.class)
class LobbyInShellTest {

    private final FakeRoomService service = new FakeRoomService();

    @Start
    @SuppressWarnings("deprecation")
    void start(Stage stage) {
        stage.setScene(ParleyApplication.createScene(new LobbyViewModel(service, Platform::runLater)));
        stage.sizeToScene(); // the stage is shared by every test: take this scene's size
        stage.show();
    }

    @Test
    void aPersonCanStillMakeARoomInTheSmallWindow(FxRobot robot) {
        robot.clickOn("#nameField").write("Ada");
        robot.clickOn("#createButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(service.calls).containsExactly("create Ada null");
        service.events.onEntered("7mq2k-xd41r", List.of());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#roomCodeLabel").queryAs(Label.class).getText()).isEqualTo("7mq2k-xd41r");
        assertThat(robot.lookup("#statusLabel").queryAs(Label.class).getText()).contains("7mq2k-xd41r");
        assertThat(robot.lookup("#noCameraLabel").query().isVisible()).as("no device service: says so")
                .isTrue();
    }
}
