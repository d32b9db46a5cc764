package dev.parley.rtc.sdp;

import java.util.List;

/** An {@code a=ssrc-group:<semantics> <ssrc>...} line (RFC 5576 §4.2), e.g. FID for RTX (RFC 4588 §8.1). */
public record SsrcGroup(String semantics, List<Long> ssrcs) {
    public static final String FID = "FID";

    public SsrcGroup {
        ssrcs = List.copyOf(ssrcs);
    }

    static SsrcGroup parse(String value) {
        List<String> t = Syntax.tokens(value);
        if (t.size() < 2 || !Syntax.isToken(t.get(0))) {
            throw new IllegalArgumentException("An ssrc-group must read <semantics> <ssrc> [<ssrc>...].");
        }
        return new SsrcGroup(t.get(0),
                t.subList(1, t.size()).stream().map(s -> Syntax.number(s, 0, 0xFFFF_FFFFL, "The SSRC")).toList());
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(semantics);
        ssrcs.forEach(s -> b.append(' ').append(s));
        return b.toString();
    }
}
