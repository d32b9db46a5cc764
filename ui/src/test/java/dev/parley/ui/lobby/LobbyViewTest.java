package dev.parley.ui.lobby;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/** The lobby's rooms half driven as a person would: name, code as typed or pasted, join, a new room to share. */
class LobbyViewTest extends LobbyFxTestBase {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Stop
    void stop() {
        close();
    }

    @Test
    void typingANameAndACodeEnablesJoinAndJoiningShowsTheRoom(FxRobot robot) {
        Button join = robot.lookup("#joinButton").queryButton();
        Button create = robot.lookup("#createButton").queryButton();
        assertThat(join.isDisabled()).isTrue();
        assertThat(create.isDisabled()).isTrue();

        robot.clickOn("#nameField").write("Ada");
        assertThat(create.isDisabled()).isFalse();
        robot.clickOn("#codeField").write("ABCD");
        assertThat(robot.lookup("#codeHint").queryAs(Label.class).getText()).contains("Keep typing");
        assertThat(join.isDisabled()).isTrue();
        robot.write("E FGHIJ");
        assertThat(robot.lookup("#codeField").queryAs(TextField.class).getText())
                .as("normalised as soon as it is complete").isEqualTo("abcde-fghij");
        assertThat(robot.lookup("#codeHint").queryAs(Label.class).isVisible()).isFalse();
        assertThat(join.isDisabled()).isFalse();
        robot.clickOn("#joinButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(service.calls).containsExactly("join abcde-fghij Ada null");
        assertThat(store.stored().displayName()).as("the name is remembered").isEqualTo("Ada");

        service.events.onEntered("abcde-fghij", List.of(new RoomEvents.Participant("p1", "Grace")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#roomCodeLabel").queryAs(Label.class).getText()).isEqualTo("abcde-fghij");
        assertThat(robot.lookup("#statusLabel").queryAs(Label.class).getText()).contains("Grace");
        assertThat(robot.lookup("#roomBar").query().isVisible()).isTrue();
        assertThat(robot.lookup(".start-section").query().isVisible()).as("the join form makes way").isFalse();
        assertThat(robot.lookup("#nameField").query().isDisabled()).as("no renaming inside a room").isTrue();

        robot.clickOn("#leaveButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(service.calls).endsWith("leave");
        assertThat(robot.lookup("#roomBar").query().isVisible()).isFalse();
        assertThat(robot.lookup("#createButton").queryButton().isDisabled()).isFalse();
    }


    @Test
    void aPastedLinkBecomesTheCodeAndEnterJoins(FxRobot robot) throws Exception {
        robot.clickOn("#nameField").write("Ada");
        WaitForAsyncUtils.asyncFx(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString("parley://join/ABCDEFGHIJ");
            Clipboard.getSystemClipboard().setContent(content);
        }).get();
        robot.clickOn("#codeField").push(KeyCode.CONTROL, KeyCode.V);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#codeField").queryAs(TextField.class).getText()).isEqualTo("abcde-fghij");
        robot.clickOn("#passwordField").write("pw").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(service.calls).containsExactly("join abcde-fghij Ada pw");
    }


    @Test
    void aWrongPasswordShowsAnErrorBannerWithWhatToDo(FxRobot robot) {
        service.nextResult = CompletableFuture.failedFuture(
                new IllegalStateException("That password is wrong for this room."));
        robot.clickOn("#nameField").write("Ada");
        robot.clickOn("#codeField").write("abcdefghij");
        robot.clickOn("#passwordField").write("guess").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#lobbyBanners .banner-error").tryQuery()).isPresent();
        assertThat(robot.lookup("#lobbyBanners .banner-error").query().isVisible()).isTrue();
        assertThat(model.banners().banners().get(0).notice().action()).contains("password");
    }

    @Test
    void aNewRoomShowsItsCodeAndLinkAndCopyPutsThemOnTheClipboard(FxRobot robot) throws Exception {
        robot.clickOn("#nameField").write("Ada");
        robot.clickOn("#createButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(service.calls).containsExactly("create Ada null");
        service.events.onEntered("7mq2k-xd41r", List.of());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#roomCodeLabel").queryAs(Label.class).getText()).isEqualTo("7mq2k-xd41r");
        assertThat(robot.lookup("#shareLinkField").queryAs(TextField.class).getText())
                .isEqualTo("parley://join/7mq2k-xd41r");

        robot.clickOn("#copyButton");
        assertThat(clipboard()).isEqualTo("7mq2k-xd41r");
        assertThat(robot.lookup("#copyButton").queryButton().getText()).as("the button says it worked")
                .isEqualTo("Copied");
        robot.clickOn("#copyLinkButton");
        assertThat(clipboard()).isEqualTo("parley://join/7mq2k-xd41r");
    }


    private static String clipboard() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
    }
}
