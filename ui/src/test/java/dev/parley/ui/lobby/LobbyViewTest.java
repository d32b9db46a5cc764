package dev.parley.ui.lobby;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.ui.ParleyApplication;
import java.io.File;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The lobby window driven as a person would, headless (Monocle). */
@ExtendWith(ApplicationExtension.class)
class LobbyViewTest {

    private final FakeRoomService service = new FakeRoomService();
    private LobbyViewModel model;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        model = new LobbyViewModel(service, javafx.application.Platform::runLater);
        stage.setScene(ParleyApplication.createScene(model));
        stage.show();
    }

    @Test
    void typingANameAndACodeEnablesJoinAndJoiningShowsTheRoom(FxRobot robot) throws Exception {
        Button join = robot.lookup("#joinButton").queryButton();
        Button create = robot.lookup("#createButton").queryButton();
        assertThat(join.isDisabled()).isTrue();
        assertThat(create.isDisabled()).isTrue();

        robot.clickOn("#nameField").write("Ada");
        assertThat(create.isDisabled()).isFalse();
        robot.clickOn("#codeField").write("abcd");
        assertThat(robot.lookup("#codeHint").queryAs(Label.class).getText()).contains("Keep typing");
        assertThat(join.isDisabled()).isTrue();
        robot.write("e-fghij");
        assertThat(join.isDisabled()).isFalse();
        robot.clickOn("#joinButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(service.calls).containsExactly("join abcde-fghij Ada null");

        service.events.onEntered("abcde-fghij", List.of(new RoomEvents.Participant("p1", "Grace")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#roomCodeLabel").queryAs(Label.class).getText()).isEqualTo("abcde-fghij");
        assertThat(robot.lookup("#statusLabel").queryAs(Label.class).getText()).contains("Grace");
        assertThat(robot.lookup("#roomBar").query().isVisible()).isTrue();
        assertThat(robot.lookup("#nameField").query().isDisabled()).as("no renaming inside a room").isTrue();

        // A picture of the lobby for people reviewing the change.
        WritableImage shot = snapshot();
        File out = new File("target/screenshots/lobby-in-room.png");
        out.getParentFile().mkdirs();
        ImageIO.write(SwingFXUtils.fromFXImage(shot, null), "png", out);
        assertThat(out).isNotEmpty();

        robot.clickOn("#leaveButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(service.calls).endsWith("leave");
        assertThat(robot.lookup("#roomBar").query().isVisible()).isFalse();
        assertThat(robot.lookup("#createButton").queryButton().isDisabled()).isFalse();
    }

    private WritableImage snapshot() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get();
    }
}
