package dev.parley.rtc.sdp;

/**
 * Writes an {@link Sdp} as text with CRLF line endings (RFC 8866 §5), fields in the order RFC 8866 §5 prescribes.
 * Throws {@link IllegalArgumentException} if a value contains a line break, which could only come from code that
 * built the model by hand.
 */
public final class SdpWriter {
    private static final String CRLF = "\r\n";

    private SdpWriter() {
    }

    public static String write(Sdp sdp) {
        StringBuilder b = new StringBuilder(4096);
        line(b, 'v', "0");
        line(b, 'o', sdp.origin().toString());
        line(b, 's', sdp.sessionName());
        line(b, 'i', sdp.information());
        line(b, 'u', sdp.uri());
        sdp.emails().forEach(e -> line(b, 'e', e));
        sdp.phones().forEach(p -> line(b, 'p', p));
        line(b, 'c', sdp.connection());
        sdp.bandwidths().forEach(bw -> line(b, 'b', bw));
        for (Timing t : sdp.timings()) {
            line(b, 't', t);
            t.repeats().forEach(r -> line(b, 'r', r));
        }
        line(b, 'z', sdp.zoneAdjustments());
        line(b, 'k', sdp.key());
        sdp.attributes().all().forEach(a -> line(b, 'a', a));
        for (MediaDescription m : sdp.media()) {
            line(b, 'm', m.mediaLine());
            line(b, 'i', m.information());
            m.connections().forEach(c -> line(b, 'c', c));
            m.bandwidths().forEach(bw -> line(b, 'b', bw));
            line(b, 'k', m.key());
            m.attributes().all().forEach(a -> line(b, 'a', a));
        }
        return b.toString();
    }

    private static void line(StringBuilder b, char type, Object value) {
        if (value != null) {
            String text = value.toString();
            // A CR or LF inside a value (say a track id from elsewhere) would inject lines into the description.
            if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("An SDP " + type + "= value must not contain a line break.");
            }
            b.append(type).append('=').append(text).append(CRLF);
        }
    }
}
