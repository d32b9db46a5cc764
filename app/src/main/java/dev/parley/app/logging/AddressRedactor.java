package dev.parley.app.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes IP addresses out of a log line (privacy: a person's address must not end up in a log file they may share
 * with a bug report): IPv4 dotted quads become {@code <ip>}, IPv6 addresses {@code <ip6>}. Clock times, versions and
 * durations are left alone.
 */
public final class AddressRedactor {

    private static final Pattern IPV4 = Pattern.compile(
            "(?<![0-9.])(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(?![0-9.])");
    /** Hex groups joined by colons; only taken for an address when it has "::" or at least 5 colons. */
    private static final Pattern IPV6 = Pattern.compile(
            "(?i)(?<![0-9a-z:])(?:[0-9a-f]{0,4}:){2,7}(?:[0-9a-f]{1,4}|:)(?:%[0-9a-z]+)?(?![0-9a-z:])");

    private AddressRedactor() {
    }

    public static String redact(String line) {
        if (line == null || line.isEmpty()) {
            return line;
        }
        String v4 = IPV4.matcher(line).replaceAll("<ip>");
        Matcher m = IPV6.matcher(v4);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            String candidate = m.group();
            long colons = candidate.chars().filter(c -> c == ':').count();
            if (!candidate.contains("::") && colons < 5) {
                continue; // "12:30:45" or "a:b:c" are not addresses
            }
            if (out == null) {
                out = new StringBuilder(v4.length());
            }
            out.append(v4, last, m.start()).append("<ip6>");
            last = m.end();
        }
        if (out == null) {
            return v4;
        }
        return out.append(v4, last, v4.length()).toString();
    }
}
