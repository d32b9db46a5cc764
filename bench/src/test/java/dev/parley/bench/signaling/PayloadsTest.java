package dev.parley.bench.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.signaling.protocol.IceCandidateInit;
import org.junit.jupiter.api.Test;

class PayloadsTest {

    @Test
    void sendTimeSurvivesTheSdpAndTheCandidate() {
        long now = System.nanoTime();
        assertThat(Payloads.sentNanos(Payloads.sdp(now))).isEqualTo(now);
        assertThat(Payloads.sentNanos(Payloads.candidate(now, 50_000))).isEqualTo(now);
        assertThat(Payloads.sdp(now).length()).isBetween(900, 1_200);
    }

    @Test
    void textWithoutAStampSaysSo() {
        assertThat(Payloads.sentNanos("v=0\r\n")).isEqualTo(Payloads.NO_STAMP);
        assertThat(Payloads.sentNanos(new IceCandidateInit("candidate:x 1 udp 1 1.2.3.4 9 typ host", "0", 0)))
                .isEqualTo(Payloads.NO_STAMP);
        assertThat(Payloads.sentNanos((IceCandidateInit) null)).isEqualTo(Payloads.NO_STAMP);
    }
}
