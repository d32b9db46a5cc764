package dev.parley.rtc.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtcpFeedbackTest {
    @Test
    void genericNackGolden() throws Exception {
        RtcpCompound c = RtcpReportsTest.parse("nack.hex");
        assertThat(c.reducedSize()).isTrue();
        GenericNack nack = (GenericNack) c.packets().get(0);
        assertThat(nack.senderSsrc()).isEqualTo(0x11223344);
        assertThat(nack.mediaSsrc()).isEqualTo(0x55667788);
        assertThat(nack.lostSequenceNumbers()).containsExactly(100, 101, 103, 116);
        assertThat(GenericNack.of(0x11223344, 0x55667788, List.of(100, 101, 103, 116))).isEqualTo(nack);
        RtcpReportsTest.assertReencodesExactly("nack.hex");
    }

    @Test
    void nackCompressionAcrossTheWrapAndGaps() throws Exception {
        List<Integer> lost = List.of(65530, 65531, 65535, 0, 4, 10, 30, 31, 47, 48, 1000);
        GenericNack nack = GenericNack.of(1, 2, lost);
        // 65531, 65535, 0, 4, 10 are 1, 5, 6, 10, 16 after 65530; 47 is 17 after 30 so starts an item
        assertThat(nack.items()).containsExactly(new GenericNack.Item(65530, 0b1000_0010_0011_0001),
                new GenericNack.Item(30, 1), new GenericNack.Item(47, 1), new GenericNack.Item(1000, 0));
        assertThat(nack.lostSequenceNumbers()).containsExactlyElementsOf(lost);
        RtcpCompound c = RtcpParser.parse(RtcpWriter.encode(nack));
        assertThat(c.packets()).containsExactly(nack);
        assertThat(GenericNack.of(1, 2, List.of(5, 5, 6)).lostSequenceNumbers()).containsExactly(5, 6);
    }

    @Test
    void pliFirRembGolden() throws Exception {
        assertThat(RtcpReportsTest.parse("pli.hex").packets())
                .containsExactly(new PictureLossIndication(0x11223344, 0x55667788));
        RtcpReportsTest.assertReencodesExactly("pli.hex");
        assertThat(RtcpReportsTest.parse("fir.hex").packets())
                .containsExactly(FullIntraRequest.of(0x11223344, 0x55667788, 7));
        RtcpReportsTest.assertReencodesExactly("fir.hex");
        assertThat(RtcpReportsTest.parse("remb.hex").packets())
                .containsExactly(new Remb(0x11223344, 1_000_000, List.of(0x55667788)));
        RtcpReportsTest.assertReencodesExactly("remb.hex");
    }

    @Test
    void rembRoundsDownToEighteenBitsOfMantissa() throws Exception {
        for (long bps : new long[] {0, 1, 262_143, 262_144, 262_145, 2_500_000, 123_456_789_012L,
                (1L << 18) - 1 << 45}) {
            Remb r = new Remb(1, bps, List.of(1, 2, 3));
            Remb back = (Remb) RtcpParser.parse(RtcpWriter.encode(r)).packets().get(0);
            assertThat(back.bitrateBps()).isLessThanOrEqualTo(bps);
            assertThat(back.bitrateBps()).isGreaterThan(bps - (bps >> 17) - 1);
            assertThat(back.ssrcs()).containsExactly(1, 2, 3);
        }
        // exponent 63 with a large mantissa overflows a long: skipped, not thrown
        byte[] overflow = HexFixtures.hex("8fce0004 11223344 00000000 52454d42 00ffffff");
        assertThat(RtcpParser.parse(overflow).skipped()).isEqualTo(1);
    }

    @Test
    void otherApplicationFeedbackIsKeptUninterpreted() throws Exception {
        byte[] wire = HexFixtures.hex("8fce0003 11223344 00000000 41424344");
        RtcpCompound c = RtcpParser.parse(wire);
        assertThat(c.packets().get(0)).isInstanceOf(UnknownRtcpPacket.class);
        assertThat(RtcpWriter.encode(c.packets())).isEqualTo(wire);
    }

    @Test
    void firWithSeveralEntriesAndPliAloneAsReducedSize() throws Exception {
        List<FullIntraRequest.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            entries.add(new FullIntraRequest.Entry(i * 7, 250 + i));
        }
        FullIntraRequest fir = new FullIntraRequest(3, entries);
        RtcpCompound c = RtcpParser.parse(RtcpWriter.encode(fir, new PictureLossIndication(3, 4)));
        assertThat(c.reducedSize()).isTrue();
        assertThat(c.packets()).containsExactly(fir, new PictureLossIndication(3, 4));
        assertThat(((FullIntraRequest) c.packets().get(0)).entries().get(4).sequenceNumber()).isEqualTo(254 & 0xff);
    }

    @Test
    void feedbackCallerMistakes() {
        assertThatThrownBy(() -> GenericNack.of(1, 2, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FullIntraRequest(1, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Remb(1, -1, List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
