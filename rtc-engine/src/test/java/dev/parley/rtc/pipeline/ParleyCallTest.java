package dev.parley.rtc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.rtc.stats.RtcStats;
import dev.parley.rtc.stats.RtcStatsReport;
import dev.parley.rtc.testing.MediaCall;
import dev.parley.rtc.testing.Signals;
import org.junit.jupiter.api.Test;

/** Parley to Parley on loopback: 640x480@30 video and a 440 Hz tone both ways, decoded and measured. */
class ParleyCallTest {

    @Test
    void videoAndAudioFlowBothWays() throws Exception {
        try (MediaCall call = MediaCall.direct().connect()) {
            Thread.sleep(1500); // first keyframe, jitter buffer fill
            long aSent0 = framesSent(call.a);
            long bSent0 = framesSent(call.b);
            int aShown0 = call.b.video.distinctStamps();
            int bShown0 = call.a.video.distinctStamps();
            Thread.sleep(5000);
            long aSent = framesSent(call.a) - aSent0;
            long bSent = framesSent(call.b) - bSent0;
            Thread.sleep(500); // frames in flight

            RtcStatsReport stats = call.b.stats();
            String detail = stats + "\n" + call.a.stats();
            assertThat(aSent).as("frames a sent in 5 s; " + detail).isGreaterThan(100);
            assertThat(call.b.video.distinctStamps() - aShown0).as("b shows a's frames (of %d sent)", aSent)
                    .isGreaterThanOrEqualTo((int) (aSent * 0.9));
            assertThat(call.a.video.distinctStamps() - bShown0).as("a shows b's frames (of %d sent)", bSent)
                    .isGreaterThanOrEqualTo((int) (bSent * 0.9));
            assertThat(call.b.video.unreadable()).as("frames shown whole, stamp readable").isZero();
            assertTone(call.a.audio.samples());
            assertTone(call.b.audio.samples());

            RtcStats in = stats.first("inbound-rtp", "video").orElseThrow();
            assertThat(in.count("framesDecoded")).isGreaterThan(100);
            assertThat(in.count("freezeCount")).as(detail).isZero();
            assertThat(in.text("mimeType")).isEqualTo("video/H264");
            assertThat(in.count("frameWidth")).isEqualTo(640);
            RtcStats out = stats.first("outbound-rtp", "video").orElseThrow();
            assertThat(out.count("framesEncoded")).isGreaterThan(100);
            assertThat(stats.first("remote-inbound-rtp", "video").orElseThrow().number("roundTripTime"))
                    .as("RTT from SR/RR").isBetween(0.0, 0.2);
            assertThat(out.number("framesPerSecond")).as("sent frame rate (the encoder may skip frames on a busy machine)").isBetween(10.0, 31.0);
            RtcStats audioIn = stats.first("inbound-rtp", "audio").orElseThrow();
            assertThat(audioIn.count("packetsReceived")).isGreaterThan(200);
            double meanDelay = audioIn.number("jitterBufferDelay") / audioIn.count("jitterBufferEmittedCount");
            assertThat(meanDelay).as("mean audio jitter buffer delay, s, on loopback").isBetween(0.005, 0.2);
            assertThat(stats.ofType("candidate-pair")).singleElement()
                    .satisfies(p -> assertThat(p.text("localCandidateType")).isEqualTo("host"));
            assertThat(stats.ofType("transport").get(0).text("dtlsState")).isEqualTo("connected");
            assertThat(stats.ofType("transport").get(0).text("srtpCipher")).startsWith("SRTP_");
        }
    }

    private static long framesSent(MediaCall.Endpoint e) throws Exception {
        return e.stats().first("outbound-rtp", "video").map(s -> s.count("framesSent")).orElse(0L);
    }

    private static void assertTone(short[] pcm) {
        assertThat(pcm.length).as("seconds of audio played").isGreaterThan(48_000 * 4);
        int from = pcm.length - 48_000 * 2; // the last two seconds: well past the start
        assertThat(Signals.rms(pcm, from, 48_000)).as("not silence").isGreaterThan(1000);
        assertThat(Signals.zeroCrossingHz(pcm, from, 48_000, 48_000)).isBetween(420.0, 460.0);
        assertThat(Signals.medianGoertzelShare(pcm, from, 48_000, 2_400, 440, 48_000)).as("440 Hz dominates").isGreaterThan(0.5);
    }
}
