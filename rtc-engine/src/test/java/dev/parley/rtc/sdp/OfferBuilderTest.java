package dev.parley.rtc.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OfferBuilderTest {
    private final Sdp offer = new OfferBuilder(NegotiationFixtures.LOCAL, ParleyCodecs.defaults(),
            List.of(NegotiationFixtures.MIC, NegotiationFixtures.CAMERA)).offer();

    @Test
    void offerHasJsepShape() throws Exception {
        Sdp parsed = SdpParser.parse(SdpWriter.write(offer));
        assertThat(SdpWriter.write(parsed)).isEqualTo(SdpWriter.write(offer));
        assertThat(parsed.bundleGroup()).contains(new Group("BUNDLE", List.of("0", "1")));
        assertThat(parsed.extmapAllowMixed()).isTrue();
        for (MediaDescription m : parsed.media()) {
            assertThat(m.setup()).contains(Setup.ACTPASS);
            assertThat(m.iceOptions()).containsExactly("trickle");
            assertThat(m.rtcpMux()).isTrue();
            assertThat(m.rtcpRsize()).isTrue();
            assertThat(m.fingerprints()).containsExactly(NegotiationFixtures.FINGERPRINT);
            assertThat(m.direction()).contains(Direction.SENDRECV);
            assertThat(m.connections()).containsExactly(Connection.UNSPECIFIED_IP4);
            assertThat(m.port()).isEqualTo(9);
        }
        MediaDescription audio = parsed.media().get(0);
        assertThat(audio.codecs()).extracting(RtpCodec::rtpmapValue).containsExactly("111 opus/48000/2",
                "0 PCMU/8000", "8 PCMA/8000", "110 telephone-event/48000", "126 telephone-event/8000",
                "63 red/48000/2");
        assertThat(audio.codec(63).orElseThrow().fmtp()).isEqualTo("111/111");
        assertThat(audio.codec(111).orElseThrow().fmtp()).isEqualTo("minptime=10;useinbandfec=1");
        MediaDescription video = parsed.media().get(1);
        assertThat(video.codecs()).extracting(RtpCodec::rtpmapValue).containsExactly("96 H264/90000",
                "97 rtx/90000", "98 red/90000", "99 rtx/90000", "100 ulpfec/90000");
        assertThat(video.codec(96).orElseThrow().fmtp())
                .isEqualTo("level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f");
        assertThat(video.codec(97).orElseThrow().associatedPayloadType()).contains(96);
        assertThat(video.codec(99).orElseThrow().associatedPayloadType()).contains(98);
        assertThat(video.extmaps()).extracting(Extmap::id).containsExactly(2, 3, 4); // same ids as audio's for the same URIs
        assertThat(video.ssrcGroups()).containsExactly(new SsrcGroup("FID", List.of(2222L, 3333L)));
        assertThat(video.msids()).containsExactly(new Msid("parley", "camera"));
    }

    @Test
    void payloadTypesAreUniqueAcrossTheBundleAndAvoidRtcpRange() {
        Set<String> seen = new HashSet<>();
        offer.media().forEach(m -> m.formats().forEach(f -> assertThat(seen.add(f)).as("PT " + f).isTrue()));
        assertThat(seen).allSatisfy(pt -> assertThat(Integer.parseInt(pt)).matches(v -> v < 64 || v > 95, "outside 64-95"));
    }

    @Test
    void parleyAnswersItsOwnOffer() throws Exception {
        Sdp answer = NegotiationFixtures.answer(SdpParser.parse(SdpWriter.write(offer)));
        assertThat(answer.media().get(0).codecs().get(0).rtpmapValue()).isEqualTo("111 opus/48000/2");
        assertThat(answer.media().get(1).codecs()).extracting(RtpCodec::payloadType).containsExactly(96, 97, 98, 99, 100);
        assertThat(answer.media()).allSatisfy(m -> assertThat(m.setup()).contains(Setup.ACTIVE));
    }

    @Test
    void receiveOnlyWithoutTracks() {
        Sdp recvOnly = new OfferBuilder(NegotiationFixtures.LOCAL, ParleyCodecs.defaults(), List.of()).offer();
        assertThat(recvOnly.media()).allSatisfy(m -> {
            assertThat(m.direction()).contains(Direction.RECVONLY);
            assertThat(m.ssrcs()).isEmpty();
        });
    }

    @Test
    void randomLocalParametersAreValid() {
        LocalParameters p = LocalParameters.random(NegotiationFixtures.FINGERPRINT);
        assertThat(p.iceUfrag()).hasSize(4);
        assertThat(p.icePwd()).hasSize(24);
        assertThat(Long.parseLong(p.sessionId())).isNotNegative();
        assertThat(p.nextVersion().sessionVersion()).isEqualTo(p.sessionVersion() + 1);
    }
}
