package dev.parley.rtc.rtcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Loads hex fixtures: whitespace-separated hex, '#' starts a comment line. */
final class HexFixtures {
    static final String[] ALL = {"sr-sdes-compound.hex", "rr-bye-compound.hex", "nack.hex", "pli.hex",
        "fir.hex", "remb.hex", "twcc-capture.hex"};

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

    static String hex(byte[] b, int off, int len) {
        return HexFormat.of().formatHex(b, off, off + len);
    }
}
