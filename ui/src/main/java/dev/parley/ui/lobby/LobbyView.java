package dev.parley.ui.lobby;

import dev.parley.ui.banner.BannerView;
import dev.parley.ui.video.VideoPane;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.util.Duration;

/**
 * The lobby window's nodes, bound to a {@link LobbyViewModel}; no logic of its own. Two columns side by side when
 * the window is wide enough ({@value #TWO_COLUMNS_MIN_WIDTH} px), stacked otherwise: on the left the name, New room,
 * Join with a code and the password (or, inside a room, its code and link to share); on the right the self-preview,
 * microphone meter and device pickers; below them the collapsible Settings.
 *
 * <p>The preview and the meter run while the view is in a scene and visible.
 */
public final class LobbyView extends BorderPane {

    /** Narrower than this, the two columns stack. */
    public static final double TWO_COLUMNS_MIN_WIDTH = 820;
    private static final PseudoClass CONNECTED = PseudoClass.getPseudoClass("connected");
    private static final PseudoClass NARROW = PseudoClass.getPseudoClass("narrow");

    private final LobbyViewModel model;
    private final DevicePanel devices;
    private final GridPane columns = new GridPane();
    private final VBox left;
    private Boolean twoColumns;

    public LobbyView(LobbyViewModel model) {
        this.model = model;
        getStyleClass().add("lobby");
        setId("lobby");

        left = startCard();
        devices = new DevicePanel(model.devices(), model.nameProperty());

        columns.getStyleClass().add("lobby-columns");
        columns.setHgap(24);
        columns.setVgap(24);
        VBox content = new VBox(24, columns, new SettingsPanel(model.settings()));
        content.getStyleClass().add("lobby-content");
        content.setMaxWidth(1160);
        StackPane centered = new StackPane(content);
        StackPane.setAlignment(content, Pos.TOP_CENTER);
        centered.getStyleClass().add("lobby-page");
        ScrollPane scroll = new ScrollPane(centered);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("lobby-scroll");
        scroll.viewportBoundsProperty().addListener((obs, old, now) -> arrange(now.getWidth()));

        BannerView banners = new BannerView(model.banners());
        banners.setId("lobbyBanners");
        banners.setMaxHeight(USE_PREF_SIZE);
        banners.setMaxWidth(720);
        StackPane.setAlignment(banners, Pos.TOP_CENTER);
        StackPane.setMargin(banners, new Insets(12, 24, 0, 24));
        StackPane page = new StackPane(scroll, banners);

        setTop(header());
        setCenter(page);
        setBottom(statusBar());
        arrange(TWO_COLUMNS_MIN_WIDTH);

        InvalidationListener activity = o -> devices.setActive(getScene() != null && isVisible());
        sceneProperty().addListener(activity);
        visibleProperty().addListener(activity);
    }

    /** The self-preview pane (for tests and for mirroring once the pane supports it). */
    public VideoPane previewPane() {
        return devices.previewPane();
    }

    private void arrange(double width) {
        boolean wide = width >= TWO_COLUMNS_MIN_WIDTH;
        if (twoColumns != null && twoColumns == wide) {
            return;
        }
        twoColumns = wide;
        columns.getChildren().clear();
        columns.getColumnConstraints().clear();
        if (wide) {
            columns.getColumnConstraints().addAll(column(45), column(55));
            columns.add(left, 0, 0);
            columns.add(devices, 1, 0);
        } else {
            columns.getColumnConstraints().add(column(100));
            columns.add(left, 0, 0);
            columns.add(devices, 0, 1);
        }
        GridPane.setValignment(left, VPos.TOP);
        GridPane.setValignment(devices, VPos.TOP);
        GridPane.setFillHeight(left, false);
        GridPane.setFillHeight(devices, false);
        pseudoClassStateChanged(NARROW, !wide);
    }

    private static ColumnConstraints column(double percent) {
        ColumnConstraints c = new ColumnConstraints();
        c.setPercentWidth(percent);
        c.setHgrow(Priority.ALWAYS);
        c.setHalignment(HPos.LEFT);
        c.setFillWidth(true);
        return c;
    }

