package dev.parley.rtc.srtp;

/**
 * The SRTP protection profiles Parley negotiates in DTLS-SRTP, named as in RFC 5764 §4.1.2 and RFC 7714 §14.2.
 * Lengths are in bytes.
 */
public enum SrtpProfile {
    /** AES-128 counter mode, HMAC-SHA1 with an 80-bit tag for both SRTP and SRTCP (RFC 5764 §4.1.2). */
    SRTP_AES128_CM_HMAC_SHA1_80(0x0001, 16, 14, 20, 10, 10),
    /** As above but a 32-bit SRTP tag; SRTCP keeps the 80-bit tag (RFC 5764 §4.1.2). */
    SRTP_AES128_CM_HMAC_SHA1_32(0x0002, 16, 14, 20, 4, 10),
    /** AES-128-GCM AEAD with a 16-byte tag for SRTP and SRTCP (RFC 7714 §14.2). */
    SRTP_AEAD_AES_128_GCM(0x0007, 16, 12, 0, 16, 16),
    /** AES-256-GCM AEAD with a 16-byte tag for SRTP and SRTCP (RFC 7714 §14.2). */
    SRTP_AEAD_AES_256_GCM(0x0008, 32, 12, 0, 16, 16);

    private final int dtlsId;
    private final int keyLength;
    private final int saltLength;
    private final int authKeyLength;
    private final int rtpTagLength;
    private final int rtcpTagLength;

    SrtpProfile(int dtlsId, int keyLength, int saltLength, int authKeyLength, int rtpTagLength, int rtcpTagLength) {
        this.dtlsId = dtlsId;
        this.keyLength = keyLength;
        this.saltLength = saltLength;
        this.authKeyLength = authKeyLength;
        this.rtpTagLength = rtpTagLength;
        this.rtcpTagLength = rtcpTagLength;
    }

    /** The two-byte SRTPProtectionProfile value of the DTLS use_srtp extension (RFC 5764 §4.1.2, RFC 7714 §14.2). */
    public int dtlsId() {
        return dtlsId;
    }

    /** Master (and session) encryption key length. */
    public int keyLength() {
        return keyLength;
    }

    /** Master (and session) salt length: 14 for AES-CM (RFC 3711 §8.2), 12 for GCM (RFC 7714 §12). */
    public int saltLength() {
        return saltLength;
    }

    /** Session authentication key length; 0 for AEAD profiles, whose tag comes from GCM. */
    public int authKeyLength() {
        return authKeyLength;
    }

    public boolean isAead() {
        return authKeyLength == 0;
    }

    /** Bytes {@link SrtpOutboundSession#protectRtp} appends: the buffer needs this much room after the packet. */
    public int rtpOverhead() {
        return rtpTagLength;
    }

    /** Bytes {@link SrtpOutboundSession#protectRtcp} appends: the 4-byte E||SRTCP index plus the tag. */
    public int rtcpOverhead() {
        return 4 + rtcpTagLength;
    }

    int rtpTagLength() {
        return rtpTagLength;
    }

    int rtcpTagLength() {
        return rtcpTagLength;
    }

    /** The profile with this DTLS use_srtp id, or null if Parley does not implement it. */
    public static SrtpProfile fromDtlsId(int id) {
        for (SrtpProfile p : values()) {
            if (p.dtlsId == id) {
                return p;
            }
        }
        return null;
    }
}
