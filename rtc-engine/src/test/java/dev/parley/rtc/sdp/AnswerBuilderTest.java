package dev.parley.rtc.sdp;

import static dev.parley.rtc.sdp.NegotiationFixtures.answer;
import static dev.parley.rtc.sdp.NegotiationFixtures.isCbH264Mode1;
import static dev.parley.rtc.sdp.NegotiationFixtures.offeredPt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class AnswerBuilderTest {
    static final List<String> OFFERS = Fixtures.OFFERS;

    @ParameterizedTest
    @FieldSource("OFFERS")
    void picksTheOffersPayloadTypes(String file) throws Exception {
        Sdp offer = Fixtures.parse(file);
        Sdp answer = answer(offer);
        MediaDescription audio = answer.media().get(0);
        MediaDescription video = answer.media().get(1);

        int opus = offeredPt(offer.media().get(0), c -> c.isNamed("opus"));
        assertThat(audio.codecs().get(0).payloadType()).isEqualTo(opus);
        assertThat(audio.codecs().get(0).feedback()).containsExactly("transport-cc");
        assertThat(audio.codecs().get(0).parameters()).containsEntry("useinbandfec", "1");
        assertThat(audio.codecs()).extracting(RtpCodec::name)
                .containsExactly("opus", "red", "PCMU", "PCMA", "telephone-event", "telephone-event");
        assertThat(audio.codec(offeredPt(offer.media().get(0), c -> c.isNamed("red"))).orElseThrow().fmtp())
                .isEqualTo(opus + "/" + opus);

        int h264 = offeredPt(offer.media().get(1), NegotiationFixtures::isCbH264Mode1);
        List<RtpCodec> answered264 = video.codecs().stream().filter(c -> c.isNamed("H264")).toList();
        assertThat(answered264).extracting(RtpCodec::payloadType).containsExactly(h264);
        assertThat(answered264.get(0).feedback()).containsExactly("goog-remb", "transport-cc", "ccm fir", "nack", "nack pli");
        assertThat(answered264.get(0).parameters()).containsEntry("profile-level-id", "42e01f");

        int offeredRtx = offeredPt(offer.media().get(1), c -> c.isNamed("rtx") && c.associatedPayloadType().orElse(-1) == h264);
        List<RtpCodec> rtx = video.codecs().stream().filter(c -> c.isNamed("rtx")).toList();
        assertThat(rtx).extracting(RtpCodec::payloadType).contains(offeredRtx);
        // Every answered rtx points at an answered codec.
        assertThat(rtx).allSatisfy(r -> assertThat(video.codec(r.associatedPayloadType().orElseThrow())).isPresent());
        assertThat(video.codecs()).extracting(RtpCodec::name).doesNotContain("VP8", "VP9", "AV1")
                .contains("red", "ulpfec");
    }

    @ParameterizedTest
    @FieldSource("OFFERS")
    void mirrorsSectionsTransportAndBundle(String file) throws Exception {
        Sdp offer = Fixtures.parse(file);
        Sdp answer = answer(offer);
        assertThat(answer.media()).extracting(m -> m.mid().orElseThrow()).containsExactly("0", "1");
        assertThat(answer.media()).extracting(MediaDescription::kind).containsExactly("audio", "video");
        assertThat(answer.bundleGroup()).contains(new Group("BUNDLE", List.of("0", "1")));
        assertThat(answer.extmapAllowMixed()).isTrue();
        for (MediaDescription m : answer.media()) {
            assertThat(m.port()).isEqualTo(9);
            assertThat(m.protocol()).isEqualTo("UDP/TLS/RTP/SAVPF");
            assertThat(m.setup()).contains(Setup.ACTIVE);
            assertThat(m.rtcpMux()).isTrue();
            assertThat(m.rtcpRsize()).isTrue();
            assertThat(m.iceUfrag()).contains("prly");
            assertThat(m.fingerprints()).containsExactly(NegotiationFixtures.FINGERPRINT);
            assertThat(m.direction()).contains(Direction.SENDRECV);
            assertThat(m.iceOptions()).containsExactly("trickle");
        }
        // Extmap: intersection by URI with the offer's ids.
        MediaDescription offeredVideo = offer.media().get(1);
        assertThat(answer.media().get(1).extmaps()).extracting(Extmap::uri).containsExactly(
                ParleyCodecs.URI_ABS_SEND_TIME, ParleyCodecs.URI_TRANSPORT_CC, ParleyCodecs.URI_MID);
        assertThat(answer.media().get(1).extmaps()).allSatisfy(e -> assertThat(offeredVideo.extmaps())
                .anyMatch(o -> o.id() == e.id() && o.uri().equals(e.uri())));
        // Tracks: msid and ssrc with an FID group for video.
        assertThat(answer.media().get(1).msids()).containsExactly(new Msid("parley", "camera"));
        assertThat(answer.media().get(1).ssrcGroups()).containsExactly(new SsrcGroup("FID", List.of(2222L, 3333L)));
        assertThat(answer.media().get(0).ssrcGroups()).isEmpty();
        assertThat(answer.media().get(0).ssrcs()).contains(new SsrcAttribute(1111L, "cname", "parleycname"));
    }

    @ParameterizedTest
    @FieldSource("OFFERS")
    void answerSerialisesAndReparses(String file) throws Exception {
        Sdp answer = answer(Fixtures.parse(file));
        String text = SdpWriter.write(answer);
        Sdp again = SdpParser.parse(text);
        assertThat(SdpWriter.write(again)).isEqualTo(text);
        assertThat(again.media().get(1).codecs()).isEqualTo(answer.media().get(1).codecs());
        assertThat(text).startsWith("v=0\r\no=- 4611686018427387903 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n");
    }

    @Test
    void directionFollowsRfc3264AndLocalWishes() throws Exception {
        assertThat(answerDirection("sendonly", true, true)).isEqualTo(Direction.RECVONLY);
        assertThat(answerDirection("recvonly", true, true)).isEqualTo(Direction.SENDONLY);
        assertThat(answerDirection("inactive", true, true)).isEqualTo(Direction.INACTIVE);
        assertThat(answerDirection("sendrecv", false, true)).isEqualTo(Direction.RECVONLY);
        assertThat(answerDirection("sendrecv", true, false)).isEqualTo(Direction.SENDONLY);
        assertThat(answerDirection("sendonly", true, false)).isEqualTo(Direction.INACTIVE);
    }

    private static Direction answerDirection(String offered, boolean send, boolean receive) throws Exception {
        Sdp offer = SdpParser.parse(Fixtures.text(Fixtures.CHROMIUM_OFFER).replace("a=sendrecv", "a=" + offered));
        List<MediaCapabilities> caps = List.of(ParleyCodecs.audio().withDirection(send, receive), ParleyCodecs.video());
        Sdp answer = new AnswerBuilder(NegotiationFixtures.LOCAL, caps, List.of(NegotiationFixtures.MIC)).answer(offer);
        MediaDescription audio = answer.media().get(0);
        assertThat(audio.msids().isEmpty()).isEqualTo(!audio.direction().orElseThrow().sends());
        return audio.direction().orElseThrow();
    }

    @Test
    void sectionsWithoutCommonCodecOrMuxOrSupportAreRejectedAndLeaveTheBundle() throws Exception {
        String text = Fixtures.text(Fixtures.CHROMIUM_OFFER)
                .replace("a=group:BUNDLE 0 1", "a=group:BUNDLE 0 1 2")
                .replace("a=fmtp:108 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f",
                        "a=fmtp:108 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f")
                + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\na=mid:2\r\n"
                + "a=sctp-port:5000\r\n";
        Sdp answer = answer(SdpParser.parse(text));
        assertThat(answer.media()).extracting(MediaDescription::port).containsExactly(9, 0, 0);
        assertThat(answer.media().get(1).isRejected()).isTrue();
        assertThat(answer.media().get(1).mid()).contains("1");
        assertThat(answer.media().get(2).mediaLine()).isEqualTo("application 0 UDP/DTLS/SCTP webrtc-datachannel");
        assertThat(answer.bundleGroup().orElseThrow().mids()).containsExactly("0");

        Sdp noMux = SdpParser.parse(Fixtures.text(Fixtures.LIBWEBRTC_OFFER).replaceFirst("a=rtcp-mux\r\n", ""));
        assertThat(answer(noMux).media()).extracting(MediaDescription::port).containsExactly(0, 9);
    }

    @Test
    void setupRoles() throws Exception {
        String base = Fixtures.text(Fixtures.LIBWEBRTC_OFFER);
        assertThat(answer(SdpParser.parse(base.replace("a=setup:actpass", "a=setup:active"))).media().get(0).setup())
                .contains(Setup.PASSIVE);
        assertThat(answer(SdpParser.parse(base.replace("a=setup:actpass", "a=setup:passive"))).media().get(0).setup())
                .contains(Setup.ACTIVE);
        assertThat(answer(SdpParser.parse(base.replace("a=setup:actpass\r\n", ""))).media().get(0).setup())
                .contains(Setup.PASSIVE);
    }

    @Test
    void bundledSectionMayTakeTransportFromTheTaggedSection() throws Exception {
        String text = Fixtures.text(Fixtures.LIBWEBRTC_OFFER);
        int video = text.indexOf("m=video");
        String stripped = text.substring(0, video) + text.substring(video)
                .replaceAll("a=(ice-ufrag|ice-pwd|fingerprint|setup):[^\r]*\r\n", "");
        Sdp answer = answer(SdpParser.parse(stripped));
        assertThat(answer.media().get(1).port()).isEqualTo(9);
        assertThat(answer.media().get(1).setup()).contains(Setup.ACTIVE);
    }

    @Test
    void offerWithoutFingerprintIsRefusedWithASentence() throws Exception {
        Sdp offer = SdpParser.parse(Fixtures.text(Fixtures.CHROMIUM_OFFER).replaceAll("a=fingerprint:[^\r]*\r\n", ""));
        assertThatThrownBy(() -> answer(offer)).isInstanceOf(SdpNegotiationException.class)
                .hasMessageContaining("no DTLS fingerprint");
    }

    @Test
    void libwebrtcAnswerToChromiumIsActive() throws Exception {
        Sdp a = Fixtures.parse(Fixtures.LIBWEBRTC_ANSWER);
        assertThat(a.media()).allSatisfy(m -> assertThat(m.setup()).contains(Setup.ACTIVE));
        assertThat(a.media().get(1).codecs()).anyMatch(NegotiationFixtures::isCbH264Mode1);
    }
}
