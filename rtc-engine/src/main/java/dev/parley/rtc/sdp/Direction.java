package dev.parley.rtc.sdp;

import java.util.Locale;
import java.util.Optional;

/** Media direction attributes (RFC 8866 §6.7; RFC 3264 §5.1), seen from the side that wrote them. */
public enum Direction {
    SENDRECV(true, true), SENDONLY(true, false), RECVONLY(false, true), INACTIVE(false, false);

    private final boolean sends;
    private final boolean receives;

    Direction(boolean sends, boolean receives) {
        this.sends = sends;
        this.receives = receives;
    }

    public static Direction of(boolean sends, boolean receives) {
        return sends ? (receives ? SENDRECV : SENDONLY) : (receives ? RECVONLY : INACTIVE);
    }

    public static Optional<Direction> fromName(String name) {
        for (Direction d : values()) {
            if (d.attributeName().equals(name)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    public boolean sends() {
        return sends;
    }

    public boolean receives() {
        return receives;
    }

    /** The same stream seen from the other side: sendonly becomes recvonly. */
    public Direction reversed() {
        return of(receives, sends);
    }

    /**
     * The answer's direction for this offered direction (RFC 3264 §6.1): send only what the offerer will receive and
     * receive only what it will send, further limited by what the answerer wants.
     */
    public Direction answer(boolean wantSend, boolean wantReceive) {
        return of(wantSend && receives, wantReceive && sends);
    }

    public String attributeName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
