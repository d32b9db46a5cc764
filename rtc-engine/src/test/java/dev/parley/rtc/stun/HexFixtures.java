package dev.parley.rtc.stun;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Loads hex fixtures: whitespace-separated hex, '#' starts a comment line. */
final class HexFixtures {
    static final String REQUEST = "rfc5769-2.1-sample-request.hex";
    static final String IPV4_RESPONSE = "rfc5769-2.2-ipv4-response.hex";
    static final String IPV6_RESPONSE = "rfc5769-2.3-ipv6-response.hex";
    static final String LONG_TERM_REQUEST = "rfc5769-2.4-long-term-request.hex";
    static final String[] ALL = {REQUEST, IPV4_RESPONSE, IPV6_RESPONSE, LONG_TERM_REQUEST};

    private HexFixtures() {
    }

    static byte[] load(String name) {
        try (InputStream in = HexFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            StringBuilder hex = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (!line.startsWith("#")) {
                    hex.append(line.replaceAll("\\s+", ""));
                }
            }
            return HexFormat.of().parseHex(hex);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replaceAll("\\s+", ""));
    }
}
