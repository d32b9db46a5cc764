package dev.parley.signaling.protocol;

/**
 * One trickled ICE candidate as a browser's {@code RTCIceCandidate.toJSON()} gives it. The server relays it
 * without looking inside; it never logs it.
 */
public record IceCandidateInit(String candidate, String sdpMid, Integer sdpMLineIndex) {
    public IceCandidateInit {
        Fields.required(candidate, "candidate.candidate");
        Fields.optional(sdpMid, "candidate.sdpMid");
        if (sdpMLineIndex != null && sdpMLineIndex < 0) {
            throw new IllegalArgumentException("The field 'candidate.sdpMLineIndex' must not be negative.");
        }
    }
}