    private Node header() {
        Circle logo = new Circle(11);
        logo.getStyleClass().add("logo");
        Label title = new Label("Parley", logo);
        title.getStyleClass().add("title");
        title.setGraphicTextGap(10);
        Label subtitle = new Label("Video calls for two to four people. No account needed.");
        subtitle.getStyleClass().add("subtitle");
        VBox brand = new VBox(2, title, subtitle);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Region dot = new Region();
        dot.getStyleClass().add("status-dot");
        Label chip = new Label();
        chip.setId("connectionChip");
        chip.setGraphic(dot);
        chip.getStyleClass().add("connection-chip");
        chip.textProperty().bind(Bindings.when(model.connectedProperty()).then("Connected").otherwise("Connecting…"));
        chip.accessibleTextProperty().bind(Bindings.when(model.connectedProperty())
                .then("Connected to the server").otherwise("Not connected to the server"));
        model.connectedProperty().addListener((obs, was, is) -> chip.pseudoClassStateChanged(CONNECTED, is));

        HBox header = new HBox(16, brand, spacer, chip);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("lobby-header");
        return header;
    }

    private Node statusBar() {
        Label status = new Label();
        status.setId("statusLabel");
        status.getStyleClass().add("status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        HBox bar = new HBox(status);
        HBox.setHgrow(status, Priority.ALWAYS);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private VBox startCard() {
        Label title = new Label();
        title.getStyleClass().add("card-title");
        title.textProperty().bind(Bindings.when(model.inRoomProperty()).then("Your room")
                .otherwise("Start or join a call"));

        TextField name = new TextField();
        name.setId("nameField");
        name.setPromptText("How others will see you");
        name.setAccessibleText("Your name, as others will see it");
        name.textProperty().bindBidirectional(model.nameProperty());
        name.disableProperty().bind(model.inRoomProperty());
        VBox nameBox = field("Your name", name, hint("nameHint", model.nameHintProperty()));

        VBox card = new VBox(18, title, nameBox, startSection(), roomSection());
        card.getStyleClass().addAll("card", "start-card");
        return card;
    }

    private Node startSection() {
        PasswordField password = new PasswordField();
        password.setId("passwordField");
        password.setPromptText("Optional");
        password.setAccessibleText("Room password, optional");
        password.textProperty().bindBidirectional(model.passwordProperty());
        password.disableProperty().bind(model.inRoomProperty());
        password.setOnAction(e -> {
            e.consume();
            model.joinRoom();
        });
        Label passwordCaption = caption("Protects a new room, or opens a room that has one.");
        VBox passwordBox = field("Room password", password, passwordCaption);

        Button create = new Button("New room");
        create.setId("createButton");
        create.getStyleClass().addAll("accent", "wide");
        create.setMaxWidth(Double.MAX_VALUE);
        create.setTooltip(new Tooltip("Make a room and get a code to share"));
        create.setAccessibleText("New room: make a room and get a code to share");
        create.disableProperty().bind(model.canCreateProperty().not());
        create.setOnAction(e -> model.createRoom());

        Separator l = new Separator();
        Separator r = new Separator();
        HBox.setHgrow(l, Priority.ALWAYS);
        HBox.setHgrow(r, Priority.ALWAYS);
        Label or = new Label("or join with a code");
        or.getStyleClass().add("divider-text");
        HBox divider = new HBox(10, l, or, r);
        divider.setAlignment(Pos.CENTER);

        TextField code = new TextField();
        code.setId("codeField");
        code.setPromptText("Code or link, e.g. 7mq2k-xd41r");
        code.setAccessibleText("Room code or parley link to join");
        code.setTextFormatter(new TextFormatter<String>(change -> {
            if (!change.isContentChange()) {
                return change;
            }
            String proposed = change.getControlNewText();
            String shown = model.normalizeTyping(proposed);
            if (!shown.equals(proposed)) {
                change.setRange(0, change.getControlText().length());
                change.setText(shown);
                change.selectRange(shown.length(), shown.length());
            }
            return change;
        }));
        code.textProperty().bindBidirectional(model.roomCodeInputProperty());
        code.disableProperty().bind(model.inRoomProperty());
        code.setOnAction(e -> {
            e.consume();
            model.joinRoom();
        });
        code.getStyleClass().add("code-field");
        HBox.setHgrow(code, Priority.ALWAYS);

        Button join = new Button("Join");
        join.setId("joinButton");
        join.setDefaultButton(true);
        join.getStyleClass().add("accent");
        join.setTooltip(new Tooltip("Enter the room with this code"));
        join.setAccessibleText("Join the room with this code");
        join.disableProperty().bind(model.canJoinProperty().not());
        join.setOnAction(e -> model.joinRoom());
        HBox joinRow = new HBox(10, code, join);
        joinRow.setAlignment(Pos.CENTER_LEFT);

        Label codeHint = hint("codeHint", model.codeHintProperty());
        VBox section = new VBox(14, passwordBox, create, divider, new VBox(6, joinRow, codeHint));
        section.getStyleClass().add("start-section");
        section.visibleProperty().bind(model.inRoomProperty().not());
        section.managedProperty().bind(section.visibleProperty());
        return section;
    }

    private Node roomSection() {
        Label roomCode = new Label();
        roomCode.setId("roomCodeLabel");
        roomCode.getStyleClass().add("room-code");
        roomCode.textProperty().bind(model.currentRoomProperty());
        roomCode.accessibleTextProperty().bind(Bindings.concat("Room code ", model.currentRoomProperty()));
        Button copy = copyButton("copyButton", "Copy code", "Copy the room code to the clipboard",
                () -> model.currentRoomProperty().get());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox codeRow = new HBox(12, roomCode, spacer, copy);
        codeRow.setAlignment(Pos.CENTER_LEFT);

        TextField link = new TextField();
        link.setId("shareLinkField");
        link.setEditable(false);
        link.setFocusTraversable(true);
        link.setAccessibleText("Link to this room");
        link.textProperty().bind(model.shareLinkProperty());
        link.getStyleClass().add("share-link");
        HBox.setHgrow(link, Priority.ALWAYS);
        Button copyLink = copyButton("copyLinkButton", "Copy link", "Copy the room's link to the clipboard",
                () -> model.shareLinkProperty().get());
        HBox linkRow = new HBox(10, Icons.icon(Icons.LINK, 16), link, copyLink);
        linkRow.setAlignment(Pos.CENTER_LEFT);
        Label share = caption("Send the code or the link to up to three people. Anyone who has it can join"
                + " (with the password, if you set one).");

        ListView<RoomEvents.Participant> people = new ListView<>(model.participants());
        people.setId("participantsList");
        people.setAccessibleText("People in the room");
        people.setPrefHeight(120);
        people.setPlaceholder(new Label("Nobody else is here yet."));
        people.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(RoomEvents.Participant p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.name());
            }
        });

