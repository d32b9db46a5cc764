package dev.parley.rtc.ice;

/** The W3C RTCIceConnectionState values an agent moves through. */
public enum IceConnectionState {
    NEW,
    CHECKING,
    CONNECTED,
    DISCONNECTED,
    FAILED,
    CLOSED
}
