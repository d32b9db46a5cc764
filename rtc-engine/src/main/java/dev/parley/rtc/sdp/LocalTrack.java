package dev.parley.rtc.sdp;

/**
 * A track Parley sends: kind ("audio"/"video"), msid stream and track ids (RFC 8830 §2), its SSRC and, for video, the
 * RTX SSRC (RFC 4588 §8.1, grouped with FID); {@code rtxSsrc} is null when there is none.
 */
public record LocalTrack(String kind, String streamId, String trackId, long ssrc, Long rtxSsrc) {
    public LocalTrack {
        Msid.parse(streamId + " " + trackId); // same id rules as a received msid
        Syntax.require(ssrc >= 0 && ssrc <= 0xFFFF_FFFFL && (rtxSsrc == null || rtxSsrc >= 0 && rtxSsrc <= 0xFFFF_FFFFL),
                "SSRCs are 32-bit unsigned numbers.");
    }
}
