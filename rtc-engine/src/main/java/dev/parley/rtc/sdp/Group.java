package dev.parley.rtc.sdp;

import java.util.List;

/** An {@code a=group} line (RFC 5888 §5), e.g. {@code BUNDLE 0 1} (RFC 8843 §7.1). An empty id list is tolerated. */
public record Group(String semantics, List<String> mids) {
    public static final String BUNDLE = "BUNDLE";

    public Group {
        mids = List.copyOf(mids);
    }

    static Group parse(String value) {
        List<String> t = Syntax.tokens(value);
        if (t.isEmpty() || !Syntax.isToken(t.get(0))) {
            throw new IllegalArgumentException("A group needs its semantics, e.g. BUNDLE, followed by mids.");
        }
        return new Group(t.get(0), t.subList(1, t.size()));
    }

    public boolean isBundle() {
        return semantics.equals(BUNDLE);
    }

    @Override
    public String toString() {
        return mids.isEmpty() ? semantics : semantics + " " + String.join(" ", mids);
    }
}
