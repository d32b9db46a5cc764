package dev.parley.rtc.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The decoder and classifier take hostile bytes: a StunParseException or a message, nothing else. */
class StunDecoderHostileInputTest {
    private static final byte[] KEY = StunCredentials.shortTermKey("VOkJxbRl1RmTxUk/WvJxBt");

    /** Decodes, and if that works exercises everything a receiver would do with the result. */
    private static boolean probe(byte[] b, int off, int len) {
        StunDecoder.isStun(b, off, len);
        StunMessage m;
        try {
            m = StunDecoder.decode(b, off, len);
        } catch (StunParseException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return false;
        } catch (Throwable t) {
            throw new AssertionError("decoder threw " + t + " for " + java.util.HexFormat.of().formatHex(b, off, off + len), t);
        }
        StunIntegrity.verifyMessageIntegrity(m, KEY);
        StunIntegrity.verifyMessageIntegritySha256(m, KEY);
        StunIntegrity.verifyFingerprint(m);
        m.toString();
        // Whatever decodes re-encodes to something that decodes to the same attributes.
        try {
            StunMessage again = StunDecoder.decode(StunEncoder.plain().encode(m));
            assertThat(again.attributes()).containsExactlyElementsOf(m.attributes().stream()
                    .filter(a -> a.type() != StunAttributeType.MESSAGE_INTEGRITY
                            && a.type() != StunAttributeType.MESSAGE_INTEGRITY_SHA256
                            && a.type() != StunAttributeType.FINGERPRINT).toList());
        } catch (StunParseException e) {
            fail("re-encoded message did not decode: " + e.getMessage());
        }
        return true;
    }

    @Test
    void truncationAtEveryLengthIsRejected() {
        for (String name : HexFixtures.ALL) {
            byte[] wire = HexFixtures.load(name);
            assertThat(probe(wire, 0, wire.length)).isTrue();
            for (int len = 0; len < wire.length; len++) {
                assertThat(probe(wire, 0, len)).as("%s cut to %d", name, len).isFalse();
                assertThat(StunDecoder.isStun(wire, 0, len)).isFalse();
                // Also with the length field patched to agree, so attribute parsing itself sees the cut.
                byte[] cut = Arrays.copyOf(wire, len);
                if (len >= 20) {
                    AttributeCodec.writeShort(cut, 2, len - 20);
                    probe(cut, 0, len);
                }
            }
        }
    }

