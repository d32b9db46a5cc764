package dev.parley.rtc.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TransportCcFeedbackTest {
    @Test
    void capturedLibwebrtcFeedback() throws Exception {
        byte[] wire = HexFixtures.load("twcc-capture.hex");
        RtcpCompound c = RtcpParser.parse(wire);
        assertThat(c.skipped()).isZero();
        TransportCcFeedback fb = (TransportCcFeedback) c.packets().get(0);
        assertThat(fb.senderSsrc()).isEqualTo(1);
        assertThat(fb.mediaSsrc()).isEqualTo(0xdd586eb6);
        assertThat(fb.baseSequence()).isEqualTo(1);
        assertThat(fb.statusCount()).isEqualTo(9);
        assertThat(fb.referenceTime()).isEqualTo(6197520);
        assertThat(fb.feedbackPacketCount()).isZero();
        assertThat(fb.receivedCount()).isEqualTo(9);
        int[] expectedMs4 = {28, 12, 44, 56, 0, 4, 0, 8, 24}; // Wireshark: 7, 3, 11, 14, 0, 1, 0, 2, 6 ms
        for (int i = 0; i < 9; i++) {
            assertThat(fb.symbol(i)).isEqualTo(TransportCcFeedback.SMALL_DELTA);
            assertThat(fb.deltaTicks(i)).isEqualTo(expectedMs4[i]);
            assertThat(fb.sequenceNumber(i)).isEqualTo(1 + i);
        }
        long[] arrivals = fb.arrivalTimesMicros();
        assertThat(arrivals[0]).isEqualTo(6197520L * 64_000 + 7_000);
        assertThat(arrivals[8] - arrivals[0]).isEqualTo((3 + 11 + 14 + 0 + 1 + 0 + 2 + 6) * 1000);
        // We write the same content with zero padding to 32 bits instead of RTCP padding (P=0, last byte 0).
        byte[] again = RtcpWriter.encode(fb);
        byte[] expected = wire.clone();
        expected[0] = (byte) 0x8f;
        expected[expected.length - 1] = 0;
        assertThat(HexFixtures.hex(again, 0, again.length)).isEqualTo(HexFixtures.hex(expected, 0, expected.length));
    }

    @Test
    void draftRunLengthExampleOne() throws Exception {
        // draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1.3 example 1: 0x00DD, a run of 221 not received
        TransportCcFeedback fb = new TransportCcFeedback(1, 2, 100, 0, 0, new byte[221], new int[0]);
        byte[] wire = RtcpWriter.encode(fb);
        assertThat(HexFixtures.hex(wire, 20, 2)).isEqualTo("00dd");
        assertThat(RtcpParser.parse(wire).packets()).containsExactly(fb);
    }

    @Test
    void statusVectorChunksOneAndTwoBit() throws Exception {
        // alternating received/lost cannot be a run: a 1-bit vector of 14 symbols (T=1, S=0)
        byte[] symbols = new byte[14];
        int[] deltas = new int[7];
        for (int i = 0; i < 14; i += 2) {
            symbols[i] = 1;
            deltas[i / 2] = i;
        }
        TransportCcFeedback fb = new TransportCcFeedback(1, 2, 65530, 0x800000, 255, symbols, deltas);
        byte[] wire = RtcpWriter.encode(fb);
        assertThat(HexFixtures.hex(wire, 20, 2)).isEqualTo("aaaa"); // 1 0 1010 1010 1010 10
        assertThat(RtcpParser.parse(wire).packets()).containsExactly(fb);
        assertThat(fb.sequenceNumber(13)).isEqualTo(65530 + 13 - 65536);
        // a large (negative) delta needs the 2-bit vector (T=1, S=1)
        TransportCcFeedback two = new TransportCcFeedback(1, 2, 0, 5, 1, new byte[] {1, 2, 0, 1},
                new int[] {10, -40, 0});
        byte[] w2 = RtcpWriter.encode(two);
        assertThat(HexFixtures.hex(w2, 20, 2)).isEqualTo("d840"); // 1 1, then symbols 01 10 00 01 and three unused 00
        TransportCcFeedback back = (TransportCcFeedback) RtcpParser.parse(w2).packets().get(0);
        assertThat(back).isEqualTo(two);
        assertThat(back.deltaTicks(1)).isEqualTo(-40);
        assertThat(back.arrivalTimesMicros()[2]).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void randomFeedbackRoundTrips() throws Exception {
        Random rnd = new Random(0x7cc_0001L);
        for (int round = 0; round < 2000; round++) {
            int n = 1 + rnd.nextInt(round % 10 == 0 ? 3000 : 60);
            byte[] symbols = new byte[n];
            int[] deltas = new int[n];
            int k = 0;
            int mode = rnd.nextInt(4);
            for (int i = 0; i < n; i++) {
                int r = rnd.nextInt(10);
                if (mode == 0 && i > 0 && rnd.nextInt(20) != 0) {
                    symbols[i] = symbols[i - 1]; // long runs
                } else {
                    symbols[i] = (byte) (r < 3 ? 0 : r < 9 || mode == 1 ? 1 : 2);
                }
                if (symbols[i] == 1) {
                    deltas[k++] = rnd.nextInt(256);
                } else if (symbols[i] == 2) {
                    deltas[k++] = rnd.nextBoolean() ? -1 - rnd.nextInt(32768) : 256 + rnd.nextInt(32512);
                }
            }
            TransportCcFeedback fb = new TransportCcFeedback(rnd.nextInt(), rnd.nextInt(), rnd.nextInt(65536),
                    rnd.nextInt(1 << 24), rnd.nextInt(256), symbols, java.util.Arrays.copyOf(deltas, k));
            byte[] wire = RtcpWriter.encode(fb);
            assertThat(wire.length % 4).isZero();
            RtcpCompound c = RtcpParser.parse(wire);
            assertThat(c.skipped()).isZero();
            assertThat(c.packets()).containsExactly(fb);
        }
    }

    @Test
    void maximumStatusCountRoundTripsAndMoreIsRefused() throws Exception {
        byte[] symbols = new byte[TransportCcFeedback.MAX_STATUS_COUNT];
        symbols[0] = 1;
        TransportCcFeedback fb = new TransportCcFeedback(1, 2, 0, 0, 0, symbols, new int[] {3});
        assertThat(RtcpParser.parse(RtcpWriter.encode(fb)).packets()).containsExactly(fb);
        assertThatThrownBy(() -> new TransportCcFeedback(1, 2, 0, 0, 0,
                new byte[TransportCcFeedback.MAX_STATUS_COUNT + 1], new int[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransportCcFeedback(1, 2, 0, 0, 0, new byte[] {1}, new int[] {256}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransportCcFeedback(1, 2, 0, 0, 0, new byte[] {2}, new int[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransportCcFeedback(1, 2, 0, 0, 0, new byte[] {0}, new int[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransportCcFeedback(1, 2, 0, 0, 0, new byte[] {3}, new int[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hostileCountsAreSkippedWithoutHugeAllocations() throws Exception {
        // status count 65535 from a 24-byte packet: over the cap
        byte[] huge = HexFixtures.hex("8fcd0005 00000001 00000002 0000ffff 00000000 3fff0000");
        assertThat(RtcpParser.parse(huge).skipped()).isEqualTo(1);
        // 16384 packets claimed received by two run-length chunks but no deltas present
        byte[] noDeltas = HexFixtures.hex("8fcd0005 00000001 00000002 00004000 00000000 3fff2001");
        assertThat(RtcpParser.parse(noDeltas).skipped()).isEqualTo(1);
        // zero-length runs make no progress but each still consumes 2 bytes: the walk ends
        byte[] zeroRuns = HexFixtures.hex("8fcd0005 00000001 00000002 00000005 00000000 00000000");
        assertThat(RtcpParser.parse(zeroRuns).skipped()).isEqualTo(1);
        // reserved symbol 11 in a run-length chunk
        byte[] reserved = HexFixtures.hex("8fcd0005 00000001 00000002 00000001 00000000 60010000");
        assertThat(RtcpParser.parse(reserved).skipped()).isEqualTo(1);
        // status count 0
        byte[] zero = HexFixtures.hex("8fcd0004 00000001 00000002 00000000 00000000");
        assertThat(RtcpParser.parse(zero).skipped()).isEqualTo(1);
    }
}
