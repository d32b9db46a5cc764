package dev.parley.app.call;

import dev.parley.rtc.stats.RtcStats;
import dev.parley.rtc.stats.RtcStatsReport;
import dev.parley.ui.call.CallStats;

/**
 * Turns one connection's successive {@code getStats()} reports into the stats overlay's per-second figures: rates from
 * the byte counters' deltas, loss from the packet counters' deltas, RTT from the selected candidate pair, the video's
 * frame rate and size, codecs and the candidate types. One sampler per connection, called from one thread.
 */
final class CallStatsSampler {

    private long lastMicros = -1;
    private long lastBytesIn;
    private long lastBytesOut;
    private long lastPacketsIn;
    private long lastLost;

    CallStats sample(RtcStatsReport report, long nowMillis) {
        long bytesIn = 0;
        long bytesOut = 0;
        long packetsIn = 0;
        long lost = 0;
        long micros = 0;
        for (RtcStats s : report.ofType("inbound-rtp")) {
            bytesIn += s.count("bytesReceived");
            packetsIn += s.count("packetsReceived");
            lost += Math.max(0, s.count("packetsLost"));
            micros = Math.max(micros, s.timestampMicros());
        }
        for (RtcStats s : report.ofType("outbound-rtp")) {
            bytesOut += s.count("bytesSent");
            micros = Math.max(micros, s.timestampMicros());
        }
        double receiveKbps = Double.NaN;
        double sendKbps = Double.NaN;
        double lossPercent = Double.NaN;
        if (lastMicros >= 0 && micros > lastMicros) {
            double seconds = (micros - lastMicros) / 1e6;
            receiveKbps = (bytesIn - lastBytesIn) * 8 / 1000.0 / seconds;
            sendKbps = (bytesOut - lastBytesOut) * 8 / 1000.0 / seconds;
            long expected = (packetsIn - lastPacketsIn) + (lost - lastLost);
            lossPercent = expected <= 0 ? 0 : 100.0 * (lost - lastLost) / expected;
        }
        lastMicros = micros;
        lastBytesIn = bytesIn;
        lastBytesOut = bytesOut;
        lastPacketsIn = packetsIn;
        lastLost = lost;

        RtcStats video = report.first("inbound-rtp", "video").orElse(null);
        RtcStats audio = report.first("inbound-rtp", "audio").orElse(null);
        RtcStats pair = report.ofType("candidate-pair").stream().filter(p -> p.get("nominated").isPresent()
                && Boolean.TRUE.equals(p.get("nominated").get())).findFirst()
                .orElse(report.ofType("candidate-pair").stream().findFirst().orElse(null));
        double rtt = pair == null || pair.get("currentRoundTripTime").isEmpty() ? Double.NaN
                : pair.number("currentRoundTripTime") * 1000;
        String pairType = pair == null ? "" : pair.text("localCandidateType") + "/" + pair.text("remoteCandidateType");
        return new CallStats(nowMillis, receiveKbps, sendKbps, lossPercent, rtt,
                video == null ? Double.NaN : video.number("framesPerSecond"),
                video == null ? 0 : video.count("fecPacketsRecovered"),
                video == null ? 0 : video.count("nackCount"),
                video == null ? -1 : (int) video.count("frameWidth"),
                video == null ? -1 : (int) video.count("frameHeight"),
                codec(video), codec(audio), pairType);
    }

    private static String codec(RtcStats inbound) {
        if (inbound == null) {
            return "";
        }
        String mime = inbound.text("mimeType");
        int slash = mime.indexOf('/');
        return slash >= 0 ? mime.substring(slash + 1) : mime;
    }
}
