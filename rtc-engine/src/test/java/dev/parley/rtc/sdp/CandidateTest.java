package dev.parley.rtc.sdp;

import dev.parley.rtc.ice.CandidateType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CandidateTest {
    @Test
    void serverReflexiveWithRelatedAddress() {
        Candidate c = Candidate.parse("candidate:842163049 1 udp 1677729535 203.0.113.7 61665 typ srflx "
                + "raddr 192.168.1.2 rport 61665 generation 0 ufrag EsAw network-id 1 network-cost 10");
        assertThat(c.type()).isEqualTo(CandidateType.SERVER_REFLEXIVE);
        assertThat(c.relatedAddress()).isEqualTo("192.168.1.2");
        assertThat(c.relatedPort()).isEqualTo(61665);
        assertThat(c.ufrag()).isEqualTo("EsAw");
        assertThat(c.networkCost()).isEqualTo(10);
        assertThat(c.toAttributeValue()).isEqualTo("842163049 1 udp 1677729535 203.0.113.7 61665 typ srflx "
                + "raddr 192.168.1.2 rport 61665 generation 0 ufrag EsAw network-id 1 network-cost 10");
    }

    @Test
    void relayAndPrflxAndUnknownExtensionsArePreserved() {
        Candidate relay = Candidate.parse("a+/1 1 UDP 41885439 198.51.100.9 3478 typ relay raddr 0.0.0.0 rport 0 x-foo bar");
        assertThat(relay.type()).isEqualTo(CandidateType.RELAYED);
        assertThat(relay.isUdp()).isTrue();
        assertThat(relay.extensions()).containsExactly(Map.entry("x-foo", "bar"));
        assertThat(relay.toAttributeValue()).endsWith("rport 0 x-foo bar");
        assertThat(Candidate.parse("1 2 tcp 5 h.example 9 typ prflx tcptype so").tcpType()).isEqualTo("so");
        assertThat(Candidate.parse("1 2 tcp 5 h.example 9 typ prflx").component()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "1 1 udp 1 1.2.3.4 5", "1 1 udp 1 1.2.3.4 5 type host", "1 1 udp 1 1.2.3.4 5 typ bogus",
        "1 0 udp 1 1.2.3.4 5 typ host", "1 1 udp 0 1.2.3.4 5 typ host", "1 1 udp 1 1.2.3.4 70000 typ host",
        "1 1 udp 99999999999 1.2.3.4 5 typ host", "bad*foundation 1 udp 1 1.2.3.4 5 typ host",
        "1 1 udp 1 1.2.3.4 5 typ host generation", "1 1 udp 1 1.2.3.4 5 typ host rport x",
        "123456789012345678901234567890123 1 udp 1 1.2.3.4 5 typ host"})
    void malformedCandidatesAreRejectedWithASentence(String value) {
        assertThatThrownBy(() -> Candidate.parse(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith(".");
    }

    @Test
    void trickledCandidateIsAddedAsALine() throws Exception {
        Sdp sdp = SdpParser.parse("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nm=audio 9 UDP/TLS/RTP/SAVPF 0\r\n");
        Candidate c = Candidate.parse("candidate:7 1 udp 2122260223 192.0.2.5 50000 typ host generation 0 ufrag abcd");
        sdp.media().get(0).addCandidate(c);
        assertThat(SdpWriter.write(sdp))
                .endsWith("a=candidate:7 1 udp 2122260223 192.0.2.5 50000 typ host generation 0 ufrag abcd\r\n");
        assertThat(SdpParser.parse(SdpWriter.write(sdp)).media().get(0).candidates()).containsExactly(c);
    }

    @Test
    void malformedCandidateLineIsKeptButFlagged() throws Exception {
        String text = "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 0\r\n"
                + "a=candidate:1 1 udp 1 1.2.3.4 5 typ quantum\r\n"
                + "a=candidate:2 1 udp 2 1.2.3.4 6 typ host\r\na=end-of-candidates\r\n";
        Sdp sdp = SdpParser.parse(text);
        MediaDescription m = sdp.media().get(0);
        assertThat(m.candidates()).extracting(Candidate::foundation).containsExactly("2");
        assertThat(m.invalidCandidates()).containsExactly("1 1 udp 1 1.2.3.4 5 typ quantum");
        assertThat(m.endOfCandidates()).isTrue();
        assertThat(SdpWriter.write(sdp)).isEqualTo(text);
    }
}
