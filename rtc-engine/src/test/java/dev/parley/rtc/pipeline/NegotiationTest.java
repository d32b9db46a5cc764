package dev.parley.rtc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.rtc.sdp.AnswerBuilder;
import dev.parley.rtc.sdp.Fingerprint;
import dev.parley.rtc.sdp.LocalParameters;
import dev.parley.rtc.sdp.LocalTrack;
import dev.parley.rtc.sdp.OfferBuilder;
import dev.parley.rtc.sdp.ParleyCodecs;
import dev.parley.rtc.sdp.Sdp;
import dev.parley.rtc.sdp.SdpParser;
import dev.parley.rtc.sdp.SdpWriter;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the pipeline takes from offer and answer: payload types, RTX pairs, extension ids, SSRCs, directions. */
class NegotiationTest {

    private static final LocalParameters LOCAL = new LocalParameters("4611686018427387903", 2, "prly",
            "abcdefghijklmnopqrstuvwx", new Fingerprint("sha-256", HexFormat.of().parseHex(
            "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff")), "parleycname");
    private static final LocalTrack MIC = new LocalTrack("audio", "parley", "mic", 1111L, null);
    private static final LocalTrack CAMERA = new LocalTrack("video", "parley", "camera", 2222L, 3333L);

    @Test
    void answeringChromiumPicksConstrainedBaselineModeOneAndReadsItsSsrcs() throws Exception {
        Sdp offer = PipelineFixtures.sdp("chromium-offer.sdp");
        Sdp answer = new AnswerBuilder(LOCAL, ParleyCodecs.defaults(), List.of(MIC, CAMERA)).answer(offer);
        List<MediaSection> sections = Negotiation.sections(answer, offer, true, List.of(MIC, CAMERA));

        assertThat(sections).hasSize(2);
        MediaSection audio = sections.get(0);
        assertThat(audio.kind()).isEqualTo("audio");
        assertThat(audio.mid()).isEqualTo("0");
        assertThat(audio.sending()).isTrue();
        assertThat(audio.receiving()).isTrue();
        assertThat(audio.sendCodec().orElseThrow().name()).isEqualToIgnoringCase("opus");
        assertThat(audio.sendCodec().orElseThrow().payloadType()).isEqualTo(111);
        assertThat(audio.extensions()).isEqualTo(new ExtensionIds(4, 2, 3, 1));
        assertThat(audio.localTrack()).contains(MIC);
        assertThat(audio.remoteSsrc()).contains(2985597226L);

        MediaSection video = sections.get(1);
        assertThat(video.sendCodec().orElseThrow().payloadType()).as("42e01f, packetization-mode 1").isEqualTo(108);
        assertThat(video.rtxFor(108)).isEqualTo(109);
        assertThat(video.rtxByPayloadType()).containsEntry(109, 108);
        assertThat(video.feedback()).isEqualTo(new MediaSection.Feedback(true, true, true, true, true));
        assertThat(video.extensions().mid()).isEqualTo(4);
        assertThat(video.extensions().audioLevel()).isZero();
        assertThat(video.localTrack()).contains(CAMERA);
        assertThat(video.remoteSsrc()).contains(2353133340L);
        assertThat(video.remoteRtxSsrc()).contains(3579947204L);
        assertThat(video.reducedSizeRtcp()).isTrue();
    }

    @Test
    void anOffererReadsDirectionsFromTheAnswerTurnedAround() throws Exception {
        Sdp offer = new OfferBuilder(LOCAL, ParleyCodecs.defaults(), List.of(MIC)).offer();
        // The peer sends nothing back: its answer is recvonly, so Parley only sends.
        Sdp peerAnswer = new AnswerBuilder(LOCAL, ParleyCodecs.defaults().stream()
                .map(c -> c.withDirection(false, true)).toList(), List.of()).answer(SdpParser.parse(SdpWriter.write(offer)));
        List<MediaSection> sections = Negotiation.sections(offer, peerAnswer, false, List.of(MIC));

        MediaSection audio = sections.get(0);
        assertThat(audio.sending()).isTrue();
        assertThat(audio.receiving()).isFalse();
        MediaSection video = sections.get(1);
        assertThat(video.sending()).as("no camera track was added").isFalse();
        assertThat(video.receiving()).isFalse();
    }
}
