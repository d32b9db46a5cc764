package dev.parley.bench.setup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LibWebRtcCallTest {

    @Test
    void onlyIpv4UdpHostCandidatesAreKeptAndMovedToLoopback() {
        assertThat(LibWebRtcCall.toLoopback(
                "candidate:1 1 udp 2122260223 192.168.1.20 50123 typ host generation 0 ufrag abcd network-id 1"))
                .isEqualTo("candidate:1 1 udp 2122260223 127.0.0.1 50123 typ host generation 0 ufrag abcd network-id 1");
        assertThat(LibWebRtcCall.toLoopback("candidate:2 1 udp 2122262783 fd00::1 50124 typ host generation 0")).isNull();
        assertThat(LibWebRtcCall.toLoopback("candidate:3 1 tcp 1518280447 192.168.1.20 9 typ host tcptype active"))
                .isNull();
        assertThat(LibWebRtcCall.toLoopback("candidate:4 1 udp 1686052607 203.0.113.7 50125 typ srflx raddr 0.0.0.0"))
                .isNull();
        assertThat(LibWebRtcCall.toLoopback("candidate:5 1 udp 2122260223 3f1c.local 50126 typ host")).isNull();
        assertThat(LibWebRtcCall.toLoopback("garbage")).isNull();
    }
}
