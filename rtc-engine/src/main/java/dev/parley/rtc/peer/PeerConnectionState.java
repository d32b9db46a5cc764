package dev.parley.rtc.peer;

/** W3C RTCPeerConnectionState: ICE and DTLS together. */
public enum PeerConnectionState {
    NEW,
    CONNECTING,
    CONNECTED,
    DISCONNECTED,
    FAILED,
    CLOSED
}
