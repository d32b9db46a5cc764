package dev.parley.rtc.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RtpPacketWriterTest {
    @Test
    void rebuildsTheCapturedOneByteHeaderExactly() {
        RtpPacketWriter w = new RtpPacketWriter().payloadType(45).sequenceNumber(6751).timestamp(3557360969L)
                .ssrc(0xf7b16e83);
        AbsSendTime.put(w.extensions(), 2, 0xf34350);
        TransportSequenceNumber.put(w.extensions(), 4, 0x9b);
        w.extensions().put(13, HexFixtures.hex("810045"));
        byte[] out = new byte[100];
        int n = w.write(out, 0, new byte[0], 0, 0);
        byte[] expected = HexFixtures.load("capture-one-byte-ext-1.hex");
        assertThat(HexFixtures.hex(out, 0, n)).isEqualTo(HexFixtures.hex(expected, 0, expected.length));
    }

    @Test
    void rebuildsTheCapturedTwoByteHeaderExactly() {
        byte[] expected = HexFixtures.load("capture-two-byte-ext.hex");
        RtpPacket in = new RtpPacket();
        assertThat(in.wrap(expected, 0, expected.length)).isEqualTo(RtpParseStatus.OK);
        RtpPacketWriter w = new RtpPacketWriter().payloadType(in.payloadType()).sequenceNumber(in.sequenceNumber())
                .timestamp(in.timestamp()).ssrc(in.ssrc());
        HeaderExtensionReader r = in.extensions();
        while (r.next()) {
            w.extensions().put(r.id(), r.buffer(), r.dataOffset(), r.dataLength());
        }
        // the 33-byte element forces the two-byte form
        assertThat(w.extensions().usesTwoByteForm()).isTrue();
        byte[] out = new byte[200];
        int n = w.writeHeader(out, 0);
        assertThat(HexFixtures.hex(out, 0, n)).isEqualTo(HexFixtures.hex(expected, 0, expected.length));
    }

    @Test
    void rebuildsTheCsrcPaddingPacketExactly() {
        byte[] expected = HexFixtures.load("csrc-padding.hex");
        RtpPacketWriter w = new RtpPacketWriter().marker(true).payloadType(111).sequenceNumber(65535)
                .timestamp(0xfffffff0L).ssrc(0x11223344).csrcs(0xaaaaaaaa, 0xbbbbbbbb).paddingLength(3);
        byte[] payload = "hello".getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[64];
        int n = w.write(out, 5, payload, 0, payload.length);
        assertThat(HexFixtures.hex(out, 5, n)).isEqualTo(HexFixtures.hex(expected, 0, expected.length));
    }

    @Test
    void roundTripsEveryExtensionFormAndTypedHelper() {
        for (boolean forceTwo : new boolean[] {false, true}) {
            RtpPacketWriter w = new RtpPacketWriter().payloadType(96).sequenceNumber(1).timestamp(2).ssrc(3);
            w.extensions().clear().forceTwoByte(forceTwo);
            SdesMid.put(w.extensions(), 1, "video0");
            AbsSendTime.put(w.extensions(), 2, AbsSendTime.fromNanos(1_500_000_000L));
            TransportSequenceNumber.put(w.extensions(), 3, 65000);
            AudioLevel.put(w.extensions(), 4, true, 30);
            assertThat(w.extensions().usesTwoByteForm()).isEqualTo(forceTwo);
            byte[] payload = {1, 2, 3};
            byte[] out = new byte[100];
            int n = w.write(out, 0, payload, 0, 3);
            RtpPacket p = new RtpPacket();
            assertThat(p.wrap(out, 0, n)).isEqualTo(RtpParseStatus.OK);
            assertThat(p.extensions().twoByte()).isEqualTo(forceTwo);
            assertThat(SdesMid.read(p, 1)).isEqualTo("video0");
            assertThat(AbsSendTime.toNanos(AbsSendTime.read(p, 2))).isEqualTo(1_500_000_000L);
            assertThat(TransportSequenceNumber.read(p, 3)).isEqualTo(65000);
            int level = AudioLevel.read(p, 4);
            assertThat(AudioLevel.voiceActivity(level)).isTrue();
            assertThat(AudioLevel.level(level)).isEqualTo(30);
            assertThat(p.payloadLength()).isEqualTo(3);
            assertThat(out[p.payloadOffset()]).isEqualTo((byte) 1);
            assertThat(p.extensionDataLength() % 4).isZero();
        }
    }

    @Test
    void choosesTwoByteFormForHighIdsAndEmptyElements() {
        HeaderExtensionSet s = new HeaderExtensionSet();
        s.put(14, new byte[16]);
        assertThat(s.usesTwoByteForm()).isFalse();
        s.put(15, new byte[1]);
        assertThat(s.usesTwoByteForm()).isTrue();
        s.remove(15);
        assertThat(s.usesTwoByteForm()).isFalse();
        s.put(1, new byte[0]);
        assertThat(s.usesTwoByteForm()).isTrue();
        s.clear().put(200, new byte[255]);
        RtpPacketWriter w = new RtpPacketWriter();
        w.extensions().put(200, new byte[255]).put(1, new byte[0]);
        byte[] out = new byte[400];
        int n = w.writeHeader(out, 0);
        RtpPacket p = new RtpPacket();
        assertThat(p.wrap(out, 0, n)).isEqualTo(RtpParseStatus.OK);
        HeaderExtensionReader r = p.extensions();
        assertThat(r.find(200)).isTrue();
        assertThat(r.dataLength()).isEqualTo(255);
        assertThat(r.find(1)).isTrue();
        assertThat(r.dataLength()).isZero();
    }

    @Test
    void replacingAnElementKeepsOne() {
        HeaderExtensionSet s = new HeaderExtensionSet();
        s.put(3, new byte[] {1});
        s.put(3, new byte[] {2, 3});
        assertThat(s.size()).isEqualTo(1);
        assertThat(s.encodedLength()).isEqualTo(8);
    }

    @Test
    void callerMistakesThrowIllegalArgument() {
        HeaderExtensionSet s = new HeaderExtensionSet();
        assertThatThrownBy(() -> s.put(0, new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.put(256, new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.put(1, new byte[256])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RtpPacketWriter().csrcs(new int[16]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RtpPacketWriter().write(new byte[20], 0, new byte[10], 0, 10))
                .isInstanceOf(IllegalArgumentException.class);
        for (int i = 1; i <= HeaderExtensionSet.MAX_ELEMENTS; i++) {
            s.put(i, new byte[1]);
        }
        assertThatThrownBy(() -> s.put(100, new byte[1])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void typedHelpersRejectWrongLengths() {
        assertThat(AbsSendTime.read(new byte[4], 0, 4)).isEqualTo(-1);
        assertThat(TransportSequenceNumber.read(new byte[3], 0, 3)).isEqualTo(-1);
        assertThat(AudioLevel.read(new byte[0], 0, 0)).isEqualTo(-1);
        assertThat(SdesMid.read(new byte[0], 0, 0)).isNull();
        assertThat(SdesMid.read(new byte[] {'a', 0}, 0, 2)).isNull();
    }

    @Test
    void absSendTimeIsSixPointEighteenSecondsModulo64() {
        assertThat(AbsSendTime.fromNanos(0)).isZero();
        assertThat(AbsSendTime.fromNanos(1_000_000_000L)).isEqualTo(1 << 18);
        assertThat(AbsSendTime.fromNanos(64_000_000_000L)).isZero();
        assertThat(AbsSendTime.fromNanos(63_500_000_000L)).isEqualTo(63 << 18 | 1 << 17);
        // NTP 32.32: bits 14..37 (1.5 s after an arbitrary second 1000)
        long ntp = (1000L << 32) | 0x8000_0000L;
        assertThat(AbsSendTime.fromNtp(ntp)).isEqualTo(((1000 & 63) << 18) | (1 << 17));
        int before = AbsSendTime.fromNanos(63_900_000_000L);
        int after = AbsSendTime.fromNanos(64_100_000_000L);
        assertThat(AbsSendTime.diffNanos(after, before)).isBetween(199_990_000L, 200_010_000L);
        assertThat(AbsSendTime.diffNanos(before, after)).isBetween(-200_010_000L, -199_990_000L);
    }
}
