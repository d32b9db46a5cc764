package dev.parley.bench.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerHealthTest {

    @Test
    void readsTheHealthzBody() {
        ServerHealth h = ServerHealth.parse("{\"status\":\"ok\",\"service\":\"parley-signaling\",\"protocol\":1,"
                + "\"connections\":5000,\"rooms\":2500,\"relayed\":123456,\"heapUsedBytes\":125829120}");
        assertThat(h.connections()).isEqualTo(5000);
        assertThat(h.rooms()).isEqualTo(2500);
        assertThat(h.relayed()).isEqualTo(123456);
        assertThat(h.heapUsedMib()).isEqualTo(120.0);
    }
}
