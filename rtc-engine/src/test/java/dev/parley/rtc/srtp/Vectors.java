package dev.parley.rtc.srtp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.Properties;

/** Loads the hex fixtures of srtp-vectors.properties (sources are cited in the file). */
final class Vectors {
    private static final Properties VECTORS = load();

    private Vectors() {
    }

    static byte[] hex(String key) {
        String value = VECTORS.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("no vector " + key);
        }
        return HexFormat.of().parseHex(value.replaceAll("\\s+", ""));
    }

    static byte[] parse(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }

    /** {@code data} copied into a buffer with {@code room} spare bytes after it. */
    static byte[] withRoom(byte[] data, int room) {
        byte[] buf = new byte[data.length + room];
        System.arraycopy(data, 0, buf, 0, data.length);
        return buf;
    }

    private static Properties load() {
        try (InputStream in = Vectors.class.getResourceAsStream("srtp-vectors.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
