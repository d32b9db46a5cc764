package dev.parley.rtc.sdp;

import java.util.List;
import java.util.Map;

/**
 * Parley's default capabilities and payload type choices. Audio types follow the browsers' common numbers so a
 * Parley offer looks familiar in logs; the numbers are only a preference and answers always use the offer's.
 */
public final class ParleyCodecs {
    public static final String URI_AUDIO_LEVEL = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";
    public static final String URI_ABS_SEND_TIME = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";
    public static final String URI_TRANSPORT_CC =
            "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";
    public static final String URI_MID = "urn:ietf:params:rtp-hdrext:sdes:mid";

    /** rtcp-fb types Parley's video pipeline implements or plans to (RFC 4585, RFC 5104, transport-cc, REMB). */
    public static final List<String> VIDEO_FEEDBACK = List.of("goog-remb", "transport-cc", "ccm fir", "nack", "nack pli");

    private ParleyCodecs() {
    }

    public static MediaCapabilities audio() {
        return new MediaCapabilities("audio", List.of(
                new CodecCapability("opus", 48000, 2, Map.of("minptime", "10", "useinbandfec", "1"),
                        List.of("transport-cc"), 111),
                new CodecCapability("red", 48000, 2, Map.of(), List.of(), 63),
                new CodecCapability("PCMU", 8000, 1, Map.of(), List.of(), 0),
                new CodecCapability("PCMA", 8000, 1, Map.of(), List.of(), 8),
                new CodecCapability("telephone-event", 48000, 1, Map.of(), List.of(), 110),
                new CodecCapability("telephone-event", 8000, 1, Map.of(), List.of(), 126)),
                List.of(URI_AUDIO_LEVEL, URI_ABS_SEND_TIME, URI_TRANSPORT_CC, URI_MID), true, true);
    }

    /** H.264 Constrained Baseline, level 3.1, non-interleaved mode (RFC 6184 §6.3), with RTX, RED and ULPFEC. */
    public static MediaCapabilities video() {
        return new MediaCapabilities("video", List.of(
                new CodecCapability("H264", 90000, 1, Map.of("profile-level-id", "42e01f", "packetization-mode", "1",
                        "level-asymmetry-allowed", "1"), VIDEO_FEEDBACK, 96),
                new CodecCapability("rtx", 90000, 1, Map.of(), List.of(), -1),
                new CodecCapability("red", 90000, 1, Map.of(), List.of(), 98),
                new CodecCapability("ulpfec", 90000, 1, Map.of(), List.of(), 100)),
                List.of(URI_ABS_SEND_TIME, URI_TRANSPORT_CC, URI_MID), true, true);
    }

    public static List<MediaCapabilities> defaults() {
        return List.of(audio(), video());
    }
}
