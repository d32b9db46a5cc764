package dev.parley.rtc.pipeline;

import dev.parley.rtc.sdp.LocalTrack;
import dev.parley.rtc.sdp.RtpCodec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What offer and answer settled for one m= section: its mid and kind, whether Parley sends and receives on it, the
 * codecs (payload types from the answer), the header extension ids, the RTX pairings (RFC 4588 §8.6 {@code apt}),
 * which rtcp-fb the send codec accepts, the track Parley sends on it and the SSRCs the peer announced.
 *
 * @param sendCodec the first codec of the answer Parley can encode, if sending
 * @param rtxByPayloadType rtx payload type -> the payload type it retransmits
 * @param remoteSsrc the peer's media SSRC if signalled (a=ssrc), else empty (learnt from the first packet)
 * @param remoteRtxSsrc the peer's RTX SSRC if signalled (a=ssrc-group:FID)
 */
public record MediaSection(String mid, String kind, boolean sending, boolean receiving, List<RtpCodec> codecs,
                           Optional<RtpCodec> sendCodec, Map<Integer, Integer> rtxByPayloadType,
                           ExtensionIds extensions, Feedback feedback, boolean reducedSizeRtcp,
                           Optional<LocalTrack> localTrack, Optional<Long> remoteSsrc, Optional<Long> remoteRtxSsrc) {

    public MediaSection {
        codecs = List.copyOf(codecs);
        rtxByPayloadType = Map.copyOf(rtxByPayloadType);
    }

    /** The rtcp-fb types the peer accepts for what Parley sends (RFC 4585 §4.2). */
    public record Feedback(boolean nack, boolean pli, boolean fir, boolean remb, boolean transportCc) {
        static Feedback of(List<String> fb) {
            return new Feedback(fb.contains("nack"), fb.contains("nack pli"), fb.contains("ccm fir"),
                    fb.contains("goog-remb"), fb.contains("transport-cc"));
        }
    }

    public boolean isAudio() {
        return "audio".equals(kind);
    }

    public boolean isVideo() {
        return "video".equals(kind);
    }

    /** The rtx payload type that retransmits {@code payloadType}, or -1. */
    public int rtxFor(int payloadType) {
        for (Map.Entry<Integer, Integer> e : rtxByPayloadType.entrySet()) {
            if (e.getValue() == payloadType) {
                return e.getKey();
            }
        }
        return -1;
    }

    /** The codec of a payload type of this section, if it is one. */
    public Optional<RtpCodec> codec(int payloadType) {
        for (RtpCodec c : codecs) {
            if (c.payloadType() == payloadType) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
