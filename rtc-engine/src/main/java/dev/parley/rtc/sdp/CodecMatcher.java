package dev.parley.rtc.sdp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Decides whether an offered payload type is one of Parley's codecs, and what the answer says about it. */
final class CodecMatcher {
    private CodecMatcher() {
    }

    /** The first capability (in Parley's preference order) compatible with the offered primary codec. */
    static Optional<CodecCapability> find(RtpCodec offered, List<CodecCapability> local) {
        return local.stream().filter(CodecCapability::isPrimary).filter(cap -> matches(offered, cap)).findFirst();
    }

    static boolean matches(RtpCodec offered, CodecCapability cap) {
        if (!offered.isNamed(cap.name()) || offered.clockRate() != cap.clockRate()
                || offered.channelCount() != cap.channels()) {
            return false;
        }
        return !offered.isNamed("H264") || h264Compatible(offered.parameters(), cap.parameters());
    }

    /** RFC 6184 §8.2.2: same profile and same packetization-mode (default 0, §8.1); levels may differ. */
    private static boolean h264Compatible(Map<String, String> offered, Map<String, String> local) {
        if (!offered.getOrDefault("packetization-mode", "0").equals(local.getOrDefault("packetization-mode", "0"))) {
            return false;
        }
        Optional<H264ProfileLevelId> a = H264ProfileLevelId.parse(offered.get("profile-level-id"));
        Optional<H264ProfileLevelId> b = H264ProfileLevelId.parse(local.get("profile-level-id"));
        return a.isPresent() && b.isPresent() && a.get().profile() == b.get().profile()
                && a.get().profile() != H264ProfileLevelId.Profile.OTHER;
    }

    /**
     * The fmtp the answer carries for an accepted codec. rtx and red refer to payload types of the offer, so they are
     * echoed; H.264 echoes the offer with the level adjusted; other codecs declare Parley's own receive parameters
     * (e.g. opus useinbandfec, RFC 7587 §7), falling back to the offer's when Parley declares none.
     */
    static String answerFmtp(RtpCodec offered, CodecCapability cap) {
        if (offered.isNamed("H264")) {
            return h264AnswerFmtp(offered.parameters(), cap.parameters());
        }
        if (cap.isRtx() || cap.isRed() || cap.parameters().isEmpty()) {
            return offered.fmtp();
        }
        return FormatParameters.format(new TreeMap<>(cap.parameters())); // sorted: Map.copyOf has no order
    }

    /**
     * RFC 6184 §8.2.2: without level-asymmetry-allowed the answer's level must not exceed the offer's, so take the
     * lower; with it (both sides), the answer states the level Parley can receive.
     */
    private static String h264AnswerFmtp(Map<String, String> offered, Map<String, String> local) {
        Map<String, String> out = new LinkedHashMap<>(offered);
        H264ProfileLevelId theirs = H264ProfileLevelId.parse(offered.get("profile-level-id")).orElseThrow();
        H264ProfileLevelId ours = H264ProfileLevelId.parse(local.get("profile-level-id")).orElseThrow();
        boolean asymmetric = "1".equals(offered.get("level-asymmetry-allowed"))
                && "1".equals(local.get("level-asymmetry-allowed"));
        int level = asymmetric ? ours.levelIdc() : Math.min(theirs.levelIdc(), ours.levelIdc());
        out.put("profile-level-id", theirs.withLevel(level).toString());
        return FormatParameters.format(out);
    }

    /** Feedback types both sides support (RFC 4585 §4.2), in the offer's order. */
    static List<String> answerFeedback(RtpCodec offered, CodecCapability cap) {
        return offered.feedback().stream().filter(cap.feedback()::contains).distinct().toList();
    }
}
