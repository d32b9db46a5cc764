package dev.parley.rtc.rtcp;

import dev.parley.rtc.testing.Hex;

/** The hex fixtures of this package (see {@link Hex}). */
final class HexFixtures {
    static final String[] ALL = {"sr-sdes-compound.hex", "rr-bye-compound.hex", "nack.hex", "pli.hex",
        "fir.hex", "remb.hex", "twcc-capture.hex"};

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
