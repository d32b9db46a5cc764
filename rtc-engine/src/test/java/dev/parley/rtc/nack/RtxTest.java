package dev.parley.rtc.nack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.rtc.net.NetworkOrder;
import dev.parley.rtc.rtp.RtpPacket;
import dev.parley.rtc.rtp.RtpPacketWriter;
import dev.parley.rtc.rtp.RtpParseStatus;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RtxTest {
    private static final int MEDIA_PT = 96;
    private static final int RTX_PT = 97;
    private static final int RTX_SSRC = 0xCAFE_F00D;

    private final byte[] rtx = new byte[2100];
    private final byte[] restored = new byte[2100];

    @Test
    void rtxPacketFollowsRfc4588Layout() {
        RtpPacketWriter w = new RtpPacketWriter().marker(true).payloadType(MEDIA_PT).sequenceNumber(4711)
                .timestamp(0x8765_4321L).ssrc(0x1111_2222).csrcs(0xAAAA_0001, 0xAAAA_0002).paddingLength(7);
        w.extensions().put(3, new byte[] {1, 2, 3});
        byte[] payload = {10, 20, 30, 40, 50};
        byte[] original = new byte[200];
        int len = w.write(original, 0, payload, 0, payload.length);
        int header = w.headerLength();

        RtxPacketizer packetizer = new RtxPacketizer(RTX_PT, RTX_SSRC, 300);
        int n = packetizer.wrap(original, 0, len, rtx, 0);

        assertThat(n).isEqualTo(header + 2 + payload.length);
        RtpPacket p = new RtpPacket();
        assertThat(p.wrap(rtx, 0, n)).isEqualTo(RtpParseStatus.OK);
        assertThat(p.hasPadding()).isFalse();
        assertThat(p.marker()).isTrue();
        assertThat(p.payloadType()).isEqualTo(RTX_PT);
        assertThat(p.sequenceNumber()).isEqualTo(300);
        assertThat(p.timestamp()).isEqualTo(0x8765_4321L);
        assertThat(p.ssrc()).isEqualTo(RTX_SSRC);
        assertThat(p.csrcCount()).isEqualTo(2);
        assertThat(p.csrc(1)).isEqualTo(0xAAAA_0002);
        // CSRCs and extension block byte for byte
        assertThat(Arrays.copyOfRange(rtx, 12, header)).isEqualTo(Arrays.copyOfRange(original, 12, header));
        assertThat(NetworkOrder.u16(rtx, header)).as("OSN").isEqualTo(4711);
        assertThat(Arrays.copyOfRange(rtx, header + 2, n)).isEqualTo(payload);
        assertThat(packetizer.nextSequenceNumber()).isEqualTo(301);
    }

    @Test
    void rtxSequenceNumbersAdvanceAndWrap() {
        RtxPacketizer packetizer = new RtxPacketizer(RTX_PT, RTX_SSRC, 65534);
        byte[] original = TestPackets.simple(10, 20);
        int[] expected = {65534, 65535, 0, 1};
        for (int e : expected) {
            int n = packetizer.wrap(original, 0, original.length, rtx, 0);
            assertThat(n).isEqualTo(original.length + 2);
            assertThat(NetworkOrder.u16(rtx, 2)).isEqualTo(e);
            assertThat(NetworkOrder.u16(rtx, 12)).isEqualTo(10);
        }
        assertThat(packetizer.wrappedPackets()).isEqualTo(4);
    }

    @Test
    void randomPacketsRoundTripToTheirUnpaddedBytes() {
        Random rnd = new Random(0x4588_0001L);
        TestPackets gen = new TestPackets(rnd);
        RtxPacketizer packetizer = new RtxPacketizer(RTX_PT, RTX_SSRC, rnd.nextInt(65536));
        RtxUnwrapper unwrapper = new RtxUnwrapper();
        RtpPacket view = new RtpPacket();
        int padded = 0;
        int withHeaderStuff = 0;
        for (int i = 0; i < 3000; i++) {
            TestPackets.Sample s = gen.next(rnd.nextInt(65536), MEDIA_PT);
            assertThat(view.wrap(s.wire(), 0, s.wire().length)).isEqualTo(RtpParseStatus.OK);
            padded += view.hasPadding() ? 1 : 0;
            withHeaderStuff += view.csrcCount() > 0 && view.hasExtension() ? 1 : 0;
            int mediaSsrc = view.ssrc();
            int rtxOff = rnd.nextInt(50);
            int n = packetizer.wrap(s.wire(), 0, s.wire().length, rtx, rtxOff);
            assertThat(n).isEqualTo(s.unpadded().length + 2);

            int outOff = rnd.nextInt(50);
            int m = unwrapper.unwrap(rtx, rtxOff, n, MEDIA_PT, mediaSsrc, restored, outOff);
            assertThat(Arrays.copyOfRange(restored, outOff, outOff + m)).isEqualTo(s.unpadded());
        }
        assertThat(padded).isGreaterThan(500);
        assertThat(withHeaderStuff).isGreaterThan(100);
        assertThat(unwrapper.unwrappedPackets()).isEqualTo(3000);
    }

    @Test
    void wrapAndUnwrapWorkInPlace() {
        Random rnd = new Random(0x4588_0002L);
        TestPackets gen = new TestPackets(rnd);
        RtxPacketizer packetizer = new RtxPacketizer(RTX_PT, RTX_SSRC, 0);
        RtxUnwrapper unwrapper = new RtxUnwrapper();
        for (int i = 0; i < 500; i++) {
            TestPackets.Sample s = gen.next(rnd.nextInt(65536), MEDIA_PT);
            byte[] buf = new byte[s.wire().length + 2 + 8];
            System.arraycopy(s.wire(), 0, buf, 8, s.wire().length);
            int mediaSsrc = NetworkOrder.i32(buf, 16);
            int n = packetizer.wrap(buf, 8, s.wire().length, buf, 8);
            int m = unwrapper.unwrap(buf, 8, n, MEDIA_PT, mediaSsrc, buf, 8);
            assertThat(Arrays.copyOfRange(buf, 8, 8 + m)).isEqualTo(s.unpadded());
        }
    }

    @Test
    void unwrapTakesTheMediaTypeAndSsrcGiven() {
        byte[] original = TestPackets.simple(1234, 40);
        int n = new RtxPacketizer(RTX_PT, RTX_SSRC, 9).wrap(original, 0, original.length, rtx, 0);
        int m = new RtxUnwrapper().unwrap(rtx, 0, n, 100, 0x0BAD_CAFE, restored, 0);
        RtpPacket p = new RtpPacket();
        assertThat(p.wrap(restored, 0, m)).isEqualTo(RtpParseStatus.OK);
        assertThat(p.payloadType()).isEqualTo(100);
        assertThat(p.ssrc()).isEqualTo(0x0BAD_CAFE);
        assertThat(p.sequenceNumber()).isEqualTo(1234);
        assertThat(p.payloadLength()).isEqualTo(40);
    }

    @Test
    void paddingOfAnRtxPacketIsDropped() {
        byte[] original = TestPackets.simple(321, 25);
        byte[] rtxPayload = new byte[2 + 25];
        NetworkOrder.put16(rtxPayload, 0, 321);
        System.arraycopy(original, 12, rtxPayload, 2, 25);
        RtpPacketWriter w = new RtpPacketWriter().payloadType(RTX_PT).sequenceNumber(9).timestamp(321 * 3000L)
                .ssrc(RTX_SSRC).paddingLength(40);
        int n = w.write(rtx, 0, rtxPayload, 0, rtxPayload.length);
        int m = new RtxUnwrapper().unwrap(rtx, 0, n, 96, 0x1234_5678, restored, 0);
        assertThat(Arrays.copyOf(restored, m)).isEqualTo(original);
    }

    @Test
    void paddingOnlyPacketsAreIgnoredApartFromMalformedOnes() {
        RtxUnwrapper unwrapper = new RtxUnwrapper();
        RtpPacketWriter w = new RtpPacketWriter().payloadType(RTX_PT).sequenceNumber(5).ssrc(RTX_SSRC);
        byte[] buf = new byte[400];
        int probe = w.paddingLength(255).write(buf, 0, new byte[0], 0, 0); // libwebrtc's bandwidth probe
        assertThat(unwrapper.unwrap(buf, 0, probe, MEDIA_PT, 1, restored, 0)).isEqualTo(-1);
        int oneByte = w.paddingLength(100).write(buf, 0, new byte[] {7}, 0, 1);
        assertThat(unwrapper.unwrap(buf, 0, oneByte, MEDIA_PT, 1, restored, 0)).isEqualTo(-1);
        int headerOnly = w.paddingLength(0).write(buf, 0, new byte[0], 0, 0);
        assertThat(unwrapper.unwrap(buf, 0, headerOnly, MEDIA_PT, 1, restored, 0)).isEqualTo(-1);
        assertThat(unwrapper.paddingOnlyPackets()).isEqualTo(3);
        assertThat(unwrapper.malformedPackets()).isZero();

        int osnOnly = w.write(buf, 0, new byte[] {0, 42}, 0, 2);
        assertThat(unwrapper.unwrap(buf, 0, osnOnly, MEDIA_PT, 1, restored, 0)).isEqualTo(12);
        assertThat(NetworkOrder.u16(restored, 2)).isEqualTo(42);
    }

    @Test
    void malformedPacketsAreCountedNotThrown() {
        RtxUnwrapper unwrapper = new RtxUnwrapper();
        byte[] good = TestPackets.simple(77, 30);
        int n = new RtxPacketizer(RTX_PT, RTX_SSRC, 0).wrap(good, 0, good.length, rtx, 0);
        byte[] badVersion = Arrays.copyOf(rtx, n);
        badVersion[0] = 0x00;
        byte[] badPadding = Arrays.copyOf(rtx, n);
        badPadding[0] |= 0x20;
        badPadding[n - 1] = (byte) 200;
        byte[] csrcOverrun = Arrays.copyOf(rtx, n);
        csrcOverrun[0] |= 0x0f;

        assertThat(unwrapper.unwrap(rtx, 0, 11, MEDIA_PT, 1, restored, 0)).isEqualTo(-1);
        assertThat(unwrapper.unwrap(badVersion, 0, n, MEDIA_PT, 1, restored, 0)).isEqualTo(-1);
        assertThat(unwrapper.unwrap(badPadding, 0, n, MEDIA_PT, 1, restored, 0)).isEqualTo(-1);
        assertThat(unwrapper.unwrap(csrcOverrun, 0, n, MEDIA_PT, 1, restored, 0)).isEqualTo(-1);
        assertThat(unwrapper.unwrap(rtx, -1, n, MEDIA_PT, 1, restored, 0)).isEqualTo(-1);
        assertThat(unwrapper.unwrap(rtx, rtx.length - 5, n, MEDIA_PT, 1, restored, 0)).isEqualTo(-1);
        assertThat(unwrapper.unwrap(null, 0, n, MEDIA_PT, 1, restored, 0)).isEqualTo(-1);
        assertThat(unwrapper.malformedPackets()).isEqualTo(7);
        assertThat(unwrapper.paddingOnlyPackets()).isZero();

        assertThat(unwrapper.unwrap(rtx, 0, n, MEDIA_PT, 1, new byte[good.length - 1], 0)).isEqualTo(-1);
        assertThat(unwrapper.unwrap(rtx, 0, n, MEDIA_PT, 1, null, 0)).isEqualTo(-1);
        assertThat(unwrapper.noRoomPackets()).isEqualTo(2);
        assertThat(unwrapper.unwrap(rtx, 0, n, MEDIA_PT, 0x1234_5678, new byte[good.length], 0))
                .isEqualTo(good.length);
        assertThatThrownBy(() -> unwrapper.unwrap(rtx, 0, n, 128, 1, restored, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void packetizerRefusesMalformedOriginalsWithoutSpendingASequenceNumber() {
        RtxPacketizer packetizer = new RtxPacketizer(RTX_PT, RTX_SSRC, 10);
        byte[] good = TestPackets.simple(1, 30);
        byte[] bad = good.clone();
        bad[0] = (byte) 0xC0; // version 3
        assertThat(packetizer.wrap(bad, 0, bad.length, rtx, 0)).isEqualTo(-1);
        assertThat(packetizer.wrap(good, 0, 11, rtx, 0)).isEqualTo(-1);
        assertThat(packetizer.wrap(null, 0, 20, rtx, 0)).isEqualTo(-1);
        assertThat(packetizer.malformedPackets()).isEqualTo(3);
        assertThat(packetizer.wrap(good, 0, good.length, new byte[good.length + 1], 0)).isEqualTo(-1);
        assertThat(packetizer.wrap(good, 0, good.length, rtx, rtx.length - good.length)).isEqualTo(-1);
        assertThat(packetizer.noRoomPackets()).isEqualTo(2);
        assertThat(packetizer.nextSequenceNumber()).isEqualTo(10);
        assertThat(packetizer.wrap(good, 0, good.length, new byte[good.length + 2], 0)).isEqualTo(good.length + 2);
        assertThat(packetizer.nextSequenceNumber()).isEqualTo(11);
        assertThatThrownBy(() -> new RtxPacketizer(128, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
