package dev.parley.rtc.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RtpPacketTest {
    private final RtpPacket p = new RtpPacket();

    @Test
    void capturedOneByteHeader() {
        byte[] b = HexFixtures.load("capture-one-byte-ext-1.hex");
        assertThat(p.wrap(b, 0, b.length)).isEqualTo(RtpParseStatus.OK);
        assertThat(p.version()).isEqualTo(2);
        assertThat(p.hasExtension()).isTrue();
        assertThat(p.hasPadding()).isFalse();
        assertThat(p.marker()).isFalse();
        assertThat(p.payloadType()).isEqualTo(45);
        assertThat(p.sequenceNumber()).isEqualTo(6751);
        assertThat(p.timestamp()).isEqualTo(3557360969L);
        assertThat(p.ssrc()).isEqualTo(0xf7b16e83);
        assertThat(p.extensionProfile()).isEqualTo(0xBEDE);
        assertThat(p.headerLength()).isEqualTo(28);
        assertThat(p.payloadLength()).isZero();
        HeaderExtensionReader r = p.extensions();
        assertThat(r.twoByte()).isFalse();
        assertElement(r, 2, "f34350");
        assertElement(r, 4, "009b");
        assertElement(r, 13, "810045");
        assertThat(r.next()).isFalse();
        assertThat(r.malformed()).isFalse();
        assertThat(AbsSendTime.read(p, 2)).isEqualTo(0xf34350);
        assertThat(TransportSequenceNumber.read(p, 4)).isEqualTo(0x9b);
        assertThat(AbsSendTime.read(p, 5)).isEqualTo(-1);
    }

    @Test
    void capturedOneByteHeaderWithThirteenByteElement() {
        byte[] b = HexFixtures.load("capture-one-byte-ext-2.hex");
        assertThat(p.wrap(b, 0, b.length)).isEqualTo(RtpParseStatus.OK);
        assertThat(p.marker()).isTrue();
        assertThat(p.sequenceNumber()).isEqualTo(6612);
        assertThat(p.timestamp()).isEqualTo(3557156759L);
        HeaderExtensionReader r = p.extensions();
        assertElement(r, 2, "ea432b");
        assertElement(r, 4, "0004");
        assertElement(r, 9, "30");
        assertElement(r, 3, "00");
        assertElement(r, 6, "02");
        assertElement(r, 7, "0100030009000a002300000000");
        assertElement(r, 13, "400001");
        assertThat(r.next()).isFalse();
        assertThat(r.find(7)).isTrue();
        assertThat(r.dataLength()).isEqualTo(13);
    }

    @Test
    void capturedTwoByteHeader() {
        byte[] b = HexFixtures.load("capture-two-byte-ext.hex");
        assertThat(p.wrap(b, 0, b.length)).isEqualTo(RtpParseStatus.OK);
        assertThat(p.sequenceNumber()).isEqualTo(25029);
        assertThat(p.timestamp()).isEqualTo(2500464622L);
        assertThat(p.ssrc()).isEqualTo(0x8d3814e5);
        assertThat(p.extensionProfile()).isEqualTo(0x1000);
        HeaderExtensionReader r = p.extensions();
        assertThat(r.twoByte()).isTrue();
        assertElement(r, 2, "03f7ae");
        assertElement(r, 4, "0002");
        assertElement(r, 9, "30");
        assertElement(r, 3, "00");
        assertElement(r, 6, "02");
        assertElement(r, 7, "01000100070007000a00000000");
        assertElement(r, 13, "c000018003187aaaf130a0a014d1413823046008642222265009f0077013f00ef0");
        assertThat(r.next()).isFalse();
        assertThat(r.malformed()).isFalse();
    }

    @Test
    void csrcsPayloadAndPaddingAtAnOffset() {
        byte[] fixture = HexFixtures.load("csrc-padding.hex");
        byte[] b = new byte[fixture.length + 10];
        System.arraycopy(fixture, 0, b, 7, fixture.length);
        assertThat(p.wrap(b, 7, fixture.length)).isEqualTo(RtpParseStatus.OK);
        assertThat(p.csrcCount()).isEqualTo(2);
        assertThat(p.csrc(0)).isEqualTo(0xaaaaaaaa);
        assertThat(p.csrc(1)).isEqualTo(0xbbbbbbbb);
        assertThat(p.marker()).isTrue();
        assertThat(p.payloadType()).isEqualTo(111);
        assertThat(p.sequenceNumber()).isEqualTo(65535);
        assertThat(p.timestamp()).isEqualTo(0xfffffff0L);
        assertThat(p.hasPadding()).isTrue();
        assertThat(p.paddingLength()).isEqualTo(3);
        assertThat(p.payloadOffset()).isEqualTo(7 + 20);
        assertThat(HexFixtures.hex(b, p.payloadOffset(), p.payloadLength())).isEqualTo("68656c6c6f");
        assertThat(p.extensionProfile()).isEqualTo(-1);
        assertThat(p.extensions().next()).isFalse();
    }

    @Test
    void settersRewriteInPlace() {
        byte[] b = HexFixtures.load("csrc-padding.hex");
        p.wrap(b, 0, b.length);
        p.setSequenceNumber(7);
        p.setTimestamp(0x1_0000_0005L);
        p.setSsrc(42);
        p.setPayloadType(96);
        p.setMarker(false);
        RtpPacket again = new RtpPacket();
        assertThat(again.wrap(b, 0, b.length)).isEqualTo(RtpParseStatus.OK);
        assertThat(again.sequenceNumber()).isEqualTo(7);
        assertThat(again.timestamp()).isEqualTo(5);
        assertThat(again.ssrc()).isEqualTo(42);
        assertThat(again.payloadType()).isEqualTo(96);
        assertThat(again.marker()).isFalse();
        assertThat(again.csrcCount()).isEqualTo(2);
    }

    @Test
    void rejectsWithAReason() {
        assertThat(p.wrap(new byte[11], 0, 11)).isEqualTo(RtpParseStatus.TOO_SHORT);
        assertThat(p.wrap(new byte[12], 0, 12)).isEqualTo(RtpParseStatus.BAD_VERSION);
        assertThat(p.wrap(new byte[12], 4, 12)).isEqualTo(RtpParseStatus.TOO_SHORT);
        assertThat(p.wrap(null, 0, 12)).isEqualTo(RtpParseStatus.TOO_SHORT);
        byte[] cc = HexFixtures.hex("8f000000 00000000 00000000 00000000");
        assertThat(p.wrap(cc, 0, cc.length)).isEqualTo(RtpParseStatus.CSRC_OVERRUN);
        byte[] ext = HexFixtures.hex("90000000 00000000 00000000 bede0002 10000000");
        assertThat(p.wrap(ext, 0, ext.length)).isEqualTo(RtpParseStatus.EXTENSION_OVERRUN);
        byte[] extHeader = HexFixtures.hex("90000000 00000000 00000000 bede");
        assertThat(p.wrap(extHeader, 0, extHeader.length)).isEqualTo(RtpParseStatus.EXTENSION_OVERRUN);
        byte[] zeroPad = HexFixtures.hex("a0000000 00000000 00000000 aa00");
        assertThat(p.wrap(zeroPad, 0, zeroPad.length)).isEqualTo(RtpParseStatus.BAD_PADDING);
        byte[] bigPad = HexFixtures.hex("a0000000 00000000 00000000 aa03");
        assertThat(p.wrap(bigPad, 0, bigPad.length)).isEqualTo(RtpParseStatus.BAD_PADDING);
        byte[] noRoom = HexFixtures.hex("a0000000 00000000 00000000");
        assertThat(p.wrap(noRoom, 0, noRoom.length)).isEqualTo(RtpParseStatus.BAD_PADDING);
        byte[] allPad = HexFixtures.hex("a0000000 00000000 00000000 0002");
        assertThat(p.wrap(allPad, 0, allPad.length)).isEqualTo(RtpParseStatus.OK);
        assertThat(p.payloadLength()).isZero();
    }

    @Test
    void malformedElementsStopTheWalk() {
        // one-byte element claiming 16 bytes in a 4-byte block
        byte[] b = HexFixtures.hex("90000000 00000000 00000000 bede0001 1f000000");
        assertThat(p.wrap(b, 0, b.length)).isEqualTo(RtpParseStatus.OK);
        HeaderExtensionReader r = p.extensions();
        assertThat(r.next()).isFalse();
        assertThat(r.malformed()).isTrue();
        // id 15 stops processing (RFC 8285 §4.2), what follows is not read
        byte[] stop = HexFixtures.hex("90000000 00000000 00000000 bede0001 10aaf0 00");
        p.wrap(stop, 0, stop.length);
        r = p.extensions();
        assertElement(r, 1, "aa");
        assertThat(r.next()).isFalse();
        assertThat(r.malformed()).isFalse();
        // two-byte element header cut by the block end
        byte[] two = HexFixtures.hex("90000000 00000000 00000000 10000001 01010000 00");
        p.wrap(two, 0, two.length - 1);
        r = p.extensions();
        assertElement(r, 1, "00");
        assertThat(r.next()).isFalse();
        // an unknown profile has no RFC 8285 elements
        byte[] other = HexFixtures.hex("90000000 00000000 00000000 abcd0001 10aa0000");
        p.wrap(other, 0, other.length);
        assertThat(p.extensions().next()).isFalse();
        assertThat(p.extensions().find(1)).isFalse();
    }

    static void assertElement(HeaderExtensionReader r, int id, String hex) {
        assertThat(r.next()).as("element %d present", id).isTrue();
        assertThat(r.id()).isEqualTo(id);
        assertThat(HexFixtures.hex(r.buffer(), r.dataOffset(), r.dataLength())).isEqualTo(hex);
    }
}
