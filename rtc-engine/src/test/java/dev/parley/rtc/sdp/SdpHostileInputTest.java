package dev.parley.rtc.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Untrusted text is either parsed or refused with a line number and a sentence. */
class SdpHostileInputTest {
    private static final String HEAD = "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n";
    private static final String AUDIO = "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n";

    private static SdpParseException refusal(String text) {
        return catchThrowableOfType(SdpParseException.class, () -> SdpParser.parse(text));
    }

    @Test
    void nullAndEmptyAreRefused() {
        assertThat(refusal(null).lineNumber()).isZero();
        assertThat(refusal("").getMessage()).contains("empty");
        assertThat(refusal("\r\n\r\n").getMessage()).contains("v=, o= and s=");
    }

    @Test
    void oversizedDescriptionIsRefusedBeforeReading() {
        String big = HEAD + "a=x:" + "y".repeat(300 * 1024);
        SdpParseException e = refusal(big);
        assertThat(e.lineNumber()).isZero();
        assertThat(e.getMessage()).contains("262144");
    }

    @Test
    void overlongLineIsRefusedWithItsNumber() {
        SdpParseException e = refusal(HEAD + "a=x:" + "y".repeat(5000) + "\r\n");
        assertThat(e.lineNumber()).isEqualTo(5);
        assertThat(e.getMessage()).contains("longer than 4096");
    }

    @Test
    void lineLengthLimitIsExactWithAndWithoutCr() throws Exception {
        String longest = "a=x:" + "y".repeat(4096 - 4);
        assertThat(SdpParser.parse(HEAD + longest + "\r\n").attributes().size()).isEqualTo(1);
        assertThat(SdpParser.parse(HEAD.replace("\r", "") + longest).attributes().size()).isEqualTo(1);
        assertThat(refusal(HEAD + longest + "y\r\n").lineNumber()).isEqualTo(5);
        assertThat(refusal(HEAD.replace("\r", "") + longest + "y").lineNumber()).isEqualTo(5);
    }

