package dev.parley.rtc.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** MESSAGE-INTEGRITY(-SHA256) and FINGERPRINT: tamper detection and the ordering rules of RFC 8489 §14.5-14.7. */
class StunIntegrityTest {
    private static final byte[] KEY = StunCredentials.shortTermKey("pass-word");

    private static StunMessage request() {
        return StunMessage.request(StunMethod.BINDING)
                .add(StunAttribute.username("a:b"))
                .add(new StunAttribute.Priority(12345))
                .add(new StunAttribute.IceControlling(42))
                .build();
    }

    @Test
    void aFlippedBitAnywhereBeforeTheMacFailsIntegrity() throws Exception {
        byte[] wire = StunEncoder.plain().withIntegrity(KEY).encode(request());
        assertThat(StunIntegrity.verifyMessageIntegrity(StunDecoder.decode(wire), KEY))
                .isEqualTo(StunIntegrity.Result.VALID);
        int macEnd = wire.length;
        for (int i = 0; i < macEnd; i++) {
            if (i == 2 || i == 3) {
                continue; // the length field: flipping it makes the message undecodable instead
            }
            for (int bit = 0; bit < 8; bit++) {
                byte[] bad = wire.clone();
                bad[i] ^= (byte) (1 << bit);
                StunMessage m;
                try {
                    m = StunDecoder.decode(bad);
                } catch (StunParseException e) {
                    continue; // rejected outright is fine too
                }
                assertThat(StunIntegrity.verifyMessageIntegrity(m, KEY)).as("byte %d bit %d", i, bit)
                        .isNotEqualTo(StunIntegrity.Result.VALID);
            }
        }
    }

    @Test
    void aFlippedBitFailsTheFingerprint() throws Exception {
        byte[] wire = StunEncoder.plain().withFingerprint().encode(request());
        assertThat(StunIntegrity.verifyFingerprint(StunDecoder.decode(wire))).isEqualTo(StunIntegrity.Result.VALID);

        byte[] bad = wire.clone();
        bad[25] ^= 0x01; // inside USERNAME
        assertThat(StunIntegrity.verifyFingerprint(StunDecoder.decode(bad))).isEqualTo(StunIntegrity.Result.MISMATCH);
        byte[] badCrc = wire.clone();
        badCrc[badCrc.length - 1] ^= (byte) 0x80;
        assertThat(StunIntegrity.verifyFingerprint(StunDecoder.decode(badCrc)))
                .isEqualTo(StunIntegrity.Result.MISMATCH);
    }

    @Test
    void fingerprintIsTheCrcXoredWithStun() throws Exception {
        byte[] wire = StunEncoder.plain().withFingerprint().encode(request());
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(wire, 0, wire.length - 8);

        assertThat(AttributeCodec.readInt(wire, wire.length - 4)).isEqualTo((int) crc.getValue() ^ 0x5354554E);
    }

    @Test
    void sha256IntegrityVerifiesAlongsideSha1AndRejectsTampering() throws Exception {
        byte[] wire = StunEncoder.plain().withIntegrity(KEY).withIntegritySha256(KEY).withFingerprint()
                .encode(request());
        StunMessage m = StunDecoder.decode(wire);

        assertThat(StunIntegrity.verifyMessageIntegrity(m, KEY)).isEqualTo(StunIntegrity.Result.VALID);
        assertThat(StunIntegrity.verifyMessageIntegritySha256(m, KEY)).isEqualTo(StunIntegrity.Result.VALID);
        assertThat(StunIntegrity.verifyFingerprint(m)).isEqualTo(StunIntegrity.Result.VALID);
        assertThat(StunIntegrity.verifyMessageIntegritySha256(m, StunCredentials.shortTermKey("other")))
                .isEqualTo(StunIntegrity.Result.MISMATCH);
        assertThat(StunIntegrity.verifyMessageIntegritySha256(StunDecoder.decode(
                StunEncoder.plain().withIntegrity(KEY).encode(request())), KEY)).isEqualTo(StunIntegrity.Result.ABSENT);
    }

    @Test
    void truncatedSha256IntegrityIsCheckedOverItsOwnLength() throws Exception {
        // Build a 16-byte MESSAGE-INTEGRITY-SHA256 by hand: RFC 8489 §14.6 allows truncation to 16 bytes.
        byte[] plain = StunEncoder.plain().encode(request());
        byte[] wire = Arrays.copyOf(plain, plain.length + 20);
        int pos = plain.length;
        byte[] mac = StunIntegrity.hmac("HmacSHA256", KEY, wire, pos, pos - 20 + 20);
        AttributeCodec.writeShort(wire, pos, StunAttributeType.MESSAGE_INTEGRITY_SHA256);
        AttributeCodec.writeShort(wire, pos + 2, 16);
        System.arraycopy(mac, 0, wire, pos + 4, 16);
        AttributeCodec.writeShort(wire, 2, wire.length - 20);

        StunMessage m = StunDecoder.decode(wire);
        assertThat(StunIntegrity.verifyMessageIntegritySha256(m, KEY)).isEqualTo(StunIntegrity.Result.VALID);
        wire[pos + 19] ^= 1;
        assertThat(StunIntegrity.verifyMessageIntegritySha256(StunDecoder.decode(wire), KEY))
                .isEqualTo(StunIntegrity.Result.MISMATCH);
    }

