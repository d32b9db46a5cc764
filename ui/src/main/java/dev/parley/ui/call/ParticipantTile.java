package dev.parley.ui.call;

import dev.parley.ui.video.VideoPane;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;

/**
 * One remote participant's pane: their video (letterboxed), or when the camera is off (or no video yet) their
 * initials in a circle; their name with a muted-microphone badge at the bottom left; a connection-quality badge at
 * the top right; and a highlight border while they are the active speaker (pseudo-class {@code :active-speaker}).
 * Id {@code tile-<participant id>}; style class {@code participant-tile}.
 */
public final class ParticipantTile extends StackPane {

    static final PseudoClass ACTIVE_SPEAKER = PseudoClass.getPseudoClass("active-speaker");
    static final PseudoClass SPEAKING = PseudoClass.getPseudoClass("speaking");
    private static final int AVATAR_COLOURS = 6;

    private final ParticipantViewModel model;
    private final VideoPane video = new VideoPane();
    private final ChangeListener<Object> sourceListener;

    public ParticipantTile(ParticipantViewModel model) {
        this.model = Objects.requireNonNull(model, "model");
        setId("tile-" + model.id());
        getStyleClass().add("participant-tile");
        setMinSize(0, 0);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        clip.setArcWidth(16);
        clip.setArcHeight(16);
        setClip(clip);

        video.getStyleClass().add("tile-video");
        video.setMinSize(0, 0);
        video.visibleProperty().bind(model.placeholderShownProperty().not());
        sourceListener = (obs, old, now) -> video.setSource(model.videoProperty().get());
        model.videoProperty().addListener(sourceListener);
        video.setSource(model.videoProperty().get());

        StackPane placeholder = placeholder();
        Region qualityBadge = qualityBadge();
        HBox nameTag = nameTag();
        Region highlight = new Region();
        highlight.getStyleClass().add("tile-highlight");
        highlight.setMouseTransparent(true);

        StackPane.setAlignment(nameTag, Pos.BOTTOM_LEFT);
        StackPane.setAlignment(qualityBadge, Pos.TOP_RIGHT);
        getChildren().addAll(placeholder, video, nameTag, qualityBadge, highlight);

        model.activeSpeakerProperty().addListener((obs, was, is) -> pseudoClassStateChanged(ACTIVE_SPEAKER, is));
        pseudoClassStateChanged(ACTIVE_SPEAKER, model.isActiveSpeaker());
        setAccessibleRole(AccessibleRole.NODE);
        accessibleTextProperty().bind(model.descriptionProperty());
    }

    public ParticipantViewModel model() {
        return model;
    }

    /** The pane showing this participant's video. */
    public VideoPane videoPane() {
        return video;
    }

    /** Detaches from the participant's video (the tile is going away). */
    public void dispose() {
        model.videoProperty().removeListener(sourceListener);
        video.setSource(null);
    }

    private StackPane placeholder() {
        Label initials = new Label();
        initials.getStyleClass().add("avatar-initials");
        initials.textProperty().bind(model.initialsProperty());
        Circle circle = new Circle(44);
        circle.getStyleClass().addAll("avatar-circle", "avatar-" + Math.floorMod(model.id().hashCode(), AVATAR_COLOURS));
        // The circle grows with the tile (a third of its height), within sensible bounds.
        StackPane avatar = new StackPane(circle, initials);
        avatar.getStyleClass().add("avatar");
        StackPane placeholder = new StackPane(avatar);
        placeholder.getStyleClass().add("tile-placeholder");
        placeholder.visibleProperty().bind(model.placeholderShownProperty());
        circle.radiusProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(18, Math.min(72, heightProperty().get() / 6)), heightProperty()));
        initials.styleProperty().bind(Bindings.createStringBinding(
                () -> "-fx-font-size: " + Math.round(circle.getRadius() * 0.8) + "px;", circle.radiusProperty()));
        placeholder.setMinSize(0, 0);
        return placeholder;
    }

    private HBox nameTag() {
        Region micOff = Icons.icon(Icons.MICROPHONE_OFF, 14);
        micOff.getStyleClass().add("tile-mic-off");
        micOff.visibleProperty().bind(model.microphoneMutedProperty());
        micOff.managedProperty().bind(model.microphoneMutedProperty());
        micOff.setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        micOff.setAccessibleText("Microphone muted");

        Label name = new Label();
        name.getStyleClass().add("tile-name");
        name.textProperty().bind(model.nameProperty());
        name.setMinWidth(0);

        HBox tag = new HBox(6, micOff, name);
        tag.getStyleClass().add("tile-name-tag");
        tag.setAlignment(Pos.CENTER_LEFT);
        tag.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        tag.setMouseTransparent(true);
        model.speakingProperty().addListener((obs, was, is) -> tag.pseudoClassStateChanged(SPEAKING, is));
        return tag;
    }

    private Region qualityBadge() {
        HBox bars = new HBox(2);
        bars.setAlignment(Pos.BOTTOM_CENTER);
        for (int i = 1; i <= 3; i++) {
            Region bar = new Region();
            bar.getStyleClass().addAll("quality-bar", "quality-bar-" + i);
            bar.setPrefSize(4, 4 + 4 * i);
            bar.setMaxSize(4, 4 + 4 * i);
            bar.setMinSize(4, 4 + 4 * i);
            bars.getChildren().add(bar);
        }
        bars.getStyleClass().add("tile-quality");
        bars.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        bars.setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        Tooltip tip = new Tooltip();
        Tooltip.install(bars, tip);
        ChangeListener<ConnectionQuality> apply = (obs, old, q) -> {
            for (ConnectionQuality each : ConnectionQuality.values()) {
                bars.pseudoClassStateChanged(PseudoClass.getPseudoClass(each.name().toLowerCase(Locale.ROOT)), each == q);
            }
            bars.setAccessibleText(q.description());
            tip.setText(q.description());
        };
        model.qualityProperty().addListener(apply);
        apply.changed(null, null, model.qualityProperty().get());
        return bars;
    }
}
