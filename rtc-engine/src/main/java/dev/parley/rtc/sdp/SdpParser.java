package dev.parley.rtc.sdp;

import java.util.HashSet;
import java.util.Set;

/**
 * Reads untrusted SDP text (RFC 8866). It either returns an {@link Sdp} or throws {@link SdpParseException} with the
 * line number and a sentence; it throws nothing else, and its work and memory are bounded by {@link SdpLimits}.
 * Lines may end in CRLF or LF; blank lines are skipped. Unknown attributes are kept verbatim and in order, so
 * {@code SdpWriter.write(parse(x))} reproduces every line of a well-formed {@code x}.
 *
 * <p>Deviations from strict RFC 8866, chosen for interoperability: after v=, o=, s= the other session lines are
 * accepted in any order (the writer puts them back in RFC order), and t= is optional.
 */
public final class SdpParser {
    private final SdpLimits limits;

    public SdpParser() {
        this(SdpLimits.DEFAULT);
    }

    public SdpParser(SdpLimits limits) {
        this.limits = limits;
    }

    /** Parses with {@link SdpLimits#DEFAULT}. */
    public static Sdp parse(String text) throws SdpParseException {
        return new SdpParser().read(text);
    }

    public Sdp read(String text) throws SdpParseException {
        if (text == null || text.isEmpty()) {
            throw new SdpParseException(0, "The session description is empty.");
        }
        if (text.length() > limits.maxChars()) {
            throw new SdpParseException(0, "The session description is " + text.length()
                    + " characters long; at most " + limits.maxChars() + " are accepted.");
        }
        State st = new State();
        int pos = 0;
        int lineNo = 0;
        while (pos < text.length()) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            lineNo++;
            int length = end > pos && text.charAt(end - 1) == '\r' ? end - pos - 1 : end - pos;
            if (length > limits.maxLineChars()) {
                throw new SdpParseException(lineNo, "The line is longer than " + limits.maxLineChars() + " characters.");
            }
            String line = text.substring(pos, end);
            pos = end + 1;
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty()) {
                continue;
            }
            try {
                st.line(line, lineNo);
            } catch (IllegalArgumentException e) {
                throw new SdpParseException(lineNo, e.getMessage());
            } catch (RuntimeException e) {
                // Defence in depth: a bug in a value parser must still surface as a parse error, not escape.
                throw new SdpParseException(lineNo, "The line could not be read (" + e.getClass().getSimpleName() + ").", e);
            }
        }
        if (st.sdp == null) {
            throw new SdpParseException(0, "The session description ends before its v=, o= and s= lines.");
        }
        return st.sdp;
    }

    /** Per-parse state: which section we are in and what has been seen. */
    private final class State {
        private int seen; // 0: nothing, 1: v=, 2: v= o=, 3: v= o= s= (Sdp built)
        private Origin origin;
        private Sdp sdp;
        private MediaDescription current;
        private final Set<String> mids = new HashSet<>();

        void line(String line, int lineNo) throws SdpParseException {
            char type = line.charAt(0);
            if (line.length() < 2 || line.charAt(1) != '=' || type < 'a' || type > 'z') {
                throw new IllegalArgumentException("The line is not of the form <letter>=<value>.");
            }
            String value = line.substring(2);
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if ((c < 0x20 && c != '\t') || c == 0x7f) {
                    throw new IllegalArgumentException("The line contains a control character (code " + (int) c + ").");
                }
            }
            if (seen < 3) {
                header(type, value);
                return;
            }
            if (current == null) {
                session(type, value);
            } else {
                media(type, value, lineNo);
            }
        }

        // RFC 8866 §5: a description starts with v=, o=, s= in this order.
        private void header(char type, String value) {
            char expected = "vos".charAt(seen);
            if (type != expected) {
                throw new IllegalArgumentException("Expected the " + expected + "= line here (RFC 8866 §5 order v=, o=, s=).");
            }
            switch (type) {
                case 'v' -> Syntax.require(value.equals("0"), "Only SDP version 0 is known (v=0).");
                case 'o' -> origin = Origin.parse(value);
                default -> sdp = new Sdp(origin, value);
            }
            seen++;
        }

        private void session(char type, String value) {
            switch (type) {
                case 'i' -> sdp.setInformation(once(sdp.information(), value, "i="));
                case 'u' -> sdp.setUri(once(sdp.uri(), value, "u="));
                case 'e' -> sdp.emails().add(value);
                case 'p' -> sdp.phones().add(value);
                case 'c' -> sdp.setConnection(once(sdp.connection(), Connection.parse(value), "c="));
                case 'b' -> sdp.bandwidths().add(Bandwidth.parse(value));
                case 't' -> sdp.timings().add(Timing.parse(value));
                case 'r' -> {
                    Syntax.require(!sdp.timings().isEmpty(), "An r= line must follow a t= line.");
                    sdp.timings().get(sdp.timings().size() - 1).repeats().add(value);
                }
                case 'z' -> sdp.setZoneAdjustments(once(sdp.zoneAdjustments(), value, "z="));
                case 'k' -> sdp.setKey(once(sdp.key(), value, "k="));
                case 'a' -> sdp.attributes().add(attribute(value));
                case 'm' -> newMedia(value);
                default -> unknownType(type, "session");
            }
        }

        private void media(char type, String value, int lineNo) throws SdpParseException {
            switch (type) {
                case 'i' -> current.setInformation(once(current.information(), value, "i="));
                case 'c' -> current.connections().add(Connection.parse(value));
                case 'b' -> current.bandwidths().add(Bandwidth.parse(value));
                case 'k' -> current.setKey(once(current.key(), value, "k="));
                case 'a' -> {
                    Attribute a = attribute(value);
                    // RFC 5888 §4 / RFC 8843: a mid identifies one m= section of the description.
                    if (a.name().equals("mid") && (current.mid().isPresent() || !mids.add(a.trimmedValue()))) {
                        throw new SdpParseException(lineNo, "The mid \"" + Syntax.clip(a.trimmedValue())
                                + "\" is used twice; each m= section needs its own.");
                    }
                    current.attributes().add(a);
                }
                case 'm' -> newMedia(value);
                default -> unknownType(type, "media");
            }
        }

        private void newMedia(String value) {
            if (sdp.media().size() >= limits.maxMediaSections()) {
                throw new IllegalArgumentException("More than " + limits.maxMediaSections() + " m= sections.");
            }
            current = MediaDescription.parseMediaLine(value);
            sdp.media().add(current);
        }

        private Attribute attribute(String value) {
            Attribute a = Attribute.parse(value);
            KnownAttributes.check(a);
            return a;
        }

        private <T> T once(T existing, T value, String what) {
            Syntax.require(existing == null, "A second " + what + " line in the same section.");
            return value;
        }

        private void unknownType(char type, String where) {
            // RFC 8866 §5: a parser must ignore or reject a description with a type letter it does not understand;
            // rejecting keeps parse -> write lossless.
            throw new IllegalArgumentException("A " + type + "= line is not allowed at " + where + " level.");
        }
    }
}
