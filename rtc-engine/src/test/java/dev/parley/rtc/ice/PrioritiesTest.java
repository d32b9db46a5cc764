package dev.parley.rtc.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class PrioritiesTest {

    @Test
    void candidatePriorityFollowsTheFormula() {
        // host, local preference 65535, component 1: (126 << 24) + (65535 << 8) + 255
        assertThat(Priorities.candidate(CandidateType.HOST, 65_535, 1)).isEqualTo(2_130_706_431L);
        // shared/interop/chromium-offer-mdns.sdp: "udp 2113937151 ….local … typ host" is local preference 30.
        assertThat(Priorities.candidate(CandidateType.HOST, 30, 1)).isEqualTo(2_113_937_151L);
        assertThat(Priorities.candidate(CandidateType.SERVER_REFLEXIVE, 65_535, 1)).isEqualTo((100L << 24) + (65_535 << 8) + 255);
        assertThat(Priorities.candidate(CandidateType.RELAYED, 0, 1)).isEqualTo(255L);
        assertThat(Priorities.candidate(CandidateType.HOST, 100, 2)).isLessThan(Priorities.candidate(CandidateType.HOST, 100, 1));
        assertThat(Priorities.candidate(CandidateType.PEER_REFLEXIVE, 0, 1))
                .isGreaterThan(Priorities.candidate(CandidateType.SERVER_REFLEXIVE, 65_535, 1));
        assertThatThrownBy(() -> Priorities.candidate(CandidateType.HOST, 70_000, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pairPriorityIsTheSameOnBothSidesAndFavoursTheControllingSide() {
        long g = Priorities.candidate(CandidateType.HOST, 65_535, 1);
        long d = Priorities.candidate(CandidateType.SERVER_REFLEXIVE, 65_535, 1);
        long p = Priorities.pair(g, d);
        assertThat(p).isEqualTo((d << 32) + 2 * g + 1);
        assertThat(Priorities.pair(d, g)).isEqualTo((d << 32) + 2 * g);
        assertThat(p).isPositive();
        assertThat(Priorities.pair(Priorities.candidate(CandidateType.HOST, 65_535, 1),
                Priorities.candidate(CandidateType.HOST, 65_535, 1)))
                .isGreaterThan(p);
    }

    @Test
    void hostPreferencesPutIpv6FirstAndStayInRange() {
        assertThat(Priorities.hostLocalPreference(true, 0)).isEqualTo(65_535);
        assertThat(Priorities.hostLocalPreference(false, 0)).isLessThan(Priorities.hostLocalPreference(true, 5));
        assertThat(Priorities.hostLocalPreference(false, 100_000)).isBetween(0, 65_535);
    }

    @Test
    void foundationsAreSharedExactlyWhenTypeBaseServerAndTransportAgree() throws Exception {
        Foundations f = new Foundations();
        InetAddress a = InetAddress.getByName("192.0.2.1");
        InetAddress b = InetAddress.getByName("192.0.2.2");
        String hostA = f.of(CandidateType.HOST, a, null, "udp");
        assertThat(f.of(CandidateType.HOST, a, null, "udp")).isEqualTo(hostA);
        assertThat(f.of(CandidateType.HOST, b, null, "udp")).isNotEqualTo(hostA);
        assertThat(f.of(CandidateType.SERVER_REFLEXIVE, a, "stun.example:3478", "udp")).isNotEqualTo(hostA);
        assertThat(f.of(CandidateType.SERVER_REFLEXIVE, a, "other:3478", "udp"))
                .isNotEqualTo(f.of(CandidateType.SERVER_REFLEXIVE, a, "stun.example:3478", "udp"));
        assertThat(hostA).matches("[0-9]{1,32}");
    }

    @Test
    void hostAddressesSkipLoopbackAndLinkLocalUnlessAsked() throws Exception {
        HostAddresses.Options defaults = HostAddresses.Options.defaults();
        assertThat(HostAddresses.usable(InetAddress.getByName("127.0.0.1"), defaults)).isFalse();
        assertThat(HostAddresses.usable(InetAddress.getByName("127.0.0.1"), HostAddresses.Options.loopbackOnly())).isTrue();
        assertThat(HostAddresses.usable(InetAddress.getByName("169.254.1.1"), defaults)).isFalse();
        assertThat(HostAddresses.usable(InetAddress.getByName("fe80::1"), defaults)).isFalse();
        assertThat(HostAddresses.usable(InetAddress.getByName("2001:db8::1"), defaults)).isTrue();
        assertThat(HostAddresses.usable(InetAddress.getByName("2001:db8::1"), new HostAddresses.Options(false, false))).isFalse();
        assertThat(HostAddresses.usable(InetAddress.getByName("192.168.1.20"), defaults)).isTrue();
        assertThat(HostAddresses.usable(InetAddress.getByName("224.0.0.251"), defaults)).isFalse();
        assertThat(HostAddresses.find(HostAddresses.Options.loopbackOnly()))
                .anyMatch(InetAddress::isLoopbackAddress);
        assertThat(HostAddresses.find(defaults)).noneMatch(InetAddress::isLoopbackAddress);
    }
}
