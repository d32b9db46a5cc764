package dev.parley.rtc.sdp;

import java.util.ArrayList;
import java.util.List;

/** A {@code t=} line and the {@code r=} lines that follow it (RFC 8866 §5.9, §5.10). Repeats are kept verbatim. */
public record Timing(String start, String stop, List<String> repeats) {
    /** WebRTC's unbounded session, {@code t=0 0} (RFC 8829 §5.2.1). */
    public static Timing unbounded() {
        return new Timing("0", "0", new ArrayList<>());
    }

    static Timing parse(String value) {
        List<String> t = Syntax.tokens(value);
        if (t.size() != 2) {
            throw new IllegalArgumentException("A timing line needs a start and a stop time.");
        }
        return new Timing(Syntax.digits(t.get(0), "The start time"), Syntax.digits(t.get(1), "The stop time"),
                new ArrayList<>());
    }

    @Override
    public String toString() {
        return start + " " + stop;
    }
}
