package dev.parley.rtc.dtls;

/**
 * The SRTP protection profiles DTLS can negotiate with {@code use_srtp}, with their key and salt sizes
 * (RFC 5764 section 4.1.2, RFC 7714 section 14.2).
 */
public enum SrtpProtectionProfile {
    AEAD_AES_128_GCM(0x0007, 16, 12),
    AES128_CM_HMAC_SHA1_80(0x0001, 16, 14),
    AES128_CM_HMAC_SHA1_32(0x0002, 16, 14),
    AEAD_AES_256_GCM(0x0008, 32, 12);

    private final int id;
    private final int keyLength;
    private final int saltLength;

    SrtpProtectionProfile(int id, int keyLength, int saltLength) {
        this.id = id;
        this.keyLength = keyLength;
        this.saltLength = saltLength;
    }

    /** The value on the wire in the use_srtp extension. */
    public int id() {
        return id;
    }

    public int keyLength() {
        return keyLength;
    }

    public int saltLength() {
        return saltLength;
    }

    static SrtpProtectionProfile byId(int id) {
        for (SrtpProtectionProfile p : values()) {
            if (p.id == id) {
                return p;
            }
        }
        return null;
    }
}
