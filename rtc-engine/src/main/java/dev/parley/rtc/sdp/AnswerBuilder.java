package dev.parley.rtc.sdp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds Parley's answer to a remote offer (RFC 8829 §5.3.1, RFC 3264 §6). One answer m= section per offered one, same
 * order and mids; payload types and extmap ids are taken from the offer; rejected sections get port 0 and leave the
 * BUNDLE group. Parley requires rtcp-mux (RFC 8829 §4.1.1 policy "require") and DTLS-SRTP, and does not yet answer
 * data channels, so such sections are rejected.
 *
 * <p>Deviation: like libwebrtc (see the interop answer), every accepted bundled section gets port 9 and the same
 * transport attributes, rather than port 0 plus {@code a=bundle-only} on the non-tagged ones (RFC 8843 §7.3.1);
 * browsers accept both forms.
 */
public final class AnswerBuilder {
    private static final List<String> WRAPPERS = List.of("rtx", "red", "ulpfec", "flexfec-03", "flexfec");

    private final LocalParameters local;
    private final List<MediaCapabilities> capabilities;
    private final List<LocalTrack> tracks;

    /** @param tracks tracks Parley wants to send; each is attached to the first suitable offered section */
    public AnswerBuilder(LocalParameters local, List<MediaCapabilities> capabilities, List<LocalTrack> tracks) {
        this.local = local;
        this.capabilities = List.copyOf(capabilities);
        this.tracks = List.copyOf(tracks);
    }

    public Sdp answer(Sdp offer) throws SdpNegotiationException {
        Sdp answer = LocalSections.session(local);
        Optional<Group> bundle = offer.bundleGroup();
        List<LocalTrack> unused = new ArrayList<>(tracks);
        List<String> sentStreams = new ArrayList<>();
        for (int i = 0; i < offer.media().size(); i++) {
            answer.media().add(section(offer, offer.media().get(i), i, bundle, unused, sentStreams));
        }
        // RFC 8843 §7.3.1: the answer's BUNDLE group lists the accepted mids of the offer's group, in its order.
        bundle.ifPresent(g -> {
            List<String> accepted = g.mids().stream()
                    .filter(mid -> answer.mediaByMid(mid).filter(m -> !m.isRejected()).isPresent()).toList();
            if (!accepted.isEmpty()) {
                answer.attributes().add("group", new Group(Group.BUNDLE, accepted).toString());
            }
        });
        if (offer.extmapAllowMixed()) {
            answer.attributes().addFlag("extmap-allow-mixed"); // RFC 8285 §6: only answered when offered
        }
        LocalSections.msidSemantic(answer, sentStreams.stream().distinct().toList());
        return answer;
    }

    private MediaDescription section(Sdp offer, MediaDescription m, int index, Optional<Group> bundle,
            List<LocalTrack> unused, List<String> sentStreams) throws SdpNegotiationException {
        Optional<MediaCapabilities> caps = capabilities.stream().filter(c -> c.kind().equals(m.kind())).findFirst();
        // RFC 8829 §5.3.1: answer with the offer's profile; only the secure (DTLS-SRTP) RTP profiles are acceptable.
        boolean usable = caps.isPresent() && !m.isRejected() && m.protocol().matches("(UDP/TLS|TCP/DTLS)/RTP/SAVPF|RTP/SAVPF")
                && m.rtcpMux();
        List<RtpCodec> codecs = usable ? codecs(m, caps.get()) : List.of();
        if (codecs.isEmpty()) {
            return rejected(m);
        }
        MediaDescription offerTransport = transportSource(offer, m, bundle);
        String where = "The offer's m= section " + index + " (" + m.kind() + ")";
        if (offer.iceUfragFor(offerTransport).isEmpty() || offer.icePwdFor(offerTransport).isEmpty()) {
            throw new SdpNegotiationException(where + " has no ICE ufrag and password.");
        }
        if (offer.fingerprintsFor(offerTransport).isEmpty()) {
            throw new SdpNegotiationException(where + " has no DTLS fingerprint; Parley only speaks DTLS-SRTP.");
        }
        MediaCapabilities c = caps.get();
        Direction offered = offer.directionFor(m);
        LocalTrack track = c.send() && offered.receives() ? takeTrack(unused, m.kind()) : null;
        Direction direction = offered.answer(track != null, c.receive());

        MediaDescription a = LocalSections.section(m.kind(), m.protocol(),
                codecs.stream().map(x -> Integer.toString(x.payloadType())).toList());
        // RFC 4145 §4 / RFC 8842 §5.3: no setup in the offer means the offerer is active.
        LocalSections.transport(a, local, offer.setupFor(offerTransport).orElse(Setup.ACTIVE).answer());
        m.mid().ifPresent(mid -> a.attributes().add("mid", mid));
        for (Extmap e : m.extmaps()) {
            // RFC 8285 §6: the answer keeps the offer's id; ids above 255 would need remapping, which we skip.
            if (c.headerExtensions().contains(e.uri()) && e.id() <= 255) {
                Direction d = e.direction() == null ? null : e.direction().reversed();
                a.attributes().add("extmap", new Extmap(e.id(), d, e.uri(), null).toString());
            }
        }
        a.attributes().addFlag(direction.attributeName());
        if (track != null && direction.sends()) {
            LocalSections.msid(a, track);
            sentStreams.add(track.streamId());
        }
        a.attributes().addFlag("rtcp-mux"); // RFC 5761 §5.1.1: mirrored, and required by Parley
        if (m.rtcpRsize()) {
            a.attributes().addFlag("rtcp-rsize"); // RFC 5506 §5: answered only when offered
        }
        LocalSections.codecs(a, codecs);
        if (track != null && direction.sends()) {
            LocalSections.ssrcs(a, track, local.cname(), codecs.stream().anyMatch(x -> x.isNamed("rtx")));
        }
        return a;
    }

