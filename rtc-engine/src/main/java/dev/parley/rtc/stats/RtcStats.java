package dev.parley.rtc.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One stats object of a report (W3C RTCStats): its id, type ("inbound-rtp", "outbound-rtp", ...), the time it was
 * taken (microseconds since the Unix epoch) and its members by their W3C names (numbers, strings, booleans).
 */
public record RtcStats(String id, String type, long timestampMicros, Map<String, Object> members) {

    public RtcStats {
        members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    public Optional<Object> get(String name) {
        return Optional.ofNullable(members.get(name));
    }

    /** A numeric member, or 0 when absent. */
    public double number(String name) {
        Object v = members.get(name);
        return v instanceof Number n ? n.doubleValue() : 0;
    }

    /** A numeric member as a long, or 0 when absent. */
    public long count(String name) {
        Object v = members.get(name);
        return v instanceof Number n ? n.longValue() : 0;
    }

    public String text(String name) {
        Object v = members.get(name);
        return v == null ? "" : v.toString();
    }
}
