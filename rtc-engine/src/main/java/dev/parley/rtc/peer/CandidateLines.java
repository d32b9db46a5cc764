package dev.parley.rtc.peer;

import dev.parley.rtc.ice.Candidate;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Translates between the ICE agent's candidates and SDP/trickle candidate lines (RFC 8839 section 5.1). */
final class CandidateLines {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[\\w.-]+)?");

    private CandidateLines() {
    }

    /** {@code candidate:…} text for trickling a local candidate. */
    static String toTrickle(Candidate c) {
        InetSocketAddress related = c.related();
        dev.parley.rtc.sdp.Candidate line = new dev.parley.rtc.sdp.Candidate(c.foundation(), c.component(),
                c.transport(), c.priority(), c.address().getAddress().getHostAddress(), c.address().getPort(), c.type(),
                related == null ? null : related.getAddress().getHostAddress(),
                related == null ? null : related.getPort(), null, 0, null, null, null, List.of());
        return "candidate:" + line.toAttributeValue();
    }

    /**
     * The agent's form of a signalled candidate, or empty when it is malformed or not UDP. Host names other than IP
     * literals are never looked up in DNS: a {@code .local} name stays unresolved for the agent to drop.
     */
    static Optional<Candidate> fromSignalled(String text) {
        dev.parley.rtc.sdp.Candidate line;
        try {
            line = dev.parley.rtc.sdp.Candidate.parse(text);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!"udp".equalsIgnoreCase(line.transport()) || line.priority() < 1 || line.priority() > 0xFFFF_FFFFL) {
            return Optional.empty();
        }
        InetSocketAddress address = literal(line.address(), line.port())
                .orElse(InetSocketAddress.createUnresolved(line.address(), line.port()));
        InetSocketAddress related = line.relatedAddress() == null || line.relatedPort() == null ? null
                : literal(line.relatedAddress(), line.relatedPort()).orElse(null);
        try {
            return Optional.of(Candidate.remote(line.foundation(), line.component(), "udp", line.priority(), address,
                    line.type(), related));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<InetSocketAddress> literal(String host, int port) {
        if (port < 0 || port > 65_535 || host.length() > 64) {
            return Optional.empty();
        }
        boolean v4 = IPV4.matcher(host).matches();
        boolean v6 = host.indexOf(':') >= 0 && IPV6.matcher(host).matches();
        if (!v4 && !v6) {
            return Optional.empty();
        }
        try {
            // A literal is parsed, not resolved: InetAddress does no lookup for it.
            return Optional.of(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
