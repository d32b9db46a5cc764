package dev.parley.ui.call;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * What the call screen shows while nobody else is there: the room code, large, and the {@code parley://join/CODE}
 * link, each with a copy button, so the person can invite others right away.
 */
final class InviteCard extends VBox {

    InviteCard(CallViewModel model) {
        setId("inviteCard");
        getStyleClass().add("invite-card");
        setAlignment(Pos.CENTER);
        setSpacing(12);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);

        Label waiting = new Label("Waiting for others to join. Share the room code or the link:");
        waiting.setId("waitingLabel");
        waiting.getStyleClass().add("waiting-label");
        waiting.setWrapText(true);

        Label code = new Label(model.roomCode());
        code.setId("inviteCode");
        code.getStyleClass().add("invite-code");
        code.setAccessibleText("Room code " + model.roomCode());

        TextField link = new TextField(model.shareLink());
        link.setId("inviteLink");
        link.setEditable(false);
        link.setPrefColumnCount(26);
        link.getStyleClass().add("invite-link");
        link.setAccessibleText("Link to this room");

        Button copyCode = new Button("Copy code");
        copyCode.setId("copyInviteCodeButton");
        copyCode.setAccessibleText("Copy the room code");
        copyCode.setOnAction(e -> copy(model.roomCode()));
        Button copyLink = new Button("Copy link");
        copyLink.setId("copyInviteLinkButton");
        copyLink.setAccessibleText("Copy the link to this room");
        copyLink.setOnAction(e -> copy(model.shareLink()));
        HBox buttons = new HBox(8, copyCode, copyLink);
        buttons.setAlignment(Pos.CENTER);

        getChildren().addAll(waiting, code, link, buttons);
        visibleProperty().bind(Bindings.isEmpty(model.participants()));
        managedProperty().bind(visibleProperty());
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
