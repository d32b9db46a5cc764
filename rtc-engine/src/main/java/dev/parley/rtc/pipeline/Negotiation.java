package dev.parley.rtc.pipeline;

import dev.parley.rtc.sdp.Direction;
import dev.parley.rtc.sdp.LocalTrack;
import dev.parley.rtc.sdp.MediaDescription;
import dev.parley.rtc.sdp.RtpCodec;
import dev.parley.rtc.sdp.Sdp;
import dev.parley.rtc.sdp.SsrcAttribute;
import dev.parley.rtc.sdp.SsrcGroup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the media sections both sides agreed on from a local and a remote description, one of them the answer
 * (RFC 3264 §6: the answer's payload types, extension ids and direction are what both use).
 */
public final class Negotiation {

    /** Codecs Parley can encode, by kind, in the order a tie is broken. */
    private static final Set<String> AUDIO_SEND = Set.of("opus", "pcmu", "pcma");
    private static final Set<String> VIDEO_SEND = Set.of("h264");

    private Negotiation() {
    }

    /**
     * @param answerIsLocal whether {@code local} is the answer (Parley answered) or {@code remote} is
     * @param tracks the tracks Parley sends, to find which section carries which
     */
    public static List<MediaSection> sections(Sdp local, Sdp remote, boolean answerIsLocal, List<LocalTrack> tracks) {
        Sdp answer = answerIsLocal ? local : remote;
        List<MediaSection> out = new ArrayList<>();
        for (int i = 0; i < answer.media().size(); i++) {
            MediaDescription a = answer.media().get(i);
            if (a.isRejected() || i >= local.media().size() || i >= remote.media().size()) {
                continue;
            }
            MediaDescription mine = local.media().get(i);
            MediaDescription theirs = remote.media().get(i);
            String kind = a.kind();
            if (!"audio".equals(kind) && !"video".equals(kind)) {
                continue;
            }
            Direction agreed = answerIsLocal ? answer.directionFor(a) : answer.directionFor(a).reversed();
            List<RtpCodec> codecs = a.codecs();
            Map<Integer, Integer> rtx = new HashMap<>();
            for (RtpCodec c : codecs) {
                if (c.isNamed("rtx")) {
                    c.associatedPayloadType().ifPresent(apt -> rtx.put(c.payloadType(), apt));
                }
            }
            Set<String> encodable = "audio".equals(kind) ? AUDIO_SEND : VIDEO_SEND;
            Optional<RtpCodec> send = codecs.stream()
                    .filter(c -> encodable.contains(c.name().toLowerCase(java.util.Locale.ROOT))).findFirst();
            Optional<LocalTrack> track = agreed.sends() ? trackOf(mine, tracks) : Optional.empty();
            boolean sending = agreed.sends() && track.isPresent() && send.isPresent();
            MediaSection.Feedback fb = MediaSection.Feedback.of(send.map(RtpCodec::feedback).orElse(List.of()));
            out.add(new MediaSection(a.mid().orElse(Integer.toString(i)), kind, sending, agreed.receives(), codecs,
                    send, rtx, ExtensionIds.of(a.extmaps()), fb, a.rtcpRsize(), track,
                    mediaSsrc(theirs), rtxSsrc(theirs)));
        }
        return out;
    }

    private static Optional<LocalTrack> trackOf(MediaDescription mine, List<LocalTrack> tracks) {
        for (SsrcAttribute s : mine.ssrcs()) {
            for (LocalTrack t : tracks) {
                if (t.ssrc() == s.ssrc()) {
                    return Optional.of(t);
                }
            }
        }
        return Optional.empty();
    }

    /** The first SSRC that is not the second of an FID pair (RFC 5576 §4.2, RFC 4588 §8.1). */
    private static Optional<Long> mediaSsrc(MediaDescription m) {
        List<Long> repair = new ArrayList<>();
        for (SsrcGroup g : m.ssrcGroups()) {
            if (SsrcGroup.FID.equals(g.semantics()) && g.ssrcs().size() == 2) {
                repair.add(g.ssrcs().get(1));
            }
        }
        return m.ssrcs().stream().map(SsrcAttribute::ssrc).filter(s -> !repair.contains(s)).findFirst();
    }

    private static Optional<Long> rtxSsrc(MediaDescription m) {
        for (SsrcGroup g : m.ssrcGroups()) {
            if (SsrcGroup.FID.equals(g.semantics()) && g.ssrcs().size() == 2) {
                return Optional.of(g.ssrcs().get(1));
            }
        }
        return Optional.empty();
    }
}
