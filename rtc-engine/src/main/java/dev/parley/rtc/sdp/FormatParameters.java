package dev.parley.rtc.sdp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code key=value;key=value} form most codecs use in {@code a=fmtp} (RFC 8866 §6.15 leaves the format to each
 * codec). Keys are lower-cased (RFC 6184 §8.1 and RFC 7587 §7 parameters are case-insensitive). A part without
 * {@code =} (e.g. red's {@code 111/111}, telephone-event's {@code 0-15}) is kept under the empty key.
 */
public final class FormatParameters {
    private FormatParameters() {
    }

    public static Map<String, String> parse(String fmtp) {
        if (fmtp == null || fmtp.isBlank()) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : fmtp.split(";", 128)) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq < 0) {
                out.merge("", p, (a, b) -> a + ";" + b);
            } else {
                out.put(p.substring(0, eq).strip().toLowerCase(Locale.ROOT), p.substring(eq + 1).strip());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    public static String format(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> e.getKey().isEmpty() ? e.getValue() : e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(";"));
    }
}