        Button leave = new Button("Leave room");
        leave.setId("leaveButton");
        leave.getStyleClass().add("danger");
        leave.setAccessibleText("Leave the room");
        leave.setOnAction(e -> model.leaveRoom());

        VBox room = new VBox(12, codeRow, new VBox(6, linkRow, share), sectionLabel("In the room"), people, leave);
        room.setId("roomBar");
        room.getStyleClass().add("room-section");
        room.visibleProperty().bind(model.inRoomProperty());
        room.managedProperty().bind(room.visibleProperty());
        return room;
    }

    private static Button copyButton(String id, String text, String accessible, Supplier<String> what) {
        Button button = new Button(text, Icons.icon(Icons.COPY, 16));
        button.setId(id);
        button.setAccessibleText(accessible);
        button.getStyleClass().add("copy-button");
        PauseTransition revert = new PauseTransition(Duration.seconds(1.5));
        revert.setOnFinished(e -> button.setText(text));
        button.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(what.get());
            Clipboard.getSystemClipboard().setContent(content);
            button.setText("Copied");
            revert.playFromStart();
        });
        return button;
    }

    private static VBox field(String label, Node control, Node below) {
        Label name = sectionLabel(label);
        name.setLabelFor(control);
        return new VBox(6, name, control, below);
    }

    private static Label sectionLabel(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        return label;
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("caption");
        label.setWrapText(true);
        return label;
    }

    private static Label hint(String id, ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("hint");
        label.setWrapText(true);
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
