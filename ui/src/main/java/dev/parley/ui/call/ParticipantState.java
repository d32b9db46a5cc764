package dev.parley.ui.call;

/**
 * What a pane shows about a participant besides their video.
 *
 * @param microphoneMuted the muted-microphone badge
 * @param cameraOff the camera-off placeholder (initials) instead of video
 * @param quality the connection-quality badge
 */
public record ParticipantState(boolean microphoneMuted, boolean cameraOff, ConnectionQuality quality) {

    /** Just joined: microphone and camera on, quality not known yet. */
    public static final ParticipantState INITIAL = new ParticipantState(false, false, ConnectionQuality.UNKNOWN);
}
