package dev.parley.rtc.codec.g711;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class G711Test {

    @Test
    void muLawKnownValues() {
        assertThat(G711.PCMU.encode(0)).isEqualTo((byte) 0xFF);
        assertThat(G711.PCMU.decode((byte) 0xFF)).isEqualTo((short) 0);
        assertThat(G711.PCMU.decode((byte) 0x7F)).isEqualTo((short) 0); // "negative zero"
        assertThat(G711.PCMU.decode((byte) 0x80)).isEqualTo((short) 32124); // 8031 in 14 bits, times 4
        assertThat(G711.PCMU.decode((byte) 0x00)).isEqualTo((short) -32124);
        assertThat(G711.PCMU.encode(32767)).isEqualTo((byte) 0x80);
        assertThat(G711.PCMU.encode(-32768)).isEqualTo((byte) 0x00);
        // Segment 0 steps by 2 in 14-bit units (8 here): code 0xFE is one step, 0xF0 fifteen.
        assertThat(G711.PCMU.decode((byte) 0xFE)).isEqualTo((short) 8);
        assertThat(G711.PCMU.decode((byte) 0xF0)).isEqualTo((short) 120);
        // First code of segment 1: 0xEF decodes to (0 + 132 << 1) - 132.
        assertThat(G711.PCMU.decode((byte) 0xEF)).isEqualTo((short) 132);
        assertThat(G711.PCMU.payloadType()).isZero();
    }

    @Test
    void aLawKnownValues() {
        assertThat(G711.PCMA.encode(0)).isEqualTo((byte) 0xD5);
        assertThat(G711.PCMA.encode(-1)).isEqualTo((byte) 0x55);
        assertThat(G711.PCMA.decode((byte) 0xD5)).isEqualTo((short) 8); // 1 in 13 bits, times 8
        assertThat(G711.PCMA.decode((byte) 0x55)).isEqualTo((short) -8);
        assertThat(G711.PCMA.decode((byte) 0xAA)).isEqualTo((short) 32256); // 4032 in 13 bits, times 8
        assertThat(G711.PCMA.decode((byte) 0x2A)).isEqualTo((short) -32256);
        assertThat(G711.PCMA.encode(32767)).isEqualTo((byte) 0xAA);
        assertThat(G711.PCMA.encode(-32768)).isEqualTo((byte) 0x2A);
        // Start of segment 1 (13-bit 32): code 0x10 ^ 0xD5 = 0xC5, decoding to 33 * 8.
        assertThat(G711.PCMA.encode(256)).isEqualTo((byte) 0xC5);
        assertThat(G711.PCMA.decode((byte) 0xC5)).isEqualTo((short) 264);
        assertThat(G711.PCMA.payloadType()).isEqualTo(8);
    }

    @Test
    void everyCodeSurvivesDecodeThenEncode() {
        for (int c = 0; c < 256; c++) {
            byte code = (byte) c;
            assertThat(G711.PCMA.encode(G711.PCMA.decode(code))).as("A-law %02x", c).isEqualTo(code);
            if (c != 0x7F) { // µ-law's negative zero re-encodes as positive zero
                assertThat(G711.PCMU.encode(G711.PCMU.decode(code))).as("µ-law %02x", c).isEqualTo(code);
            }
        }
    }

    @Test
    void decodedValuesAreMonotonicInTheCode() {
        // µ-law: codes 0x80..0xFF are positive, decreasing to 0; A-law (after XOR 0x55) increases with the code.
        for (int c = 0x81; c <= 0xFF; c++) {
            assertThat(G711.PCMU.decode((byte) c)).isLessThan(G711.PCMU.decode((byte) (c - 1)));
        }
        for (int a = 1; a < 128; a++) {
            short prev = G711.PCMA.decode((byte) ((0x80 | (a - 1)) ^ 0x55));
            short cur = G711.PCMA.decode((byte) ((0x80 | a) ^ 0x55));
            assertThat(cur).isGreaterThan(prev);
        }
    }

    @Test
    void roundTripErrorIsWithinHalfAQuantisationStep() {
        for (int x = Short.MIN_VALUE; x <= Short.MAX_VALUE; x++) {
            int mu = G711.PCMU.decode(G711.PCMU.encode(x));
            int a = G711.PCMA.decode(G711.PCMA.encode(x));
            // Steps double each segment; half a step is at most 1/32 of the magnitude plus the first segment's.
            if (Math.abs(x) <= 32124) {
                assertThat(Math.abs(mu - x)).as("µ-law %d", x).isLessThanOrEqualTo(4 + Math.abs(x) / 16);
            }
            if (Math.abs(x) <= 32256) {
                assertThat(Math.abs(a - x)).as("A-law %d", x).isLessThanOrEqualTo(8 + Math.abs(x) / 16);
            }
            assertThat(Integer.signum(mu) * Integer.signum(x)).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void aSineKeepsAbout38DbSnr() {
        for (G711 law : G711.values()) {
            double sig = 0;
            double err = 0;
            for (int i = 0; i < 8000; i++) {
                int x = (int) Math.round(10_000 * Math.sin(2 * Math.PI * 1004 * i / 8000.0));
                int y = law.decode(law.encode(x));
                sig += (double) x * x;
                err += (double) (y - x) * (y - x);
            }
            double snr = 10 * Math.log10(sig / err);
            assertThat(snr).as(law.name()).isBetween(33.0, 45.0);
        }
    }
}
