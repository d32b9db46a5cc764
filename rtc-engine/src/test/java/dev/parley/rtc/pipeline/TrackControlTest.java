package dev.parley.rtc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.rtc.media.synthetic.SyntheticVideo;
import dev.parley.rtc.media.synthetic.SyntheticVideoSource;
import dev.parley.rtc.stats.RtcStats;
import dev.parley.rtc.testing.MediaCall;
import dev.parley.rtc.testing.Signals;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What a user does to a running call: mute, unmute, switch camera; receive-only sides; the G.711 fallback. */
class TrackControlTest {

    @Test
    void mutingSendsSilenceAndBlackAndReplacingTheCameraSwitchesThePicture() throws Exception {
        try (MediaCall call = MediaCall.direct().connect();
             SyntheticVideoSource small = new SyntheticVideoSource(
                     SyntheticVideo.of(SyntheticVideo.Kind.SHAPES, 320, 240, 9), 30)) {
            Thread.sleep(2000);
            assertThat(call.b.video.lastMeanLuma()).as("the pattern is not black").isGreaterThan(40);
            assertThat(level(call.b)).as("a's tone is heard").isGreaterThan(0.02);

            call.a.audioSender.setEnabled(false);
            call.a.videoSender.setEnabled(false);
            Thread.sleep(500);
            long decodedWhenMuted = call.b.stats().first("inbound-rtp", "video").orElseThrow().count("framesDecoded");
            Thread.sleep(1000);
            assertThat(call.b.video.lastMeanLuma()).as("muted video is black").isLessThan(20);
            assertThat(level(call.b)).as("muted audio is silence").isLessThan(0.001);
            // The stream stays up: black frames keep coming (30 a second; a loaded machine may drop a few).
            assertThat(call.b.stats().first("inbound-rtp", "video").orElseThrow().count("framesDecoded")
                    - decodedWhenMuted).as("black frames decoded in the muted second").isGreaterThan(15);

            call.a.audioSender.setEnabled(true);
            call.a.videoSender.setEnabled(true);
            call.a.videoSender.replaceSource(small);
            Thread.sleep(1500);
            assertThat(call.b.video.size()).as("the new camera's picture").isEqualTo("320x240");
            assertThat(call.b.video.lastMeanLuma()).isGreaterThan(40);
            assertThat(level(call.b)).as("unmuted").isGreaterThan(0.02);
            short[] pcm = call.b.audio.samples();
            assertThat(Signals.zeroCrossingHz(pcm, pcm.length - 24_000, 24_000, 48_000)).isBetween(420.0, 460.0);
        }
    }

    private static double level(MediaCall.Endpoint e) throws Exception {
        short[] pcm = e.audio.samples();
        return Signals.rms(pcm, pcm.length - 24_000, 24_000) / 32768;
    }

    @Test
    void aSideThatDoesNotReceiveVideoGetsNoVideoTrackButStillSends() throws Exception {
        MediaCall call = MediaCall.direct();
        try (call) {
            call.a.pc.setReceiving("video", false);
            call.connect();
            Thread.sleep(2000);
            assertThat(call.a.video).as("no remote video track at a").isNull();
            assertThat(call.b.video.frames()).as("b still receives a's video").isGreaterThan(20);
            assertThat(call.a.stats().first("inbound-rtp", "video")).isEmpty();
            assertThat(call.b.stats().first("outbound-rtp", "video")).as("b sends no video").isEmpty();
        }
    }

    @Test
    void withoutOpusBothSidesFallBackToPcmu() throws Exception {
        // Strip opus and red from the offer's audio section: the answer must pick PCMU (the next codec offered).
        Pattern opusLines = Pattern.compile("a=(rtpmap|fmtp|rtcp-fb):(111|63) [^\r\n]*\r\n");
        try (MediaCall call = MediaCall.direct().connect(sdp -> withoutFormats(opusLines.matcher(sdp).replaceAll(""),
                "m=audio", Set.of("111", "63")))) {
            Thread.sleep(3000);
            RtcStats in = call.b.stats().first("inbound-rtp", "audio").orElseThrow();
            assertThat(in.text("mimeType")).isEqualTo("audio/PCMU");
            assertThat(call.a.stats().first("inbound-rtp", "audio").orElseThrow().text("mimeType"))
                    .isEqualTo("audio/PCMU");
            short[] pcm = call.b.audio.samples();
            int from = pcm.length - 48_000;
            assertThat(Signals.rms(pcm, from, 48_000)).isGreaterThan(1000);
            assertThat(Signals.zeroCrossingHz(pcm, from, 48_000, 48_000)).isBetween(420.0, 460.0);
        }
    }

