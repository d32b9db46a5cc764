package dev.parley.rtc.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AEAD_AES_128_GCM and AEAD_AES_256_GCM for SRTP and SRTCP (RFC 7714) over JCE "AES/GCM/NoPadding".
 *
 * <p>JCE GCM must be re-initialised with a fresh {@link GCMParameterSpec} per packet, which allocates a little
 * (the spec and the cipher's internal state); that is the one allocation on the hot path we cannot avoid without
 * our own GHASH. In encrypt mode the JCE refuses an init with the same key and IV as the previous encrypt init;
 * protecting the same packet index twice in a row therefore fails with {@link SrtpError#CRYPTO_FAILURE}.
 * Not thread-safe.
 */
final class AesGcmTransform extends SrtpTransform {
    private static final int TAG_BITS = 128;
    private static final int TAG = TAG_BITS / 8;

    private final Cipher cipher;
    private final SecretKeySpec rtpKey;
    private final SecretKeySpec rtcpKey;
    private final byte[] rtpSalt;
    private final byte[] rtcpSalt;
    private final byte[] iv = new byte[12];
    private final byte[] indexWord = new byte[4];

    AesGcmTransform(SrtpProfile profile, SessionKeys rtp, SessionKeys rtcp) {
        super(profile);
        try {
            cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM/NoPadding is missing from this JRE", e);
        }
        rtpKey = new SecretKeySpec(rtp.encryption(), "AES");
        rtcpKey = new SecretKeySpec(rtcp.encryption(), "AES");
        rtpSalt = rtp.salt().clone();
        rtcpSalt = rtcp.salt().clone();
    }

    @Override
    int protectRtp(byte[] buf, int off, int len, int hdrLen, int ssrc, long index) {
        setIv(rtpSalt, ssrc, (int) (index >>> 16), (int) index & 0xffff, false);
        try {
            cipher.init(Cipher.ENCRYPT_MODE, rtpKey, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(buf, off, hdrLen); // RFC 7714 §8.2: the whole RTP header is the AAD
            return hdrLen + cipher.doFinal(buf, off + hdrLen, len - hdrLen, buf, off + hdrLen);
        } catch (GeneralSecurityException | RuntimeException e) {
            return SrtpError.CRYPTO_FAILURE.code();
        }
    }

    @Override
    int unprotectRtp(byte[] buf, int off, int len, int hdrLen, int ssrc, long index) {
        setIv(rtpSalt, ssrc, (int) (index >>> 16), (int) index & 0xffff, false);
        try {
            cipher.init(Cipher.DECRYPT_MODE, rtpKey, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(buf, off, hdrLen);
            return hdrLen + cipher.doFinal(buf, off + hdrLen, len - hdrLen, buf, off + hdrLen);
        } catch (AEADBadTagException e) {
            return SrtpError.AUTH_FAILED.code();
        } catch (GeneralSecurityException | RuntimeException e) {
            return SrtpError.CRYPTO_FAILURE.code();
        }
    }

    @Override
    int protectRtcp(byte[] buf, int off, int len, int ssrc, int index) {
        setIv(rtcpSalt, ssrc, 0, index, true);
        putInt(indexWord, 0, E_FLAG | index);
        try {
            cipher.init(Cipher.ENCRYPT_MODE, rtcpKey, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(buf, off, 8); // RFC 7714 §9.2: AAD = first 8 octets || E||SRTCP index
            cipher.updateAAD(indexWord, 0, 4);
            int n = cipher.doFinal(buf, off + 8, len - 8, buf, off + 8);
            System.arraycopy(indexWord, 0, buf, off + 8 + n, 4); // RFC 7714 §9.1: the index trails the tag
            return 8 + n + 4;
        } catch (GeneralSecurityException | RuntimeException e) {
            return SrtpError.CRYPTO_FAILURE.code();
        }
    }

    @Override
    int unprotectRtcp(byte[] buf, int off, int len, int ssrc, int eIndex) {
        setIv(rtcpSalt, ssrc, 0, eIndex & ~E_FLAG, true);
        putInt(indexWord, 0, eIndex);
        int end = len - 4; // payload and tag
        boolean encrypted = (eIndex & E_FLAG) != 0;
        // RFC 7714 §9.2: unencrypted SRTCP puts the whole packet in the AAD and has an empty plaintext
        int aad = encrypted ? 8 : end - TAG;
        try {
            cipher.init(Cipher.DECRYPT_MODE, rtcpKey, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(buf, off, aad);
            cipher.updateAAD(indexWord, 0, 4);
            return aad + cipher.doFinal(buf, off + aad, end - aad, buf, off + aad);
        } catch (AEADBadTagException e) {
            return SrtpError.AUTH_FAILED.code();
        } catch (GeneralSecurityException | RuntimeException e) {
            return SrtpError.CRYPTO_FAILURE.code();
        }
    }

    @Override
    int rtcpIndexFromEnd() {
        return 4;
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
