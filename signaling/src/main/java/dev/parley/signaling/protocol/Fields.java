package dev.parley.signaling.protocol;

/** Field checks shared by the message records; each failure says which field and why, in plain words. */
final class Fields {

    static final int MAX_NAME_CODE_POINTS = 64;
    static final int MAX_ID_CHARS = 64;
    static final int MAX_PASSWORD_CHARS = 256;

    private Fields() {
    }

    static String required(String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("The message is missing the field '" + field + "'.");
        }
        return wellFormed(value, field);
    }

    static String optional(String value, String field) {
        return value == null ? null : wellFormed(value, field);
    }

    static String boundedId(String value, String field) {
        required(value, field);
        if (value.isEmpty() || value.length() > MAX_ID_CHARS) {
            throw new IllegalArgumentException("The field '" + field + "' must be 1 to " + MAX_ID_CHARS
                    + " characters long.");
        }
        return value;
    }

    /** A display name: trimmed, 1 to 64 characters, no control characters. */
    static String name(String value) {
        String trimmed = required(value, "name").strip();
        int codePoints = trimmed.codePointCount(0, trimmed.length());
        if (codePoints == 0 || codePoints > MAX_NAME_CODE_POINTS) {
            throw new IllegalArgumentException("A name must be 1 to " + MAX_NAME_CODE_POINTS + " characters long.");
        }
        if (trimmed.codePoints().anyMatch(cp -> Character.getType(cp) == Character.CONTROL)) {
            throw new IllegalArgumentException("A name must not contain control characters.");
        }
        return trimmed;
    }

    static String password(String value) {
        if (value != null && value.length() > MAX_PASSWORD_CHARS) {
            throw new IllegalArgumentException("A room password must be at most " + MAX_PASSWORD_CHARS
                    + " characters long.");
        }
        return optional(value, "password");
    }

    // A lone surrogate cannot be encoded as UTF-8: it would reach the other peer mangled.
    private static String wellFormed(String value, String field) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("The field '" + field + "' contains broken Unicode text.");
            }
        }
        return value;
    }

    /** A ping id: absent, a short string or a number, echoed back as it came. */
    static Object pingId(Object id) {
        if (id == null || id instanceof Number) {
            return id;
        }
        if (id instanceof String text) {
            if (text.length() > MAX_ID_CHARS) {
                throw new IllegalArgumentException("The field 'id' must be at most " + MAX_ID_CHARS + " characters long.");
            }
            return wellFormed(text, "id");
        }
        throw new IllegalArgumentException("The field 'id' must be a string or a number.");
    }
}
