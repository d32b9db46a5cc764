package dev.parley.signaling.protocol;

import java.util.List;

/** An RTCIceServer as {@code joined.iceServers} lists it: STUN/TURN URLs and optional credentials. */
public record IceServer(List<String> urls, String username, String credential) {
    public IceServer {
        if (urls == null || urls.isEmpty()) {
            throw new IllegalArgumentException("An ICE server needs at least one URL.");
        }
        urls = List.copyOf(urls);
        urls.forEach(url -> Fields.required(url, "urls"));
        Fields.optional(username, "username");
        Fields.optional(credential, "credential");
    }

    public static IceServer of(String url) {
        return new IceServer(List.of(url), null, null);
    }
}
