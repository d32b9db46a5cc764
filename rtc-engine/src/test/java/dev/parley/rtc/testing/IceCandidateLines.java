package dev.parley.rtc.testing;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edits ICE candidate lines for tests that put a relay in a call's path: a candidate's connection address and port
 * (RFC 8839 section 5.1: {@code foundation component transport priority address port typ type …}) can be read and
 * replaced, leaving every other field, and any {@code a=} or {@code candidate:} prefix, as it was.
 */
public final class IceCandidateLines {

    // Groups: prefix, foundation and component; transport; priority; address; space; port; "typ" onwards.
    private static final Pattern LINE = Pattern.compile(
            "^(\\s*(?:a=)?candidate:\\S+\\s+\\d+\\s+)(\\S+)(\\s+\\d+\\s+)(\\S+)(\\s+)(\\d{1,5})(\\s+typ\\s+\\S+.*)$",
            Pattern.DOTALL);
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private IceCandidateLines() {
    }

    /**
     * The line with its address and port replaced by {@code to}'s, e.g. {@code candidate:1 1 udp 2122260223
     * 127.0.0.1 5000 typ host} to {@code candidate:1 1 udp 2122260223 127.0.0.1 41234 typ host}.
     *
     * @throws IllegalArgumentException when the line is not a candidate line
     */
    public static String rewrite(String line, InetSocketAddress to) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a candidate line: " + line);
        }
        return m.group(1) + m.group(2) + m.group(3) + to.getAddress().getHostAddress() + m.group(5) + to.getPort()
                + m.group(7);
    }

    /** The address of a UDP {@code typ host} candidate given as an IPv4 literal; empty for anything else. */
    public static Optional<InetSocketAddress> hostAddress(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches() || !m.group(2).equalsIgnoreCase("udp") || !m.group(7).trim().matches("(?s)typ\\s+host(\\s.*)?")
                || !IPV4.matcher(m.group(4)).matches()) {
            return Optional.empty();
        }
        int port = Integer.parseInt(m.group(6));
        if (port > 65_535) {
            return Optional.empty();
        }
        try {
            // A literal: InetAddress parses it without a lookup.
            return Optional.of(new InetSocketAddress(InetAddress.getByName(m.group(4)), port));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