    /** RFC 3264 §6: a rejected stream is answered with port 0; its mid stays so the offerer can match it. */
    private static MediaDescription rejected(MediaDescription m) {
        List<String> formats = m.formats().isEmpty() ? List.of("0") : List.of(m.formats().get(0));
        MediaDescription a = new MediaDescription(m.kind(), 0, m.protocol(), formats);
        m.mid().ifPresent(mid -> a.attributes().add("mid", mid));
        return a;
    }

    /**
     * RFC 8843 §7.2 / §8: in a subsequent offer only the tagged (first) m= section of a BUNDLE group carries the
     * transport attributes, so read them from there when this section has none.
     */
    private static MediaDescription transportSource(Sdp offer, MediaDescription m, Optional<Group> bundle) {
        if (m.iceUfrag().isPresent() || bundle.isEmpty() || m.mid().isEmpty()
                || !bundle.get().mids().contains(m.mid().get()) || bundle.get().mids().isEmpty()) {
            return m;
        }
        return offer.mediaByMid(bundle.get().mids().get(0)).orElse(m);
    }

    private LocalTrack takeTrack(List<LocalTrack> unused, String kind) {
        for (int i = 0; i < unused.size(); i++) {
            if (unused.get(i).kind().equals(kind)) {
                return unused.remove(i);
            }
        }
        return null;
    }

    /**
     * The offered payload types Parley accepts, in the offer's order: primary codecs that match a capability, then
     * red and FEC if a primary was accepted, then rtx whose apt points at an accepted type (RFC 4588 §8.6).
     */
    private static List<RtpCodec> codecs(MediaDescription m, MediaCapabilities caps) {
        List<RtpCodec> offered = m.codecs();
        Map<Integer, RtpCodec> chosen = new LinkedHashMap<>();
        for (RtpCodec o : offered) {
            if (!isWrapper(o)) {
                CodecMatcher.find(o, caps.codecs()).ifPresent(cap -> chosen.putIfAbsent(o.payloadType(), answer(o, cap)));
            }
        }
        if (chosen.isEmpty()) {
            return List.of();
        }
        for (RtpCodec o : offered) {
            if ((o.isNamed("red") && redReferencesAccepted(o, chosen)) || o.isNamed("ulpfec") || o.isNamed("flexfec-03")) {
                wrapperCapability(o, caps).ifPresent(cap -> chosen.putIfAbsent(o.payloadType(), answer(o, cap)));
            }
        }
        for (RtpCodec o : offered) {
            if (o.isNamed("rtx") && o.associatedPayloadType().filter(chosen::containsKey).isPresent()) {
                wrapperCapability(o, caps).ifPresent(cap -> chosen.putIfAbsent(o.payloadType(), answer(o, cap)));
            }
        }
        return offered.stream().map(o -> chosen.get(o.payloadType())).filter(c -> c != null).distinct().toList();
    }

    private static boolean isWrapper(RtpCodec c) {
        return WRAPPERS.stream().anyMatch(c::isNamed);
    }

    private static Optional<CodecCapability> wrapperCapability(RtpCodec offered, MediaCapabilities caps) {
        return caps.codecs().stream().filter(cap -> offered.isNamed(cap.name()) && offered.clockRate() == cap.clockRate()
                && offered.channelCount() == cap.channels()).findFirst();
    }

    /** Audio red's fmtp lists the redundant payload types ("111/111", RFC 2198 §5); all must be accepted. */
    private static boolean redReferencesAccepted(RtpCodec red, Map<Integer, RtpCodec> chosen) {
        String fmtp = red.fmtp();
        if (fmtp == null || fmtp.isBlank()) {
            return true; // video red carries no list
        }
        for (String pt : fmtp.strip().split("/", 16)) {
            try {
                if (!chosen.containsKey(Syntax.integer(pt.strip(), 0, 127, "pt"))) {
                    return false;
                }
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return true;
    }

    private static RtpCodec answer(RtpCodec offered, CodecCapability cap) {
        return new RtpCodec(offered.payloadType(), offered.name(), offered.clockRate(), offered.channels(),
                CodecMatcher.answerFmtp(offered, cap), CodecMatcher.answerFeedback(offered, cap));
    }
}
