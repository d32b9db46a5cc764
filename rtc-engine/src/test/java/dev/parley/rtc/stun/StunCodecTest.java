package dev.parley.rtc.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Message-type encoding and a round trip of every attribute. */
class StunCodecTest {

    @Test
    void messageTypesInterleaveMethodAndClassBits() {
        // RFC 8489 §5 examples and RFC 8656 numbers.
        assertThat(StunMethod.messageType(StunMethod.BINDING, StunClass.REQUEST)).isEqualTo(0x0001);
        assertThat(StunMethod.messageType(StunMethod.BINDING, StunClass.INDICATION)).isEqualTo(0x0011);
        assertThat(StunMethod.messageType(StunMethod.BINDING, StunClass.SUCCESS_RESPONSE)).isEqualTo(0x0101);
        assertThat(StunMethod.messageType(StunMethod.BINDING, StunClass.ERROR_RESPONSE)).isEqualTo(0x0111);
        assertThat(StunMethod.messageType(StunMethod.ALLOCATE, StunClass.ERROR_RESPONSE)).isEqualTo(0x0113);
        assertThat(StunMethod.messageType(StunMethod.SEND, StunClass.INDICATION)).isEqualTo(0x0016);
        assertThat(StunMethod.messageType(StunMethod.DATA, StunClass.INDICATION)).isEqualTo(0x0017);
        assertThat(StunMethod.messageType(StunMethod.CHANNEL_BIND, StunClass.REQUEST)).isEqualTo(0x0009);
        assertThat(StunMethod.messageType(0xFFF, StunClass.ERROR_RESPONSE)).isEqualTo(0x3FFF);
        for (int method = 0; method <= StunMethod.MAX; method++) {
            for (StunClass c : StunClass.values()) {
                int type = StunMethod.messageType(method, c);
                assertThat(StunMethod.methodOf(type)).isEqualTo(method);
                assertThat(StunMethod.classOf(type)).isEqualTo(c);
            }
        }
        assertThatThrownBy(() -> StunMethod.messageType(0x1000, StunClass.REQUEST))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyAttributeRoundTrips() throws Exception {
        List<StunAttribute> all = List.of(
                StunAttribute.mappedAddress(new InetSocketAddress("203.0.113.9", 1)),
                StunAttribute.mappedAddress(new InetSocketAddress("2001:db8::9", 65535)),
                StunAttribute.xorMappedAddress(new InetSocketAddress("198.51.100.7", 3478)),
                StunAttribute.xorMappedAddress(new InetSocketAddress("fe80::1:2:3:4", 0)),
                new StunAttribute.XorAddress(StunAttributeType.XOR_PEER_ADDRESS, new InetSocketAddress("10.0.0.1", 9)),
                new StunAttribute.XorAddress(StunAttributeType.XOR_RELAYED_ADDRESS,
                        new InetSocketAddress("2001:db8::1", 49152)),
                StunAttribute.alternateServer(new InetSocketAddress("192.0.2.200", 3479)),
                StunAttribute.username("alice:bob"),
                StunAttribute.realm("example.org"),
                StunAttribute.nonce("obMatJos2AAACf//499k954d6OL34oL9FSTvy64sA"),
                StunAttribute.software("Parley 0.1 \u00e9\u00e8"),
                new StunAttribute.ErrorCode(420, "Unknown Attribute"),
                new StunAttribute.ErrorCode(300, ""),
                new StunAttribute.ErrorCode(699, "x"),
                new StunAttribute.UnknownAttributes(List.of(0x0031, 0x7FFF)),
                new StunAttribute.Priority(0xFFFF_FFFFL),
                new StunAttribute.UseCandidate(),
                new StunAttribute.IceControlling(Long.MIN_VALUE),
                new StunAttribute.IceControlled(-1L),
                new StunAttribute.Raw(0xC001, new byte[] {1, 2, 3, 4, 5}),
                new StunAttribute.Raw(StunAttributeType.LIFETIME, new byte[] {0, 0, 0x02, 0x58}));
        for (StunClass c : StunClass.values()) {
            StunMessage m = StunMessage.builder(StunMethod.ALLOCATE, c).addAll(all).build();
            StunMessage back = StunDecoder.decode(StunEncoder.plain().encode(m));

            assertThat(back.method()).isEqualTo(StunMethod.ALLOCATE);
            assertThat(back.messageClass()).isEqualTo(c);
            assertThat(back.transactionId()).isEqualTo(m.transactionId());
            assertThat(back.attributes()).containsExactlyElementsOf(all);
            assertThat(back.unknownComprehensionRequired()).isEmpty();
        }
    }

    @Test
    void ipv6XorUsesTheTransactionIdAndIpv4MappedStaysIpv6() throws Exception {
        InetSocketAddress v6 = new InetSocketAddress("2001:db8::1", 5000);
        StunMessage a = StunMessage.builder(StunMethod.BINDING, StunClass.SUCCESS_RESPONSE)
                .add(StunAttribute.xorMappedAddress(v6)).build();
        StunMessage b = StunMessage.builder(StunMethod.BINDING, StunClass.SUCCESS_RESPONSE)
                .add(StunAttribute.xorMappedAddress(v6)).build();
        byte[] wa = StunEncoder.plain().encode(a);
        byte[] wb = StunEncoder.plain().encode(b);

        // Same address, different transaction ids: the XOR'd bytes after the first 4 address bytes differ.
        assertThat(java.util.Arrays.copyOfRange(wa, 28, 32)).isEqualTo(java.util.Arrays.copyOfRange(wb, 28, 32));
        assertThat(java.util.Arrays.copyOfRange(wa, 32, 44)).isNotEqualTo(java.util.Arrays.copyOfRange(wb, 32, 44));
        assertThat(StunDecoder.decode(wa).xorMappedAddress()).contains(v6);

        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        mapped[12] = (byte) 192;
        mapped[15] = 1;
        InetSocketAddress v4mapped = new InetSocketAddress(Inet6Address.getByAddress(null, mapped, -1), 7);
        StunMessage c = StunMessage.builder(StunMethod.BINDING, StunClass.SUCCESS_RESPONSE)
                .add(StunAttribute.xorMappedAddress(v4mapped)).build();
        InetAddress decoded = StunDecoder.decode(StunEncoder.plain().encode(c)).xorMappedAddress().orElseThrow()
                .getAddress();
        assertThat(decoded).isInstanceOf(Inet6Address.class);
        assertThat(decoded.getAddress()).isEqualTo(mapped);
    }

    @Test
    void encoderPadsAndLengthCountsPadding() throws Exception {
        StunMessage m = StunMessage.request(StunMethod.BINDING).add(StunAttribute.username("abcde")).build();
        byte[] wire = StunEncoder.plain().encode(m);

        assertThat(wire).hasSize(20 + 4 + 8);
        assertThat(AttributeCodec.readShort(wire, 2)).isEqualTo(12);
        assertThat(AttributeCodec.readShort(wire, 22)).isEqualTo(5); // length excludes padding (RFC 8489 §14)
        assertThat(java.util.Arrays.copyOfRange(wire, 29, 32)).containsOnly(0);
        assertThat(StunDecoder.isStun(wire, 0, wire.length)).isTrue();
    }

    @Test
    void unknownAttributesArePreservedAndRequiredOnesReported() throws Exception {
        StunMessage m = StunMessage.request(StunMethod.BINDING)
                .add(new StunAttribute.Raw(0x7F01, new byte[] {9}))
                .add(new StunAttribute.Raw(0xFF01, new byte[] {8, 7}))
                .add(new StunAttribute.Raw(0x0031, new byte[0]))
                .build();
        StunMessage back = StunDecoder.decode(StunEncoder.plain().encode(m));

        assertThat(back.attributes()).containsExactlyElementsOf(m.attributes());
        assertThat(back.unknownComprehensionRequired()).containsExactly(0x7F01, 0x0031);
        assertThat(StunEncoder.plain().encode(back)).isEqualTo(StunEncoder.plain().encode(m));
    }

    @Test
    void repeatedAttributeFirstOccurrenceWins() throws Exception {
        StunMessage m = StunMessage.request(StunMethod.BINDING)
                .add(StunAttribute.username("first")).add(StunAttribute.username("second")).build();

        assertThat(StunDecoder.decode(StunEncoder.plain().encode(m)).username()).contains("first");
    }

    @Test
    void encoderRejectsWhatCannotBeEncoded() {
        assertThatThrownBy(() -> StunAttribute.xorMappedAddress(InetSocketAddress.createUnresolved("example.org", 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StunAttribute.ErrorCode(200, "OK")).isInstanceOf(IllegalArgumentException.class);
        StunMessage tooBig = StunMessage.request(StunMethod.BINDING)
                .add(new StunAttribute.Raw(0x8001, new byte[40_000]))
                .add(new StunAttribute.Raw(0x8001, new byte[40_000])).build();
        assertThatThrownBy(() -> StunEncoder.plain().encode(tooBig)).isInstanceOf(IllegalArgumentException.class);
        StunMessage longText = StunMessage.request(StunMethod.BINDING).add(StunAttribute.software("x".repeat(764)))
                .build();
        assertThatThrownBy(() -> StunEncoder.plain().encode(longText)).isInstanceOf(IllegalArgumentException.class);
    }
}
