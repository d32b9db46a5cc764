package dev.parley.rtc.rtcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** RtcpParser takes hostile bytes: an RtcpCompound or an RtcpParseException, nothing else. */
class RtcpHostileInputTest {
    private static final List<byte[]> SEEDS = new ArrayList<>();

    static {
        for (String name : HexFixtures.ALL) {
            SEEDS.add(HexFixtures.load(name));
        }
        // every fixture glued into one compound, so mutations hit walking across packets too
        int total = SEEDS.stream().mapToInt(b -> b.length).sum();
        byte[] all = new byte[total];
        int p = 0;
        for (byte[] b : List.copyOf(SEEDS)) {
            System.arraycopy(b, 0, all, p, b.length);
            p += b.length;
        }
        all[0] &= (byte) ~0x20; // only the last packet may keep the padding bit
        SEEDS.add(all);
    }

    /** Parses; whatever parses must re-encode and parse again to the same packets. */
    private static boolean probe(byte[] b, int off, int len) {
        RtcpCompound c;
        try {
            c = RtcpParser.parse(b, off, len);
        } catch (RtcpParseException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return false;
        } catch (Throwable t) {
            throw new AssertionError("parser threw " + t + " for " + HexFixtures.hex(b, off, len), t);
        }
        for (RtcpPacket p : c.packets()) {
            p.toString();
            if (p instanceof GenericNack n) {
                assertThat(n.lostSequenceNumbers()).hasSizeLessThanOrEqualTo(17 * n.items().size());
            }
            if (p instanceof TransportCcFeedback t) {
                assertThat(t.arrivalTimesMicros()).hasSize(t.statusCount());
            }
        }
        try {
            byte[] again = RtcpWriter.encode(c.packets());
            RtcpCompound second = RtcpParser.parse(again.length == 0 ? new byte[0] : again);
            assertThat(second.packets()).containsExactlyElementsOf(c.packets());
        } catch (RtcpParseException e) {
            if (!c.packets().isEmpty()) {
                throw new AssertionError("re-encoded packets did not parse: " + e.getMessage(), e);
            }
        }
        return true;
    }

    @Test
    void everyTruncationOfEverySeed() {
        for (byte[] wire : SEEDS) {
            assertThat(probe(wire, 0, wire.length)).isTrue();
            for (int len = 0; len < wire.length; len++) {
                probe(wire, 0, len);
                probe(Arrays.copyOf(wire, len), 0, len);
            }
        }
    }

    @Test
    void randomBitFlipsAndByteWrites() {
        Random rnd = new Random(0x5eed_0003L);
        int parsed = 0;
        for (int round = 0; round < 30_000; round++) {
            byte[] wire = SEEDS.get(rnd.nextInt(SEEDS.size())).clone();
            int edits = 1 + rnd.nextInt(4);
            for (int i = 0; i < edits; i++) {
                int at = rnd.nextInt(wire.length);
                if (rnd.nextBoolean()) {
                    wire[at] ^= (byte) (1 << rnd.nextInt(8));
                } else {
                    wire[at] = (byte) rnd.nextInt(256);
                }
            }
            int len = rnd.nextInt(5) == 0 ? rnd.nextInt(wire.length + 1) : wire.length;
            if (probe(wire, 0, len)) {
                parsed++;
            }
        }
        assertThat(parsed).isPositive();
    }

    @Test
    void randomPacketsWithPlausibleHeaders() {
        Random rnd = new Random(0x5eed_0004L);
        int[] types = {200, 201, 202, 203, 204, 205, 206, 207};
        for (int round = 0; round < 30_000; round++) {
            int words = rnd.nextInt(12);
            byte[] wire = new byte[4 + 4 * words + rnd.nextInt(3) * 4];
            rnd.nextBytes(wire);
            wire[0] = (byte) (0x80 | (wire[0] & 0x3f));
            wire[1] = (byte) types[rnd.nextInt(types.length)];
            wire[2] = 0;
            wire[3] = (byte) (rnd.nextInt(8) == 0 ? rnd.nextInt(256) : words);
            int off = rnd.nextInt(4);
            probe(wire, Math.min(off, wire.length), wire.length - Math.min(off, wire.length));
            probe(wire, 0, wire.length);
        }
    }

    @Test
    void badSlicesAndFramingFail() {
        assertThat(probe(new byte[8], 6, 4)).isFalse();
        assertThat(probe(new byte[8], -1, 4)).isFalse();
        assertThat(probe(null, 0, 0)).isFalse();
        assertThat(probe(new byte[0], 0, 0)).isFalse();
        assertThat(probe(HexFixtures.hex("40c90001 00000000"), 0, 8)).isFalse(); // version 1
        assertThat(probe(HexFixtures.hex("80c90002 00000000"), 0, 8)).isFalse(); // length past the end
        assertThat(probe(HexFixtures.hex("a0c90001 00000000"), 0, 8)).isFalse(); // padding count 0
        assertThat(probe(HexFixtures.hex("a0c90001 00000009"), 0, 8)).isFalse(); // padding past the body
        assertThat(probe(HexFixtures.hex("80c90001 00000000 80"), 0, 9)).isFalse(); // trailing garbage
    }
}
