package dev.parley.rtc.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SenderStatisticsTest {
    @Test
    void countsFromSeveralThreadsAreExact() throws Exception {
        SenderStatistics s = new SenderStatistics(9, 90_000);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread th = new Thread(() -> {
                for (int i = 0; i < 20_000; i++) {
                    s.onPacketSent(3);
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        assertThat(s.packetsSent()).isEqualTo(80_000);
        assertThat(s.octetsSent()).isEqualTo(240_000);
    }

    @Test
    void senderReportCarriesTheCallersClockMappingAndWrappedCounts() throws Exception {
        SenderStatistics s = new SenderStatistics(0x01020304, 48_000);
        s.onPacketSent(Integer.MAX_VALUE);
        s.onPacketSent(Integer.MAX_VALUE);
        s.onPacketSent(10);
        s.onPacketSent(-5);
        ReportBlock about = new ReportBlock(77, 1, 2, 3, 4, 5, 6);
        SenderReport sr = s.senderReport(0xe1b2c3d480000000L, 0x1_0000_0007L, List.of(about));
        assertThat(sr.ssrc()).isEqualTo(0x01020304);
        assertThat(sr.ntpTimestamp()).isEqualTo(0xe1b2c3d480000000L);
        assertThat(sr.rtpTimestamp()).isEqualTo(7);
        assertThat(sr.packetCount()).isEqualTo(4);
        assertThat(s.octetsSent()).isEqualTo(2L * Integer.MAX_VALUE + 10);
        assertThat(sr.octetCount()).isEqualTo(8); // 2^32 + 8 modulo 2^32 (RFC 3550 §6.4.1 counts wrap)
        assertThat(RtcpParser.parse(RtcpWriter.encode(sr)).packets()).containsExactly(sr);
        assertThatThrownBy(() -> new SenderStatistics(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportBlocksGiveTheRemoteViewAndRtt() {
        SenderStatistics s = new SenderStatistics(5, 90_000);
        assertThat(s.roundTripNanos()).isEqualTo(-1);
        assertThat(s.lastReportBlock()).isNull();
        assertThat(s.remoteFractionLost()).isZero();

        assertThat(s.onReportBlock(new ReportBlock(6, 128, 10, 100, 900, 0xb7052000L, 0x00054000L), 0xb7108000L))
                .isFalse();
        assertThat(s.lastReportBlock()).isNull();

        // no LSR yet: the remote view updates, the RTT does not
        assertThat(s.onReportBlock(new ReportBlock(5, 64, -3, 100, 900, 0, 0), 0xb7108000L)).isTrue();
        assertThat(s.roundTripNanos()).isEqualTo(-1);
        assertThat(s.roundTripMeasurements()).isZero();
        assertThat(s.remoteFractionLost()).isEqualTo(0.25);
        assertThat(s.remotePacketsLost()).isEqualTo(-3);
        assertThat(s.remoteJitterSeconds()).isEqualTo(0.01);

        // RFC 3550 §6.4.1's example: A 0xb710:8000, LSR 0xb705:2000, DLSR 0x0005:4000 -> 6.125 s
        s.onReportBlock(new ReportBlock(5, 0, 1, 200, 90, 0xb7052000L, 0x00054000L), 0xb7108000L);
        assertThat(s.roundTripNanos()).isEqualTo(6_125_000_000L);
        s.onReportBlock(new ReportBlock(5, 0, 1, 200, 90, 0xb7052000L, 0x00054000L), 0xb70f8000L);
        assertThat(s.roundTripNanos()).isEqualTo(5_125_000_000L); // one second earlier
        assertThat(s.roundTripMeasurements()).isEqualTo(2);
        assertThat(s.totalRoundTripNanos()).isEqualTo(6_125_000_000L + s.roundTripNanos());
        assertThat(s.remoteJitterSeconds()).isEqualTo(0.001);
    }
}
