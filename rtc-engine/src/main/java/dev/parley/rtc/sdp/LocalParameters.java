package dev.parley.rtc.sdp;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * Parley's side of a description: o= line ids, ICE credentials, the DTLS certificate fingerprint and the RTCP CNAME.
 * One instance per peer connection; keep it across renegotiations and bump {@code sessionVersion} (RFC 8829 §5.2.2).
 */
public record LocalParameters(String sessionId, long sessionVersion, String iceUfrag, String icePwd,
        Fingerprint fingerprint, String cname) {
    private static final String ICE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final SecureRandom RANDOM = new SecureRandom();

    public LocalParameters {
        Objects.requireNonNull(fingerprint, "fingerprint");
        KnownAttributes.check(new Attribute("ice-ufrag", iceUfrag));
        KnownAttributes.check(new Attribute("ice-pwd", icePwd));
        Syntax.digits(sessionId, "The session id");
        Syntax.require(Syntax.isToken(cname), "The CNAME must be a token.");
    }

    /**
     * Fresh random values: a 62-bit session id (RFC 8829 §5.2.1 asks for at most 63 bits so it stays positive), a
     * 4-character ufrag and 24-character password (RFC 8839 §5.4 minimums, 24 and 144 random bits), a 16-character CNAME.
     */
    public static LocalParameters random(Fingerprint fingerprint) {
        return new LocalParameters(Long.toString(RANDOM.nextLong() >>> 2), 2, randomIce(4), randomIce(24), fingerprint,
                randomIce(16).replace('/', 'x'));
    }

    public LocalParameters nextVersion() {
        return new LocalParameters(sessionId, sessionVersion + 1, iceUfrag, icePwd, fingerprint, cname);
    }

    private static String randomIce(int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(ICE_CHARS.charAt(RANDOM.nextInt(ICE_CHARS.length())));
        }
        return b.toString();
    }
}