    @Test
    void tooManyMediaSectionsAreRefused() throws Exception {
        String text = HEAD + AUDIO.repeat(65);
        SdpParseException e = refusal(text);
        assertThat(e.lineNumber()).isEqualTo(4 + 65);
        assertThat(e.getMessage()).contains("More than 64 m= sections");
        assertThat(new SdpParser(new SdpLimits(1 << 16, 256, 2)).read(HEAD + AUDIO)).isNotNull()
                .satisfies(s -> assertThat(s.media()).hasSize(1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "version 1                 | v=1\\r\\no=- 1 1 IN IP4 0.0.0.0\\r\\ns=-\\r\\n                  | 1 | version 0",
        "origin missing            | v=0\\r\\ns=-\\r\\n                                            | 2 | o= line",
        "origin short              | v=0\\r\\no=- 1 1 IN IP4\\r\\ns=-\\r\\n                          | 2 | 6 fields",
        "session id not digits     | v=0\\r\\no=- 1x 1 IN IP4 0.0.0.0\\r\\ns=-\\r\\n                 | 2 | session id",
        "no equals sign            | v=0\\r\\no=- 1 1 IN IP4 0.0.0.0\\r\\ns=-\\r\\nhello\\r\\n         | 4 | <letter>=<value>",
        "upper-case type           | v=0\\r\\no=- 1 1 IN IP4 0.0.0.0\\r\\ns=-\\r\\nA=x\\r\\n           | 4 | <letter>=<value>",
        "unknown type              | v=0\\r\\no=- 1 1 IN IP4 0.0.0.0\\r\\ns=-\\r\\nx=1\\r\\n           | 4 | x= line",
        "session-only type in m=   | " + "v=0\\r\\no=- 1 1 IN IP4 0.0.0.0\\r\\ns=-\\r\\nm=audio 9 RTP/AVP 0\\r\\nu=http://x\\r\\n | 5 | media level",
        "nul byte                  | v=0\\r\\no=- 1 1 IN IP4 0.0.0.0\\r\\ns=-\\r\\na=x:<NUL>\\r\\n     | 4 | control character",
        "bare CR inside a line     | v=0\\r\\no=- 1 1 IN IP4 0.0.0.0\\r\\ns=-\\r\\na=x:\\ry\\r\\n       | 4 | control character",
        "port too big              | v=0\\r\\no=- 1 1 IN IP4 0.0.0.0\\r\\ns=-\\r\\nm=audio 99999999999999999999 RTP/AVP 0\\r\\n | 4 | media port",
        "no formats                | v=0\\r\\no=- 1 1 IN IP4 0.0.0.0\\r\\ns=-\\r\\nm=audio 9 RTP/AVP\\r\\n | 4 | <format>",
        "r= before t=              | v=0\\r\\no=- 1 1 IN IP4 0.0.0.0\\r\\ns=-\\r\\nr=1 2 3\\r\\n       | 4 | follow a t=",
        "two c= at session level   | v=0\\r\\no=- 1 1 IN IP4 0.0.0.0\\r\\ns=-\\r\\nc=IN IP4 1.1.1.1\\r\\nc=IN IP4 1.1.1.1\\r\\n | 5 | second c=",
        "bad bandwidth             | v=0\\r\\no=- 1 1 IN IP4 0.0.0.0\\r\\ns=-\\r\\nb=AS:-5\\r\\n       | 4 | bandwidth",
        "empty attribute name      | v=0\\r\\no=- 1 1 IN IP4 0.0.0.0\\r\\ns=-\\r\\na=:x\\r\\n          | 4 | not a token",
    })
    void malformedLinesAreRefusedWithLineNumber(String why, String text, int line, String words) {
        SdpParseException e = refusal(text.strip().replace("\\r\\n", "\r\n").replace("\\r", "\r").replace("<NUL>", "\0") + "\r\n");
        assertThat(e).as(why).isNotNull();
        assertThat(e.lineNumber()).as(why).isEqualTo(line);
        assertThat(e.getMessage()).as(why).contains(words).startsWith("SDP line " + line + ": ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a=fingerprint:sha-256 DE:FE:D4                            | fingerprint",
        "a=fingerprint:sha-256 DEFE                                | fingerprint",
        "a=fingerprint:sha-256 ZZ:FE                               | fingerprint",
        "a=fingerprint:sha-256                                     | fingerprint",
        "a=setup:sideways                                          | setup",
        "a=rtpmap:111 opus                                         | rtpmap",
        "a=rtpmap:128 opus/48000/2                                 | payload type",
        "a=rtpmap:111 opus/0                                       | clock rate",
        "a=mid:has space                                           | mid",
        "a=extmap:0 urn:x                                          | extmap id",
        "a=extmap:300 urn:x                                        | extmap id",
        "a=extmap:3/sideways urn:x                                 | direction",
        "a=ssrc:4294967296 cname:x                                 | SSRC",
        "a=ssrc-group:FID                                          | ssrc-group",
        "a=ice-ufrag:abc                                           | ufrag",
        "a=ice-pwd:short                                           | password",
        "a=ice-ufrag:abc!defg                                      | ufrag",
        "a=rtcp:port                                               | RTCP port",
        "a=sctp-port:70000                                         | SCTP port",
        "a=msid:                                                   | msid",
    })
    void malformedKnownAttributesAreRefused(String line, String words) {
        SdpParseException e = refusal(HEAD + AUDIO + "a=mid:0\r\n" + line + "\r\n");
        assertThat(e).as(line).isNotNull();
        assertThat(e.lineNumber()).isEqualTo(7);
        assertThat(e.getMessage()).containsIgnoringCase(words);
    }

    @Test
    void badFingerprintInARealOfferNamesItsLine() {
        String text = Fixtures.text(Fixtures.CHROMIUM_OFFER);
        List<String> lines = List.of(text.split("\r\n"));
        int fp = lines.indexOf(lines.stream().filter(l -> l.startsWith("a=fingerprint")).findFirst().orElseThrow());
        String broken = text.replaceFirst("a=fingerprint:sha-256 DE:FE", "a=fingerprint:sha-256 DE:F");
        assertThat(refusal(broken).lineNumber()).isEqualTo(fp + 1);
    }

    @Test
    void duplicateMidsAreRefused() {
        SdpParseException e = refusal(HEAD + AUDIO + "a=mid:0\r\n" + AUDIO + "a=mid:0\r\n");
        assertThat(e.lineNumber()).isEqualTo(8);
        assertThat(e.getMessage()).contains("used twice");
        assertThat(refusal(HEAD + AUDIO + "a=mid:0\r\na=mid:1\r\n").lineNumber()).isEqualTo(7);
    }

    @Test
    void unknownAndOddAttributesAreKept() throws Exception {
        String text = HEAD + AUDIO + "a=fmtp:111 whatever;=;;x\r\na=rtcp-fb:nonsense\r\na=x-vendor\r\na=x:\r\n"
                + "a=candidate:garbage\r\n";
        Sdp sdp = SdpParser.parse(text);
        assertThat(SdpWriter.write(sdp)).isEqualTo(text);
        assertThat(sdp.media().get(0).candidates()).isEmpty();
        assertThat(sdp.media().get(0).invalidCandidates()).containsExactly("garbage");
        assertThat(sdp.media().get(0).codecs()).isEmpty(); // 111 has no rtpmap and is not a static type
    }

    @Test
    void writerRefusesLineInjection() {
        Sdp sdp = new Sdp(new Origin("-", "1", "1", "IN", "IP4", "0.0.0.0"), "-");
        sdp.attributes().add("msid-semantic", " WMS a\r\na=injected");
        assertThatThrownBy(() -> SdpWriter.write(sdp)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line break");
    }
}
