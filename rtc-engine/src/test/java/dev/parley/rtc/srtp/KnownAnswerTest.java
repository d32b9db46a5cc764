package dev.parley.rtc.srtp;

import static dev.parley.rtc.srtp.Vectors.hex;
import static dev.parley.rtc.srtp.Vectors.withRoom;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.rtc.srtp.SrtpTransform.SessionKeys;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** RFC 3711 Appendix B, RFC 7714 §16-17 and libsrtp reference packets (fixtures cite their sources). */
class KnownAnswerTest {

    @Test
    void rfc3711_b2_aesCmKeystream() {
        AesCounterMode ctr = new AesCounterMode(hex("b2.key"));
        byte[] stream = new byte[0xff02 * 16];
        ctr.apply(hex("b2.iv"), stream, 0, stream.length); // XOR into zeros = the keystream itself
        assertThat(block(stream, 0x0000)).isEqualTo(hex("b2.block0000"));
        assertThat(block(stream, 0x0001)).isEqualTo(hex("b2.block0001"));
        assertThat(block(stream, 0x0002)).isEqualTo(hex("b2.block0002"));
        assertThat(block(stream, 0xfeff)).isEqualTo(hex("b2.blockfeff"));
        assertThat(block(stream, 0xff00)).isEqualTo(hex("b2.blockff00"));
        assertThat(block(stream, 0xff01)).isEqualTo(hex("b2.blockff01"));
    }

    @Test
    void aesCmKeystreamIsTheSameWhateverTheLengthOrOffset() {
        AesCounterMode ctr = new AesCounterMode(hex("b2.key"));
        byte[] whole = new byte[5000];
        ctr.apply(hex("b2.iv"), whole, 0, whole.length);
        for (int len : new int[] {0, 1, 15, 16, 17, 1023, 1024, 1025, 3000}) {
            byte[] part = new byte[len + 7];
            ctr.apply(hex("b2.iv"), part, 7, len);
            assertThat(Arrays.copyOfRange(part, 7, 7 + len)).isEqualTo(Arrays.copyOf(whole, len));
        }
    }

    @Test
    void rfc3711_b3_keyDerivation() {
        SrtpKdf kdf = new SrtpKdf(hex("b3.masterKey"), hex("b3.masterSalt"));
        assertThat(kdf.derive(SrtpKdf.RTP_ENCRYPTION, 16)).isEqualTo(hex("b3.cipherKey"));
        assertThat(kdf.derive(SrtpKdf.RTP_SALT, 14)).isEqualTo(hex("b3.cipherSalt"));
        assertThat(kdf.derive(SrtpKdf.RTP_AUTH, 94)).isEqualTo(hex("b3.authKey"));
    }

    @Test
    void rfc7714_16_1_aes128GcmSrtp() {
        checkGcmRtp(SrtpProfile.SRTP_AEAD_AES_128_GCM, hex("gcm.key128"), hex("gcm.srtp128"));
    }

    @Test
    void rfc7714_16_2_aes256GcmSrtp() {
        checkGcmRtp(SrtpProfile.SRTP_AEAD_AES_256_GCM, hex("gcm.key256"), hex("gcm.srtp256"));
    }

    @Test
    void rfc7714_17_1_aes128GcmSrtcp() {
        checkGcmRtcp(SrtpProfile.SRTP_AEAD_AES_128_GCM, hex("gcm.key128"), hex("gcm.srtcp128"));
    }

    @Test
    void rfc7714_17_2_aes256GcmSrtcp() {
        checkGcmRtcp(SrtpProfile.SRTP_AEAD_AES_256_GCM, hex("gcm.key256"), hex("gcm.srtcp256"));
    }

    @Test
    void libsrtpReferencePackets_aesCm128HmacSha1_80() {
        checkReference(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80, "libsrtp.cm", hex("libsrtp.rtp"),
                hex("libsrtp.cm.srtp"), hex("libsrtp.cm.srtcp"));
    }

