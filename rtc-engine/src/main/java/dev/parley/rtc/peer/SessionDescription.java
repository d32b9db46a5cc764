package dev.parley.rtc.peer;

import java.util.Objects;

/** An offer or answer as it travels through signaling (W3C RTCSessionDescriptionInit). */
public record SessionDescription(Type type, String sdp) {

    /** The JSEP description types Parley uses. */
    public enum Type { OFFER, ANSWER }

    public SessionDescription {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sdp, "sdp");
    }
}
