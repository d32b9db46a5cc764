package dev.parley.ui.lobby;

import dev.parley.rtc.media.VideoSource;
import dev.parley.ui.devices.DeviceOption.Kind;
import dev.parley.ui.devices.DeviceOption;
import dev.parley.ui.video.VideoPane;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * The lobby's right-hand card: the self-preview with the person's name on it, the microphone meter, and the camera,
 * microphone and speaker pickers with the latest device news. Shows the preview and polls the microphone only while
 * {@link #setActive active} (the lobby is on screen), so the camera's single sink is free for the call view.
 */
final class DevicePanel extends VBox {

    /** How often the microphone is read. */
    static final long METER_PERIOD_NANOS = 50_000_000L;
    /** Cameras mostly deliver 16:9 (1280x720); other shapes are letterboxed by the pane. */
    private static final double PREVIEW_ASPECT = 16.0 / 9.0;
    private static final double PREVIEW_MAX_HEIGHT = 320;

    private final DevicesViewModel model;
    private final VideoPane preview = mirrored(new VideoPane());
    private final AnimationTimer meterTimer;
    private boolean active;

    DevicePanel(DevicesViewModel model, ObservableStringValue displayName) {
        this.model = model;
        getStyleClass().addAll("card", "device-panel");
        setSpacing(14);

        Label title = new Label("Camera and sound");
        title.getStyleClass().add("card-title");

        preview.setId("previewPane");
        preview.setAccessibleText("Your camera preview");
        Label noCamera = new Label("No camera", Icons.icon(Icons.CAMERA, 28));
        noCamera.setContentDisplay(ContentDisplay.TOP);
        noCamera.setId("noCameraLabel");
        noCamera.getStyleClass().add("preview-placeholder");
        noCamera.visibleProperty().bind(model.previewProperty().isNull());
        Label nameTag = new Label();
        nameTag.getStyleClass().add("preview-name");
        nameTag.textProperty().bind(Bindings.createStringBinding(
                () -> displayName.get() == null || displayName.get().isBlank() ? "You" : displayName.get().strip(),
                displayName));
        StackPane.setAlignment(nameTag, Pos.BOTTOM_LEFT);
        StackPane previewBox = new StackPane(preview, noCamera, nameTag);
        previewBox.getStyleClass().add("preview");
        previewBox.setMinHeight(150);
        previewBox.setMaxHeight(PREVIEW_MAX_HEIGHT);
        previewBox.prefHeightProperty().bind(Bindings.min(PREVIEW_MAX_HEIGHT,
                previewBox.widthProperty().divide(PREVIEW_ASPECT)));
        Rectangle round = new Rectangle();
        round.setArcWidth(20);
        round.setArcHeight(20);
        round.widthProperty().bind(previewBox.widthProperty());
        round.heightProperty().bind(previewBox.heightProperty());
        previewBox.setClip(round);
        model.previewProperty().addListener((obs, old, now) -> showPreview());

        LevelMeterBar meter = new LevelMeterBar(model.meter());
        meter.setId("micMeter");
        meter.setAccessibleText("Microphone level");
        HBox.setHgrow(meter, Priority.ALWAYS);
        Label meterCaption = new Label();
        meterCaption.getStyleClass().add("caption");
        meterCaption.textProperty().bind(Bindings.when(model.meter().clippingProperty())
                .then("Too loud: move back a little or turn the input down.")
                .otherwise("Speak to test your microphone."));
        HBox meterRow = new HBox(10, Icons.icon(Icons.MICROPHONE, 16), meter);
        meterRow.setAlignment(Pos.CENTER_LEFT);
        meterRow.getStyleClass().add("meter-row");

        GridPane pickers = new GridPane();
        pickers.getStyleClass().add("form-grid");
        pickers.setHgap(12);
        pickers.setVgap(10);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        pickers.getColumnConstraints().addAll(labels, fields);
        addPicker(pickers, 0, Kind.CAMERA, "cameraPicker", "Camera", Icons.CAMERA, "No camera found");
        addPicker(pickers, 1, Kind.MICROPHONE, "microphonePicker", "Microphone", Icons.MICROPHONE,
                "No microphone found");
        addPicker(pickers, 2, Kind.SPEAKER, "speakerPicker", "Speaker", Icons.SPEAKER, "No speaker found");

        Label status = new Label();
        status.setId("deviceStatus");
        status.getStyleClass().add("device-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        status.visibleProperty().bind(model.statusProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());

        getChildren().addAll(title, previewBox, meterRow, meterCaption, pickers, status);

        meterTimer = new AnimationTimer() {
            private long last = Long.MIN_VALUE;

            @Override
            public void handle(long now) {
                if (last == Long.MIN_VALUE || now - last >= METER_PERIOD_NANOS) {
                    last = now;
                    model.pollMicrophone(now);
                }
            }
        };
    }

    private void addPicker(GridPane grid, int row, Kind kind, String id, String label, String icon,
                           String nothing) {
        ComboBox<DeviceOption> picker = new ComboBox<>(model.options(kind));
        picker.setId(id);
        picker.setAccessibleText(label + " to use");
        picker.setPromptText(nothing);
        picker.setPlaceholder(new Label(nothing));
        picker.setMaxWidth(Double.MAX_VALUE);
        picker.valueProperty().bindBidirectional(model.selectedProperty(kind));
        picker.setCellFactory(list -> new DeviceCell(null));
        picker.setButtonCell(new DeviceCell(nothing));
        Label name = new Label(label, Icons.icon(icon, 16));
        name.getStyleClass().add("field-label");
        name.setLabelFor(picker);
        grid.addRow(row, name, picker);
        GridPane.setHgrow(picker, Priority.ALWAYS);
    }

    /** Starts or stops the preview and the meter (the lobby calls this as it appears and disappears). */
    void setActive(boolean on) {
        if (on == active) {
            return;
        }
        active = on;
        if (on) {
            meterTimer.start();
        } else {
            meterTimer.stop();
            model.meter().reset();
        }
        showPreview();
    }

    private void showPreview() {
        VideoSource source = active ? model.previewProperty().get() : null;
        preview.setSource(source);
    }

    VideoPane previewPane() {
        return preview;
    }

    /** A device's name; synthetic stand-ins such as the test pattern get the {@code synthetic-device} class. */
    private static final class DeviceCell extends ListCell<DeviceOption> {
        private final String whenEmpty;

        DeviceCell(String whenEmpty) {
            this.whenEmpty = whenEmpty;
        }

        @Override
        protected void updateItem(DeviceOption item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("synthetic-device");
            if (empty || item == null) {
                setText(whenEmpty);
            } else {
                setText(item.name());
                if (item.synthetic()) {
                    getStyleClass().add("synthetic-device");
                }
            }
        }
    }

    /** A self-preview shows the person as in a mirror, as every video-call app does. */
    private static VideoPane mirrored(VideoPane pane) {
        pane.setMirrored(true);
        return pane;
    }
}
