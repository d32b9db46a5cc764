package dev.parley.ui.call;

import dev.parley.ui.video.VideoPane;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * The person's own camera as a picture-in-picture (id {@code selfView}, style class {@code self-view}): the video as
 * sent, "You" with a muted-microphone badge, and a camera-off placeholder when the camera is off or missing.
 */
final class SelfView extends StackPane {

    private final VideoPane video = new VideoPane();

    SelfView(CallViewModel model) {
        setId("selfView");
        getStyleClass().add("self-view");
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        clip.setArcWidth(14);
        clip.setArcHeight(14);
        setClip(clip);

        video.setId("selfVideo");
        video.setMirrored(true); // people expect to see themselves as in a mirror
        video.setMinSize(0, 0);
        var showVideo = model.cameraOnProperty().and(model.selfViewProperty().isNotNull());
        video.visibleProperty().bind(showVideo);
        video.setSource(model.selfViewProperty().get());
        model.selfViewProperty().addListener((obs, old, now) -> video.setSource(now));

        Region cameraOff = Icons.icon(Icons.CAMERA_OFF, 22);
        cameraOff.getStyleClass().add("self-view-icon");
        Label offText = new Label();
        offText.getStyleClass().add("self-view-off-text");
        offText.textProperty().bind(Bindings.when(model.selfViewProperty().isNull())
                .then("No camera").otherwise("Your camera is off"));
        VBox placeholder = new VBox(6, cameraOff, offText);
        placeholder.setAlignment(Pos.CENTER);
        placeholder.getStyleClass().add("self-view-placeholder");
        placeholder.visibleProperty().bind(showVideo.not());

        Region micOff = Icons.icon(Icons.MICROPHONE_OFF, 12);
        micOff.getStyleClass().add("tile-mic-off");
        micOff.visibleProperty().bind(model.microphoneMutedProperty());
        micOff.managedProperty().bind(model.microphoneMutedProperty());
        Label you = new Label("You");
        you.getStyleClass().add("tile-name");
        HBox tag = new HBox(4, micOff, you);
        tag.setAlignment(Pos.CENTER_LEFT);
        tag.getStyleClass().addAll("tile-name-tag", "self-view-tag");
        tag.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(tag, Pos.BOTTOM_LEFT);

        getChildren().addAll(placeholder, video, tag);
        setAccessibleRole(AccessibleRole.NODE);
        accessibleTextProperty().bind(Bindings.createStringBinding(() -> "Your own video"
                        + (model.selfViewProperty().get() == null ? ", no camera"
                        : model.isCameraOn() ? "" : ", camera off")
                        + (model.isMicrophoneMuted() ? ", microphone muted" : ""),
                model.selfViewProperty(), model.cameraOnProperty(), model.microphoneMutedProperty()));
        setMouseTransparent(true);
    }

    VideoPane videoPane() {
        return video;
    }

    void dispose() {
        video.setSource(null);
    }
}
