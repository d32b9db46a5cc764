package dev.parley.bench.signaling;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One reading of the server's {@code GET /healthz}. */
record ServerHealth(int connections, int rooms, long relayed, long heapUsedBytes) {

    /** Reads the few numeric fields we need; the body is small, flat JSON written by HealthHandler. */
    static ServerHealth parse(String json) {
        return new ServerHealth((int) number(json, "connections"), (int) number(json, "rooms"),
                number(json, "relayed"), number(json, "heapUsedBytes"));
    }

    private static long number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*(-?\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalArgumentException("healthz has no numeric '" + key + "': " + json);
        }
        return Long.parseLong(m.group(1));
    }

    double heapUsedMib() {
        return heapUsedBytes / (1024.0 * 1024.0);
    }
}
