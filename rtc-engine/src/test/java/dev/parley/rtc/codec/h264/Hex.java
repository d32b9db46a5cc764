package dev.parley.rtc.codec.h264;

/** This package's short names for the shared hex helpers ({@link dev.parley.rtc.testing.Hex}). */
final class Hex {
    private Hex() {
    }

    static byte[] hex(String s) {
        return dev.parley.rtc.testing.Hex.parse(s);
    }

    static String str(byte[] b) {
        return dev.parley.rtc.testing.Hex.format(b, 0, b.length);
    }

    static byte[] load(String name) {
        return dev.parley.rtc.testing.Hex.load(Hex.class, name);
    }
}
