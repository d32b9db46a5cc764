package dev.parley.rtc.srtp;

import static dev.parley.rtc.srtp.Vectors.withRoom;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SrtcpTest {
    private static final int SSRC = 0x0BADCAFE;

    private static byte[] protect(SrtpOutboundSession out, byte[] rtcp) {
        byte[] buf = withRoom(rtcp, out.profile().rtcpOverhead());
        assertThat(out.protectRtcp(buf, 0, rtcp.length)).isEqualTo(buf.length);
        return buf;
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void roundTripEncryptsAfterTheFirstEightBytesAndCountsTheIndex(SrtpProfile profile) {
        SrtpOutboundSession out = Packets.sender(profile);
        SrtpInboundSession in = Packets.receiver(profile);
        for (int i = 0; i < 5; i++) {
            byte[] rtcp = Packets.rtcp(SSRC, i);
            byte[] srtcp = protect(out, rtcp);
            assertThat(Arrays.copyOf(srtcp, 8)).isEqualTo(Arrays.copyOf(rtcp, 8));
            assertThat(Arrays.copyOfRange(srtcp, 8, rtcp.length)).isNotEqualTo(Arrays.copyOfRange(rtcp, 8, rtcp.length));
            int indexAt = profile.isAead() ? srtcp.length - 4 : rtcp.length; // RFC 7714 §9.1 vs RFC 3711 §3.4
            assertThat(SrtpTransform.getInt(srtcp, indexAt)).isEqualTo(0x8000_0000 | i);
            assertThat(in.unprotectRtcp(srtcp, 0, srtcp.length)).isEqualTo(rtcp.length);
            assertThat(Arrays.copyOf(srtcp, rtcp.length)).isEqualTo(rtcp);
        }
        assertThat(in.rtcpPackets()).isEqualTo(5);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void replayIsRejectedAndReorderingAccepted(SrtpProfile profile) {
        SrtpOutboundSession out = Packets.sender(profile);
        byte[] a = protect(out, Packets.rtcp(SSRC, 1));
        byte[] b = protect(out, Packets.rtcp(SSRC, 2));
        SrtpInboundSession in = Packets.receiver(profile);
        assertThat(in.unprotectRtcp(b.clone(), 0, b.length)).isPositive();
        assertThat(in.unprotectRtcp(a.clone(), 0, a.length)).isPositive();
        assertThat(in.unprotectRtcp(a.clone(), 0, a.length)).isEqualTo(SrtpError.REPLAYED.code());
        assertThat(in.unprotectRtcp(b.clone(), 0, b.length)).isEqualTo(SrtpError.REPLAYED.code());
        assertThat(in.errorCount(SrtpError.REPLAYED)).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void everyBitFlipIsRejected(SrtpProfile profile) {
        byte[] srtcp = protect(Packets.sender(profile), Packets.rtcp(SSRC, 9));
        SrtpInboundSession in = Packets.receiver(profile);
        for (int bit = 0; bit < srtcp.length * 8; bit++) {
            byte[] t = srtcp.clone();
            t[bit >>> 3] ^= (byte) (1 << (bit & 7));
            assertThat(in.unprotectRtcp(t, 0, t.length)).as("bit %d", bit).isNegative();
        }
        assertThat(in.errorCount(SrtpError.AUTH_FAILED)).isGreaterThan(srtcp.length * 8L - 4);
        assertThat(in.unprotectRtcp(srtcp, 0, srtcp.length)).isPositive();
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void truncatedSrtcpIsRejected(SrtpProfile profile) {
        byte[] srtcp = protect(Packets.sender(profile), Packets.rtcp(SSRC, 3));
        SrtpInboundSession in = Packets.receiver(profile);
        for (int len = 0; len < srtcp.length; len++) {
            assertThat(in.unprotectRtcp(srtcp.clone(), 0, len)).as("length %d", len).isNegative();
        }
        assertThat(in.unprotectRtcp(srtcp, 0, srtcp.length)).isPositive();
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void unencryptedSrtcpWithEZeroIsAuthenticatedOnly(SrtpProfile profile) {
        // Build an E=0 packet by hand with the transform (RFC 3711 §3.4; RFC 7714 §9.2): payload left in clear.
        SrtpTransform t = SrtpTransform.create(profile, Packets.key(profile), Packets.salt(profile));
        byte[] rtcp = Packets.rtcp(SSRC, 4);
        byte[] buf = withRoom(rtcp, profile.rtcpOverhead());
        int n = profile.isAead() ? protectGcmUnencrypted(t, buf, rtcp.length) : protectCmUnencrypted(profile, buf, rtcp.length);
        SrtpInboundSession in = Packets.receiver(profile);
        assertThat(in.unprotectRtcp(buf, 0, n)).isEqualTo(rtcp.length);
        assertThat(Arrays.copyOf(buf, rtcp.length)).isEqualTo(rtcp);
    }

    private static int protectCmUnencrypted(SrtpProfile profile, byte[] buf, int len) {
        SrtpKdf kdf = new SrtpKdf(Packets.key(profile), Packets.salt(profile));
        HmacSha1 mac = new HmacSha1(kdf.derive(SrtpKdf.RTCP_AUTH, 20));
        SrtpTransform.putInt(buf, len, 7); // E = 0, index 7
        mac.start();
        mac.update(buf, 0, len + 4);
        byte[] tag = new byte[20];
        mac.finish(tag, 0);
        System.arraycopy(tag, 0, buf, len + 4, 10);
        return len + 14;
    }

    private static int protectGcmUnencrypted(SrtpTransform unused, byte[] buf, int len) {
        try {
            SrtpProfile profile = unused.profile;
            SrtpKdf kdf = new SrtpKdf(Packets.key(profile), Packets.salt(profile));
            byte[] key = kdf.derive(SrtpKdf.RTCP_ENCRYPTION, profile.keyLength());
            byte[] salt = kdf.derive(SrtpKdf.RTCP_SALT, 12);
            byte[] iv = new byte[12];
            SrtpTransform.putInt(iv, 2, SSRC);
            SrtpTransform.putInt(iv, 8, 7);
            for (int i = 0; i < 12; i++) {
                iv[i] ^= salt[i];
            }
            javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
            c.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, "AES"),
                    new javax.crypto.spec.GCMParameterSpec(128, iv));
            c.updateAAD(buf, 0, len);
            c.updateAAD(new byte[] {0, 0, 0, 7});
            byte[] tag = c.doFinal();
            System.arraycopy(tag, 0, buf, len, 16);
            SrtpTransform.putInt(buf, len + 16, 7);
            return len + 20;
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
