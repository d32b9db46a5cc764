package dev.parley.rtc.pipeline;

import dev.parley.rtc.jitter.AudioJitterStats;
import dev.parley.rtc.rtcp.ReceptionStatistics;
import dev.parley.rtc.rtcp.SenderStatistics;
import dev.parley.rtc.sdp.RtpCodec;
import dev.parley.rtc.stats.RtcStats;
import dev.parley.rtc.stats.StatsBuilder;
import java.util.List;

/**
 * The W3C stats objects of a {@link MediaSession}: outbound-rtp and remote-inbound-rtp per stream sent, inbound-rtp
 * per stream received, and codec. Ids follow Chrome's pattern loosely ("OT" + ssrc, "IT" + ssrc, ...).
 */
final class MediaStats {

    private MediaStats() {
    }

    static void collect(MediaSession session, long micros, List<RtcStats> out) {
        for (AudioSendStream a : session.audioSenders()) {
            SenderStatistics s = a.statistics();
            String id = "OT" + Integer.toUnsignedString(s.ssrc());
            out.add(outbound(id, "audio", s, a.codec(), micros).build());
            remoteInbound(id, "audio", s, micros, out);
            out.add(codec(a.codec(), micros));
        }
        for (VideoSendStream v : session.videoSenders()) {
            SenderStatistics s = v.statistics();
            String id = "OT" + Integer.toUnsignedString(s.ssrc());
            VideoTrackEncoder e = v.encoder();
            StatsBuilder b = outbound(id, "video", s, null, micros)
                    .put("framesSent", v.framesSent())
                    .put("framesPerSecond", v.framesPerSecond())
                    .put("framesEncoded", e.framesEncoded())
                    .put("keyFramesEncoded", e.keyFramesEncoded())
                    .put("frameWidth", e.frameWidth())
                    .put("frameHeight", e.frameHeight())
                    .put("totalEncodeTime", e.totalEncodeSeconds())
                    .put("qpSum", e.qpSum())
                    .put("targetBitrate", (double) e.bitrate())
                    .put("framesDroppedBeforeEncode", e.framesDropped())
                    .put("retransmittedPacketsSent", v.retransmittedPackets())
                    .put("retransmittedBytesSent", v.retransmittedBytes())
                    .put("nackCount", v.nacksReceived())
                    .put("pliCount", v.plisReceived())
                    .put("firCount", v.firsReceived());
            v.section().sendCodec().ifPresent(c -> b.put("codecId", codecId(c)).put("mimeType", mime("video", c)));
            out.add(b.build());
            remoteInbound(id, "video", s, micros, out);
            v.section().sendCodec().ifPresent(c -> out.add(codec(c, micros)));
        }
        for (AudioReceiveStream a : session.audioReceivers()) {
            ReceptionStatistics s = a.statistics();
            if (s == null) {
                continue;
            }
            AudioJitterStats j = a.jitterStats();
            StatsBuilder b = inbound(s, "audio", a.section(), micros)
                    .put("totalSamplesReceived", a.samplesPlayed())
                    .put("concealedSamples", a.samplesConcealed())
                    .put("concealmentEvents", a.concealmentEvents())
                    .put("fecPacketsReceived", j.framesFecRecovered())
                    .put("packetsDiscarded", j.packetsLate() + j.packetsOverflow() + j.packetsDuplicate())
                    .put("jitterBufferDelay", a.jitterBufferDelaySeconds())
                    .put("jitterBufferEmittedCount", a.jitterBufferEmittedCount())
                    .put("jitterBufferTargetDelay", j.targetDelayMs() / 1000)
                    .put("jitterBufferDelayCurrent", j.currentDelayMs() / 1000)
                    .put("audioLevel", a.audioLevel())
                    .put("totalAudioEnergy", a.totalAudioEnergy())
                    .put("totalSamplesDuration", a.totalSamplesDuration());
            a.codec().ifPresent(c -> b.put("codecId", codecId(c)).put("mimeType", mime("audio", c)));
            out.add(b.build());
        }
        for (VideoReceiveStream v : session.videoReceivers()) {
            ReceptionStatistics s = v.statistics();
            if (s == null) {
                continue;
            }
            StatsBuilder b = inbound(s, "video", v.section(), micros)
                    .put("framesReceived", v.framesAssembled())
                    .put("framesDecoded", v.framesDecoded())
                    .put("keyFramesDecoded", v.keyFramesDecoded())
                    .put("framesDropped", v.framesDropped())
                    .put("framesRendered", v.framesRendered())
                    .put("framesPerSecond", v.framesPerSecond())
                    .put("frameWidth", v.frameWidth())
                    .put("frameHeight", v.frameHeight())
                    .put("freezeCount", v.freezeCount())
                    .put("totalFreezesDuration", v.totalFreezesDuration())
                    .put("longestFrameGap", v.longestFrameGapNanos() / 1e9)
                    .put("totalDecodeTime", v.totalDecodeSeconds())
                    .put("nackCount", v.nackPacketsSent())
                    .put("nackedSequenceNumbers", v.nackedSequences())
                    .put("pliCount", v.plisSent())
                    .put("firCount", v.firsSent())
                    .put("retransmittedPacketsReceived", s.retransmittedPacketsReceived());
            if (session.lipSync().active()) {
                b.put("syncVideoDelay", session.lipSync().videoDelayNanos() / 1e9)
                        .put("syncOffsetBeforeHold", session.lipSync().unsyncedOffsetMs() / 1000);
            }
            v.section().codecs().stream().filter(c -> c.isNamed("H264")).findFirst()
                    .ifPresent(c -> b.put("codecId", codecId(c)).put("mimeType", mime("video", c)));
            out.add(b.build());
        }
    }

