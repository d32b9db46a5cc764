package dev.parley.rtc.sdp;

import java.util.List;

/** Lines Parley writes the same way in offers and answers. */
final class LocalSections {
    private LocalSections() {
    }

    /** v=, o=, s=, t= as JSEP writes them (RFC 8829 §5.2.1). */
    static Sdp session(LocalParameters local) {
        Sdp sdp = new Sdp(new Origin("-", local.sessionId(), Long.toString(local.sessionVersion()), "IN", "IP4",
                "127.0.0.1"), "-");
        sdp.timings().add(Timing.unbounded());
        return sdp;
    }

    /** RFC 8829 §5.2.1: port 9 and c=IN IP4 0.0.0.0 until trickled candidates say otherwise. */
    static MediaDescription section(String kind, String protocol, List<String> formats) {
        MediaDescription m = new MediaDescription(kind, 9, protocol, formats);
        m.connections().add(Connection.UNSPECIFIED_IP4);
        return m;
    }

    /** ICE credentials and trickle support (RFC 8839 §5.4, RFC 8840 §4.1.1), then DTLS identity and role. */
    static void transport(MediaDescription m, LocalParameters local, Setup setup) {
        m.attributes().add("ice-ufrag", local.iceUfrag()).add("ice-pwd", local.icePwd())
                .add("ice-options", "trickle").add("fingerprint", local.fingerprint().toString())
                .add("setup", setup.attributeValue());
    }

    static void codecs(MediaDescription m, List<RtpCodec> codecs) {
        for (RtpCodec c : codecs) {
            m.attributes().add("rtpmap", c.rtpmapValue());
            c.feedback().forEach(fb -> m.attributes().add("rtcp-fb", c.payloadType() + " " + fb));
            if (c.fmtp() != null && !c.fmtp().isEmpty()) {
                m.attributes().add("fmtp", c.payloadType() + " " + c.fmtp());
            }
        }
    }

    /** RFC 8830 §2 msid. */
    static void msid(MediaDescription m, LocalTrack track) {
        m.attributes().add("msid", track.streamId() + " " + track.trackId());
    }

    /** RFC 5576 §4: ssrc-group FID pairs the media SSRC with its RTX SSRC (RFC 4588 §8.1). */
    static void ssrcs(MediaDescription m, LocalTrack track, String cname, boolean withRtx) {
        boolean rtx = withRtx && track.rtxSsrc() != null;
        if (rtx) {
            m.attributes().add("ssrc-group", new SsrcGroup(SsrcGroup.FID, List.of(track.ssrc(), track.rtxSsrc())).toString());
        }
        for (long ssrc : rtx ? List.of(track.ssrc(), track.rtxSsrc()) : List.of(track.ssrc())) {
            m.attributes().add("ssrc", ssrc + " cname:" + cname)
                    .add("ssrc", ssrc + " msid:" + track.streamId() + " " + track.trackId());
        }
    }

    static void msidSemantic(Sdp sdp, List<String> streamIds) {
        // Not in RFC 8830 any more, but older libwebrtc only reads a=msid when this is present.
        sdp.attributes().add("msid-semantic", " WMS" + (streamIds.isEmpty() ? "" : " " + String.join(" ", streamIds)));
    }
}
