package dev.parley.rtc.sdp;

import java.util.Locale;
import java.util.Optional;

/** The {@code a=setup} role for the DTLS connection (RFC 4145 §4, used by RFC 8842 §5). */
public enum Setup {
    ACTIVE, PASSIVE, ACTPASS, HOLDCONN;

    public static Optional<Setup> fromName(String value) {
        for (Setup s : values()) {
            if (s.attributeValue().equals(value)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * The answerer's role for this offered role (RFC 8842 §5.3): actpass is answered active (as JSEP recommends,
     * RFC 8829 §5.3.1) so that the answerer starts DTLS without waiting; active and passive are mirrored.
     */
    public Setup answer() {
        return switch (this) {
            case ACTPASS, PASSIVE -> ACTIVE;
            case ACTIVE -> PASSIVE;
            case HOLDCONN -> HOLDCONN;
        };
    }

    public String attributeValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
