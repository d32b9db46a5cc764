package dev.parley.rtc.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacketKindTest {

    private static PacketKind kind(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return PacketKind.of(b, 0, b.length);
    }

    @Test
    void rfc7983RangesSplitTheSharedPort() {
        assertThat(kind(0x00, 0x01)).isEqualTo(PacketKind.STUN);
        assertThat(kind(0x01, 0x01)).isEqualTo(PacketKind.STUN);
        assertThat(kind(3)).isEqualTo(PacketKind.STUN);
        assertThat(kind(16)).isEqualTo(PacketKind.ZRTP);
        assertThat(kind(22, 0xfe, 0xfd)).isEqualTo(PacketKind.DTLS);
        assertThat(kind(63)).isEqualTo(PacketKind.DTLS);
        assertThat(kind(0x40, 0x00)).isEqualTo(PacketKind.TURN_CHANNEL);
        assertThat(kind(79)).isEqualTo(PacketKind.TURN_CHANNEL);
        assertThat(kind(0x80, 111)).isEqualTo(PacketKind.RTP);
        assertThat(kind(0x80, 0x80 | 96)).as("marker bit set").isEqualTo(PacketKind.RTP);
        assertThat(kind(0x81, 200)).as("sender report").isEqualTo(PacketKind.RTCP);
        assertThat(kind(0x8f, 206)).as("PSFB").isEqualTo(PacketKind.RTCP);
        assertThat(kind(0x80, 223)).isEqualTo(PacketKind.RTCP);
    }

    @Test
    void everythingElseIsUnknownAndNothingReadsPastTheEnd() {
        assertThat(kind()).isEqualTo(PacketKind.UNKNOWN);
        assertThat(kind(0x80)).isEqualTo(PacketKind.UNKNOWN);
        assertThat(kind(4)).isEqualTo(PacketKind.UNKNOWN);
        assertThat(kind(100)).isEqualTo(PacketKind.UNKNOWN);
        assertThat(kind(192)).isEqualTo(PacketKind.UNKNOWN);
        assertThat(kind(255)).isEqualTo(PacketKind.UNKNOWN);
        assertThat(PacketKind.of(new byte[] {(byte) 0x80, 96}, 1, 1)).isEqualTo(PacketKind.UNKNOWN);
    }
}
