package dev.parley.rtc.rtp;

/**
 * The client-to-mixer audio level element (RFC 6464 §3): one byte, V flag (voice activity) and a 7-bit level
 * in -dBov (0 = loudest, 127 = silence).
 */
public final class AudioLevel {
    public static final String URI = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";

    private AudioLevel() {
    }

    /** The raw byte of an element (RFC 6464 §3 allows trailing padding in the two-byte form), or -1 if empty. */
    public static int read(byte[] b, int off, int len) {
        return len >= 1 ? b[off] & 0xff : -1;
    }

    /** The raw byte of the element with this id, or -1 if absent or malformed. */
    public static int read(RtpPacket p, int id) {
        HeaderExtensionReader r = p.extensions();
        return r.find(id) ? read(r.buffer(), r.dataOffset(), r.dataLength()) : -1;
    }

    public static boolean voiceActivity(int raw) {
        return (raw & 0x80) != 0;
    }

    /** The level in -dBov, 0..127. */
    public static int level(int raw) {
        return raw & 0x7f;
    }

    public static int encode(boolean voice, int levelMinusDbov) {
        if (levelMinusDbov < 0 || levelMinusDbov > 127) {
            throw new IllegalArgumentException("level must be 0..127 -dBov: " + levelMinusDbov);
        }
        return (voice ? 0x80 : 0) | levelMinusDbov;
    }

    public static void put(HeaderExtensionSet set, int id, boolean voice, int levelMinusDbov) {
        set.putUnsigned(id, encode(voice, levelMinusDbov), 1);
    }
}
