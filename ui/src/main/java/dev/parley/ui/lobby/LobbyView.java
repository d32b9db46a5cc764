package dev.parley.ui.lobby;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The lobby window's nodes, bound to a {@link LobbyViewModel}; no logic of its own. */
public final class LobbyView extends VBox {

    public LobbyView(LobbyViewModel model) {
        getStyleClass().add("lobby");
        setSpacing(14);
        setPadding(new Insets(24));

        Label title = new Label("Parley");
        title.getStyleClass().add("title");
        Label subtitle = new Label("Video calls for two to four people. No account needed.");
        subtitle.getStyleClass().add("subtitle");

        TextField name = new TextField();
        name.setId("nameField");
        name.setPromptText("Your name");
        name.setAccessibleText("Your name, as others will see it");
        name.textProperty().bindBidirectional(model.nameProperty());

        TextField code = new TextField();
        code.setId("codeField");
        code.setPromptText("Room code, e.g. 7mq2k-xd41r");
        code.setAccessibleText("Room code to join");
        code.textProperty().bindBidirectional(model.roomCodeInputProperty());
        Label codeHint = new Label();
        codeHint.setId("codeHint");
        codeHint.getStyleClass().add("hint");
        codeHint.textProperty().bind(model.codeHintProperty());

        PasswordField password = new PasswordField();
        password.setId("passwordField");
        password.setPromptText("Room password (optional)");
        password.setAccessibleText("Room password, optional");
        password.textProperty().bindBidirectional(model.passwordProperty());

        Button create = new Button("New room");
        create.setId("createButton");
        create.setDefaultButton(false);
        create.setTooltip(new Tooltip("Make a room and get a code to share"));
        create.disableProperty().bind(model.canCreateProperty().not());
        create.setOnAction(e -> model.createRoom());

        Button join = new Button("Join");
        join.setId("joinButton");
        join.setDefaultButton(true);
        join.setTooltip(new Tooltip("Enter the room with this code"));
        join.disableProperty().bind(model.canJoinProperty().not());
        join.setOnAction(e -> model.joinRoom());
        code.setOnAction(e -> model.joinRoom());

        // What you typed to get in stays put while you are inside.
        name.disableProperty().bind(model.inRoomProperty());
        code.disableProperty().bind(model.inRoomProperty());
        password.disableProperty().bind(model.inRoomProperty());

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("Name"), name);
        form.addRow(1, new Label("Room code"), code, join);
        form.add(codeHint, 1, 2);
        form.addRow(3, new Label("Password"), password);
        GridPane.setHgrow(name, Priority.ALWAYS);
        GridPane.setHgrow(code, Priority.ALWAYS);

        HBox actions = new HBox(10, create);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label roomCode = new Label();
        roomCode.setId("roomCodeLabel");
        roomCode.getStyleClass().add("room-code");
        roomCode.textProperty().bind(model.currentRoomProperty());
        Button copy = new Button("Copy code");
        copy.setId("copyButton");
        copy.setAccessibleText("Copy the room code to the clipboard");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.currentRoomProperty().get());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Button leave = new Button("Leave");
        leave.setId("leaveButton");
        leave.setOnAction(e -> model.leaveRoom());
        HBox room = new HBox(10, new Label("Room"), roomCode, copy, leave);
        room.setId("roomBar");
        room.setAlignment(Pos.CENTER_LEFT);
        room.visibleProperty().bind(model.inRoomProperty());
        room.managedProperty().bind(model.inRoomProperty());

        ListView<RoomEvents.Participant> people = new ListView<>(model.participants());
        people.setId("participantsList");
        people.setPrefHeight(120);
        people.setPlaceholder(new Label("Nobody else is here yet."));
        people.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(RoomEvents.Participant p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.name());
            }
        });
        people.visibleProperty().bind(model.inRoomProperty());
        people.managedProperty().bind(model.inRoomProperty());

        Label status = new Label();
        status.setId("statusLabel");
        status.getStyleClass().add("status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());

        getChildren().addAll(title, subtitle, form, actions, room, people, status);
    }
}
