package dev.parley.rtc.sdp;

import java.util.List;

/** An {@code a=msid:<stream-id> [<track-id>]} value (RFC 8830 §2); ids are 1 to 64 token characters. */
public record Msid(String streamId, String trackId) {
    static Msid parse(String value) {
        List<String> t = Syntax.tokens(value);
        if (t.isEmpty() || t.size() > 2 || !t.stream().allMatch(s -> s.length() <= 64 && Syntax.isToken(s))) {
            throw new IllegalArgumentException("An msid must be a stream id and an optional track id (tokens, up to 64 characters).");
        }
        return new Msid(t.get(0), t.size() == 2 ? t.get(1) : null);
    }

    @Override
    public String toString() {
        return trackId == null ? streamId : streamId + " " + trackId;
    }
}
