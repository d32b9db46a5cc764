package dev.parley.rtc.srtp;

/**
 * AEAD_AES_128_GCM and AEAD_AES_256_GCM for SRTP and SRTCP (RFC 7714), built from AES in counter mode (the JCE's
 * AES-NI through {@link AesCounterMode}) and our own {@link Ghash} (NIST SP 800-38D §7), so a packet costs no
 * {@code Cipher.init} and no allocation — the JCE's GCM needs a fresh init, and allocates, for every packet.
 * Not thread-safe.
 */
final class AesGcmTransform extends SrtpTransform {
    private static final int TAG = 16;

    private final AesCounterMode rtpAes;
    private final AesCounterMode rtcpAes;
    private final Ghash rtpHash;
    private final Ghash rtcpHash;
    private final byte[] rtpSalt;
    private final byte[] rtcpSalt;
    private final byte[] iv = new byte[12];
    private final byte[] counter = new byte[16];
    private final byte[] mask = new byte[16];
    private final byte[] tag = new byte[16];
    private final byte[] indexWord = new byte[4];

    AesGcmTransform(SrtpProfile profile, SessionKeys rtp, SessionKeys rtcp) {
        super(profile);
        rtpAes = new AesCounterMode(rtp.encryption());
        rtcpAes = new AesCounterMode(rtcp.encryption());
        rtpHash = new Ghash(hashKey(rtpAes));
        rtcpHash = new Ghash(hashKey(rtcpAes));
        rtpSalt = rtp.salt().clone();
        rtcpSalt = rtcp.salt().clone();
    }

    /** SP 800-38D §6.4: H = AES_K(0^128). */
    private static byte[] hashKey(AesCounterMode aes) {
        byte[] h = new byte[16];
        aes.encryptBlock(new byte[16], h);
        return h;
    }

    @Override
    int protectRtp(byte[] buf, int off, int len, int hdrLen, int ssrc, long index) {
        setIv(rtpSalt, ssrc, (int) (index >>> 16), (int) index & 0xffff, false);
        // RFC 7714 §8.2: the whole RTP header is the AAD, the payload the plaintext.
        seal(rtpAes, rtpHash, buf, off, hdrLen, false, off + hdrLen, len - hdrLen);
        return len + TAG;
    }

    @Override
    int unprotectRtp(byte[] buf, int off, int len, int hdrLen, int ssrc, long index) {
        int ciphertext = len - hdrLen - TAG;
        if (ciphertext < 0) {
            return SrtpError.AUTH_FAILED.code();
        }
        setIv(rtpSalt, ssrc, (int) (index >>> 16), (int) index & 0xffff, false);
        return open(rtpAes, rtpHash, buf, off, hdrLen, false, off + hdrLen, ciphertext)
                ? hdrLen + ciphertext : SrtpError.AUTH_FAILED.code();
    }

    @Override
    int protectRtcp(byte[] buf, int off, int len, int ssrc, int index) {
        setIv(rtcpSalt, ssrc, 0, index, true);
        putInt(indexWord, 0, E_FLAG | index);
        // RFC 7714 §9.2: AAD = first 8 octets || E||SRTCP index; §9.1: the index trails the tag.
        seal(rtcpAes, rtcpHash, buf, off, 8, true, off + 8, len - 8);
        System.arraycopy(indexWord, 0, buf, off + len + TAG, 4);
        return len + TAG + 4;
    }

    @Override
    int unprotectRtcp(byte[] buf, int off, int len, int ssrc, int eIndex) {
        setIv(rtcpSalt, ssrc, 0, eIndex & ~E_FLAG, true);
        putInt(indexWord, 0, eIndex);
        int end = len - 4; // payload and tag
        boolean encrypted = (eIndex & E_FLAG) != 0;
        // RFC 7714 §9.2: unencrypted SRTCP puts the whole packet in the AAD and has an empty plaintext
        int aad = encrypted ? 8 : end - TAG;
        int ciphertext = end - aad - TAG;
        if (aad < 0 || ciphertext < 0) {
            return SrtpError.AUTH_FAILED.code();
        }
        return open(rtcpAes, rtcpHash, buf, off, aad, true, off + aad, ciphertext)
                ? aad + ciphertext : SrtpError.AUTH_FAILED.code();
    }

    @Override
    int rtcpIndexFromEnd() {
        return 4;
    }

    /** Encrypts in place and writes the tag right after the ciphertext (SP 800-38D §7.1). */
    private void seal(AesCounterMode aes, Ghash ghash, byte[] buf, int aadOff, int aadLen, boolean withIndex,
                      int textOff, int textLen) {
        startCounter(aes);
        aes.apply(counter, buf, textOff, textLen);
        authenticate(ghash, buf, aadOff, aadLen, withIndex, textOff, textLen);
        for (int i = 0; i < TAG; i++) {
            buf[textOff + textLen + i] = (byte) (tag[i] ^ mask[i]);
        }
    }

    /** Checks the tag over the ciphertext first, then decrypts in place (SP 800-38D §7.2). */
    private boolean open(AesCounterMode aes, Ghash ghash, byte[] buf, int aadOff, int aadLen, boolean withIndex,
                         int textOff, int textLen) {
        startCounter(aes);
        authenticate(ghash, buf, aadOff, aadLen, withIndex, textOff, textLen);
        for (int i = 0; i < TAG; i++) {
            tag[i] ^= mask[i];
        }
        // Constant time: every byte is compared whatever the first mismatch.
        int diff = 0;
        for (int i = 0; i < TAG; i++) {
            diff |= tag[i] ^ buf[textOff + textLen + i];
        }
        if (diff != 0) {
            return false;
        }
        aes.apply(counter, buf, textOff, textLen);
        return true;
    }

    // J0 = IV || 0^31 || 1: its encryption masks the tag; the data's counter starts at inc32(J0) (§7.1 steps 2-3).
    private void startCounter(AesCounterMode aes) {
        System.arraycopy(iv, 0, counter, 0, 12);
        counter[12] = 0;
        counter[13] = 0;
        counter[14] = 0;
        counter[15] = 1;
        aes.encryptBlock(counter, mask);
        counter[15] = 2;
    }

    private void authenticate(Ghash ghash, byte[] buf, int aadOff, int aadLen, boolean withIndex, int textOff,
                              int textLen) {
        ghash.reset();
        ghash.update(buf, aadOff, aadLen);
        if (withIndex) {
            ghash.update(indexWord, 0, 4);
        }
        ghash.pad();
        ghash.update(buf, textOff, textLen);
        ghash.finish(aadLen + (withIndex ? 4 : 0), textLen, tag, 0);
    }

    /**
     * RFC 7714 §8.1 (SRTP): IV = (00 00 || SSRC || ROC || SEQ) XOR salt; §9.1 (SRTCP): (00 00 || SSRC || 00 00 ||
     * 0 || SRTCP index) XOR salt. For SRTCP {@code low} is the 31-bit index and {@code roc} is 0.
     */
    private void setIv(byte[] salt, int ssrc, int roc, int low, boolean rtcp) {
        iv[0] = salt[0];
        iv[1] = salt[1];
        putInt(iv, 2, ssrc);
        if (rtcp) {
            iv[6] = 0;
            iv[7] = 0;
            putInt(iv, 8, low);
        } else {
            putInt(iv, 6, roc);
            iv[10] = (byte) (low >>> 8);
            iv[11] = (byte) low;
        }
        for (int i = 2; i < 12; i++) {
            iv[i] ^= salt[i];
        }
    }
}
