package dev.parley.app.call;

import dev.parley.rtc.ice.IceConnectionState;
import dev.parley.rtc.peer.IceCandidate;
import dev.parley.rtc.peer.PeerConnection;
import dev.parley.rtc.peer.PeerConnectionListener;
import dev.parley.rtc.peer.PeerConnectionState;
import dev.parley.rtc.peer.RemoteAudioTrack;
import dev.parley.rtc.peer.RemoteTrack;
import dev.parley.rtc.peer.RemoteVideoTrack;
import dev.parley.rtc.peer.RtcConfiguration;
import dev.parley.rtc.peer.SessionDescription;
import dev.parley.signaling.protocol.IceCandidateInit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection to one other person in a mesh call: its {@link PeerConnection}, offered by the newcomer and
 * answered by whoever was there (signaling-v1 "who offers"), candidates trickled both ways. The side that offered
 * also restarts ICE when the path goes {@code disconnected} (RFC 8445 §9), so there is never glare.
 */
final class PeerLink implements PeerConnectionListener {

    private static final Logger LOG = LoggerFactory.getLogger(PeerLink.class);
    /** How long a disconnected path may recover by itself before the offerer restarts ICE. */
    static final long RESTART_AFTER_MILLIS = 2_000;

    final String peerId;
    final String name;
    final boolean offerer;
    private final PeerConnection pc;
    private final MeshSignaling signaling;
    private final MeshListener listener;
    private final LocalTracks.Attachment attachment;
    private final LocalTracks tracks;
    private volatile boolean closed;
    private volatile long disconnectedSince = -1;
    private final List<RemoteTrack> remoteTracks = new CopyOnWriteArrayList<>();

    PeerLink(String peerId, String name, boolean offerer, RtcConfiguration config, LocalTracks tracks,
             MeshSignaling signaling, MeshListener listener) {
        this.peerId = peerId;
        this.name = name;
        this.offerer = offerer;
        this.signaling = signaling;
        this.listener = listener;
        this.tracks = tracks;
        this.pc = new PeerConnection(config);
        pc.addListener(this);
        this.attachment = tracks.attach(pc);
    }

    PeerConnection connection() {
        return pc;
    }

    /** As the newcomer: offer (again, after an ICE restart). */
    CompletableFuture<Void> offer() {
        return pc.createOffer()
                .thenCompose(offer -> pc.setLocalDescription(offer).thenApply(v -> offer))
                .thenAccept(offer -> {
                    signaling.sendOffer(peerId, offer.sdp());
                    sendState();
                })
                .exceptionally(e -> failed("offer", e));
    }

    /** As one already inside: answer the newcomer's offer (or its ICE-restart offer). */
    CompletableFuture<Void> answer(String sdp) {
        return pc.setRemoteDescription(new SessionDescription(SessionDescription.Type.OFFER, sdp))
                .thenCompose(v -> pc.createAnswer())
                .thenCompose(answer -> pc.setLocalDescription(answer).thenApply(v -> answer))
                .thenAccept(answer -> {
                    signaling.sendAnswer(peerId, answer.sdp());
                    sendState();
                })
                .exceptionally(e -> failed("answer", e));
    }

    /** Tells the peer whether our microphone is muted and our camera off. */
    void sendState() {
        if (!closed) {
            signaling.sendState(peerId, tracks.microphoneMuted(), !tracks.cameraEnabled());
        }
    }

    CompletableFuture<Void> accept(String answerSdp) {
        return pc.setRemoteDescription(new SessionDescription(SessionDescription.Type.ANSWER, answerSdp))
                .exceptionally(e -> failed("the answer", e));
    }

    void addCandidate(IceCandidateInit candidate) {
        IceCandidate c = candidate == null ? IceCandidate.endOfCandidates(null, null)
                : new IceCandidate(candidate.candidate(), candidate.sdpMid(), candidate.sdpMLineIndex());
        pc.addIceCandidate(c).exceptionally(e -> {
            LOG.debug("A candidate from {} was refused: {}", peerId, e.toString());
            return null;
        });
    }

    private Void failed(String step, Throwable e) {
        if (!closed) {
            LOG.warn("Negotiation with {} failed at {}: {}", peerId, step, e.toString());
            listener.onProblem("Could not connect to " + name + ".");
        }
        return null;
    }

    /** Called by the mesh's timer: restarts ICE on a path that stayed disconnected. */
    void checkPath(long nowMillis) {
        long since = disconnectedSince;
        if (offerer && !closed && since >= 0 && nowMillis - since >= RESTART_AFTER_MILLIS) {
            disconnectedSince = -1;
            LOG.info("Path to {} disconnected for {} ms: restarting ICE", peerId, nowMillis - since);
            pc.restartIce().thenCompose(v -> offer());
        }
    }

    @Override
    public void onIceCandidate(IceCandidate candidate) {
        if (closed) {
            return;
        }
        signaling.sendCandidate(peerId, candidate.isEndOfCandidates() ? null
                : new IceCandidateInit(candidate.candidate(), candidate.sdpMid(), candidate.sdpMLineIndex()));
    }

    @Override
    public void onIceConnectionStateChange(IceConnectionState state) {
        if (state == IceConnectionState.DISCONNECTED) {
            disconnectedSince = System.currentTimeMillis();
        } else if (state == IceConnectionState.CONNECTED) {
            disconnectedSince = -1;
        }
    }

    @Override
    public void onConnectionStateChange(PeerConnectionState state) {
        if (!closed) {
            listener.onPeerState(peerId, state);
        }
    }

    @Override
    public void onTrack(RemoteTrack track) {
        if (closed) {
            return;
        }
        remoteTracks.add(track);
        if (track instanceof RemoteVideoTrack v) {
            listener.onRemoteVideo(peerId, v);
        } else if (track instanceof RemoteAudioTrack a) {
            listener.onRemoteAudio(peerId, a);
        }
    }

    /** Whether the peer closed its end: an RTCP BYE on its tracks (RFC 3550 §6.6), or the connection is gone. */
    boolean remoteGone() {
        PeerConnectionState state = pc.connectionState();
        return state == PeerConnectionState.FAILED || state == PeerConnectionState.CLOSED
                || remoteTracks.stream().anyMatch(RemoteTrack::ended);
    }

    /** Whether media flows with this peer now. */
    boolean connected() {
        return pc.connectionState() == PeerConnectionState.CONNECTED;
    }

    void close() {
        closed = true;
        tracks.detach(attachment);
        pc.close();
    }

    @Override
    public String toString() {
        return "PeerLink[" + peerId + ", " + name + (offerer ? ", offerer" : "") + "]";
    }
}
