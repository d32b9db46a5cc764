package dev.parley.rtc.srtp;

/**
 * The cryptographic half of one direction of an SRTP session: session keys and reusable JCE objects, shared by all
 * SSRCs (keys are per session, RFC 3711 §4.3). It knows packet layouts but no replay or ROC state; the session
 * has already checked the lengths it passes in. Not thread-safe.
 */
abstract class SrtpTransform {
    /** The SRTCP E flag: the packet's payload is encrypted (RFC 3711 §3.4). */
    static final int E_FLAG = 0x8000_0000;

    final SrtpProfile profile;

    SrtpTransform(SrtpProfile profile) {
        this.profile = profile;
    }

    /** Encrypts and tags {@code buf[off, off+len)} whose RTP header is {@code hdrLen} bytes; returns the new length. */
    abstract int protectRtp(byte[] buf, int off, int len, int hdrLen, int ssrc, long index);

    /** Verifies and decrypts; returns the plaintext length or {@link SrtpError#AUTH_FAILED}'s code. */
    abstract int unprotectRtp(byte[] buf, int off, int len, int hdrLen, int ssrc, long index);

    /** Encrypts, appends E||index and the tag; {@code index} is the 31-bit SRTCP index; returns the new length. */
    abstract int protectRtcp(byte[] buf, int off, int len, int ssrc, int index);

    /** Verifies and (if E is set in {@code eIndex}) decrypts; returns the RTCP length or an error code. */
    abstract int unprotectRtcp(byte[] buf, int off, int len, int ssrc, int eIndex);

    /** Offset from the end of an SRTCP packet of its E||index word (the layouts differ, RFC 3711 §3.4, RFC 7714 §9). */
    abstract int rtcpIndexFromEnd();

    /** Derives the session keys from the master key and salt (RFC 3711 §4.3, kdr = 0). */
    static SrtpTransform create(SrtpProfile profile, byte[] masterKey, byte[] masterSalt) {
        if (masterKey.length != profile.keyLength() || masterSalt.length != profile.saltLength()) {
            throw new IllegalArgumentException(profile + " needs a " + profile.keyLength() + "-byte key and a "
                    + profile.saltLength() + "-byte salt, got " + masterKey.length + " and " + masterSalt.length);
        }
        SrtpKdf kdf = new SrtpKdf(masterKey, masterSalt);
        int k = profile.keyLength();
        int s = profile.saltLength();
        int a = profile.authKeyLength();
        SessionKeys rtp = new SessionKeys(kdf.derive(SrtpKdf.RTP_ENCRYPTION, k),
                a == 0 ? null : kdf.derive(SrtpKdf.RTP_AUTH, a), kdf.derive(SrtpKdf.RTP_SALT, s));
        SessionKeys rtcp = new SessionKeys(kdf.derive(SrtpKdf.RTCP_ENCRYPTION, k),
                a == 0 ? null : kdf.derive(SrtpKdf.RTCP_AUTH, a), kdf.derive(SrtpKdf.RTCP_SALT, s));
        return fromSessionKeys(profile, rtp, rtcp);
    }

    /** For the RFC test vectors, which give session keys directly. */
    static SrtpTransform fromSessionKeys(SrtpProfile profile, SessionKeys rtp, SessionKeys rtcp) {
        return profile.isAead() ? new AesGcmTransform(profile, rtp, rtcp) : new AesCmHmacTransform(profile, rtp, rtcp);
    }

    /** One set of session keys (RFC 3711 §4.3); {@code auth} is null for AEAD profiles. */
    record SessionKeys(byte[] encryption, byte[] auth, byte[] salt) {
    }

    static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    static int getInt(byte[] b, int off) {
        return (b[off] & 0xff) << 24 | (b[off + 1] & 0xff) << 16 | (b[off + 2] & 0xff) << 8 | (b[off + 3] & 0xff);
    }

    /** Compares two tags without an early exit, so timing does not reveal how many bytes matched. */
    static boolean tagsEqual(byte[] a, int aOff, byte[] b, int bOff, int len) {
        int diff = 0;
        for (int i = 0; i < len; i++) {
            diff |= a[aOff + i] ^ b[bOff + i];
        }
        return diff == 0;
    }
}
