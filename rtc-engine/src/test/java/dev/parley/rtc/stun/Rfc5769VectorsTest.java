package dev.parley.rtc.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 5769 test vectors: decode, verify, check addresses, re-encode byte for byte. */
class Rfc5769VectorsTest {
    // RFC 5769 §2: the short-term password of vectors 2.1-2.3.
    private static final byte[] SHORT_TERM = StunCredentials.shortTermKey("VOkJxbRl1RmTxUk/WvJxBt");
    private static final TransactionId TID = TransactionId.of(HexFixtures.hex("b7e7a701bc34d686fa87dfae"));
    private static final String MATRIX = "\u30DE\u30C8\u30EA\u30C3\u30AF\u30B9";

    @Test
    void sampleRequestDecodesAndVerifies() throws Exception {
        StunMessage m = StunDecoder.decode(HexFixtures.load(HexFixtures.REQUEST));

        assertThat(m.method()).isEqualTo(StunMethod.BINDING);
        assertThat(m.messageClass()).isEqualTo(StunClass.REQUEST);
        assertThat(m.transactionId()).isEqualTo(TID);
        assertThat(m.attributes()).containsExactly(
                StunAttribute.software("STUN test client"),
                new StunAttribute.Priority(0x6e0001ffL),
                new StunAttribute.IceControlled(0x932ff9b151263b36L),
                StunAttribute.username("evtj:h6vY"),
                new StunAttribute.MessageIntegrity(HexFixtures.hex("9aeaa70cbfd8cb56781ef2b5b2d3f249c1b571a2")),
                new StunAttribute.Fingerprint(0xe57a3bcf));
        assertThat(m.unknownComprehensionRequired()).isEmpty();
        assertThat(StunIntegrity.verifyMessageIntegrity(m, SHORT_TERM)).isEqualTo(StunIntegrity.Result.VALID);
        assertThat(StunIntegrity.verifyFingerprint(m)).isEqualTo(StunIntegrity.Result.VALID);
        assertThat(StunIntegrity.verifyMessageIntegrity(m, StunCredentials.shortTermKey("wrong")))
                .isEqualTo(StunIntegrity.Result.MISMATCH);
    }

    @Test
    void ipv4ResponseHasTheMappedAddress() throws Exception {
        StunMessage m = StunDecoder.decode(HexFixtures.load(HexFixtures.IPV4_RESPONSE));

        assertThat(m.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
        assertThat(m.text(StunAttributeType.SOFTWARE)).contains("test vector");
        assertThat(m.xorMappedAddress()).contains(
                new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853));
        assertThat(StunIntegrity.verifyMessageIntegrity(m, SHORT_TERM)).isEqualTo(StunIntegrity.Result.VALID);
        assertThat(StunIntegrity.verifyFingerprint(m)).isEqualTo(StunIntegrity.Result.VALID);
    }

    @Test
    void ipv6ResponseHasTheMappedAddress() throws Exception {
        StunMessage m = StunDecoder.decode(HexFixtures.load(HexFixtures.IPV6_RESPONSE));

        InetSocketAddress expected = new InetSocketAddress(
                InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"), 32853);
        assertThat(m.xorMappedAddress()).contains(expected);
        assertThat(StunIntegrity.verifyMessageIntegrity(m, SHORT_TERM)).isEqualTo(StunIntegrity.Result.VALID);
        assertThat(StunIntegrity.verifyFingerprint(m)).isEqualTo(StunIntegrity.Result.VALID);
    }

    @Test
    void longTermRequestVerifiesWithTheMd5Key() throws Exception {
        StunMessage m = StunDecoder.decode(HexFixtures.load(HexFixtures.LONG_TERM_REQUEST));

        assertThat(m.username()).contains(MATRIX);
        assertThat(m.text(StunAttributeType.NONCE)).contains("f//499k954d6OL34oL9FSTvy64sA");
        assertThat(m.text(StunAttributeType.REALM)).contains("example.org");
        // RFC 5769 §2.4: the password after SASLprep; we implement OpaqueString, not SASLprep (see StunCredentials).
        byte[] key = StunCredentials.longTermKey(MATRIX, "example.org", "TheMatrIX");
        assertThat(StunIntegrity.verifyMessageIntegrity(m, key)).isEqualTo(StunIntegrity.Result.VALID);
        assertThat(StunIntegrity.verifyMessageIntegrity(m, StunCredentials.longTermKey(MATRIX, "example.org",
                "thematrix"))).isEqualTo(StunIntegrity.Result.MISMATCH);
        assertThat(StunIntegrity.verifyFingerprint(m)).isEqualTo(StunIntegrity.Result.ABSENT);
    }

    @Test
    void everyVectorReEncodesByteForByte() throws Exception {
        byte[] longTermKey = StunCredentials.longTermKey(MATRIX, "example.org", "TheMatrIX");
        StunEncoder spacePadded = StunEncoder.plain().withIntegrity(SHORT_TERM).withFingerprint()
                .withPadding((byte) 0x20);
        for (String name : List.of(HexFixtures.REQUEST, HexFixtures.IPV4_RESPONSE, HexFixtures.IPV6_RESPONSE)) {
            byte[] wire = HexFixtures.load(name);
            assertThat(spacePadded.encode(StunDecoder.decode(wire))).as(name).isEqualTo(wire);
        }
        byte[] wire = HexFixtures.load(HexFixtures.LONG_TERM_REQUEST);
        assertThat(StunEncoder.plain().withIntegrity(longTermKey).encode(StunDecoder.decode(wire))).isEqualTo(wire);
    }

    @Test
    void longTermRequestBuiltFromScratchMatches() throws Exception {
        StunMessage built = StunMessage.builder(StunMethod.BINDING, StunClass.REQUEST)
                .transactionId(TransactionId.of(HexFixtures.hex("78ad3433c6ad72c029da412e")))
                .add(StunAttribute.username(MATRIX))
                .add(StunAttribute.nonce("f//499k954d6OL34oL9FSTvy64sA"))
                .add(StunAttribute.realm("example.org"))
                .build();
        byte[] key = StunCredentials.longTermKey(MATRIX, "example.org", "TheMatrIX");

        assertThat(StunEncoder.plain().withIntegrity(key).encode(built))
                .isEqualTo(HexFixtures.load(HexFixtures.LONG_TERM_REQUEST));
    }

    @Test
    void xorAddressesEncodeToTheVectorValues() {
        StunMessage m = StunMessage.builder(StunMethod.BINDING, StunClass.SUCCESS_RESPONSE).transactionId(TID)
                .add(StunAttribute.xorMappedAddress(new InetSocketAddress("192.0.2.1", 32853)))
                .add(StunAttribute.xorMappedAddress(new InetSocketAddress("2001:db8:1234:5678:11:2233:4455:6677", 32853)))
                .build();
        byte[] wire = StunEncoder.plain().encode(m);

        assertThat(wire).containsSubsequence(HexFixtures.hex("0020 0008 0001 a147 e112a643"));
        assertThat(wire).containsSubsequence(
                HexFixtures.hex("0020 0014 0002 a147 0113a9fa a5d3f179 bc25f4b5 bed2b9d9"));
    }
}