    private static StatsBuilder outbound(String id, String kind, SenderStatistics s, RtpCodec codec, long micros) {
        StatsBuilder b = new StatsBuilder(id, "outbound-rtp", micros)
                .put("ssrc", Integer.toUnsignedLong(s.ssrc()))
                .put("kind", kind)
                .put("packetsSent", s.packetsSent())
                .put("bytesSent", s.octetsSent())
                .put("remoteId", "RI" + Integer.toUnsignedString(s.ssrc()));
        if (codec != null) {
            b.put("codecId", codecId(codec)).put("mimeType", mime(kind, codec));
        }
        return b;
    }

    private static void remoteInbound(String localId, String kind, SenderStatistics s, long micros, List<RtcStats> out) {
        if (s.lastReportBlock() == null) {
            return;
        }
        StatsBuilder b = new StatsBuilder("RI" + Integer.toUnsignedString(s.ssrc()), "remote-inbound-rtp", micros)
                .put("ssrc", Integer.toUnsignedLong(s.ssrc()))
                .put("kind", kind)
                .put("localId", localId)
                .put("packetsLost", s.remotePacketsLost())
                .put("fractionLost", s.remoteFractionLost())
                .put("jitter", s.remoteJitterSeconds())
                .put("roundTripTimeMeasurements", s.roundTripMeasurements())
                .put("totalRoundTripTime", s.totalRoundTripNanos() / 1e9);
        if (s.roundTripNanos() >= 0) {
            b.put("roundTripTime", s.roundTripNanos() / 1e9);
        }
        out.add(b.build());
    }

    private static StatsBuilder inbound(ReceptionStatistics s, String kind, MediaSection section, long micros) {
        return new StatsBuilder("IT" + Integer.toUnsignedString(s.ssrc()), "inbound-rtp", micros)
                .put("ssrc", Integer.toUnsignedLong(s.ssrc()))
                .put("kind", kind)
                .put("mid", section.mid())
                .put("packetsReceived", s.packetsReceived())
                .put("bytesReceived", s.bytesReceived())
                .put("packetsLost", s.packetsLost())
                .put("jitter", s.jitterSeconds());
    }

    private static String codecId(RtpCodec c) {
        return "CO" + c.payloadType() + c.name();
    }

    private static String mime(String kind, RtpCodec c) {
        return kind + "/" + c.name();
    }

    private static RtcStats codec(RtpCodec c, long micros) {
        return new StatsBuilder(codecId(c), "codec", micros)
                .put("payloadType", c.payloadType())
                .put("mimeType", c.clockRate() == 90_000 ? "video/" + c.name() : "audio/" + c.name())
                .put("clockRate", c.clockRate())
                .put("channels", c.clockRate() == 90_000 ? null : c.channelCount())
                .put("sdpFmtpLine", c.fmtp())
                .build();
    }
}