    @Test
    void attributesAfterMessageIntegrityAreIgnoredAndDoNotBreakIt() throws Exception {
        byte[] signed = StunEncoder.plain().withIntegrity(KEY).encode(request());
        // Append a SOFTWARE attribute after MESSAGE-INTEGRITY and fix the length, as an on-path attacker might.
        byte[] wire = Arrays.copyOf(signed, signed.length + 8);
        AttributeCodec.writeShort(wire, signed.length, StunAttributeType.SOFTWARE);
        AttributeCodec.writeShort(wire, signed.length + 2, 4);
        wire[signed.length + 4] = 'e';
        AttributeCodec.writeShort(wire, 2, wire.length - 20);

        StunMessage m = StunDecoder.decode(wire);
        assertThat(m.has(StunAttributeType.SOFTWARE)).isFalse();
        assertThat(m.ignoredAfterIntegrity()).isEqualTo(1);
        // RFC 8489 §14.5: the length used for the HMAC stops at MESSAGE-INTEGRITY.
        assertThat(StunIntegrity.verifyMessageIntegrity(m, KEY)).isEqualTo(StunIntegrity.Result.VALID);
    }

    @Test
    void messageIntegrityAfterSha256IsIgnored() throws Exception {
        byte[] sha = StunEncoder.plain().withIntegritySha256(KEY).encode(request());
        byte[] wire = Arrays.copyOf(sha, sha.length + 24);
        AttributeCodec.writeShort(wire, sha.length, StunAttributeType.MESSAGE_INTEGRITY);
        AttributeCodec.writeShort(wire, sha.length + 2, 20);
        AttributeCodec.writeShort(wire, 2, wire.length - 20);

        StunMessage m = StunDecoder.decode(wire);
        assertThat(StunIntegrity.verifyMessageIntegrity(m, KEY)).isEqualTo(StunIntegrity.Result.ABSENT);
        assertThat(StunIntegrity.verifyMessageIntegritySha256(m, KEY)).isEqualTo(StunIntegrity.Result.VALID);
    }

    @Test
    void attributesAfterFingerprintAreMalformed() {
        byte[] fp = StunEncoder.plain().withFingerprint().encode(request());
        byte[] wire = Arrays.copyOf(fp, fp.length + 4);
        AttributeCodec.writeShort(wire, fp.length, StunAttributeType.USE_CANDIDATE);
        AttributeCodec.writeShort(wire, 2, wire.length - 20);

        assertThatThrownBy(() -> StunDecoder.decode(wire)).isInstanceOf(StunParseException.class)
                .hasMessageContaining("FINGERPRINT");
    }

    @Test
    void builtMessagesHaveNothingToVerify() {
        assertThat(StunIntegrity.verifyMessageIntegrity(request(), KEY)).isEqualTo(StunIntegrity.Result.ABSENT);
        assertThat(StunIntegrity.verifyFingerprint(request())).isEqualTo(StunIntegrity.Result.ABSENT);
    }

    @Test
    void emptyKeyIsUsableAndDiffersFromOtherKeys() throws Exception {
        StunMessage m = StunDecoder.decode(StunEncoder.plain().withIntegrity(new byte[0]).encode(request()));

        assertThat(StunIntegrity.verifyMessageIntegrity(m, new byte[0])).isEqualTo(StunIntegrity.Result.VALID);
        assertThat(StunIntegrity.verifyMessageIntegrity(m, KEY)).isEqualTo(StunIntegrity.Result.MISMATCH);
    }

    @Test
    void opaqueStringMapsSpacesAndNormalizes() {
        assertThat(StunCredentials.opaqueString("a\u00A0b")).isEqualTo("a b");
        assertThat(StunCredentials.opaqueString("e\u0301")).isEqualTo("\u00E9");
        assertThat(StunCredentials.shortTermKey("VOkJxbRl1RmTxUk/WvJxBt"))
                .isEqualTo("VOkJxbRl1RmTxUk/WvJxBt".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void xorMappedAddressSurvivesIntegrityRoundTrip() throws Exception {
        InetSocketAddress addr = new InetSocketAddress("2001:db8::77", 40000);
        StunMessage resp = StunMessage.builder(StunMethod.BINDING, StunClass.SUCCESS_RESPONSE)
                .add(StunAttribute.xorMappedAddress(addr)).build();
        StunMessage m = StunDecoder.decode(StunEncoder.plain().withIntegrity(KEY).withFingerprint().encode(resp));

        assertThat(m.xorMappedAddress()).contains(addr);
        assertThat(StunIntegrity.verifyMessageIntegrity(m, KEY)).isEqualTo(StunIntegrity.Result.VALID);
    }
}
