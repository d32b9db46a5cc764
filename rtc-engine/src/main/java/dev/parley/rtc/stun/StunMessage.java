package dev.parley.rtc.stun;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A STUN message: method, class, transaction id and attributes (RFC 8489 §5). Immutable.
 * A decoded message also keeps its wire bytes so {@link StunIntegrity} can verify MESSAGE-INTEGRITY and
 * FINGERPRINT over exactly what was received.
 */
public final class StunMessage {
    /** RFC 8489 §5: fixed value in bytes 4..7 of every message. */
    public static final int MAGIC_COOKIE = 0x2112A442;
    public static final int HEADER_LENGTH = 20;

    private final int method;
    private final StunClass messageClass;
    private final TransactionId transactionId;
    private final List<StunAttribute> attributes;
    // Decode-only state; null / -1 for built messages.
    private final byte[] wire;
    private final int integrityOffset;
    private final int integritySha256Offset;
    private final int fingerprintOffset;
    private final List<Integer> unknownComprehensionRequired;
    private final int ignoredAfterIntegrity;

    StunMessage(int method, StunClass messageClass, TransactionId transactionId, List<StunAttribute> attributes,
                byte[] wire, int integrityOffset, int integritySha256Offset, int fingerprintOffset,
                List<Integer> unknownComprehensionRequired, int ignoredAfterIntegrity) {
        this.method = method;
        this.messageClass = messageClass;
        this.transactionId = transactionId;
        this.attributes = List.copyOf(attributes);
        this.wire = wire;
        this.integrityOffset = integrityOffset;
        this.integritySha256Offset = integritySha256Offset;
        this.fingerprintOffset = fingerprintOffset;
        this.unknownComprehensionRequired = List.copyOf(unknownComprehensionRequired);
        this.ignoredAfterIntegrity = ignoredAfterIntegrity;
    }

    public static Builder builder(int method, StunClass messageClass) {
        return new Builder(method, messageClass);
    }

    /** A request with a fresh random transaction id. */
    public static Builder request(int method) {
        return builder(method, StunClass.REQUEST).transactionId(TransactionId.random());
    }

    /** A response to {@code request}: same method and transaction id (RFC 8489 §6.3.1.1). */
    public static Builder responseTo(StunMessage request, StunClass responseClass) {
        return builder(request.method, responseClass).transactionId(request.transactionId);
    }

    public int method() {
        return method;
    }

    public StunClass messageClass() {
        return messageClass;
    }

    public int messageType() {
        return StunMethod.messageType(method, messageClass);
    }

    public TransactionId transactionId() {
        return transactionId;
    }

    /** In wire order; for a decoded message, without the attributes RFC 8489 §14.5 says to ignore. */
    public List<StunAttribute> attributes() {
        return attributes;
    }

    public Optional<StunAttribute> first(int type) {
        for (StunAttribute a : attributes) {
            if (a.type() == type) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** RFC 8489 §14: when a type repeats, only the first occurrence needs processing. */
    public <T extends StunAttribute> Optional<T> first(Class<T> kind) {
        for (StunAttribute a : attributes) {
            if (kind.isInstance(a)) {
                return Optional.of(kind.cast(a));
            }
        }
        return Optional.empty();
    }

    public boolean has(int type) {
        return first(type).isPresent();
    }

    public Optional<String> text(int type) {
        return first(type).filter(StunAttribute.Text.class::isInstance).map(a -> ((StunAttribute.Text) a).value());
    }

    public Optional<String> username() {
        return text(StunAttributeType.USERNAME);
    }

    public Optional<InetSocketAddress> xorMappedAddress() {
        return first(StunAttributeType.XOR_MAPPED_ADDRESS)
                .filter(StunAttribute.XorAddress.class::isInstance)
                .map(a -> ((StunAttribute.XorAddress) a).address());
    }

    public Optional<StunAttribute.ErrorCode> errorCode() {
        return first(StunAttribute.ErrorCode.class);
    }

    /** Comprehension-required types this codec did not know; a server answers a request with 420 listing them. */
    public List<Integer> unknownComprehensionRequired() {
        return unknownComprehensionRequired;
    }

    /** How many attributes after MESSAGE-INTEGRITY were dropped as RFC 8489 §14.5 requires. */
    public int ignoredAfterIntegrity() {
        return ignoredAfterIntegrity;
    }

    /** Whether this message came from {@link StunDecoder} and can be verified. */
    public boolean isDecoded() {
        return wire != null;
    }

    byte[] wire() {
        return wire;
    }

    int integrityOffset() {
        return integrityOffset;
    }

    int integritySha256Offset() {
        return integritySha256Offset;
    }

    int fingerprintOffset() {
        return fingerprintOffset;
    }

    @Override
    public String toString() {
        return StunMethod.name(method) + " " + messageClass + " " + transactionId + " " + attributes;
    }

    /** Builds a message to encode; add attributes in the order they should appear on the wire. */
    public static final class Builder {
        private final int method;
        private final StunClass messageClass;
        private TransactionId transactionId;
        private final List<StunAttribute> attributes = new ArrayList<>();

        private Builder(int method, StunClass messageClass) {
            if (method < 0 || method > StunMethod.MAX) {
                throw new IllegalArgumentException("STUN method out of range: " + method);
            }
            this.method = method;
            this.messageClass = messageClass;
        }

        public Builder transactionId(TransactionId id) {
            this.transactionId = id;
            return this;
        }

        public Builder add(StunAttribute attribute) {
            attributes.add(attribute);
            return this;
        }

        public Builder addAll(List<? extends StunAttribute> list) {
            attributes.addAll(list);
            return this;
        }

        public StunMessage build() {
            TransactionId id = transactionId != null ? transactionId : TransactionId.random();
            return new StunMessage(method, messageClass, id, attributes, null, -1, -1, -1, List.of(), 0);
        }
    }
}
