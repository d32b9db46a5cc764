package dev.parley.rtc.pipeline;

import dev.parley.rtc.rtp.RtpPacket;
import dev.parley.rtc.rtp.SdesMid;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which receive stream an incoming SSRC belongs to: those the peer signalled (a=ssrc, a=ssrc-group:FID), else learnt
 * from the first packet by its mid extension (RFC 8843 §9.2) or, without one, its payload type. A stream has one
 * media SSRC at a time: a new one (the peer restarted its sender) replaces the old. At most {@value #MAX_ROUTES}
 * SSRCs are remembered, so a flood of invented ones costs nothing. Network thread only.
 */
final class SsrcRouter {

    private static final Logger LOG = LoggerFactory.getLogger(SsrcRouter.class);
    static final int MAX_ROUTES = 64;

    /** Where an SSRC's packets go. */
    sealed interface Route permits Media, Repair {
    }

    /** The stream's own packets. */
    record Media(ReceiveStream stream) implements Route {
    }

    /** RTX retransmissions for a video stream (RFC 4588). */
    record Repair(VideoReceiveStream stream) implements Route {
    }

    private final List<MediaSection> sections;
    private final List<? extends ReceiveStream> streams;
    private final Map<Integer, Route> routes = new HashMap<>();

    SsrcRouter(List<MediaSection> sections, List<? extends ReceiveStream> streams) {
        this.sections = sections;
        this.streams = streams;
        for (ReceiveStream s : streams) {
            s.section().remoteSsrc().ifPresent(ssrc -> bind((int) (long) ssrc, new Media(s)));
            if (s instanceof VideoReceiveStream v) {
                s.section().remoteRtxSsrc().ifPresent(ssrc -> bind((int) (long) ssrc, new Repair(v)));
            }
        }
    }

    /** The route of this packet's SSRC, learnt now if it is new; null when it belongs to no stream. */
    Route route(RtpPacket p) {
        Route r = routes.get(p.ssrc());
        return r != null ? r : learn(p);
    }

    /** The stream whose media SSRC this is (for sender reports and BYE), or null. */
    ReceiveStream media(int ssrc) {
        return routes.get(ssrc) instanceof Media m ? m.stream() : null;
    }

    private void bind(int ssrc, Route r) {
        if (routes.size() >= MAX_ROUTES && !routes.containsKey(ssrc)) {
            return;
        }
        if (r instanceof Media) {
            routes.values().removeIf(old -> old.equals(r));
        }
        routes.put(ssrc, r);
        if (r instanceof Media m) {
            m.stream().bind(ssrc);
        }
    }

    private Route learn(RtpPacket p) {
        MediaSection section = null;
        for (MediaSection s : sections) {
            if (s.extensions().mid() > 0) {
                String mid = SdesMid.read(p, s.extensions().mid());
                if (mid != null) {
                    section = sections.stream().filter(x -> x.mid().equals(mid)).findFirst().orElse(null);
                    break;
                }
            }
        }
        if (section == null) {
            for (MediaSection s : sections) {
                if (s.receiving() && s.codec(p.payloadType()).isPresent()) {
                    section = s;
                    break;
                }
            }
        }
        if (section == null || !section.receiving()) {
            return null;
        }
        boolean rtx = section.rtxByPayloadType().containsKey(p.payloadType());
        for (ReceiveStream s : streams) {
            if (s.section() == section) {
                bind(p.ssrc(), rtx && s instanceof VideoReceiveStream v ? new Repair(v) : new Media(s));
                LOG.debug("bound unsignalled SSRC {} to mid {}", Integer.toUnsignedString(p.ssrc()), section.mid());
                break;
            }
        }
        return routes.get(p.ssrc());
    }
}
