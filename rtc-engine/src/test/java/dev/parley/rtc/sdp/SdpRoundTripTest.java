package dev.parley.rtc.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class SdpRoundTripTest {
    static final List<String> FILES = Fixtures.ALL;

    @ParameterizedTest
    @FieldSource("FILES")
    void everyOriginalLineComesBackInOrder(String file) throws Exception {
        String original = Fixtures.text(file);
        String written = SdpWriter.write(SdpParser.parse(original));

        List<String> in = Arrays.asList(original.split("\r\n"));
        List<String> out = Arrays.asList(written.split("\r\n"));
        assertThat(in).hasSizeGreaterThan(100);
        assertThat(out).containsSubsequence(in);
        // Stronger: the interop files are in RFC order, so the output is identical.
        assertThat(written).isEqualTo(original);
    }

    @ParameterizedTest
    @FieldSource("FILES")
    void writerUsesCrlfOnly(String file) throws Exception {
        String written = SdpWriter.write(Fixtures.parse(file));
        assertThat(written).endsWith("\r\n");
        assertThat(written.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
    }

    @ParameterizedTest
    @FieldSource("FILES")
    void lfOnlyInputIsAccepted(String file) throws Exception {
        String original = Fixtures.text(file);
        String lfOnly = original.replace("\r\n", "\n");
        assertThat(SdpWriter.write(SdpParser.parse(lfOnly))).isEqualTo(original);
    }

    @org.junit.jupiter.api.Test
    void allLineTypesSurviveInRfcOrder() throws Exception {
        String text = String.join("\r\n", List.of(
                "v=0", "o=jdoe 3724394400 3724394405 IN IP4 198.51.100.1", "s=Call to John Smith",
                "i=SDP Offer #1", "u=http://www.jdoe.example.com/home.html", "e=Jane Doe <jane@jdoe.example.com>",
                "p=+1 617 555-6011", "c=IN IP4 198.51.100.1", "b=AS:2000", "t=0 0", "r=604800 3600 0 90000",
                "z=2882844526 -1h 2898848070 0", "k=clear:secret", "a=recvonly",
                "m=audio 49170/2 RTP/AVP 0", "i=voice", "c=IN IP6 2001:db8::1", "c=IN IP6 2001:db8::2", "b=TIAS:64000",
                "k=prompt", "a=x-unknown:  keeps  spacing ", "a=ptime:20",
                "m=application 5000 UDP/DTLS/SCTP webrtc-datachannel", "a=sctp-port:5000", "")) ;
        Sdp sdp = SdpParser.parse(text);
        assertThat(SdpWriter.write(sdp)).isEqualTo(text);
        assertThat(sdp.timings().get(0).repeats()).containsExactly("604800 3600 0 90000");
        assertThat(sdp.media().get(0).portCount()).isEqualTo(2);
        assertThat(sdp.media().get(0).connections()).hasSize(2);
        assertThat(sdp.media().get(0).bandwidths()).containsExactly(new Bandwidth("TIAS", 64000));
        assertThat(sdp.media().get(0).attributes().all().get(0).value()).isEqualTo("  keeps  spacing ");
        assertThat(sdp.directionFor(sdp.media().get(0))).isEqualTo(Direction.RECVONLY);
        assertThat(sdp.media().get(1).sctpPort()).contains(5000);
        assertThat(sdp.media().get(1).codecs()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void outOfOrderSessionLinesAreReadAndWrittenInRfcOrder() throws Exception {
        Sdp sdp = SdpParser.parse("v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\na=ice-lite\nt=0 0\n");
        List<String> out = new ArrayList<>(Arrays.asList(SdpWriter.write(sdp).split("\r\n")));
        assertThat(out).containsExactly("v=0", "o=- 1 1 IN IP4 0.0.0.0", "s=-", "t=0 0", "a=ice-lite");
        assertThat(sdp.iceLite()).isTrue();
    }
}
