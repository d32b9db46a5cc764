package dev.parley.rtc.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.rtc.sdp.H264ProfileLevelId.Profile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class H264ProfileLevelIdTest {
    @ParameterizedTest
    @CsvSource({"42e01f, CONSTRAINED_BASELINE", "42c01f, CONSTRAINED_BASELINE", "42001f, BASELINE",
        "4d001f, MAIN", "4d801f, CONSTRAINED_BASELINE", "58c01f, CONSTRAINED_BASELINE", "58801f, BASELINE",
        "58001f, EXTENDED", "640032, HIGH", "640c1f, CONSTRAINED_HIGH", "f4001f, OTHER"})
    void classifiesProfiles(String hex, Profile profile) {
        assertThat(H264ProfileLevelId.parse(hex).orElseThrow().profile()).isEqualTo(profile);
    }

    @Test
    void parsing() {
        assertThat(H264ProfileLevelId.parse(null)).contains(H264ProfileLevelId.DEFAULT);
        assertThat(H264ProfileLevelId.parse("42E01F").orElseThrow().levelIdc()).isEqualTo(0x1f);
        assertThat(H264ProfileLevelId.parse("42e01")).isEmpty();
        assertThat(H264ProfileLevelId.parse("42e0zz")).isEmpty();
        assertThat(H264ProfileLevelId.parse("42e01f").orElseThrow().withLevel(0x0a)).hasToString("42e00a");
    }

    private static final CodecCapability CB = ParleyCodecs.video().codecs().get(0);

    private static RtpCodec h264(String fmtp) {
        return new RtpCodec(100, "H264", 90000, 0, fmtp, List.of());
    }

    @Test
    void matchingIsOnProfileAndPacketizationMode() {
        assertThat(CodecMatcher.matches(h264("packetization-mode=1;profile-level-id=42e01f"), CB)).isTrue();
        assertThat(CodecMatcher.matches(h264("packetization-mode=1;profile-level-id=42c034"), CB)).isTrue();
        assertThat(CodecMatcher.matches(h264("packetization-mode=1;profile-level-id=42001f"), CB)).isFalse();
        assertThat(CodecMatcher.matches(h264("packetization-mode=0;profile-level-id=42e01f"), CB)).isFalse();
        assertThat(CodecMatcher.matches(h264("profile-level-id=42e01f"), CB)).isFalse(); // mode defaults to 0
        assertThat(CodecMatcher.matches(h264("packetization-mode=1;profile-level-id=4d001f"), CB)).isFalse();
        assertThat(CodecMatcher.matches(h264("packetization-mode=1;profile-level-id=nonsense"), CB)).isFalse();
        assertThat(CodecMatcher.matches(new RtpCodec(100, "h264", 8000, 0, "packetization-mode=1", List.of()), CB))
                .isFalse();
    }

    @Test
    void answerLevelFollowsRfc6184() {
        // Without level asymmetry the answer may not exceed the offer's level; with it, Parley states its own.
        assertThat(level("packetization-mode=1;profile-level-id=42e034")).isEqualTo("42e01f");
        assertThat(level("packetization-mode=1;profile-level-id=42e00a")).isEqualTo("42e00a");
        assertThat(level("level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e00a")).isEqualTo("42e01f");
        assertThat(level("level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42c034")).isEqualTo("42c01f");
    }

    private static String level(String offeredFmtp) {
        Map<String, String> p = FormatParameters.parse(CodecMatcher.answerFmtp(h264(offeredFmtp), CB));
        assertThat(p).containsEntry("packetization-mode", "1");
        return p.get("profile-level-id");
    }
}
