package dev.parley.ui.call;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.value.ObservableBooleanValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The control bar (id {@code controlBar}, style class {@code control-bar}): on the left the room code
 * ({@code roomCodeLabel}), the call status ({@code callStatusLabel}) and copy ({@code copyCodeButton}); in the middle
 * microphone ({@code micButton}), camera ({@code cameraButton}), devices ({@code deviceButton}), full screen
 * ({@code fullScreenButton}) and leave ({@code leaveButton}); on the right the stats toggle ({@code statsButton}).
 * Toggles carry the pseudo-class {@code :off} (microphone muted, camera off) or {@code :on} (full screen, stats open).
 */
final class CallControls extends BorderPane {

    static final PseudoClass OFF = PseudoClass.getPseudoClass("off");
    static final PseudoClass ON = PseudoClass.getPseudoClass("on");

    private final MenuButton devices = new MenuButton();
    private Supplier<List<MenuItem>> deviceItems = List::of;

    CallControls(CallViewModel model, Runnable copyRoomCode) {
        setId("controlBar");
        getStyleClass().add("control-bar");

        Button mic = toggle("micButton", model.microphoneMutedProperty(), OFF,
                Icons.MICROPHONE_OFF, Icons.MICROPHONE, "Unmute microphone", "Mute microphone", "M");
        mic.setOnAction(e -> model.toggleMicrophone());
        Button camera = toggle("cameraButton", model.cameraOnProperty().not(), OFF,
                Icons.CAMERA_OFF, Icons.CAMERA, "Turn camera on", "Turn camera off", "V");
        camera.setOnAction(e -> model.toggleCamera());
        Button fullScreen = toggle("fullScreenButton", model.fullScreenProperty(), ON,
                Icons.EXIT_FULL_SCREEN, Icons.FULL_SCREEN, "Leave full screen", "Full screen", "F");
        fullScreen.setOnAction(e -> model.toggleFullScreen());
        Button stats = toggle("statsButton", model.statsVisibleProperty(), ON,
                Icons.STATS, Icons.STATS, "Hide connection stats", "Show connection stats", "S");
        stats.setOnAction(e -> model.toggleStats());

        devices.setId("deviceButton");
        devices.setGraphic(Icons.icon(Icons.DEVICES, 20));
        devices.getStyleClass().addAll("call-button", "device-button");
        devices.setAccessibleText("Choose camera, microphone and speaker");
        devices.setTooltip(new Tooltip("Camera, microphone and speaker"));
        devices.setOnShowing(e -> fillDevices());
        fillDevices();

        Button leave = new Button("Leave");
        leave.setId("leaveButton");
        leave.setGraphic(Icons.icon(Icons.LEAVE, 20));
        leave.getStyleClass().addAll("call-button", "leave-button");
        leave.setAccessibleText("Leave the call");
        leave.setTooltip(new Tooltip("Leave the call"));
        leave.setOnAction(e -> model.requestLeave());

        HBox centre = new HBox(10, mic, camera, devices, fullScreen, leave);
        centre.setAlignment(Pos.CENTER);
        centre.getStyleClass().add("control-bar-centre");

        Label code = new Label(model.roomCode());
        code.setId("roomCodeLabel");
        code.getStyleClass().add("room-code");
        code.setAccessibleText("Room code " + model.roomCode());
        Label status = new Label();
        status.setId("callStatusLabel");
        status.getStyleClass().add("call-status");
        status.textProperty().bind(model.statusTextProperty());
        VBox codeAndStatus = new VBox(0, code, status);
        codeAndStatus.setAlignment(Pos.CENTER_LEFT);
        Button copy = new Button();
        copy.setId("copyCodeButton");
        copy.setGraphic(Icons.icon(Icons.COPY, 16));
        copy.getStyleClass().addAll("call-button", "small-button");
        copy.setAccessibleText("Copy the room code and its link");
        copy.setTooltip(new Tooltip("Copy room code and link"));
        copy.setOnAction(e -> copyRoomCode.run());
        HBox left = new HBox(8, codeAndStatus, copy);
        left.setAlignment(Pos.CENTER_LEFT);
        left.getStyleClass().add("control-bar-left");

        HBox right = new HBox(10, stats);
        right.setAlignment(Pos.CENTER_RIGHT);
        right.getStyleClass().add("control-bar-right");
        // Keep the buttons centred: the right side as wide as the left.
        left.setMinWidth(Region.USE_PREF_SIZE);
        right.minWidthProperty().bind(left.widthProperty());

        setLeft(left);
        setCenter(centre);
        setRight(right);
    }

    /** Where the device menu's items come from, asked each time it opens. */
    void setDeviceItems(Supplier<List<MenuItem>> items) {
        deviceItems = Objects.requireNonNull(items, "items");
        fillDevices();
    }

    private void fillDevices() {
        List<MenuItem> items = deviceItems.get();
        if (items == null || items.isEmpty()) {
            MenuItem none = new MenuItem("No other devices");
            none.setDisable(true);
            devices.getItems().setAll(none);
        } else {
            devices.getItems().setAll(items);
        }
    }

    /**
     * A round icon button for a two-state control: {@code state} true shows {@code trueIcon} with the pseudo-class
     * and the action {@code trueText}; false shows the other icon and text. The tooltip names the shortcut.
     */
    private static Button toggle(String id, ObservableBooleanValue state, PseudoClass pseudo, String trueIcon,
                                 String falseIcon, String trueText, String falseText, String key) {
        Button b = new Button();
        b.setId(id);
        b.getStyleClass().add("call-button");
        Region icon = Icons.icon(falseIcon, 20);
        b.setGraphic(icon);
        Tooltip tip = new Tooltip();
        b.setTooltip(tip);
        Runnable apply = () -> {
            boolean s = state.get();
            Icons.reshape(icon, s ? trueIcon : falseIcon);
            b.pseudoClassStateChanged(pseudo, s);
            String text = s ? trueText : falseText;
            b.setAccessibleText(text + " (" + key + ")");
            tip.setText(text + " (" + key + ")");
        };
        state.addListener((obs, was, is) -> apply.run());
        b.getProperties().put(CallControls.class, state); // A binding only listeners point to would be collected.
        apply.run();
        return b;
    }
}
