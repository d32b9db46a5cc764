package dev.parley.rtc.ice;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One ICE candidate (RFC 8445 section 5.1). For a local candidate {@code base} is the address of the
 * socket it is sent from; for a remote one it equals {@code address}. An mDNS remote candidate
 * ({@code <uuid>.local}) carries an unresolved address until it is resolved.
 */
public record Candidate(String foundation, int component, String transport, long priority,
                        InetSocketAddress address, CandidateType type, InetSocketAddress related,
                        InetSocketAddress base) {

    public Candidate {
        Objects.requireNonNull(foundation, "foundation");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(type, "type");
        if (component < 1 || component > 256) {
            throw new IllegalArgumentException("component 1..256");
        }
        if (priority < 1 || priority > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("priority 1..2^32-1");
        }
        base = base == null ? address : base;
    }

    /** A remote candidate as signalled. */
    public static Candidate remote(String foundation, int component, String transport, long priority,
                                   InetSocketAddress address, CandidateType type, InetSocketAddress related) {
        return new Candidate(foundation, component, transport, priority, address, type, related, address);
    }

    /** True for an mDNS name that has not been resolved to an address. */
    public boolean isUnresolved() {
        return address.isUnresolved();
    }

    /** True for a {@code .local} mDNS host name (RFC 8839 section 5.1, draft-ietf-mmusic-mdns-ice-candidates). */
    public boolean isMdns() {
        return address.getHostString().endsWith(".local");
    }
}
