package dev.parley.rtc.peer;

/**
 * W3C RTCIceTransportPolicy. {@code RELAY} signals and uses relayed candidates only, so the peer never learns
 * this machine's addresses; without a TURN server it gathers nothing and the call cannot connect.
 */
public enum IceTransportPolicy {
    ALL,
    RELAY
}
