package dev.parley.rtc.sdp;

import java.util.List;

/** The {@code o=} line (RFC 8866 §5.2). Ids stay strings: libwebrtc uses unsigned 64-bit values. */
public record Origin(String username, String sessionId, String sessionVersion, String netType, String addrType,
        String address) {

    static Origin parse(String value) {
        List<String> t = Syntax.tokens(value);
        if (t.size() != 6) {
            throw new IllegalArgumentException(
                    "The origin needs 6 fields (username sess-id sess-version nettype addrtype address).");
        }
        return new Origin(t.get(0), Syntax.digits(t.get(1), "The session id"),
                Syntax.digits(t.get(2), "The session version"), t.get(3), t.get(4), t.get(5));
    }

    @Override
    public String toString() {
        return String.join(" ", username, sessionId, sessionVersion, netType, addrType, address);
    }
}
