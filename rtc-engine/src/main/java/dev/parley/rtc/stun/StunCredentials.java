package dev.parley.rtc.stun;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;

/**
 * The HMAC keys of RFC 8489 §9. Strings are prepared with a minimal OpaqueString (RFC 8265 §4.2): non-ASCII
 * spaces become U+0020, then NFC. The profile's rejection of disallowed code points is not implemented; ICE
 * passwords (RFC 8445 ice-pwd) are ASCII, for which the preparation is the identity.
 */
public final class StunCredentials {
    private StunCredentials() {
    }

    /** Short-term credential (RFC 8489 §9.1.1): key = OpaqueString(password). */
    public static byte[] shortTermKey(String password) {
        return opaqueString(password).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Long-term credential (RFC 8489 §9.2.2), MD5 algorithm: key = MD5(username ":" OpaqueString(realm) ":"
     * OpaqueString(password)). The username is used as given (the server already knows its canonical form).
     */
    public static byte[] longTermKey(String username, String realm, String password) {
        String s = username + ":" + opaqueString(realm) + ":" + opaqueString(password);
        try {
            return MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    }

    /** RFC 8265 §4.2.1 additional mapping (non-ASCII space to U+0020) and normalization (NFC). */
    static String opaqueString(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c != ' ' && Character.getType(c) == Character.SPACE_SEPARATOR ? ' ' : c);
        }
        return Normalizer.normalize(b, Normalizer.Form.NFC);
    }
}
