package dev.parley.rtc.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IceServerTest {

    @Test
    void stunUrlsOfRfc7064AreRead() {
        assertThat(IceServer.parseStun("stun:stun.example.org")).contains(new IceServer.HostPort("stun.example.org", 3478));
        assertThat(IceServer.parseStun("stun:stun.example.org:19302")).contains(new IceServer.HostPort("stun.example.org", 19302));
        assertThat(IceServer.parseStun("STUN:192.0.2.1:3479")).contains(new IceServer.HostPort("192.0.2.1", 3479));
        assertThat(IceServer.parseStun("stun:[2001:db8::1]:3478")).contains(new IceServer.HostPort("2001:db8::1", 3478));
    }

    @Test
    void otherSchemesAndNonsenseAreSkipped() {
        for (String bad : new String[] {null, "", "turn:turn.example.org", "stuns:x", "http://x", "stun:",
                "stun:host:99999", "stun:host/path", "stun:host?transport=udp", "stun:" + "a".repeat(400)}) {
            assertThat(IceServer.parseStun(bad)).as(String.valueOf(bad)).isEmpty();
        }
        IceServer mixed = new IceServer(List.of("turn:t.example", "stun:s.example:1234"), "u", "p");
        assertThat(mixed.stunHosts()).containsExactly(new IceServer.HostPort("s.example", 1234));
    }
}
