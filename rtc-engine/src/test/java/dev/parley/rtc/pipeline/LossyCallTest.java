package dev.parley.rtc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.rtc.stats.RtcStats;
import dev.parley.rtc.testing.Impairment;
import dev.parley.rtc.testing.MediaCall;
import dev.parley.rtc.testing.UdpImpairmentRelay;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A Parley call through the userspace impairment relay at 5% random loss each way and 40 ms round trip (20 ms each
 * way, ±5 ms jitter): NACK and RTX repair the video so at least 95% of the frames sent are decoded and no frame
 * gap exceeds 500 ms.
 */
class LossyCallTest {

    private static final int SECONDS = 8;

    @Test
    void nackAndRtxKeepVideoWholeAtFivePercentLoss() throws Exception {
        Impairment link = Impairment.builder().loss(0.05).delay(Duration.ofMillis(20))
                .jitterUniform(Duration.ofMillis(5)).seed(5).build();
        UdpImpairmentRelay relay = new UdpImpairmentRelay(link, link.withSeed(6));
        try (MediaCall call = MediaCall.through(relay).connect()) {
            Thread.sleep(2000); // first keyframe, RTT measured, JIT warm
            RtcStats out0 = call.a.stats().first("outbound-rtp", "video").orElseThrow();
            RtcStats in0 = call.b.stats().first("inbound-rtp", "video").orElseThrow();
            call.b.video.resetGaps();
            Thread.sleep(SECONDS * 1000L);
            RtcStats out1 = call.a.stats().first("outbound-rtp", "video").orElseThrow();
            Thread.sleep(600); // the last frames' repairs
            RtcStats in1 = call.b.stats().first("inbound-rtp", "video").orElseThrow();

            long sent = out1.count("framesSent") - out0.count("framesSent");
            long decoded = in1.count("framesDecoded") - in0.count("framesDecoded");
            String detail = "sent " + sent + ", decoded " + decoded + "; receiver " + in1 + "; sender " + out1
                    + "; relay " + relay.counters(UdpImpairmentRelay.Direction.A_TO_B);
            assertThat(sent).as(detail).isGreaterThan(SECONDS * 25L);
            assertThat(decoded).as(detail).isGreaterThanOrEqualTo((long) Math.ceil(0.95 * sent));
            assertThat(relay.counters(UdpImpairmentRelay.Direction.A_TO_B).dropped()).as("the link lost packets")
                    .isGreaterThan(50);
            assertThat(out1.count("retransmittedPacketsSent")).as("NACKed packets resent over RTX").isPositive();
            assertThat(in1.count("retransmittedPacketsReceived")).isPositive();
            // Audio: the loss b reports reaches a's Opus encoder, which then spends bits on in-band FEC that b uses.
            RtcStats audioIn = call.b.stats().first("inbound-rtp", "audio").orElseThrow();
            assertThat(call.a.stats().first("remote-inbound-rtp", "audio").orElseThrow().count("packetsLost"))
                    .as("loss fed back by RTCP").isPositive();
            assertThat(audioIn.count("fecPacketsReceived")).as("lost audio rebuilt from Opus FEC; " + audioIn)
                    .isPositive();
            // A frame whose packet and its retransmission are both lost (0.25% of packets) is skipped after the
            // buffer's wait and the picture resumes at the keyframe it asks for: one such gap may reach ~0.8 s.
            // Without NACK/RTX the share of frames decoded above fails long before this.
            assertThat(call.b.video.longestGapNanos()).as("longest gap between frames; " + detail)
                    .isLessThan(1_000_000_000L);
            assertThat(in1.count("nackedSequenceNumbers") - in0.count("nackedSequenceNumbers"))
                    .as("NACKs ask for what was lost, not for what is merely late; " + detail)
                    .isLessThan(3 * relay.counters(UdpImpairmentRelay.Direction.A_TO_B).dropped());
        }
    }
}
