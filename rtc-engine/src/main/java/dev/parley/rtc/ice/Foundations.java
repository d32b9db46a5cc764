package dev.parley.rtc.ice;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * Candidate foundations (RFC 8445 section 5.1.1.3): candidates share a foundation when they have the same
 * type, base IP address, server and transport, so frozen-candidate rules can unfreeze them together.
 */
public final class Foundations {

    private final Map<String, String> assigned = new HashMap<>();

    /** The foundation for a candidate; {@code server} is null for host and peer-reflexive candidates. */
    public String of(CandidateType type, InetAddress base, String server, String transport) {
        String key = type.sdpName() + '|' + base.getHostAddress() + '|' + (server == null ? "" : server) + '|' + transport;
        // Short decimal foundations, as browsers send; 1..32 ice-chars per RFC 8839 section 5.1.
        return assigned.computeIfAbsent(key, k -> Integer.toString(assigned.size() + 1));
    }
}
