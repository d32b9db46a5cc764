package dev.parley.rtc.rtp;

import dev.parley.rtc.testing.Hex;

/** The hex fixtures of this package (see {@link Hex}). */
final class HexFixtures {
    static final String[] ALL = {"capture-one-byte-ext-1.hex", "capture-one-byte-ext-2.hex",
        "capture-two-byte-ext.hex", "csrc-padding.hex"};

    private HexFixtures() {
    }

    static byte[] load(String name) {
        return Hex.load(HexFixtures.class, name);
    }

    static byte[] hex(String s) {
        return Hex.parse(s);
    }

    static String hex(byte[] b, int off, int len) {
        return Hex.format(b, off, len);
    }
}
