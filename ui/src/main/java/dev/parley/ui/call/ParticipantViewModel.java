package dev.parley.ui.call;

import dev.parley.rtc.media.VideoSource;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One remote person in the call as their pane shows them: name and initials, video, microphone and camera state,
 * connection quality, audio level, whether they are talking and whether they hold the active-speaker highlight, and
 * their stats history. Changed by {@link CallViewModel} on the JavaFX thread.
 */
public final class ParticipantViewModel {

    private final String id;
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name", "");
    private final ReadOnlyStringWrapper initials = new ReadOnlyStringWrapper(this, "initials", "?");
    private final ReadOnlyObjectWrapper<VideoSource> video = new ReadOnlyObjectWrapper<>(this, "video");
    private final ReadOnlyBooleanWrapper microphoneMuted = new ReadOnlyBooleanWrapper(this, "microphoneMuted");
    private final ReadOnlyBooleanWrapper cameraOff = new ReadOnlyBooleanWrapper(this, "cameraOff");
    private final ReadOnlyObjectWrapper<ConnectionQuality> quality =
            new ReadOnlyObjectWrapper<>(this, "quality", ConnectionQuality.UNKNOWN);
    private final ReadOnlyDoubleWrapper audioLevel = new ReadOnlyDoubleWrapper(this, "audioLevel", -100);
    private final ReadOnlyBooleanWrapper speaking = new ReadOnlyBooleanWrapper(this, "speaking");
    private final ReadOnlyBooleanWrapper activeSpeaker = new ReadOnlyBooleanWrapper(this, "activeSpeaker");
    private final BooleanBinding placeholderShown;
    private final StringBinding description;
    private final StatsHistory stats = new StatsHistory();
    // When the level was last reported and last above the speaking floor (the view model's clock).
    long levelAtMillis = Long.MIN_VALUE;
    long lastSpokeMillis = Long.MIN_VALUE;

    public ParticipantViewModel(String id, String name) {
        this.id = Objects.requireNonNull(id, "id");
        this.name.addListener((obs, old, now) -> initials.set(initialsOf(now)));
        setName(name);
        placeholderShown = cameraOff.or(video.isNull());
        description = Bindings.createStringBinding(this::describe, this.name, microphoneMuted, cameraOff, quality,
                activeSpeaker);
    }

    public String id() {
        return id;
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public String getName() {
        return name.get();
    }

    /** One or two letters for the camera-off placeholder: "GH" for "Grace Hopper", "?" for no name. */
    public ReadOnlyStringProperty initialsProperty() {
        return initials.getReadOnlyProperty();
    }

    /** Their decoded video, or {@code null} before it arrives. */
    public ReadOnlyObjectProperty<VideoSource> videoProperty() {
        return video.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty microphoneMutedProperty() {
        return microphoneMuted.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cameraOffProperty() {
        return cameraOff.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionQuality> qualityProperty() {
        return quality.getReadOnlyProperty();
    }

    /** The last reported level in dBFS (-100: silence). */
    public ReadOnlyDoubleProperty audioLevelProperty() {
        return audioLevel.getReadOnlyProperty();
    }

    /** Talking right now: the level is above {@link CallViewModel#SPEAKING_FLOOR_DBFS}. */
    public ReadOnlyBooleanProperty speakingProperty() {
        return speaking.getReadOnlyProperty();
    }

    /** Holds the active-speaker highlight (at most one participant does). */
    public ReadOnlyBooleanProperty activeSpeakerProperty() {
        return activeSpeaker.getReadOnlyProperty();
    }

    public boolean isActiveSpeaker() {
        return activeSpeaker.get();
    }

    /** Whether the pane shows the initials instead of video: the camera is off or no video arrived yet. */
    public BooleanBinding placeholderShownProperty() {
        return placeholderShown;
    }

    /** The pane's accessible text: "Grace Hopper, microphone muted, camera off, Good connection, speaking". */
    public StringBinding descriptionProperty() {
        return description;
    }

    public StatsHistory stats() {
        return stats;
    }

    void setName(String value) {
        name.set(value == null || value.isBlank() ? "Guest" : value.strip());
    }

    void setVideo(VideoSource source) {
        video.set(source);
    }

    void apply(ParticipantState state) {
        microphoneMuted.set(state.microphoneMuted());
        cameraOff.set(state.cameraOff());
        quality.set(state.quality() == null ? ConnectionQuality.UNKNOWN : state.quality());
    }

    void setAudioLevel(double dbfs, boolean talking) {
        audioLevel.set(dbfs);
        speaking.set(talking);
    }

    void setActiveSpeaker(boolean active) {
        activeSpeaker.set(active);
    }

    private String describe() {
        StringBuilder s = new StringBuilder(name.get());
        if (microphoneMuted.get()) {
            s.append(", microphone muted");
        }
        if (cameraOff.get()) {
            s.append(", camera off");
        }
        s.append(", ").append(quality.get().description());
        if (activeSpeaker.get()) {
            s.append(", speaking");
        }
        return s.toString();
    }

    /** The first letters of the first and last words, upper-case; "?" when there are none. */
    public static String initialsOf(String name) {
        if (name == null) {
            return "?";
        }
        String[] words = name.strip().split("\\s+");
        String first = firstLetter(words[0]);
        if (first.isEmpty()) {
            return "?";
        }
        String last = words.length > 1 ? firstLetter(words[words.length - 1]) : "";
        return (first + last).toUpperCase(Locale.ROOT);
    }

    private static String firstLetter(String word) {
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                return new String(Character.toChars(cp));
            }
            i += Character.charCount(cp);
        }
        return "";
    }

    @Override
    public String toString() {
        return "Participant[" + id + " " + name.get() + "]";
    }
}
