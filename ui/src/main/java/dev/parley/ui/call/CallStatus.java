package dev.parley.ui.call;

/** The call as a whole. */
public enum CallStatus {
    /** Joined the room; connections to the others are being set up. */
    CONNECTING,
    /** Media flows with everyone (or the person is alone in the room). */
    CONNECTED,
    /** A connection or the signaling server was lost and is being restored; media may continue. */
    RECONNECTING,
    /** The call is over (left, or could not be restored). */
    ENDED
}
