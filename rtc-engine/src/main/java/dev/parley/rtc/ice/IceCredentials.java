package dev.parley.rtc.ice;

import java.security.SecureRandom;

/**
 * An ICE username fragment and password (RFC 8445 section 5.3): at least 24 bits and 128 bits of randomness,
 * drawn from the ice-char alphabet of RFC 8839 section 5.4.
 */
public record IceCredentials(String ufrag, String pwd) {

    private static final String ICE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final SecureRandom RANDOM = new SecureRandom();

    public IceCredentials {
        if (ufrag == null || ufrag.length() < 4 || ufrag.length() > 256 || pwd == null || pwd.length() < 22
                || pwd.length() > 256) {
            throw new IllegalArgumentException("ICE ufrag must be 4-256 characters and pwd 22-256 characters");
        }
    }

    /** Fresh credentials: an 8-character ufrag (48 bits) and a 24-character password (144 bits). */
    public static IceCredentials random() {
        return new IceCredentials(randomString(8), randomString(24));
    }

    private static String randomString(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ICE_CHARS.charAt(RANDOM.nextInt(ICE_CHARS.length()));
        }
        return new String(out);
    }
}
