package dev.parley.ui.call;

import dev.parley.rtc.media.VideoSource;

/** What happens in a call, reported by the app from any thread; the view model moves it to the JavaFX thread. */
public interface CallEvents {

    /** Someone is in the call (also for those already there when the person joined). */
    void onParticipantJoined(String participantId, String name);

    /** Someone left; {@code sentence} says how ("Ana left.", "Lost the connection to Ana."). */
    void onParticipantLeft(String participantId, String sentence);

    /** A participant's video arrived (again, after a renegotiation): frames on the decoder thread, lent. */
    void onRemoteVideo(String participantId, VideoSource video);

    /** A participant's microphone/camera state or connection quality changed. */
    void onParticipantState(String participantId, ParticipantState state);

    /** A participant's audio level, about ten times a second, in dBFS (-100 = silence). */
    void onAudioLevel(String participantId, double dbfs);

    /** About once a second per participant: the figures of the stats overlay. */
    void onStats(String participantId, CallStats stats);

    /** The call as a whole: connecting, connected, reconnecting, ended; with a sentence for a person. */
    void onCallStatus(CallStatus status, String sentence);

    /** Something a person should read as a banner (no camera, server unreachable, ...). */
    void onNotice(Notice notice);
}