    @Test
    void randomMutationsOfTheVectorsNeverThrowUnexpectedly() {
        Random random = new Random(0x5354554EL);
        byte[][] seeds = Arrays.stream(HexFixtures.ALL).map(HexFixtures::load).toArray(byte[][]::new);
        int decoded = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] seed = seeds[i % seeds.length];
            byte[] b;
            switch (i % 5) {
                case 0 -> { // bit flips
                    b = seed.clone();
                    for (int k = 0; k <= i % 4; k++) {
                        b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                    }
                }
                case 1 -> { // random bytes overwritten past the header, header kept valid
                    b = seed.clone();
                    for (int k = 0; k <= i % 6; k++) {
                        b[20 + random.nextInt(b.length - 20)] = (byte) random.nextInt(256);
                    }
                }
                case 2 -> { // valid header, random TLV soup
                    int body = 4 * random.nextInt(40);
                    b = new byte[20 + body];
                    random.nextBytes(b);
                    System.arraycopy(seed, 0, b, 0, 20);
                    AttributeCodec.writeShort(b, 2, body);
                }
                case 3 -> { // attribute lengths set to random values
                    b = seed.clone();
                    for (int pos = 20; pos + 4 <= b.length; pos += 4) {
                        if (random.nextInt(8) == 0) {
                            AttributeCodec.writeShort(b, pos + 2, random.nextInt(0x10000));
                        }
                    }
                }
                default -> { // pure noise, sometimes with a cookie
                    b = new byte[random.nextInt(120)];
                    random.nextBytes(b);
                    if (b.length >= 8 && random.nextBoolean()) {
                        AttributeCodec.writeInt(b, 4, StunMessage.MAGIC_COOKIE);
                        b[0] &= 0x03;
                    }
                }
            }
            int off = b.length > 0 && random.nextInt(10) == 0 ? random.nextInt(b.length) : 0;
            if (probe(b, off, b.length - off)) {
                decoded++;
            }
            StunDecoder.isStun(ByteBuffer.wrap(b));
        }
        // The mutations must reach the attribute parser, not just bounce off the header checks.
        assertThat(decoded).isGreaterThan(1000);
    }

    @Test
    void lengthsThatOverrunAreRejectedWithAReason() {
        byte[] wire = HexFixtures.load(HexFixtures.IPV4_RESPONSE);
        AttributeCodec.writeShort(wire, 22, 0x0100); // SOFTWARE claims 256 bytes
        assertThatThrownBy(() -> StunDecoder.decode(wire)).isInstanceOf(StunParseException.class)
                .hasMessageContaining("overruns");

        byte[] longer = HexFixtures.load(HexFixtures.IPV4_RESPONSE);
        AttributeCodec.writeShort(longer, 2, 0x3c + 4);
        assertThatThrownBy(() -> StunDecoder.decode(longer)).hasMessageContaining("disagrees");

        byte[] odd = HexFixtures.load(HexFixtures.IPV4_RESPONSE);
        AttributeCodec.writeShort(odd, 2, 0x3b);
        assertThatThrownBy(() -> StunDecoder.decode(odd)).hasMessageContaining("multiple of 4");
    }

    @Test
    void headerChecks() {
        byte[] wire = HexFixtures.load(HexFixtures.REQUEST);
        byte[] noCookie = wire.clone();
        noCookie[4] = 0;
        assertThatThrownBy(() -> StunDecoder.decode(noCookie)).hasMessageContaining("cookie");
        byte[] topBits = wire.clone();
        topBits[0] = (byte) 0x80;
        assertThatThrownBy(() -> StunDecoder.decode(topBits)).hasMessageContaining("top two bits");
        assertThatThrownBy(() -> StunDecoder.decode(null)).isInstanceOf(StunParseException.class);
        assertThatThrownBy(() -> StunDecoder.decode(wire, 10, wire.length)).hasMessageContaining("slice");
        assertThatThrownBy(() -> StunDecoder.decode(wire, -1, 4)).hasMessageContaining("slice");
        assertThatThrownBy(() -> StunDecoder.decode(wire, Integer.MAX_VALUE, 20)).hasMessageContaining("slice");
    }

    @Test
    void attributeCountIsCapped() throws Exception {
        assertThatThrownBy(() -> StunDecoder.decode(emptyAttributes(StunDecoder.MAX_ATTRIBUTES + 1)))
                .hasMessageContaining("more than");
        assertThat(StunDecoder.decode(emptyAttributes(StunDecoder.MAX_ATTRIBUTES)).attributes())
                .hasSize(StunDecoder.MAX_ATTRIBUTES);
    }

    private static byte[] emptyAttributes(int count) {
        byte[] wire = new byte[20 + 4 * count];
        AttributeCodec.writeShort(wire, 0, 0x0001);
        AttributeCodec.writeInt(wire, 4, StunMessage.MAGIC_COOKIE);
        AttributeCodec.writeShort(wire, 2, wire.length - 20);
        for (int pos = 20; pos < wire.length; pos += 4) {
            AttributeCodec.writeShort(wire, pos, 0x8123); // empty comprehension-optional attributes
        }
        return wire;
    }

    @Test
    void malformedKnownAttributesAreRejected() {
        assertMalformed("0020 0007 0001 a147 e112a6 00", "XOR-MAPPED-ADDRESS length 7"); // truncated IPv4
        assertMalformed("0020 0008 0003 a147 e112a643", "unknown family 3");
        assertMalformed("0001 0014 0001 a147 e112a643 0000000000000000 00000000", "MAPPED-ADDRESS length 20");
        assertMalformed("0009 0004 0000 0299", "ERROR-CODE class 2");
        assertMalformed("0009 0004 0000 0464", "number 100");
        assertMalformed("0009 0002 0000 0000", "ERROR-CODE too short");
        assertMalformed("000a 0003 0001 0200", "odd");
        assertMalformed("0008 0010 " + "00".repeat(16), "MESSAGE-INTEGRITY length 16");
        assertMalformed("001c 000c " + "00".repeat(12), "16..32");
        assertMalformed("8028 0002 0000 0000", "FINGERPRINT length 2");
        assertMalformed("0024 0008 " + "00".repeat(8), "PRIORITY length 8");
        assertMalformed("0025 0004 00000000", "USE-CANDIDATE length 4");
        assertMalformed("802a 0004 00000000", "ICE-CONTROLLING length 4");
        assertMalformed("8022 02fc " + "41".repeat(764), "SOFTWARE length 764");
        assertMalformed("8022 02fb " + "ff".repeat(763) + "00", "SOFTWARE is not valid UTF-8");
        assertMalformed("0006 0002 c328 0000", "USERNAME is not valid UTF-8");
        assertMalformed("0009 0005 0000 0401 80000000", "ERROR-CODE is not valid UTF-8");
    }

    private static void assertMalformed(String attributeHex, String reason) {
        byte[] attr = HexFixtures.hex(attributeHex);
        byte[] wire = new byte[20 + attr.length];
        AttributeCodec.writeShort(wire, 0, 0x0101);
        AttributeCodec.writeShort(wire, 2, attr.length);
        AttributeCodec.writeInt(wire, 4, StunMessage.MAGIC_COOKIE);
        System.arraycopy(attr, 0, wire, 20, attr.length);
        assertThatThrownBy(() -> StunDecoder.decode(wire)).as(attributeHex).isInstanceOf(StunParseException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void classifierFollowsRfc7983() {
        for (String name : HexFixtures.ALL) {
            byte[] wire = HexFixtures.load(name);
            assertThat(StunDecoder.isStun(wire, 0, wire.length)).isTrue();
            assertThat(StunDecoder.isStun(ByteBuffer.wrap(wire))).isTrue();
            byte[] padded = Arrays.copyOf(wire, wire.length + 8);
            assertThat(StunDecoder.isStun(padded, 0, wire.length)).isTrue();
            assertThat(StunDecoder.isStun(padded, 0, padded.length)).isFalse();
            assertThat(StunDecoder.isStun(ByteBuffer.wrap(padded, 0, wire.length).order(java.nio.ByteOrder.LITTLE_ENDIAN)))
                    .isTrue();
        }
        byte[] dtls = HexFixtures.load(HexFixtures.REQUEST);
        dtls[0] = 22; // RFC 7983: 20..63 is DTLS
        assertThat(StunDecoder.isStun(dtls, 0, dtls.length)).isFalse();
        byte[] four = HexFixtures.load(HexFixtures.REQUEST);
        four[0] = 4;
        assertThat(StunDecoder.isStun(four, 0, four.length)).isFalse();
        assertThat(StunDecoder.isStun(null, 0, 0)).isFalse();
        assertThat(StunDecoder.isStun(new byte[10], 5, 20)).isFalse();
        assertThat(StunDecoder.isStun((ByteBuffer) null)).isFalse();
        ByteBuffer shifted = ByteBuffer.allocate(200);
        shifted.position(7);
        shifted.put(HexFixtures.load(HexFixtures.REQUEST));
        shifted.flip().position(7);
        assertThat(StunDecoder.isStun(shifted)).isTrue();
        assertThat(shifted.position()).isEqualTo(7);
    }
}
