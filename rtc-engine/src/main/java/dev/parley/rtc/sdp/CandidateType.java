package dev.parley.rtc.sdp;

import java.util.Optional;

/** ICE candidate types (RFC 8839 §5.1 cand-type; RFC 8445 §5.1.1). */
public enum CandidateType {
    HOST("host"), SRFLX("srflx"), PRFLX("prflx"), RELAY("relay");

    private final String token;

    CandidateType(String token) {
        this.token = token;
    }

    public static Optional<CandidateType> fromToken(String token) {
        for (CandidateType t : values()) {
            if (t.token.equals(token)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    public String token() {
        return token;
    }
}
