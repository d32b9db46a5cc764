package dev.parley.rtc.codec.h264;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

final class H264RtpTestSupport {
    private H264RtpTestSupport() {
    }

    static void assertRtpRoundTrip(List<byte[]> au, int budget) {
        List<ReceivedRtpPayload> rx = H264RtpTest.received(new H264Packetizer(budget).packetize(au), 4000);
        DepacketizedFrame f = new H264Depacketizer().depacketize(rx, 4000);
        assertThat(f).isInstanceOf(DepacketizedFrame.Complete.class);
        assertThat(((DepacketizedFrame.Complete) f).nalUnits()).usingRecursiveComparison().isEqualTo(au);
        assertThat(((DepacketizedFrame.Complete) f).keyframe()).isTrue();
    }
}
