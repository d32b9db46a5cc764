package dev.parley.rtc.sdp;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A codec Parley can use: name, clock, channels, the fmtp parameters Parley declares for it, the rtcp-fb types it
 * supports, and the payload type it prefers in its own offers (-1: any free dynamic type). Payload types in answers
 * always come from the remote offer (RFC 8829 §5.3.1), never from here.
 */
public record CodecCapability(String name, int clockRate, int channels, Map<String, String> parameters,
        List<String> feedback, int preferredPayloadType) {

    public CodecCapability {
        parameters = Map.copyOf(parameters);
        feedback = List.copyOf(feedback);
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be at least 1");
        }
    }

    /** Retransmission payload (RFC 4588); paired with a primary codec through apt. */
    public boolean isRtx() {
        return is("rtx");
    }

    /** Redundant coding (RFC 2198). */
    public boolean isRed() {
        return is("red");
    }

    /** Forward error correction formats (RFC 5109 ulpfec, RFC 8627 flexfec). */
    public boolean isFec() {
        return is("ulpfec") || is("flexfec-03") || is("flexfec");
    }

    /** A media codec proper, as opposed to rtx/red/FEC wrappers. */
    public boolean isPrimary() {
        return !isRtx() && !isRed() && !isFec();
    }

    boolean is(String encoding) {
        return name.toLowerCase(Locale.ROOT).equals(encoding);
    }
}
