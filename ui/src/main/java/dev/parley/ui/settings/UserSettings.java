package dev.parley.ui.settings;

import java.util.Objects;

/**
 * What Parley remembers for a person between runs (the app stores it in the platform's config folder).
 *
 * @param serverUrl the signaling server, or "" for the one built into the app
 * @param cameraId the chosen devices' ids, or "" for the first listed
 */
public record UserSettings(String displayName, String serverUrl, PrivacyMode privacy, Theme theme, String cameraId,
                           String microphoneId, String speakerId) {

    public static final UserSettings DEFAULTS = new UserSettings("", "", PrivacyMode.DEFAULT, Theme.SYSTEM, "", "", "");

    public UserSettings {
        displayName = Objects.requireNonNullElse(displayName, "");
        serverUrl = Objects.requireNonNullElse(serverUrl, "");
        privacy = Objects.requireNonNullElse(privacy, PrivacyMode.DEFAULT);
        theme = Objects.requireNonNullElse(theme, Theme.SYSTEM);
        cameraId = Objects.requireNonNullElse(cameraId, "");
        microphoneId = Objects.requireNonNullElse(microphoneId, "");
        speakerId = Objects.requireNonNullElse(speakerId, "");
    }

    public UserSettings withDisplayName(String name) {
        return new UserSettings(name, serverUrl, privacy, theme, cameraId, microphoneId, speakerId);
    }

    public UserSettings withServerUrl(String url) {
        return new UserSettings(displayName, url, privacy, theme, cameraId, microphoneId, speakerId);
    }

    public UserSettings withPrivacy(PrivacyMode mode) {
        return new UserSettings(displayName, serverUrl, mode, theme, cameraId, microphoneId, speakerId);
    }

    public UserSettings withTheme(Theme t) {
        return new UserSettings(displayName, serverUrl, privacy, t, cameraId, microphoneId, speakerId);
    }

    public UserSettings withDevices(String camera, String microphone, String speaker) {
        return new UserSettings(displayName, serverUrl, privacy, theme, camera, microphone, speaker);
    }
}
