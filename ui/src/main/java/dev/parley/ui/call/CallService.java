package dev.parley.ui.call;

import dev.parley.rtc.media.VideoSource;

/**
 * What the call view asks of the app while the person is in a room. The app implements it over its peer connections
 * (one per remote person); tests use a fake. Methods are called on the JavaFX thread and must return at once;
 * {@link CallEvents} come back on any thread.
 */
public interface CallService {

    /** Where call events go; set once by the call view model before anything else. */
    void setEvents(CallEvents events);

    /** The room's code in display form ("7mq2k-xd41r"). */
    String roomCode();

    /** A link that opens Parley in this room: {@code parley://join/CODE}. */
    String shareLink();

    /** Stops or resumes sending the microphone (the others see the muted badge). */
    void setMicrophoneMuted(boolean muted);

    /** Stops or resumes sending the camera (the others see the camera-off placeholder). */
    void setCameraEnabled(boolean enabled);

    /** The person's own camera as sent, for the self-view; {@code null} when there is none. */
    VideoSource selfView();

    /** Leaves the room: closes every connection; the lobby comes back. */
    void leave();
}
