package dev.parley.bench.setup;

import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCPeerConnection;
import java.util.ArrayList;
import java.util.List;

/**
 * The remote candidates of one libwebrtc connection, held until its remote description is set: libwebrtc drops
 * candidates added before it (shared/interop/INTEROP.md). Used on one signaling thread only.
 */
public final class HeldCandidates {

    private final List<RTCIceCandidate> early = new ArrayList<>();
    private boolean remoteSet;

    /** A remote candidate: applied now, or kept for {@link #remoteDescriptionSet}. */
    public void take(RTCPeerConnection pc, RTCIceCandidate candidate) {
        if (remoteSet) {
            pc.addIceCandidate(candidate);
        } else {
            early.add(candidate);
        }
    }

    /** The remote description is set: apply the held candidates, and every later one at once. */
    public void remoteDescriptionSet(RTCPeerConnection pc) {
        remoteSet = true;
        early.forEach(pc::addIceCandidate);
        early.clear();
    }
}
