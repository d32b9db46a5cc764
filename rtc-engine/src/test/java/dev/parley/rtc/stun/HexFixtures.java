package dev.parley.rtc.stun;

import dev.parley.rtc.testing.Hex;

/** The hex fixtures of this package (see {@link Hex}). */
final class HexFixtures {
    static final String REQUEST = "rfc5769-2.1-sample-request.hex";
    static final String IPV4_RESPONSE = "rfc5769-2.2-ipv4-response.hex";
    static final String IPV6_RESPONSE = "rfc5769-2.3-ipv6-response.hex";
    static final String LONG_TERM_REQUEST = "rfc5769-2.4-long-term-request.hex";
    static final String[] ALL = {REQUEST, IPV4_RESPONSE, IPV6_RESPONSE, LONG_TERM_REQUEST};

    private HexFixtures() {
    }

    static byte[] load(String name) {
        return Hex.load(HexFixtures.class, name);
    }

    static byte[] hex(String s) {
        return Hex.parse(s);
    }
}
