package dev.parley.rtc.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** The server side: answering a received Binding request. */
class StunResponsesTest {
    private static final byte[] KEY = StunCredentials.shortTermKey("local-ice-pwd-xyz");

    @Test
    void bindingSuccessEchoesTheSourceSignedAndFingerprinted() throws Exception {
        StunMessage request = StunDecoder.decode(StunEncoder.plain().withIntegrity(KEY).withFingerprint()
                .encode(StunMessage.request(StunMethod.BINDING).add(StunAttribute.username("L:R"))
                        .add(new StunAttribute.Priority(1)).build()));
        InetSocketAddress source = new InetSocketAddress("2001:db8::42", 50123);

        byte[] wire = StunResponses.bindingSuccess(request, source, KEY);
        StunMessage response = StunDecoder.decode(wire);

        assertThat(StunDecoder.isStun(wire, 0, wire.length)).isTrue();
        assertThat(response.method()).isEqualTo(StunMethod.BINDING);
        assertThat(response.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
        assertThat(response.transactionId()).isEqualTo(request.transactionId());
        assertThat(response.xorMappedAddress()).contains(source);
        assertThat(response.attributes()).extracting(StunAttribute::type).containsExactly(
                StunAttributeType.XOR_MAPPED_ADDRESS, StunAttributeType.MESSAGE_INTEGRITY,
                StunAttributeType.FINGERPRINT);
        assertThat(StunIntegrity.verifyMessageIntegrity(response, KEY)).isEqualTo(StunIntegrity.Result.VALID);
        assertThat(StunIntegrity.verifyFingerprint(response)).isEqualTo(StunIntegrity.Result.VALID);
    }

    @Test
    void unsignedWhenNoKey() throws Exception {
        StunMessage request = StunMessage.request(StunMethod.BINDING).build();
        StunMessage response = StunDecoder.decode(
                StunResponses.bindingSuccess(request, new InetSocketAddress("192.0.2.1", 1), null));

        assertThat(StunIntegrity.verifyMessageIntegrity(response, KEY)).isEqualTo(StunIntegrity.Result.ABSENT);
        assertThat(StunIntegrity.verifyFingerprint(response)).isEqualTo(StunIntegrity.Result.VALID);
    }

    @Test
    void unknownComprehensionRequiredAttributesGet420ListingThem() throws Exception {
        StunMessage request = StunDecoder.decode(StunEncoder.plain().encode(StunMessage.request(StunMethod.BINDING)
                .add(new StunAttribute.Raw(0x0041, new byte[] {1}))
                .add(new StunAttribute.Raw(0x8041, new byte[] {2})) // comprehension-optional: not listed
                .add(new StunAttribute.Raw(0x7001, new byte[0]))
                .build()));

        StunMessage response = StunDecoder.decode(StunResponses.unknownAttributes(request, KEY));

        assertThat(response.messageClass()).isEqualTo(StunClass.ERROR_RESPONSE);
        assertThat(response.errorCode()).contains(new StunAttribute.ErrorCode(420, "Unknown Attribute"));
        assertThat(response.first(StunAttribute.UnknownAttributes.class).orElseThrow().types())
                .containsExactly(0x0041, 0x7001);
        assertThat(StunIntegrity.verifyMessageIntegrity(response, KEY)).isEqualTo(StunIntegrity.Result.VALID);
    }

    @Test
    void errorResponsesUseTheRfcReasonPhrases() throws Exception {
        StunMessage request = StunMessage.request(StunMethod.ALLOCATE).build();

        StunMessage response = StunDecoder.decode(StunResponses.error(request, 401, null));

        assertThat(response.method()).isEqualTo(StunMethod.ALLOCATE);
        assertThat(response.errorCode()).contains(new StunAttribute.ErrorCode(401, "Unauthenticated"));
        assertThat(StunResponses.reasonPhrase(487)).isEqualTo("Role Conflict");
    }
}
