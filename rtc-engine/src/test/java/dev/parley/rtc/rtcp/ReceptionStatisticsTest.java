package dev.parley.rtc.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReceptionStatisticsTest {
    private static final long MS = 1_000_000L;

    private static void receive(ReceptionStatistics s, int seq, long arrivalNanos) {
        s.onPacket(seq, seq * 960L, 100, arrivalNanos, false);
    }

    @Test
    void nothingReceivedMeansNoBlock() {
        ReceptionStatistics s = new ReceptionStatistics(7, 90_000);
        assertThat(s.reportBlock(0)).isNull();
        assertThat(s.extendedHighestSequence()).isEqualTo(-1);
        assertThat(s.packetsLost()).isZero();
        assertThat(s.hasSenderReport()).isFalse();
        assertThatThrownBy(() -> new ReceptionStatistics(7, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fractionAndCumulativeLostPerInterval() {
        ReceptionStatistics s = new ReceptionStatistics(0x1234, 48_000);
        Set<Integer> missing = Set.of(103, 107, 110, 111, 115);
        for (int seq = 100; seq < 120; seq++) {
            if (!missing.contains(seq)) {
                receive(s, seq, seq * 20 * MS);
            }
        }
        // expected 20, received 15: lost 5, fraction floor(5 * 256 / 20) = 64 (RFC 3550 §A.3)
        ReportBlock first = s.reportBlock(0);
        assertThat(first.ssrc()).isEqualTo(0x1234);
        assertThat(first.fractionLost()).isEqualTo(64);
        assertThat(first.cumulativeLost()).isEqualTo(5);
        assertThat(first.extendedHighestSequence()).isEqualTo(119);
        assertThat(first.lastSenderReport()).isZero();
        assertThat(first.delaySinceLastSenderReport()).isZero();
        assertThat(s.packetsReceived()).isEqualTo(15);
        assertThat(s.bytesReceived()).isEqualTo(1500);

        // next interval: 120..129 with one loss (125) and two late arrivals of earlier losses (103, 107):
        // expected interval 10, received interval 11 -> lost interval negative -> fraction 0; cumulative 5 - 2 + 1
        for (int seq = 120; seq < 130; seq++) {
            if (seq != 125) {
                receive(s, seq, seq * 20 * MS);
            }
        }
        receive(s, 103, 2700 * MS);
        receive(s, 107, 2710 * MS);
        ReportBlock second = s.reportBlock(0);
        assertThat(second.fractionLost()).isZero();
        assertThat(second.cumulativeLost()).isEqualTo(4);
        assertThat(s.packetsLost()).isEqualTo(4);

        // an interval with nothing at all: nothing expected, fraction 0
        assertThat(s.reportBlock(0).fractionLost()).isZero();

        // 130..139 with 130..132 and 138 lost: 4 of 10, floor(4 * 256 / 10) = 102
        for (int seq = 133; seq < 140; seq++) {
            if (seq != 138) {
                receive(s, seq, seq * 20 * MS);
            }
        }
        ReportBlock third = s.reportBlock(0);
        assertThat(third.fractionLost()).isEqualTo(102);
        assertThat(third.cumulativeLost()).isEqualTo(8);
    }

    @Test
    void sequenceWrapExtendsTheHighestSequenceNumber() {
        ReceptionStatistics s = new ReceptionStatistics(1, 90_000);
        int[] order = {65530, 65531, 65532, 65533, 65535, 0, 1, 3, 4, 5, 65534};
        for (int i = 0; i < order.length; i++) {
            receive(s, order[i], i * MS);
        }
        assertThat(s.extendedHighestSequence()).isEqualTo(65536 + 5);
        ReportBlock b = s.reportBlock(0);
        assertThat(b.extendedHighestSequence()).isEqualTo(0x0001_0005L); // cycles 1, seq 5 (RFC 3550 §6.4.1)
        assertThat(b.cumulativeLost()).isEqualTo(1); // 12 expected (65530..5), 11 received, only 2 missing
        assertThat(b.fractionLost()).isEqualTo(256 / 12);
    }

    @Test
    void duplicatesCountAsReceivedSoLossCanGoNegative() throws Exception {
        ReceptionStatistics s = new ReceptionStatistics(1, 8000);
        for (int seq = 0; seq < 10; seq++) {
            receive(s, seq, seq * MS);
        }
        receive(s, 4, 20 * MS);
        receive(s, 9, 21 * MS);
        receive(s, 9, 22 * MS);
        assertThat(s.duplicates()).isEqualTo(3);
        assertThat(s.packetsLost()).isEqualTo(-3);
        ReportBlock b = s.reportBlock(0);
        assertThat(b.cumulativeLost()).isEqualTo(-3);
        assertThat(b.fractionLost()).isZero();
        assertThat(RtcpParser.parse(RtcpWriter.encode(new ReceiverReport(2, List.of(b)))).packets())
                .containsExactly(new ReceiverReport(2, List.of(b)));
    }

    @Test
    void latePacketBeforeTheFirstExtendsTheExpectedRange() {
        ReceptionStatistics s = new ReceptionStatistics(1, 8000);
        receive(s, 10, 0);
        receive(s, 11, MS);
        receive(s, 8, 2 * MS);
        assertThat(s.packetsLost()).isEqualTo(1); // 8..11 expected, 9 missing
    }

    @Test
    void cumulativeLostIsClampedToSigned24Bits() {
        ReceptionStatistics up = new ReceptionStatistics(1, 8000);
        int seq = 0;
        long expectedLost = 0;
        while (expectedLost <= 0x7fffff) {
            receive(up, seq, 0);
            seq = (seq + ReceptionStatistics.MAX_DROPOUT - 1) & 0xffff; // the largest in-sequence gap
            expectedLost += ReceptionStatistics.MAX_DROPOUT - 2;
        }
        receive(up, seq, 0);
        assertThat(up.packetsLost()).isEqualTo(expectedLost).isGreaterThan(0x7fffff);
        assertThat(up.reportBlock(0).cumulativeLost()).isEqualTo(0x7fffff);

        ReceptionStatistics down = new ReceptionStatistics(1, 8000);
        for (int i = 0; i < 0x800000 + 5; i++) {
            receive(down, 42, 0);
        }
        assertThat(down.packetsLost()).isEqualTo(-0x800004L);
        assertThat(down.reportBlock(0).cumulativeLost()).isEqualTo(-0x800000);
    }

    @Test
    void aSenderRestartIsConfirmedByTwoSequentialPackets() {
        ReceptionStatistics s = new ReceptionStatistics(1, 8000);
        for (int seq = 1000; seq < 1010; seq++) {
            receive(s, seq, 0);
        }
        receive(s, 40000, 0); // a lone jump: counted, kept out of the loss accounting
        receive(s, 1010, 0);
        assertThat(s.packetsLost()).isZero();
        assertThat(s.extendedHighestSequence()).isEqualTo(1010);
        receive(s, 30000, 0);
        receive(s, 30001, 0); // follows the jump by one: a restart, the accounting starts over at 30001
        receive(s, 30003, 0);
        assertThat(s.extendedHighestSequence()).isEqualTo(30003);
        assertThat(s.packetsLost()).isEqualTo(1);
        assertThat(s.packetsReceived()).isEqualTo(15);
        assertThat(s.reportBlock(0).extendedHighestSequence()).isEqualTo(30003);
    }

    @Test
    void jitterFollowsRfc3550FormulaForConstantDeviation() {
        // 20 ms packets at 90 kHz; every other packet arrives 2 ms late, so |D| = 180 units for every packet after
        // the first. J(n) = 180 * (1 - (15/16)^n) for n samples (RFC 3550 §A.8 recursion from J = 0).
        ReceptionStatistics s = new ReceptionStatistics(1, 90_000);
        long t0 = 5_000_000_000L;
        for (int i = 0; i < 40; i++) {
            s.onPacket(i, 0xffff0000L + 1800L * i, 1000, t0 + i * 20 * MS + (i % 2) * 2 * MS, false);
        }
        double expectedUnits = 180 * (1 - Math.pow(15.0 / 16, 39));
        assertThat(s.jitterSeconds()).isCloseTo(expectedUnits / 90_000, within(1e-9));
        assertThat(s.reportBlock(0).jitter()).isEqualTo((long) expectedUnits); // timestamps wrapped at i = 37
    }

    @Test
    void jitterMatchesTheTransitTimeFormulaOnRandomArrivalsAndIgnoresRetransmissions() {
        Random rnd = new Random(0x5eed_0003L);
        int clock = 48_000;
        ReceptionStatistics s = new ReceptionStatistics(1, clock);
        double expected = 0;
        double previousTransit = Double.NaN;
        long arrivalMicros = 1_000;
        for (int i = 0; i < 500; i++) {
            long ts = 960L * i;
            arrivalMicros += 20_000 + rnd.nextInt(8_000) - 4_000;
            if (i % 50 == 4) {
                continue; // lost, restored from RTX three packets later
            }
            if (i % 50 == 7) { // the retransmission, with an arrival far off its timestamp: no effect on jitter
                double before = s.jitterSeconds();
                s.onPacket(i - 3, 960L * (i - 3), 100, arrivalMicros * 1000 + 300 * MS, true);
                assertThat(s.jitterSeconds()).isEqualTo(before);
            }
            s.onPacket(i, ts, 100, arrivalMicros * 1000, false);
            double transit = arrivalMicros * clock / 1e6 - ts; // RFC 3550 §6.4.1: R(i) - S(i) in timestamp units
            if (!Double.isNaN(previousTransit)) {
                expected += (Math.abs(transit - previousTransit) - expected) / 16;
            }
            previousTransit = transit;
        }
        assertThat(s.jitterSeconds() * clock).isCloseTo(expected, within(1e-6));
        assertThat(s.retransmittedPacketsReceived()).isEqualTo(10);
        assertThat(s.duplicates()).isZero();
        assertThat(s.packetsLost()).isZero();
        assertThat(s.reportBlock(0).jitter()).isEqualTo((long) expected);
    }

    @Test
    void senderReportGivesLsrAndDlsrAndTheRttRoundTrips() throws Exception {
        // Fake clocks: the media sender's wall clock (Unix nanos -> NTP) and the receiver's monotonic clock are
        // unrelated; 40 ms one way each direction; the receiver holds the SR 300 ms before reporting.
        long senderWall = 1_700_000_000_000_000_000L;
        long receiverMono = 123_456_789L;
        long oneWay = 40 * MS;
        SenderStatistics sender = new SenderStatistics(0xabcd, 90_000);
        for (int i = 0; i < 50; i++) {
            sender.onPacketSent(1000);
        }
        SenderReport sr = sender.senderReport(NtpTime.fromUnixNanos(senderWall), 3_000_000_000L, List.of());
        SenderReport srOnWire = (SenderReport) RtcpParser.parse(RtcpWriter.encode(sr)).packets().get(0);
        assertThat(srOnWire.packetCount()).isEqualTo(50);
        assertThat(srOnWire.octetCount()).isEqualTo(50_000);

        ReceptionStatistics receiver = new ReceptionStatistics(0xabcd, 90_000);
        for (int i = 0; i < 50; i++) {
            if (i != 10) {
                receiver.onPacket(i, 1800L * i, 1000, receiverMono - 50 * MS + i * MS, false);
            }
        }
        long srArrival = receiverMono + oneWay;
        receiver.onSenderReport(srOnWire.ntpTimestamp(), srOnWire.rtpTimestamp(), srArrival);
        assertThat(receiver.lastSenderReportNtp()).isEqualTo(sr.ntpTimestamp());
        assertThat(receiver.lastSenderReportRtp()).isEqualTo(3_000_000_000L);
        assertThat(receiver.lastSenderReportArrivalNanos()).isEqualTo(srArrival);

        long hold = 300 * MS;
        ReportBlock block = receiver.reportBlock(srArrival + hold);
        assertThat(block.lastSenderReport()).isEqualTo((sr.ntpTimestamp() >>> 16) & 0xffffffffL);
        assertThat(block.delaySinceLastSenderReport()).isEqualTo(19_660); // floor(0.3 * 65536)
        byte[] rr = RtcpWriter.encode(new ReceiverReport(0x5555, List.of(block)));
        ReportBlock received = ((ReceiverReport) RtcpParser.parse(rr).packets().get(0)).reports().get(0);

        long rrArrivalWall = senderWall + oneWay + hold + oneWay;
        assertThat(sender.roundTripNanos()).isEqualTo(-1);
        assertThat(sender.onReportBlock(received, NtpTime.middle32(NtpTime.fromUnixNanos(rrArrivalWall)))).isTrue();
        // A, LSR and DLSR are each truncated to 1/65536 s: the RTT is 80 ms within two units
        assertThat(sender.roundTripNanos()).isCloseTo(2 * oneWay, within(2 * 1_000_000_000L / 65536));
        assertThat(sender.roundTripMeasurements()).isEqualTo(1);
        assertThat(sender.totalRoundTripNanos()).isEqualTo(sender.roundTripNanos());
        assertThat(sender.remotePacketsLost()).isEqualTo(1);
        assertThat(sender.remoteFractionLost()).isEqualTo(5 / 256.0); // floor(256 / 50) = 5
        assertThat(sender.lastReportBlock()).isEqualTo(block);
    }

    @Test
    void hostileInputNeverThrowsAndAlwaysYieldsAValidBlock() throws Exception {
        Random rnd = new Random(0xbad_5eedL);
        ReceptionStatistics s = new ReceptionStatistics(3, 90_000);
        for (int i = 0; i < 200_000; i++) {
            int seq = rnd.nextInt(4) == 0 ? rnd.nextInt() : i + rnd.nextInt(7) - 3;
            long arrival = rnd.nextInt(10) == 0 ? rnd.nextLong() : i * MS;
            s.onPacket(seq, rnd.nextLong(), rnd.nextInt(), arrival, rnd.nextBoolean());
            if (i % 997 == 0) {
                s.onSenderReport(rnd.nextLong(), rnd.nextLong(), rnd.nextLong());
                ReportBlock b = s.reportBlock(rnd.nextLong());
                assertThat(RtcpParser.parse(RtcpWriter.encode(new ReceiverReport(1, List.of(b)))).skipped()).isZero();
                assertThat(s.jitterSeconds()).isFinite().isGreaterThanOrEqualTo(0);
            }
        }
        assertThat(s.packetsReceived()).isEqualTo(200_000);
        assertThat(s.bytesReceived()).isGreaterThanOrEqualTo(0);
    }
}
