package dev.parley.rtc.srtp;

import static dev.parley.rtc.srtp.Packets.rtp;
import static dev.parley.rtc.srtp.Vectors.withRoom;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Garbage, truncation and SSRC flooding: nothing throws, nothing is accepted, state stays bounded. */
class HostileInputTest {

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void seededFuzzNeverThrowsAndNeverAcceptsGarbage(SrtpProfile profile) {
        Random r = new Random(0x5eed + profile.ordinal());
        SrtpInboundSession in = Packets.receiver(profile);
        SrtpOutboundSession out = Packets.sender(profile);
        byte[] valid = withRoom(rtp(42, 0x1234, 1, 2, 200), profile.rtpOverhead());
        int validLen = Packets.sender(profile).protectRtp(valid, 0, valid.length - profile.rtpOverhead());
        int accepted = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] buf = new byte[r.nextInt(1600)];
            r.nextBytes(buf);
            switch (i % 4) {
                case 1 -> { // version 2, so parsing goes deeper
                    if (buf.length > 0) {
                        buf[0] = (byte) (0x80 | (buf[0] & 0x3f));
                    }
                }
                case 2 -> { // a truncated or extended valid packet, possibly with one byte changed
                    buf = new byte[r.nextInt(validLen + 40)];
                    System.arraycopy(valid, 0, buf, 0, Math.min(buf.length, validLen));
                    if (buf.length > 0 && r.nextBoolean()) {
                        buf[r.nextInt(buf.length)] ^= (byte) (1 + r.nextInt(255));
                    }
                }
                default -> { }
            }
            int off = buf.length == 0 ? 0 : r.nextInt(Math.min(buf.length, 8) + 1) - (r.nextInt(50) == 0 ? 1 : 0);
            int len = buf.length - Math.max(off, 0) + (r.nextInt(50) == 0 ? 1 : 0);
            int a = in.unprotectRtp(buf, off, len);
            int b = in.unprotectRtcp(buf, off, len);
            assertThat(a < 0 || a <= len).isTrue();
            assertThat(b < 0 || b <= len).isTrue();
            if (a >= 0) {
                accepted++; // only the untouched valid packet can get here
            }
            assertThat(b).isNegative();
            int c = out.protectRtp(buf, off, len);
            int d = out.protectRtcp(buf, off, len);
            assertThat(c < 0 || c <= buf.length).isTrue();
            assertThat(d < 0 || d <= buf.length).isTrue();
        }
        assertThat(accepted).isLessThanOrEqualTo(1);
        assertThat(in.ssrcCount()).isLessThanOrEqualTo(1);
        long counted = 0;
        for (SrtpError e : SrtpError.values()) {
            counted += in.errorCount(e);
        }
        assertThat(counted).isEqualTo(2L * 20_000 - accepted);
    }

    @Test
    void nullAndOutOfRangeArgumentsAreMalformedNotExceptions() {
        SrtpInboundSession in = Packets.receiver(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80);
        SrtpOutboundSession out = Packets.sender(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80);
        int malformed = SrtpError.MALFORMED.code();
        assertThat(in.unprotectRtp(null, 0, 10)).isEqualTo(malformed);
        assertThat(in.unprotectRtp(new byte[10], -1, 5)).isEqualTo(malformed);
        assertThat(in.unprotectRtp(new byte[10], 5, 6)).isEqualTo(malformed);
        assertThat(in.unprotectRtcp(new byte[10], 0, -1)).isEqualTo(malformed);
        assertThat(out.protectRtp(new byte[10], Integer.MAX_VALUE, 10)).isEqualTo(malformed);
        assertThat(out.protectRtcp(null, 0, 0)).isEqualTo(malformed);
        assertThat(in.unprotectRtp(new byte[70_000], 0, 70_000)).isEqualTo(malformed);
        assertThat(in.errorCount(SrtpError.MALFORMED)).isEqualTo(5);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void ssrcContextsAreCappedAndForgedSsrcsTakeNoSlot(SrtpProfile profile) {
        SrtpOptions options = new SrtpOptions(3, 1024, 128);
        SrtpInboundSession in = SrtpSession.inbound(profile, Packets.key(profile), Packets.salt(profile), options);
        SrtpOutboundSession out = Packets.sender(profile);
        Random r = new Random(3);
        for (int i = 0; i < 1000; i++) { // forged packets from random SSRCs: authentication fails, no state kept
            byte[] forged = rtp(i, r.nextInt(), 0, -1, 50 + profile.rtpOverhead());
            assertThat(in.unprotectRtp(forged, 0, forged.length)).isEqualTo(SrtpError.AUTH_FAILED.code());
        }
        assertThat(in.ssrcCount()).isZero();
        for (int ssrc = 1; ssrc <= 4; ssrc++) {
            byte[] plain = rtp(1, ssrc, 0, -1, 50);
            byte[] buf = withRoom(plain, profile.rtpOverhead());
            int n = out.protectRtp(buf, 0, plain.length);
            int result = in.unprotectRtp(buf, 0, n);
            if (ssrc <= 3) {
                assertThat(result).isEqualTo(plain.length);
            } else {
                assertThat(result).isEqualTo(SrtpError.UNKNOWN_SSRC_LIMIT.code());
            }
        }
        assertThat(in.ssrcCount()).isEqualTo(3);
        assertThat(in.errorCount(SrtpError.UNKNOWN_SSRC_LIMIT)).isEqualTo(1);
        SrtpOutboundSession capped = SrtpSession.outbound(profile, Packets.key(profile), Packets.salt(profile), options);
        for (int ssrc = 1; ssrc <= 4; ssrc++) {
            byte[] plain = rtp(1, ssrc, 0, -1, 50);
            int n = capped.protectRtp(withRoom(plain, profile.rtpOverhead()), 0, plain.length);
            assertThat(n < 0).isEqualTo(ssrc == 4);
        }
    }

    @Test
    void errorCodesRoundTrip() {
        for (SrtpError e : SrtpError.values()) {
            assertThat(e.code()).isNegative();
            assertThat(SrtpError.fromCode(e.code())).isEqualTo(e);
        }
        assertThat(SrtpError.fromCode(0)).isNull();
        assertThat(SrtpError.fromCode(-100)).isNull();
    }
}
