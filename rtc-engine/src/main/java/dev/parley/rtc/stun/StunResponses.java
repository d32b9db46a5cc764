package dev.parley.rtc.stun;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * Server-side answers to requests: Binding success and error responses, encoded with MESSAGE-INTEGRITY (when
 * a key is given) and FINGERPRINT, as ICE connectivity checks require (RFC 8445 §7.3).
 */
public final class StunResponses {
    private StunResponses() {
    }

    /**
     * Binding success carrying the request's source as XOR-MAPPED-ADDRESS (RFC 8489 §10.1).
     *
     * @param key the short-term key to sign with (ICE: the local ice-pwd), or null to leave the response unsigned
     */
    public static byte[] bindingSuccess(StunMessage request, InetSocketAddress source, byte[] key) {
        StunMessage response = StunMessage.responseTo(request, StunClass.SUCCESS_RESPONSE)
                .add(StunAttribute.xorMappedAddress(source))
                .build();
        return encoder(key).encode(response);
    }

    /** An error response with ERROR-CODE {@code code} and the RFC's reason phrase (RFC 8489 §6.3.1.1). */
    public static byte[] error(StunMessage request, int code, byte[] key) {
        StunMessage response = StunMessage.responseTo(request, StunClass.ERROR_RESPONSE)
                .add(new StunAttribute.ErrorCode(code, reasonPhrase(code)))
                .build();
        return encoder(key).encode(response);
    }

    /** 420 listing the request's unknown comprehension-required attributes (RFC 8489 §6.3.1). */
    public static byte[] unknownAttributes(StunMessage request, byte[] key) {
        List<Integer> unknown = request.unknownComprehensionRequired(); // at most StunDecoder.MAX_ATTRIBUTES
        StunMessage response = StunMessage.responseTo(request, StunClass.ERROR_RESPONSE)
                .add(new StunAttribute.ErrorCode(420, reasonPhrase(420)))
                .add(new StunAttribute.UnknownAttributes(unknown))
                .build();
        return encoder(key).encode(response);
    }

    /** RFC 8489 §14.8 and RFC 8445 §7.3.1.1 reason phrases. */
    public static String reasonPhrase(int code) {
        return switch (code) {
            case 300 -> "Try Alternate";
            case 400 -> "Bad Request";
            case 401 -> "Unauthenticated";
            case 420 -> "Unknown Attribute";
            case 438 -> "Stale Nonce";
            case 487 -> "Role Conflict";
            case 500 -> "Server Error";
            default -> "";
        };
    }

    private static StunEncoder encoder(byte[] key) {
        StunEncoder encoder = StunEncoder.plain();
        return (key != null ? encoder.withIntegrity(key) : encoder).withFingerprint();
    }
}
