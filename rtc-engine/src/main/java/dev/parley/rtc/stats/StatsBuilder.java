package dev.parley.rtc.stats;

import java.util.LinkedHashMap;
import java.util.Map;

/** Collects the members of one {@link RtcStats}; members whose value is null are left out (W3C: not present). */
public final class StatsBuilder {

    private final String id;
    private final String type;
    private final long timestampMicros;
    private final Map<String, Object> members = new LinkedHashMap<>();

    public StatsBuilder(String id, String type, long timestampMicros) {
        this.id = id;
        this.type = type;
        this.timestampMicros = timestampMicros;
    }

    public StatsBuilder put(String name, Object value) {
        if (value != null) {
            members.put(name, value);
        }
        return this;
    }

    public RtcStats build() {
        return new RtcStats(id, type, timestampMicros, members);
    }
}
