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
            long a0 = call.a.camera.framesProduced();
            long b0 = call.b.camera.framesProduced();
            Thread.sleep(5000);
            long a1 = call.a.camera.framesProduced();
            long b1 = call.b.camera.framesProduced();
            Thread.sleep(500); // frames in flight

            assertThat(call.b.video.stampsBetween(a0, a1)).as("b shows a's frames (of %d sent)", a1 - a0)
                    .isGreaterThanOrEqualTo((int) ((a1 - a0) * 0.9));
            assertThat(call.a.video.stampsBetween(b0, b1)).as("a shows b's frames (of %d sent)", b1 - b0)
                    .isGreaterThanOrEqualTo((int) ((b1 - b0) * 0.9));
            assertTone(call.a.audio.samples());
            assertTone(call.b.audio.samples());

            RtcStatsReport stats = call.b.stats();
            RtcStats in = stats.first("inbound-rtp", "video").orElseThrow();
            assertThat(in.count("framesDecoded")).isGreaterThan(150);
            assertThat(in.count("freezeCount")).isZero();
            assertThat(in.text("mimeType")).isEqualTo("video/H264");
            RtcStats out = stats.first("outbound-rtp", "video").orElseThrow();
            assertThat(out.count("framesEncoded")).isGreaterThan(150);
            assertThat(stats.first("inbound-rtp", "audio").orElseThrow().count("packetsReceived")).isGreaterThan(200);
            assertThat(stats.ofType("candidate-pair")).singleElement()
                    .satisfies(p -> assertThat(p.text("localCandidateType")).isEqualTo("host"));
            assertThat(stats.ofType("transport").get(0).text("dtlsState")).isEqualTo("connected");
        }
    }

    private static void assertTone(short[] pcm) {
        assertThat(pcm.length).as("seconds of audio played").isGreaterThan(48_000 * 4);
        int from = pcm.length - 48_000 * 2; // the last two seconds: well past the start
        assertThat(Signals.rms(pcm, from, 48_000)).as("not silence").isGreaterThan(1000);
        assertThat(Signals.zeroCrossingHz(pcm, from, 48_000, 48_000)).isBetween(420.0, 460.0);
        assertThat(Signals.goertzelShare(pcm, from, 48_000, 440, 48_000)).as("440 Hz dominates").isGreaterThan(0.5);
    }
}
