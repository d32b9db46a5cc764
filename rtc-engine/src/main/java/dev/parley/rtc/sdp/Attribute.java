package dev.parley.rtc.sdp;

import java.util.Objects;

/**
 * One {@code a=} line, kept verbatim (RFC 8866 §5.13): {@code a=<name>} (a property attribute, {@code value} null)
 * or {@code a=<name>:<value>}. The value is everything after the first colon, including any leading space, so
 * writing it back reproduces the original line exactly (e.g. {@code a=msid-semantic: WMS x}).
 */
public record Attribute(String name, String value) {
    public Attribute {
        Objects.requireNonNull(name, "name");
        if (!Syntax.isToken(name)) {
            throw new IllegalArgumentException("Attribute name \"" + Syntax.clip(name) + "\" is not a token.");
        }
    }

    public static Attribute flag(String name) {
        return new Attribute(name, null);
    }

    /** Splits the text after {@code a=} at its first colon. */
    static Attribute parse(String text) {
        int colon = text.indexOf(':');
        return colon < 0 ? new Attribute(text, null) : new Attribute(text.substring(0, colon), text.substring(colon + 1));
    }

    public boolean isFlag() {
        return value == null;
    }

    /** The value without surrounding spaces, or "" for a property attribute. */
    public String trimmedValue() {
        return value == null ? "" : value.strip();
    }

    /** The line content after {@code a=}. */
    @Override
    public String toString() {
        return value == null ? name : name + ":" + value;
    }
}
