package dev.parley.rtc.srtp;

/**
 * AES_CM_128 encryption with HMAC-SHA1 authentication (RFC 3711 §4.1.1, §4.2.1) for SRTP and SRTCP.
 * Allocation-free per packet. Not thread-safe.
 */
final class AesCmHmacTransform extends SrtpTransform {
    private final Half rtp;
    private final Half rtcp;
    private final byte[] iv = new byte[16];
    private final byte[] mac = new byte[HmacSha1.LENGTH];

    AesCmHmacTransform(SrtpProfile profile, SessionKeys rtpKeys, SessionKeys rtcpKeys) {
        super(profile);
        this.rtp = new Half(rtpKeys);
        this.rtcp = new Half(rtcpKeys);
    }

    @Override
    int protectRtp(byte[] buf, int off, int len, int hdrLen, int ssrc, long index) {
        setIv(rtp.salt, ssrc, index);
        rtp.ctr.apply(iv, buf, off + hdrLen, len - hdrLen);
        int tag = profile.rtpTagLength();
        rtpMac(buf, off, len, (int) (index >>> 16));
        System.arraycopy(mac, 0, buf, off + len, tag);
        return len + tag;
    }

    @Override
    int unprotectRtp(byte[] buf, int off, int len, int hdrLen, int ssrc, long index) {
        int tag = profile.rtpTagLength();
        int end = len - tag;
        rtpMac(buf, off, end, (int) (index >>> 16));
        if (!tagsEqual(mac, 0, buf, off + end, tag)) { // RFC 3711 §3.3 step 5: authenticate before decrypting
            return SrtpError.AUTH_FAILED.code();
        }
        setIv(rtp.salt, ssrc, index);
        rtp.ctr.apply(iv, buf, off + hdrLen, end - hdrLen);
        return end;
    }

    /** RFC 3711 §4.2: the tag covers the authenticated portion (header and payload) followed by the 32-bit ROC. */
    private void rtpMac(byte[] buf, int off, int len, int roc) {
        rtp.hmac.start();
        rtp.hmac.update(buf, off, len);
        rtp.hmac.updateInt(roc);
        rtp.hmac.finish(mac, 0);
    }

    @Override
    int protectRtcp(byte[] buf, int off, int len, int ssrc, int index) {
        setIv(rtcp.salt, ssrc, index);
        rtcp.ctr.apply(iv, buf, off + 8, len - 8); // RFC 3711 §3.4: everything after the first 8 bytes is encrypted
        putInt(buf, off + len, E_FLAG | index);
        rtcp.hmac.start();
        rtcp.hmac.update(buf, off, len + 4); // the E||index word is authenticated too
        rtcp.hmac.finish(mac, 0);
        int tag = profile.rtcpTagLength();
        System.arraycopy(mac, 0, buf, off + len + 4, tag);
        return len + 4 + tag;
    }

    @Override
    int unprotectRtcp(byte[] buf, int off, int len, int ssrc, int eIndex) {
        int tag = profile.rtcpTagLength();
        int end = len - tag;
        rtcp.hmac.start();
        rtcp.hmac.update(buf, off, end);
        rtcp.hmac.finish(mac, 0);
        if (!tagsEqual(mac, 0, buf, off + end, tag)) {
            return SrtpError.AUTH_FAILED.code();
        }
        int plainLen = end - 4;
        if ((eIndex & E_FLAG) != 0) {
            setIv(rtcp.salt, ssrc, eIndex & ~E_FLAG);
            rtcp.ctr.apply(iv, buf, off + 8, plainLen - 8);
        }
        return plainLen;
    }

    @Override
    int rtcpIndexFromEnd() {
        return profile.rtcpTagLength() + 4;
    }

    /** RFC 3711 §4.1.1: IV = (k_s * 2^16) XOR (SSRC * 2^64) XOR (i * 2^16). */
    private void setIv(byte[] salt, int ssrc, long index) {
        System.arraycopy(salt, 0, iv, 0, 14);
        iv[4] ^= (byte) (ssrc >>> 24);
        iv[5] ^= (byte) (ssrc >>> 16);
        iv[6] ^= (byte) (ssrc >>> 8);
        iv[7] ^= (byte) ssrc;
        for (int i = 0; i < 6; i++) {
            iv[8 + i] ^= (byte) (index >>> (40 - 8 * i));
        }
        iv[14] = 0;
        iv[15] = 0;
    }

    /** Keys and crypto objects for RTP or for RTCP. */
    private static final class Half {
        final AesCounterMode ctr;
        final HmacSha1 hmac;
        final byte[] salt;

        Half(SessionKeys keys) {
            this.ctr = new AesCounterMode(keys.encryption());
            this.hmac = new HmacSha1(keys.auth());
            this.salt = keys.salt().clone();
        }
    }
}
