package dev.parley.rtc.peer;

/**
 * A trickled candidate as signaling carries it (W3C RTCIceCandidateInit): the {@code candidate:…} attribute
 * text, the media section it belongs to. An empty {@code candidate} means end-of-candidates (RFC 8838).
 */
public record IceCandidate(String candidate, String sdpMid, Integer sdpMLineIndex) {

    public IceCandidate {
        candidate = candidate == null ? "" : candidate;
    }

    public static IceCandidate endOfCandidates(String sdpMid, Integer sdpMLineIndex) {
        return new IceCandidate("", sdpMid, sdpMLineIndex);
    }

    public boolean isEndOfCandidates() {
        return candidate.isEmpty();
    }
}
