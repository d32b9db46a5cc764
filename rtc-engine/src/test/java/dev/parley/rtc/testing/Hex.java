package dev.parley.rtc.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Hex fixtures for wire-format tests: whitespace-separated hex, '#' starts a comment line. */
public final class Hex {

    private Hex() {
    }

    /** Loads a fixture from the resources beside {@code anchor}'s package. */
    public static byte[] load(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
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

    public static byte[] parse(String s) {
        return HexFormat.of().parseHex(s.replaceAll("\\s+", ""));
    }

    public static String format(byte[] b, int off, int len) {
        return HexFormat.of().formatHex(b, off, off + len);
    }
}