    @Test
    void libsrtpReferencePackets_aeadAes128Gcm() {
        checkReference(SrtpProfile.SRTP_AEAD_AES_128_GCM, "libsrtp.gcm", hex("libsrtp.gcm.rtp"),
                hex("libsrtp.gcm.srtp"), hex("libsrtp.gcm.srtcp"));
    }

    /** Through the public sessions: KDF, ROC 0, SRTCP index 1 as libsrtp numbers its first SRTCP packet. */
    private static void checkReference(SrtpProfile profile, String prefix, byte[] rtp, byte[] srtp, byte[] srtcp) {
        byte[] key = hex(prefix + ".masterKey");
        byte[] salt = hex(prefix + ".masterSalt");
        SrtpOutboundSession out = SrtpSession.outbound(profile, key, salt);
        SrtpInboundSession in = SrtpSession.inbound(profile, key, salt);

        byte[] buf = withRoom(rtp, profile.rtpOverhead());
        assertThat(out.protectRtp(buf, 0, rtp.length)).isEqualTo(srtp.length);
        assertThat(buf).isEqualTo(srtp);
        assertThat(in.unprotectRtp(buf, 0, buf.length)).isEqualTo(rtp.length);
        assertThat(Arrays.copyOf(buf, rtp.length)).isEqualTo(rtp);

        byte[] rtcp = hex("libsrtp.rtcp");
        out.setNextRtcpIndex(0xcafebabe, 1);
        byte[] cbuf = withRoom(rtcp, profile.rtcpOverhead());
        assertThat(out.protectRtcp(cbuf, 0, rtcp.length)).isEqualTo(srtcp.length);
        assertThat(cbuf).isEqualTo(srtcp);
        assertThat(in.unprotectRtcp(cbuf, 0, cbuf.length)).isEqualTo(rtcp.length);
        assertThat(Arrays.copyOf(cbuf, rtcp.length)).isEqualTo(rtcp);
    }

    private static void checkGcmRtp(SrtpProfile profile, byte[] key, byte[] expected) {
        SrtpTransform t = gcm(profile, key);
        byte[] rtp = hex("gcm.rtp");
        byte[] buf = withRoom(rtp, 16);
        assertThat(t.protectRtp(buf, 0, rtp.length, 12, 0x5501a0b2, 0xf17b)).isEqualTo(expected.length);
        assertThat(buf).isEqualTo(expected);
        SrtpTransform receiver = gcm(profile, key);
        assertThat(receiver.unprotectRtp(buf, 0, buf.length, 12, 0x5501a0b2, 0xf17b)).isEqualTo(rtp.length);
        assertThat(Arrays.copyOf(buf, rtp.length)).isEqualTo(rtp);
    }

    private static void checkGcmRtcp(SrtpProfile profile, byte[] key, byte[] expected) {
        byte[] rtcp = hex("gcm.rtcp");
        byte[] buf = withRoom(rtcp, 20);
        assertThat(gcm(profile, key).protectRtcp(buf, 0, rtcp.length, 0x4d617273, 0x5d4)).isEqualTo(expected.length);
        assertThat(buf).isEqualTo(expected);
        int eIndex = SrtpTransform.getInt(buf, buf.length - 4);
        assertThat(gcm(profile, key).unprotectRtcp(buf, 0, buf.length, 0x4d617273, eIndex)).isEqualTo(rtcp.length);
        assertThat(Arrays.copyOf(buf, rtcp.length)).isEqualTo(rtcp);
    }

    private static SrtpTransform gcm(SrtpProfile profile, byte[] key) {
        SessionKeys keys = new SessionKeys(key, null, hex("gcm.salt"));
        return SrtpTransform.fromSessionKeys(profile, keys, keys);
    }

    private static byte[] block(byte[] stream, int i) {
        return Arrays.copyOfRange(stream, i * 16, i * 16 + 16);
    }
}
