package dev.parley.rtc.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtcpReportsTest {
    static RtcpCompound parse(String fixture) throws RtcpParseException {
        return RtcpParser.parse(HexFixtures.load(fixture));
    }

    static void assertReencodesExactly(String fixture) throws RtcpParseException {
        byte[] wire = HexFixtures.load(fixture);
        RtcpCompound c = RtcpParser.parse(wire);
        assertThat(c.skipped()).isZero();
        byte[] again = RtcpWriter.encode(c.packets());
        assertThat(HexFixtures.hex(again, 0, again.length)).isEqualTo(HexFixtures.hex(wire, 0, wire.length));
    }

    @Test
    void senderReportAndSdes() throws Exception {
        RtcpCompound c = parse("sr-sdes-compound.hex");
        assertThat(c.reducedSize()).isFalse();
        assertThat(c.packets()).hasSize(2);
        SenderReport sr = (SenderReport) c.packets().get(0);
        assertThat(sr.ssrc()).isEqualTo(0x11223344);
        assertThat(sr.ntpTimestamp()).isEqualTo(0xe1b2c3d480000000L);
        assertThat(sr.rtpTimestamp()).isEqualTo(90000);
        assertThat(sr.packetCount()).isEqualTo(100);
        assertThat(sr.octetCount()).isEqualTo(50000);
        assertThat(sr.reports()).containsExactly(
                new ReportBlock(0x55667788, 64, 5, 0x00010003L, 32, 0xc3d48000L, 0x00010000L));
        SourceDescription sdes = (SourceDescription) c.packets().get(1);
        assertThat(sdes.cnameOf(0x11223344)).isEqualTo("parley-cam");
        assertThat(sdes).isEqualTo(SourceDescription.cname(0x11223344, "parley-cam"));
        assertReencodesExactly("sr-sdes-compound.hex");
    }

    @Test
    void emptyReceiverReportAndByeWithReason() throws Exception {
        RtcpCompound c = parse("rr-bye-compound.hex");
        assertThat(c.packets()).containsExactly(new ReceiverReport(0x55667788, List.of()),
                new Bye(List.of(0x11223344), "done"));
        assertReencodesExactly("rr-bye-compound.hex");
    }

    @Test
    void roundTripsReportsWithManyBlocksNegativeLossAndSdesItems() throws Exception {
        List<ReportBlock> blocks = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            blocks.add(new ReportBlock(i, i, i % 2 == 0 ? -i : i * 1000, 0xffffffffL - i, i, i << 16, 0));
        }
        SourceDescription sdes = new SourceDescription(List.of(
                new SourceDescription.Chunk(1, List.of(new SourceDescription.Item(SourceDescription.CNAME, "a"),
                        new SourceDescription.Item(SourceDescription.TOOL, "Parley ünïcode"),
                        new SourceDescription.Item(SourceDescription.PRIV, "\u0003abcxyz"))),
                new SourceDescription.Chunk(2, List.of()),
                new SourceDescription.Chunk(3, List.of(new SourceDescription.Item(200, "x".repeat(255))))));
        List<RtcpPacket> packets = List.of(new SenderReport(9, 1L << 63, 0xffffffffL, 0xffffffffL, 0, blocks),
                new ReceiverReport(-1, blocks), sdes, new Bye(List.of(), null), new Bye(List.of(1, 2, 3), ""),
                new Bye(List.of(4), "abc"), new UnknownRtcpPacket(204, 3, new byte[] {1, 2, 3, 4, 'n', 'a', 'm', 'e'}));
        byte[] wire = RtcpWriter.encode(packets);
        RtcpCompound c = RtcpParser.parse(wire);
        assertThat(c.skipped()).isZero();
        assertThat(c.packets()).containsExactlyElementsOf(packets);
    }

    @Test
    void paddedLastPacketIsAccepted() throws Exception {
        // RR with the P bit and 4 octets of padding (count 4), RFC 3550 §6.4.1
        byte[] wire = HexFixtures.hex("a0c90002 55667788 00000004");
        RtcpCompound c = RtcpParser.parse(wire);
        assertThat(c.packets()).containsExactly(new ReceiverReport(0x55667788, List.of()));
    }

    @Test
    void callerMistakesThrowIllegalArgument() {
        List<ReportBlock> blocks = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            blocks.add(new ReportBlock(i, 0, 0, 0, 0, 0, 0));
        }
        assertThatThrownBy(() -> new ReceiverReport(1, blocks)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReportBlock(1, 256, 0, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReportBlock(1, 0, 1 << 23, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RtcpWriter.write(List.of(new PictureLossIndication(1, 2)), new byte[11], 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Bye(List.of(), "x".repeat(256))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ntpConversions() {
        long unixNanos = 1_700_000_000_123_456_789L;
        long ntp = NtpTime.fromUnixNanos(unixNanos);
        assertThat(ntp >>> 32).isEqualTo(1_700_000_000L + NtpTime.UNIX_EPOCH_OFFSET_SECONDS);
        assertThat(Math.abs(NtpTime.toUnixNanos(ntp) - unixNanos)).isLessThanOrEqualTo(1);
        assertThat(NtpTime.toInstant(NtpTime.fromInstant(java.time.Instant.EPOCH)))
                .isEqualTo(java.time.Instant.EPOCH);
        assertThat(NtpTime.fromUnixNanos(500_000_000L) & 0xffffffffL).isEqualTo(0x80000000L);
        assertThat(NtpTime.middle32(0xe1b2c3d480000000L)).isEqualTo(0xc3d48000L);
        assertThat(NtpTime.units16ToNanos(0x10000)).isEqualTo(1_000_000_000L);
        assertThat(NtpTime.nanosToUnits16(1_500_000_000L)).isEqualTo(0x18000);
        assertThat(NtpTime.nanosToUnits16(-5)).isZero();
        assertThat(NtpTime.nanosToUnits16(Long.MAX_VALUE)).isEqualTo(0xffffffffL);
    }

    @Test
    void rttFromReportBlock() {
        // RFC 3550 §6.4.1 example: A=0xb710:8000 (46864.500 s), LSR=0xb705:2000 (46853.125 s),
        // DLSR=0x0005:4000 (5.250 s) -> RTT 6.125 s.
        assertThat(Rtt.nanos(0xb7108000L, 0xb7052000L, 0x00054000L)).isEqualTo(6_125_000_000L);
        ReportBlock block = new ReportBlock(1, 0, 0, 0, 0, 0xb7052000L, 0x00054000L);
        assertThat(block.roundTripNanos(0xb7108000L)).isEqualTo(6_125_000_000L);
        assertThat(Rtt.nanos(0xb7108000L, 0, 0)).isEqualTo(-1);
        assertThat(Rtt.nanos(0x00001000L, 0xffff0000L, 0x00000800L)).isEqualTo(NtpTime.units16ToNanos(0x10800));
        assertThat(Rtt.nanos(0xb7000000L, 0xb7052000L, 0)).isZero();
    }
}
