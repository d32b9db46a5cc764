package dev.parley.rtc.sdp;

/**
 * Parse-time checks of the attributes WebRTC relies on. A malformed value of one of these is an error because acting
 * on a guess would be wrong or unsafe (a bad fingerprint would fail DTLS later, a bad rtpmap would mis-decode media).
 * Everything else, including {@code a=candidate} (see {@link MediaDescription#candidates()}), {@code a=fmtp} and
 * {@code a=rtcp-fb}, is kept verbatim and interpreted leniently when read.
 */
final class KnownAttributes {
    private KnownAttributes() {
    }

    /** @throws IllegalArgumentException with a sentence when a known attribute is malformed */
    static void check(Attribute a) {
        String v = a.trimmedValue();
        switch (a.name()) {
            case "fingerprint" -> Fingerprint.parse(v);
            case "setup" -> Setup.fromName(v).orElseThrow(() -> new IllegalArgumentException(
                    "The setup attribute must be active, passive, actpass or holdconn."));
            case "rtpmap" -> RtpCodec.parseRtpmap(v);
            case "group" -> Group.parse(v);
            case "extmap" -> Extmap.parse(v);
            case "ssrc" -> SsrcAttribute.parse(v);
            case "ssrc-group" -> SsrcGroup.parse(v);
            case "msid" -> Msid.parse(v);
            case "rtcp" -> RtcpAddress.parse(v);
            case "sctp-port" -> Syntax.integer(v, 0, 65535, "The SCTP port");
            // RFC 5888 §4: identification-tag = token; 255 bytes is the most the RTP MID extension can carry (RFC 8285 §4.3)
            case "mid" -> Syntax.require(Syntax.isToken(v) && v.length() <= 255,
                    "The mid must be a token of at most 255 characters.");
            // RFC 8839 §5.4: ice-ufrag = 4*256ice-char, ice-pwd = 22*256ice-char
            case "ice-ufrag" -> Syntax.require(v.length() >= 4 && v.length() <= 256 && Syntax.isIceChars(v),
                    "The ICE ufrag must be 4 to 256 letters, digits, '+' or '/'.");
            case "ice-pwd" -> Syntax.require(v.length() >= 22 && v.length() <= 256 && Syntax.isIceChars(v),
                    "The ICE password must be 22 to 256 letters, digits, '+' or '/'.");
            default -> {
                // unknown or leniently read attribute: kept verbatim
            }
        }
    }
}
