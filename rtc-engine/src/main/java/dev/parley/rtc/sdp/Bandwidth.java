package dev.parley.rtc.sdp;

/** A {@code b=<type>:<kbps>} line (RFC 8866 §5.8), e.g. AS or TIAS (RFC 3890). */
public record Bandwidth(String type, long value) {
    static Bandwidth parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || !Syntax.isToken(text.substring(0, colon))) {
            throw new IllegalArgumentException("A bandwidth line must read <type>:<number>.");
        }
        return new Bandwidth(text.substring(0, colon),
                Syntax.number(text.substring(colon + 1), 0, 0xFFFF_FFFFL * 1000, "The bandwidth"));
    }

    @Override
    public String toString() {
        return type + ":" + value;
    }
}
