package dev.parley.rtc.stats;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A W3C RTCStatsReport: every stats object of a connection at one moment, by id. */
public final class RtcStatsReport {

    private final Map<String, RtcStats> byId;

    public RtcStatsReport(Collection<RtcStats> stats) {
        Map<String, RtcStats> m = new LinkedHashMap<>();
        for (RtcStats s : stats) {
            m.put(s.id(), s);
        }
        byId = Collections.unmodifiableMap(m);
    }

    public Map<String, RtcStats> asMap() {
        return byId;
    }

    public Optional<RtcStats> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The objects of one type, in report order. */
    public List<RtcStats> ofType(String type) {
        return byId.values().stream().filter(s -> s.type().equals(type)).toList();
    }

    /** The first object of a type whose {@code kind} member is {@code kind} ("audio"/"video"). */
    public Optional<RtcStats> first(String type, String kind) {
        return ofType(type).stream().filter(s -> kind.equals(s.members().get("kind"))).findFirst();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (RtcStats s : byId.values()) {
            b.append(s.type()).append(' ').append(s.id()).append(' ').append(s.members()).append('\n');
        }
        return b.toString();
    }
}
