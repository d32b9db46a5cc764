package dev.parley.rtc.srtp;

/**
 * Why a packet was not protected or unprotected. The session methods return {@link #code()} (always negative)
 * instead of a length, and count each occurrence; nothing is thrown for hostile input.
 */
public enum SrtpError {
    /** Shorter than the smallest packet the profile can carry (header plus tag, or SRTCP trailer). */
    TOO_SHORT,
    /** Not RTP/RTCP version 2, or the CSRC list / header extension runs past the packet, or over 64 KiB. */
    MALFORMED,
    /** The authentication tag (HMAC-SHA1 or GCM) did not verify: tampered, wrong key, or wrong ROC guess. */
    AUTH_FAILED,
    /** Already received, or older than the replay window (RFC 3711 §3.3.2). */
    REPLAYED,
    /** A new SSRC arrived (and authenticated) but the session already holds its maximum number of SSRCs. */
    UNKNOWN_SSRC_LIMIT,
    /** protect only: the caller's buffer has no room for the tag and trailer after the packet (caller bug). */
    BUFFER_TOO_SMALL,
    /** The JCE refused an operation (e.g. GCM re-protecting the packet it just protected: same IV). */
    CRYPTO_FAILURE;

    private static final SrtpError[] VALUES = values();

    /** The negative value the session methods return for this error. */
    public int code() {
        return -(ordinal() + 1);
    }

    /** The error for a negative return value, or null for a length (>= 0). */
    public static SrtpError fromCode(int code) {
        int i = -code - 1;
        return i >= 0 && i < VALUES.length ? VALUES[i] : null;
    }
}
