package dev.parley.rtc.interop;

import dev.onvoid.webrtc.RTCStats;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.RTCStatsType;
import java.util.Map;

/**
 * Reads a libwebrtc (webrtc-java) {@link RTCStatsReport}: the W3C stats entries are maps of attribute names
 * ("framesEncoded", "framesDecoded", "packetsLost", "nackCount", "codecId", ...) to boxed numbers and strings.
 * Stateless; any thread.
 */
public final class LibWebRtcStats {

    private LibWebRtcStats() {
    }

    /** The attributes of the outbound-rtp entry of {@code kind} ("audio"/"video"), empty if there is none. */
    public static Map<String, Object> outboundRtp(RTCStatsReport report, String kind) {
        return rtp(report, RTCStatsType.OUTBOUND_RTP, kind);
    }

    /** The attributes of the inbound-rtp entry of {@code kind} ("audio"/"video"), empty if there is none. */
    public static Map<String, Object> inboundRtp(RTCStatsReport report, String kind) {
        return rtp(report, RTCStatsType.INBOUND_RTP, kind);
    }

    private static Map<String, Object> rtp(RTCStatsReport report, RTCStatsType type, String kind) {
        for (RTCStats s : report.getStats().values()) {
            if (s.getType() == type && kind.equals(s.getAttributes().get("kind"))) {
                return s.getAttributes();
            }
        }
        return Map.of();
    }

    /** The codec's mimeType (e.g. "video/H264") and fmtp line an rtp entry points at, or "" if none. */
    public static String codecOf(RTCStatsReport report, Map<String, Object> rtp) {
        Object id = rtp.get("codecId");
        RTCStats codec = id == null ? null : report.getStats().get(id.toString());
        if (codec == null) {
            return "";
        }
        Object fmtp = codec.getAttributes().get("sdpFmtpLine");
        return codec.getAttributes().get("mimeType") + (fmtp == null ? "" : ";" + fmtp);
    }

    /** A numeric stats attribute as a long, 0 if absent. */
    public static long number(Map<String, Object> attributes, String key) {
        Object v = attributes.get(key);
        return v instanceof Number n ? n.longValue() : 0;
    }
}
