package dev.parley.rtc.sdp;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One payload type of an RTP m= section, assembled from its {@code a=rtpmap}, {@code a=fmtp} and {@code a=rtcp-fb}
 * lines (RFC 8866 §6.6, §6.15; RFC 4585 §4.2). {@code channels} is 0 when the rtpmap gave none; {@code fmtp} is the
 * raw parameter string or null.
 */
public record RtpCodec(int payloadType, String name, int clockRate, int channels, String fmtp, List<String> feedback) {
    public RtpCodec {
        feedback = List.copyOf(feedback);
    }

    /** Static audio payload types that may appear without rtpmap (RFC 3551 §6, Table 4). */
    static Optional<RtpCodec> staticType(int pt) {
        return switch (pt) {
            case 0 -> Optional.of(new RtpCodec(0, "PCMU", 8000, 1, null, List.of()));
            case 8 -> Optional.of(new RtpCodec(8, "PCMA", 8000, 1, null, List.of()));
            case 9 -> Optional.of(new RtpCodec(9, "G722", 8000, 1, null, List.of()));
            case 13 -> Optional.of(new RtpCodec(13, "CN", 8000, 1, null, List.of()));
            default -> Optional.empty();
        };
    }

    /** Reads {@code <pt> <name>/<clock>[/<channels>]} (RFC 8866 §6.6). */
    static RtpCodec parseRtpmap(String value) {
        List<String> t = Syntax.tokens(value);
        if (t.size() != 2) {
            throw new IllegalArgumentException("An rtpmap must read <payload type> <encoding>/<clock rate>[/<channels>].");
        }
        int pt = Syntax.integer(t.get(0), 0, 127, "The payload type");
        String[] enc = t.get(1).split("/", 4);
        if (enc.length < 2 || enc.length > 3 || !Syntax.isToken(enc[0])) {
            throw new IllegalArgumentException("An rtpmap must read <payload type> <encoding>/<clock rate>[/<channels>].");
        }
        int clock = Syntax.integer(enc[1], 1, Integer.MAX_VALUE, "The clock rate");
        int channels = enc.length == 3 ? Syntax.integer(enc[2], 1, 255, "The channel count") : 0;
        return new RtpCodec(pt, enc[0], clock, channels, null, List.of());
    }

    public Map<String, String> parameters() {
        return FormatParameters.parse(fmtp);
    }

    /** Channels with RFC 8866 §6.6's default of one. */
    public int channelCount() {
        return channels == 0 ? 1 : channels;
    }

    public boolean isNamed(String encoding) {
        return name.equalsIgnoreCase(encoding);
    }

    /** For rtx (RFC 4588 §8.6): the payload type it retransmits, if a valid apt is present. */
    public Optional<Integer> associatedPayloadType() {
        String apt = parameters().get("apt");
        try {
            return apt == null ? Optional.empty() : Optional.of(Syntax.integer(apt, 0, 127, "apt"));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The value for {@code a=rtpmap:}. */
    public String rtpmapValue() {
        return payloadType + " " + name + "/" + clockRate + (channels > 0 ? "/" + channels : "");
    }

    public RtpCodec withFmtp(String newFmtp) {
        return new RtpCodec(payloadType, name, clockRate, channels, newFmtp, feedback);
    }

    public RtpCodec withFeedback(List<String> newFeedback) {
        return new RtpCodec(payloadType, name, clockRate, channels, fmtp, newFeedback);
    }
}
