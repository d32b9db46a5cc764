package dev.parley.bench.call;

import java.util.Map;

/**
 * One direction's figures from the two ends' getStats(), by their W3C names: the sender's outbound-rtp
 * (framesEncoded, qpSum, totalEncodeTime, bytesSent, frameWidth, frameHeight, qualityLimitationReason) and the
 * receiver's inbound-rtp (framesDecoded, totalDecodeTime, framesDropped, freezeCount, totalFreezesDuration,
 * packetsLost, pliCount, syncVideoDelay). Counters are subtracted to give a window's figures; the frame size, the
 * limitation reason and the sync delay are the later reading's. From the receiver's audio inbound-rtp, the jitter
 * buffer's delay: Parley's jitterBufferDelayCurrent and jitterBufferTargetDelay (readings), libwebrtc's
 * jitterBufferDelay and jitterBufferEmittedCount (counters, whose ratio over the window is the mean delay).
 *
 * @param droppedBeforeEncode   Parley's outbound framesDroppedBeforeEncode (frames replaced by a newer one while the
 *                              encoder was busy); -1 for libwebrtc, which has no such member
 * @param syncVideoDelaySeconds Parley's inbound syncVideoDelay (video held back to match the audio), NaN when absent
 */
record DirectionCounters(long framesEncoded, double qpSum, double encodeSeconds, long bytesSent, long framesDecoded,
                     double decodeSeconds, long framesDropped, long freezeCount, double totalFreezesSeconds,
                     long packetsLost, long pliCount, long droppedBeforeEncode, long sentWidth, long sentHeight,
                     String qualityLimitation, double syncVideoDelaySeconds, double audioJitterCurrentSeconds,
                     double audioJitterTargetSeconds,
                     double audioJitterDelaySeconds, long audioJitterEmitted) {

    /**
     * Reads the members from the sender's video outbound-rtp and the receiver's video and audio inbound-rtp maps
     * (absent counters read as 0).
     */
    static DirectionCounters of(Map<String, Object> outbound, Map<String, Object> inbound,
                                Map<String, Object> audioInbound, boolean parley) {
        Object reason = outbound.get("qualityLimitationReason");
        Object sync = inbound.get("syncVideoDelay");
        return new DirectionCounters(count(outbound, "framesEncoded"), number(outbound, "qpSum"),
                number(outbound, "totalEncodeTime"), count(outbound, "bytesSent"), count(inbound, "framesDecoded"),
                number(inbound, "totalDecodeTime"), count(inbound, "framesDropped"), count(inbound, "freezeCount"),
                number(inbound, "totalFreezesDuration"), count(inbound, "packetsLost"), count(inbound, "pliCount"),
                parley ? count(outbound, "framesDroppedBeforeEncode") : -1, count(outbound, "frameWidth"),
                count(outbound, "frameHeight"), reason == null ? "" : reason.toString(),
                sync instanceof Number n ? n.doubleValue() : Double.NaN,
                audioInbound.containsKey("jitterBufferDelayCurrent") ? number(audioInbound, "jitterBufferDelayCurrent")
                        : Double.NaN,
                parley ? number(audioInbound, "jitterBufferTargetDelay") : Double.NaN,
                number(audioInbound, "jitterBufferDelay"), count(audioInbound, "jitterBufferEmittedCount"));
    }

    DirectionCounters minus(DirectionCounters earlier) {
        return new DirectionCounters(framesEncoded - earlier.framesEncoded, qpSum - earlier.qpSum,
                encodeSeconds - earlier.encodeSeconds, bytesSent - earlier.bytesSent,
                framesDecoded - earlier.framesDecoded, decodeSeconds - earlier.decodeSeconds,
                framesDropped - earlier.framesDropped, freezeCount - earlier.freezeCount,
                totalFreezesSeconds - earlier.totalFreezesSeconds, packetsLost - earlier.packetsLost,
                pliCount - earlier.pliCount,
                droppedBeforeEncode < 0 ? -1 : droppedBeforeEncode - earlier.droppedBeforeEncode, sentWidth,
                sentHeight, qualityLimitation, syncVideoDelaySeconds, audioJitterCurrentSeconds,
                audioJitterTargetSeconds, audioJitterDelaySeconds - earlier.audioJitterDelaySeconds,
                audioJitterEmitted - earlier.audioJitterEmitted);
    }

    /**
     * The receiver's audio jitter buffer delay in ms: Parley's current reading, or libwebrtc's mean over the
     * window; NaN when neither is known.
     */
    double audioJitterMillis() {
        if (!Double.isNaN(audioJitterCurrentSeconds)) {
            return audioJitterCurrentSeconds * 1000;
        }
        return audioJitterEmitted <= 0 ? Double.NaN : audioJitterDelaySeconds / audioJitterEmitted * 1000;
    }

    private static long count(Map<String, Object> m, String name) {
        return m.get(name) instanceof Number n ? n.longValue() : 0;
    }

    private static double number(Map<String, Object> m, String name) {
        return m.get(name) instanceof Number n ? n.doubleValue() : 0;
    }
}
