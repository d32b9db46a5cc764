package dev.parley.rtc.sdp;

import java.util.List;

/** A {@code c=} line (RFC 8866 §5.7). The address is kept verbatim, including any /ttl or /count suffix. */
public record Connection(String netType, String addrType, String address) {
    /** What JSEP writes before candidates are known (RFC 8829 §5.2.1). */
    public static final Connection UNSPECIFIED_IP4 = new Connection("IN", "IP4", "0.0.0.0");

    static Connection parse(String value) {
        List<String> t = Syntax.tokens(value);
        if (t.size() != 3) {
            throw new IllegalArgumentException("A connection line needs 3 fields (nettype addrtype address).");
        }
        return new Connection(t.get(0), t.get(1), t.get(2));
    }

    @Override
    public String toString() {
        return netType + " " + addrType + " " + address;
    }
}
