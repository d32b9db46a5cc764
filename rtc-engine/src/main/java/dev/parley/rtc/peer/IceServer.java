package dev.parley.rtc.peer;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A STUN or TURN server as W3C RTCIceServer describes it: URLs ({@code stun:host[:port]}, {@code turn:…},
 * RFC 7064 and RFC 7065) and, for TURN, credentials. This engine gathers from STUN URLs; TURN arrives with relays.
 */
public record IceServer(List<String> urls, String username, String credential) {

    /** RFC 7064 section 3.1: STUN's default port. */
    static final int DEFAULT_STUN_PORT = 3478;

    public IceServer {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("An ICE server needs at least one URL.");
        }
    }

    public static IceServer stun(String url) {
        return new IceServer(List.of(url), null, null);
    }

    /** Host and port of each {@code stun:} URL; other schemes are skipped here. */
    List<HostPort> stunHosts() {
        List<HostPort> out = new ArrayList<>();
        for (String url : urls) {
            parseStun(url).ifPresent(out::add);
        }
        return out;
    }

    /** A host name or literal and a port, not yet resolved. */
    record HostPort(String host, int port) {
    }

    static Optional<HostPort> parseStun(String url) {
        if (url == null || !url.regionMatches(true, 0, "stun:", 0, 5) || url.length() > 300) {
            return Optional.empty();
        }
        try {
            // "stun:host:port" is an opaque URI; reparse its scheme-specific part as an authority.
            URI authority = URI.create("//" + url.substring(5));
            String host = authority.getHost();
            if (host == null || authority.getPath() != null && !authority.getPath().isEmpty()
                    || authority.getQuery() != null) {
                return Optional.empty();
            }
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            int port = authority.getPort() == -1 ? DEFAULT_STUN_PORT : authority.getPort();
            if (port < 1 || port > 65_535) {
                return Optional.empty();
            }
            return Optional.of(new HostPort(host, port));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
