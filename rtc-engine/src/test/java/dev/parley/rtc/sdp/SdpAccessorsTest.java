package dev.parley.rtc.sdp;

import dev.parley.rtc.ice.CandidateType;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Typed readers over the Chromium offer, checked against values read by eye from the fixture. */
class SdpAccessorsTest {
    private Sdp sdp;
    private MediaDescription audio;
    private MediaDescription video;

    @BeforeEach
    void parse() throws Exception {
        sdp = Fixtures.parse(Fixtures.CHROMIUM_OFFER);
        audio = sdp.media().get(0);
        video = sdp.media().get(1);
    }

    @Test
    void sessionLevel() {
        assertThat(sdp.origin().sessionId()).isEqualTo("5961556159188065589");
        assertThat(sdp.origin().sessionVersion()).isEqualTo("2");
        assertThat(sdp.bundleGroup()).contains(new Group("BUNDLE", List.of("0", "1")));
        assertThat(sdp.extmapAllowMixed()).isTrue();
        assertThat(sdp.iceLite()).isFalse();
        assertThat(sdp.timings()).extracting(Timing::toString).containsExactly("0 0");
        assertThat(sdp.mediaByMid("1")).containsSame(video);
    }

    @Test
    void transportAttributes() {
        assertThat(audio.kind()).isEqualTo("audio");
        assertThat(audio.port()).isEqualTo(48778);
        assertThat(audio.protocol()).isEqualTo("UDP/TLS/RTP/SAVPF");
        assertThat(audio.mid()).contains("0");
        assertThat(sdp.iceUfragFor(audio)).contains("//bZ");
        assertThat(sdp.icePwdFor(audio)).contains("PdgQYeK7cu27yiGgsFnDT8/A");
        assertThat(audio.iceOptions()).containsExactly("trickle");
        assertThat(audio.setup()).contains(Setup.ACTPASS);
        assertThat(audio.rtcpMux()).isTrue();
        assertThat(audio.rtcpRsize()).isTrue();
        assertThat(audio.rtcp()).contains(new RtcpAddress(9, new Connection("IN", "IP4", "0.0.0.0")));
        assertThat(audio.direction()).contains(Direction.SENDRECV);
        assertThat(audio.isRejected()).isFalse();
        Fingerprint fp = audio.fingerprints().get(0);
        assertThat(fp.hashFunction()).isEqualTo("sha-256");
        assertThat(fp.digest()).hasSize(32).startsWith((byte) 0xDE, (byte) 0xFE).endsWith((byte) 0x6B);
        assertThat(fp.toString()).isEqualTo(
                "sha-256 DE:FE:D4:B7:97:81:9E:CE:07:42:5B:CE:B5:41:FD:75:3D:F1:3B:EA:F3:FC:15:53:6D:B5:F8:19:8C:18:7D:6B");
    }

    @Test
    void candidates() {
        List<Candidate> c = audio.candidates();
        assertThat(c).hasSize(4);
        assertThat(audio.invalidCandidates()).isEmpty();
        Candidate first = c.get(0);
        assertThat(first.foundation()).isEqualTo("1510045697");
        assertThat(first.component()).isEqualTo(1);
        assertThat(first.isUdp()).isTrue();
        assertThat(first.priority()).isEqualTo(2122194687L);
        assertThat(first.address()).isEqualTo("192.0.2.2");
        assertThat(first.port()).isEqualTo(48778);
        assertThat(first.type()).isEqualTo(CandidateType.HOST);
        assertThat(first.generation()).isZero();
        assertThat(first.networkId()).isEqualTo(1);
        assertThat(c.get(1).address()).isEqualTo("fd00::2");
        assertThat(c.get(2).tcpType()).isEqualTo("active");
        assertThat(c.get(2).port()).isEqualTo(9);
        assertThat(audio.endOfCandidates()).isFalse();
    }

    @Test
    void mdnsCandidates() throws Exception {
        Candidate c = Fixtures.parse(Fixtures.CHROMIUM_OFFER_MDNS).media().get(0).candidates().get(0);
        assertThat(c.isMdns()).isTrue();
        assertThat(c.address()).endsWith(".local");
        assertThat(c.networkCost()).isEqualTo(999);
        assertThat(c.networkId()).isNull();
    }

    @Test
    void audioCodecs() {
        List<RtpCodec> codecs = audio.codecs();
        assertThat(codecs).extracting(RtpCodec::payloadType).containsExactly(111, 63, 9, 0, 8, 13, 110, 126);
        RtpCodec opus = codecs.get(0);
        assertThat(opus.name()).isEqualTo("opus");
        assertThat(opus.clockRate()).isEqualTo(48000);
        assertThat(opus.channels()).isEqualTo(2);
        assertThat(opus.parameters()).isEqualTo(Map.of("minptime", "10", "useinbandfec", "1"));
        assertThat(opus.feedback()).containsExactly("transport-cc");
        assertThat(codecs.get(1).parameters()).containsEntry("", "111/111");
        assertThat(audio.codec(0).orElseThrow().channelCount()).isEqualTo(1);
    }

    @Test
    void videoCodecsAndRtx() {
        RtpCodec h264 = video.codec(108).orElseThrow();
        assertThat(h264.name()).isEqualTo("H264");
        assertThat(h264.parameters()).containsEntry("profile-level-id", "42e01f").containsEntry("packetization-mode", "1");
        assertThat(h264.feedback()).containsExactly("goog-remb", "transport-cc", "ccm fir", "nack", "nack pli");
        assertThat(video.codec(109).orElseThrow().associatedPayloadType()).contains(108);
        assertThat(video.codec(120).orElseThrow().isNamed("ulpfec")).isTrue();
        assertThat(video.codecs()).hasSize(23);
    }

    @Test
    void headerExtensions() {
        List<Extmap> ext = video.extmaps();
        assertThat(ext).hasSize(11);
        assertThat(ext.get(0)).isEqualTo(new Extmap(14, null, "urn:ietf:params:rtp-hdrext:toffset", null));
        assertThat(ext).anyMatch(e -> e.id() == 4 && e.uri().equals("urn:ietf:params:rtp-hdrext:sdes:mid"));
        assertThat(Extmap.parse("5/recvonly urn:x a b")).isEqualTo(new Extmap(5, Direction.RECVONLY, "urn:x", "a b"));
    }

    @Test
    void streamsAndSsrcs() {
        assertThat(video.msids()).containsExactly(new Msid("d2c0349a-a8a5-4ee0-9988-7f41e83159dd",
                "f0b62655-937b-4b2f-8e9e-30bcf96625ae"));
        assertThat(video.ssrcGroups()).containsExactly(new SsrcGroup("FID", List.of(2353133340L, 3579947204L)));
        assertThat(video.ssrcs()).hasSize(4);
        assertThat(video.ssrcs().get(0)).isEqualTo(new SsrcAttribute(2353133340L, "cname", "7BUB6rtSKkK4TDgh"));
    }

    @Test
    void answerHasActiveSetup() throws Exception {
        Sdp answer = Fixtures.parse(Fixtures.LIBWEBRTC_ANSWER);
        assertThat(answer.media()).allSatisfy(m -> assertThat(answer.setupFor(m)).contains(Setup.ACTIVE));
        assertThat(answer.media().get(0).candidates()).isEmpty();
    }
}
