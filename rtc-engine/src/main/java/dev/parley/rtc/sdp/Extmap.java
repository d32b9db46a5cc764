package dev.parley.rtc.sdp;

import java.util.List;

/**
 * An {@code a=extmap:<id>[/<direction>] <uri> [<attributes>]} value (RFC 8285 §8). Ids 1-255 are usable on the wire
 * (1-14 with one-byte headers); 4096-4351 may appear in offers only (RFC 8285 §6). Direction and attributes may be null.
 */
public record Extmap(int id, Direction direction, String uri, String attributes) {
    static Extmap parse(String value) {
        String v = value.strip();
        int space = v.indexOf(' ');
        if (space <= 0) {
            throw new IllegalArgumentException("An extmap must read <id>[/<direction>] <uri>.");
        }
        String idPart = v.substring(0, space);
        String rest = v.substring(space + 1).strip();
        Direction direction = null;
        int slash = idPart.indexOf('/');
        if (slash >= 0) {
            direction = Direction.fromName(idPart.substring(slash + 1)).orElseThrow(
                    () -> new IllegalArgumentException("An extmap direction must be sendrecv, sendonly, recvonly or inactive."));
            idPart = idPart.substring(0, slash);
        }
        int id = Syntax.integer(idPart, 1, 4351, "The extmap id");
        if (id > 255 && id < 4096) {
            throw new IllegalArgumentException("The extmap id must be 1-255 or 4096-4351, got " + id + ".");
        }
        List<String> t = Syntax.tokens(rest);
        if (t.isEmpty()) {
            throw new IllegalArgumentException("An extmap needs the extension URI.");
        }
        String attrs = t.size() > 1 ? rest.substring(rest.indexOf(' ') + 1).strip() : null;
        return new Extmap(id, direction, t.get(0), attrs);
    }

    @Override
    public String toString() {
        String head = direction == null ? Integer.toString(id) : id + "/" + direction.attributeName();
        return attributes == null ? head + " " + uri : head + " " + uri + " " + attributes;
    }
}
