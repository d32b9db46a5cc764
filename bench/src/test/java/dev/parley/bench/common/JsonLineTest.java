package dev.parley.bench.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonLineTest {

    @Test
    void writesOneFlatObjectInOrder() {
        JsonLine line = new JsonLine().put("connections_held", 5000).put("messages_per_s", 5001.23456)
                .put("rate", 5000.0).put("ok", true).put("gc", "ZGC \"x\"").put("nan", Double.NaN);
        assertThat(line.toString()).isEqualTo("{\"connections_held\":5000,\"messages_per_s\":5001.235,"
                + "\"rate\":5000,\"ok\":true,\"gc\":\"ZGC \\\"x\\\"\",\"nan\":null}");
        assertThat(line.text("messages_per_s")).isEqualTo("5001.235");
        assertThat(line.text("missing")).isEqualTo("?");
    }
}
