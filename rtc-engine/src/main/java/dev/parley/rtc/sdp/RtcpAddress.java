package dev.parley.rtc.sdp;

import java.util.List;

/** An {@code a=rtcp:<port> [<nettype> <addrtype> <address>]} value (RFC 3605 §2.1); connection may be null. */
public record RtcpAddress(int port, Connection connection) {
    static RtcpAddress parse(String value) {
        List<String> t = Syntax.tokens(value);
        if (t.size() != 1 && t.size() != 4) {
            throw new IllegalArgumentException("An rtcp attribute must read <port> [<nettype> <addrtype> <address>].");
        }
        int port = Syntax.integer(t.get(0), 0, 65535, "The RTCP port");
        return new RtcpAddress(port, t.size() == 4 ? new Connection(t.get(1), t.get(2), t.get(3)) : null);
    }

    @Override
    public String toString() {
        return connection == null ? Integer.toString(port) : port + " " + connection;
    }
}
