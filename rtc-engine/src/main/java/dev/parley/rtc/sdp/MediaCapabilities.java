package dev.parley.rtc.sdp;

import java.util.List;

/**
 * What Parley supports for one media kind: codecs in preference order, header extensions by URI (RFC 8285), and
 * whether it wants to send and receive this kind at all.
 */
public record MediaCapabilities(String kind, List<CodecCapability> codecs, List<String> headerExtensions,
        boolean send, boolean receive) {

    public MediaCapabilities {
        codecs = List.copyOf(codecs);
        headerExtensions = List.copyOf(headerExtensions);
    }

    public MediaCapabilities withDirection(boolean wantSend, boolean wantReceive) {
        return new MediaCapabilities(kind, codecs, headerExtensions, wantSend, wantReceive);
    }
}
