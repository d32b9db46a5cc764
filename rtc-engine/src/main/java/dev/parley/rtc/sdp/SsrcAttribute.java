package dev.parley.rtc.sdp;

/** An {@code a=ssrc:<ssrc> <attribute>[:<value>]} line (RFC 5576 §4.1), e.g. {@code cname:...} or {@code msid:...}. */
public record SsrcAttribute(long ssrc, String attribute, String value) {
    static SsrcAttribute parse(String text) {
        int space = text.indexOf(' ');
        if (space <= 0) {
            throw new IllegalArgumentException("An ssrc line must read <ssrc> <attribute>[:<value>].");
        }
        long ssrc = Syntax.number(text.substring(0, space), 0, 0xFFFF_FFFFL, "The SSRC");
        String rest = text.substring(space + 1);
        int colon = rest.indexOf(':');
        String name = colon < 0 ? rest : rest.substring(0, colon);
        if (!Syntax.isToken(name)) {
            throw new IllegalArgumentException("An ssrc line must name an attribute after the SSRC.");
        }
        return new SsrcAttribute(ssrc, name, colon < 0 ? null : rest.substring(colon + 1));
    }

    @Override
    public String toString() {
        return value == null ? ssrc + " " + attribute : ssrc + " " + attribute + ":" + value;
    }
}
