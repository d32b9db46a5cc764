package dev.parley.rtc.srtp;

import static dev.parley.rtc.srtp.Packets.rtp;
import static dev.parley.rtc.srtp.Vectors.withRoom;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SrtpRoundTripTest {
    private static final int SSRC = 0x11223344;

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rtpRoundTripsWithCsrcsAndHeaderExtensions(SrtpProfile profile) {
        SrtpOutboundSession out = Packets.sender(profile);
        SrtpInboundSession in = Packets.receiver(profile);
        int seq = 100;
        for (int csrcs : new int[] {0, 1, 15}) {
            for (int ext : new int[] {-1, 0, 3}) {
                for (int payload : new int[] {0, 1, 160, 1200}) {
                    byte[] plain = rtp(seq++, SSRC, csrcs, ext, payload);
                    int hdr = plain.length - payload;
                    byte[] buf = withRoom(plain, profile.rtpOverhead());
                    assertThat(out.protectRtp(buf, 0, plain.length)).isEqualTo(buf.length);
                    assertThat(Arrays.copyOf(buf, hdr)).as("header is not encrypted").isEqualTo(Arrays.copyOf(plain, hdr));
                    if (payload >= 16) {
                        assertThat(Arrays.copyOfRange(buf, hdr, plain.length)).isNotEqualTo(
                                Arrays.copyOfRange(plain, hdr, plain.length));
                    }
                    assertThat(in.unprotectRtp(buf, 0, buf.length)).isEqualTo(plain.length);
                    assertThat(Arrays.copyOf(buf, plain.length)).isEqualTo(plain);
                }
            }
        }
        assertThat(in.rtpPackets()).isEqualTo(36);
        assertThat(in.ssrcCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void worksAtAnOffsetInALargerBuffer(SrtpProfile profile) {
        byte[] plain = rtp(7, SSRC, 2, 1, 300);
        byte[] buf = new byte[50 + plain.length + profile.rtpOverhead() + 9];
        Arrays.fill(buf, (byte) 0x5a);
        System.arraycopy(plain, 0, buf, 50, plain.length);
        int n = Packets.sender(profile).protectRtp(buf, 50, plain.length);
        assertThat(n).isEqualTo(plain.length + profile.rtpOverhead());
        assertThat(Packets.receiver(profile).unprotectRtp(buf, 50, n)).isEqualTo(plain.length);
        assertThat(Arrays.copyOfRange(buf, 50, 50 + plain.length)).isEqualTo(plain);
        assertThat(buf[49]).isEqualTo((byte) 0x5a);
        assertThat(buf[buf.length - 1]).isEqualTo((byte) 0x5a);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void tagLengthsFollowTheProfile(SrtpProfile profile) {
        int expected = switch (profile) {
            case SRTP_AES128_CM_HMAC_SHA1_80 -> 10;
            case SRTP_AES128_CM_HMAC_SHA1_32 -> 4;
            case SRTP_AEAD_AES_128_GCM, SRTP_AEAD_AES_256_GCM -> 16;
        };
        assertThat(profile.rtpOverhead()).isEqualTo(expected);
        // RFC 5764 §4.1.2: the _32 profile keeps the 80-bit tag for SRTCP
        assertThat(profile.rtcpOverhead()).isEqualTo(4 + (profile.isAead() ? 16 : 10));
        assertThat(SrtpProfile.fromDtlsId(profile.dtlsId())).isEqualTo(profile);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void everySingleBitFlipInTheAuthenticatedPortionOrTagIsRejectedAndCounted(SrtpProfile profile) {
        byte[] plain = rtp(500, SSRC, 2, 1, 40);
        byte[] srtp = withRoom(plain, profile.rtpOverhead());
        int n = Packets.sender(profile).protectRtp(srtp, 0, plain.length);
        SrtpInboundSession in = Packets.receiver(profile);
        long failures = 0;
        for (int bit = 0; bit < n * 8; bit++) {
            byte[] tampered = srtp.clone();
            tampered[bit >>> 3] ^= (byte) (1 << (bit & 7));
            int r = in.unprotectRtp(tampered, 0, n);
            assertThat(r).as("bit %d", bit).isNegative();
            if ((bit >>> 3) >= 12) { // past the fixed header: only the tag check can catch it
                assertThat(SrtpError.fromCode(r)).as("bit %d", bit).isIn(SrtpError.AUTH_FAILED, SrtpError.MALFORMED, SrtpError.TOO_SHORT);
            }
            failures++;
        }
        long counted = 0;
        for (SrtpError e : SrtpError.values()) {
            counted += in.errorCount(e);
        }
        assertThat(counted).isEqualTo(failures);
        assertThat(in.errorCount(SrtpError.AUTH_FAILED)).isGreaterThan(n * 8L - 100);
        assertThat(in.ssrcCount()).as("forged SSRCs are not kept").isZero();
        assertThat(in.unprotectRtp(srtp, 0, n)).as("state untouched by forgeries").isEqualTo(plain.length);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void wrongKeyFailsAuthentication(SrtpProfile profile) {
        byte[] plain = rtp(1, SSRC, 0, -1, 100);
        byte[] buf = withRoom(plain, profile.rtpOverhead());
        int n = Packets.sender(profile).protectRtp(buf, 0, plain.length);
        byte[] otherKey = Packets.key(profile).clone();
        otherKey[0] ^= 1;
        SrtpInboundSession in = SrtpSession.inbound(profile, otherKey, Packets.salt(profile));
        assertThat(in.unprotectRtp(buf, 0, n)).isEqualTo(SrtpError.AUTH_FAILED.code());
        assertThat(in.errorCount(SrtpError.AUTH_FAILED)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void protectNeedsRoomForTheTag(SrtpProfile profile) {
        byte[] plain = rtp(1, SSRC, 0, -1, 100);
        SrtpOutboundSession out = Packets.sender(profile);
        byte[] tight = withRoom(plain, profile.rtpOverhead() - 1);
        assertThat(out.protectRtp(tight, 0, plain.length)).isEqualTo(SrtpError.BUFFER_TOO_SMALL.code());
        assertThat(Arrays.copyOf(tight, plain.length)).as("left untouched").isEqualTo(plain);
        byte[] rtcp = Packets.rtcp(SSRC, 1);
        byte[] tightRtcp = withRoom(rtcp, profile.rtcpOverhead() - 1);
        assertThat(out.protectRtcp(tightRtcp, 0, rtcp.length)).isEqualTo(SrtpError.BUFFER_TOO_SMALL.code());
        assertThat(out.errorCount(SrtpError.BUFFER_TOO_SMALL)).isEqualTo(2);
    }
}