    /** The SDP with the given payload types removed from the m= line that starts with {@code media}. */
    private static String withoutFormats(String sdp, String media, Set<String> drop) {
        StringBuilder out = new StringBuilder();
        for (String line : sdp.split("\r\n")) {
            if (line.startsWith(media + " ")) {
                String[] t = line.split(" ");
                StringBuilder m = new StringBuilder(t[0] + " " + t[1] + " " + t[2]);
                for (int i = 3; i < t.length; i++) {
                    if (!drop.contains(t[i])) {
                        m.append(' ').append(t[i]);
                    }
                }
                line = m.toString();
            }
            out.append(line).append("\r\n");
        }
        return out.toString();
    }

    @Test
    void aSpeakerCanPullRemoteAudioOnItsOwnClock() throws Exception {
        try (MediaCall call = MediaCall.direct().connect()) {
            Thread.sleep(1500);
            dev.parley.rtc.peer.RemoteAudioTrack track = (dev.parley.rtc.peer.RemoteAudioTrack) call.b.remoteAudio;
            long pushedBefore = call.b.audio.frames();
            short[] pulled = new short[48_000];
            long next = System.nanoTime();
            for (int f = 0; f < 50; f++) { // one second, paced like a speaker line
                dev.parley.rtc.media.AudioFrame frame = track.pull(System.nanoTime());
                assertThat(frame.samplesPerChannel()).isEqualTo(960);
                for (int i = 0; i < 960; i++) {
                    pulled[f * 960 + i] = frame.samples()[frame.offset() + i * frame.channels()];
                }
                next += 20_000_000L;
                java.util.concurrent.locks.LockSupport.parkNanos(next - System.nanoTime());
            }
            assertThat(call.b.audio.frames() - pushedBefore).as("the timer no longer pushes to the sink")
                    .isLessThanOrEqualTo(1);
            assertThat(Signals.zeroCrossingHz(pulled, 9_600, 38_400, 48_000)).isBetween(420.0, 460.0);
            assertThat(Signals.rms(pulled, 9_600, 38_400)).isGreaterThan(1000);
        }
    }

    @Test
    void hangingUpEndsThePeersRemoteTracksWithRtcpBye() throws Exception {
        try (MediaCall call = MediaCall.direct().connect()) {
            Thread.sleep(1000);
            assertThat(call.b.remoteVideo.ended()).isFalse();
            call.a.pc.close();
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (!(call.b.remoteVideo.ended() && call.b.remoteAudio.ended()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(call.b.remoteVideo.ended()).as("video ended by BYE").isTrue();
            assertThat(call.b.remoteAudio.ended()).as("audio ended by BYE").isTrue();
            Thread.sleep(300);
            assertThat(call.b.stats().first("inbound-rtp", "video").orElseThrow().count("freezeCount"))
                    .as("the silence after a hang-up is not a freeze").isZero();
        }
    }

    @Test
    void closingACallLeavesNoMediaThreadBehind() throws Exception {
        Set<String> before = mediaThreads();
        try (MediaCall call = MediaCall.direct().connect()) {
            Thread.sleep(500);
            assertThat(mediaThreads()).as("encoder, decoder and playout threads while the call runs")
                    .hasSizeGreaterThan(before.size());
        }
        Thread.sleep(300);
        assertThat(mediaThreads()).isEqualTo(before);
    }

    private static Set<String> mediaThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(t -> t.getName() + "#" + t.getId())
                .filter(n -> n.startsWith("parley-"))
                // The JVM-wide STUN name resolvers (two at most, ending when idle) belong to no call.
                .filter(n -> !n.startsWith("parley-resolver-")).collect(Collectors.toSet());
    }
}
