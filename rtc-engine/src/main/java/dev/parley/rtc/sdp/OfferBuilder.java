package dev.parley.rtc.sdp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds Parley's initial offer (RFC 8829 §5.2.1): one m= section per capability (mids "0", "1", ...), all in one
 * BUNDLE group, rtcp-mux and rtcp-rsize, trickle ICE, setup actpass, Parley's fingerprint, and msid/ssrc lines for the
 * tracks it sends. Payload types come from the capabilities' preferences, allocated once for the whole offer.
 */
public final class OfferBuilder {
    private static final String PROTOCOL = "UDP/TLS/RTP/SAVPF"; // RFC 8829 §5.1.2

    private final LocalParameters local;
    private final List<MediaCapabilities> capabilities;
    private final List<LocalTrack> tracks;

    public OfferBuilder(LocalParameters local, List<MediaCapabilities> capabilities, List<LocalTrack> tracks) {
        this.local = local;
        this.capabilities = List.copyOf(capabilities);
        this.tracks = List.copyOf(tracks);
    }

    public Sdp offer() {
        Sdp sdp = LocalSections.session(local);
        PayloadTypeAllocator pts = new PayloadTypeAllocator();
        Map<String, Integer> extIds = new HashMap<>(); // RFC 8843 §9.2: one id per URI across bundled sections
        List<LocalTrack> unused = new ArrayList<>(tracks);
        List<String> mids = new ArrayList<>();
        List<String> streams = new ArrayList<>();
        for (MediaCapabilities caps : capabilities) {
            String mid = Integer.toString(mids.size());
            mids.add(mid);
            List<RtpCodec> codecs = codecs(caps, pts);
            MediaDescription m = LocalSections.section(caps.kind(), PROTOCOL,
                    codecs.stream().map(c -> Integer.toString(c.payloadType())).toList());
            LocalSections.transport(m, local, Setup.ACTPASS); // RFC 8842 §5.2: the offerer must say actpass
            m.attributes().add("mid", mid);
            for (String uri : caps.headerExtensions()) {
                int id = extIds.computeIfAbsent(uri, u -> extIds.size() + 1);
                if (id <= 14) { // one-byte header ids (RFC 8285 §4.2), understood by every peer
                    m.attributes().add("extmap", id + " " + uri);
                }
            }
            LocalTrack track = caps.send() ? take(unused, caps.kind()) : null;
            m.attributes().addFlag(Direction.of(track != null, caps.receive()).attributeName());
            if (track != null) {
                LocalSections.msid(m, track);
                streams.add(track.streamId());
            }
            m.attributes().addFlag("rtcp-mux").addFlag("rtcp-rsize");
            LocalSections.codecs(m, codecs);
            if (track != null) {
                LocalSections.ssrcs(m, track, local.cname(), codecs.stream().anyMatch(c -> c.isNamed("rtx")));
            }
            sdp.media().add(m);
        }
        sdp.attributes().add("group", new Group(Group.BUNDLE, mids).toString()); // RFC 8829 §5.2.1, policy balanced
        sdp.attributes().addFlag("extmap-allow-mixed");
        LocalSections.msidSemantic(sdp, streams.stream().distinct().toList());
        return sdp;
    }

    /** Primary codecs in preference order, each followed by its rtx (RFC 4588 §8.6), then red and FEC. */
    private static List<RtpCodec> codecs(MediaCapabilities caps, PayloadTypeAllocator pts) {
        Optional<CodecCapability> rtx = caps.codecs().stream().filter(CodecCapability::isRtx).findFirst();
        List<RtpCodec> out = new ArrayList<>();
        Integer firstPrimary = null;
        List<CodecCapability> ordered = new ArrayList<>(caps.codecs().stream().filter(CodecCapability::isPrimary).toList());
        ordered.addAll(caps.codecs().stream().filter(CodecCapability::isRed).toList());
        ordered.addAll(caps.codecs().stream().filter(CodecCapability::isFec).toList());
        for (CodecCapability cap : ordered) {
            int pt = pts.take(cap.preferredPayloadType());
            String fmtp = cap.parameters().isEmpty() ? null : FormatParameters.format(new TreeMap<>(cap.parameters()));
            if (cap.isRed() && firstPrimary != null && caps.kind().equals("audio")) {
                fmtp = firstPrimary + "/" + firstPrimary; // RFC 2198 §5: one redundant copy of the primary codec
            }
            out.add(new RtpCodec(pt, cap.name(), cap.clockRate(), cap.channels() > 1 ? cap.channels() : 0, fmtp,
                    cap.feedback()));
            if (cap.isPrimary() && firstPrimary == null) {
                firstPrimary = pt;
            }
            if (rtx.isPresent() && !cap.isFec() && rtx.get().clockRate() == cap.clockRate()) {
                out.add(new RtpCodec(pts.take(-1), rtx.get().name(), rtx.get().clockRate(), 0, "apt=" + pt, List.of()));
            }
        }
        return out;
    }

    private static LocalTrack take(List<LocalTrack> unused, String kind) {
        for (int i = 0; i < unused.size(); i++) {
            if (unused.get(i).kind().equals(kind)) {
                return unused.remove(i);
            }
        }
        return null;
    }
}
