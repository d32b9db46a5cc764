package dev.parley.app.call;

import dev.parley.rtc.peer.PeerConnection;
import dev.parley.rtc.peer.RtcConfiguration;
import dev.parley.signaling.client.SignalingListener;
import dev.parley.signaling.protocol.IceCandidateInit;
import dev.parley.signaling.protocol.IceServer;
import dev.parley.signaling.protocol.PeerInfo;
import dev.parley.signaling.protocol.ServerMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A room's full mesh: one {@link PeerLink} (one peer connection) per other person. Fed with the signaling client's
 * events (it is a {@link SignalingListener}, or the app forwards them), it offers to everyone already in the room when
 * joining, answers newcomers' offers, trickles candidates, and restarts ICE on a path that stays disconnected. The
 * same {@link LocalTracks} go on every link: one video encoder for everybody.
 *
 * <p>{@code peer-left} only reports what the signaling server saw. A person who really left closed their connection,
 * which sent RTCP BYE: that link closes at once. A link still connected without a BYE (the server went away, or the
 * peer's signaling socket dropped while the media path is fine) is kept as an orphan: media goes on, and it closes
 * when a BYE comes, the path fails, the same person is connected again under a new id, or after
 * {@value #ORPHAN_GRACE_MILLIS} ms.
 */
public final class MeshCall implements SignalingListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MeshCall.class);
    /** A room holds at most 8 (signaling-v1 capacity); never more links than that, whatever the server says. */
    static final int MAX_PEERS = 7;
    /** How long media may go on with someone the signaling server says has left. */
    static final long ORPHAN_GRACE_MILLIS = 20_000;

    private final LocalTracks tracks;
    private final MeshSignaling signaling;
    private final MeshListener listener;
    private final Function<List<IceServer>, RtcConfiguration> configuration;
    private final Map<String, PeerLink> links = new LinkedHashMap<>();
    /** Everyone announced, with or without a link yet (a newcomer's link comes with its offer). */
    private final Map<String, String> names = new LinkedHashMap<>();
    /** Links whose peer the server says left but whose media still flows: peer id -> since (ms). */
    private final Map<String, Long> orphanedSince = new LinkedHashMap<>();
    private final ScheduledExecutorService timer;
    private List<IceServer> iceServers = List.of();
    private boolean closed;

    /**
     * @param configuration the connection settings, given the ICE servers the server handed out in {@code joined}
     */
    public MeshCall(LocalTracks tracks, MeshSignaling signaling, MeshListener listener,
                    Function<List<IceServer>, RtcConfiguration> configuration) {
        this.tracks = tracks;
        this.signaling = signaling;
        this.listener = listener;
        this.configuration = configuration;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parley-mesh-timer");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::checkPaths, 500, 500, TimeUnit.MILLISECONDS);
    }

    /** The remote people with a connection now: peer id -> name. */
    public synchronized Map<String, String> peers() {
        Map<String, String> out = new LinkedHashMap<>();
        links.forEach((id, link) -> out.put(id, link.name));
        return out;
    }

    /** The link's connection, for stats; {@code null} when there is none. */
    public synchronized PeerConnection connection(String peerId) {
        PeerLink link = links.get(peerId);
        return link == null ? null : link.connection();
    }

    @Override
    public void onJoined(ServerMessage.Joined joined, boolean rejoined) {
        List<PeerLink> toOffer = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            iceServers = joined.iceServers() == null ? List.of() : joined.iceServers();
            if (rejoined) {
                // A new peer id: the others will see us as someone new and our old links as orphans; ours go on
                // carrying media until the new ones connect (then the others reap theirs, and we ours).
                long now = System.currentTimeMillis();
                links.keySet().forEach(id -> orphanedSince.putIfAbsent(id, now));
            }
            for (PeerInfo peer : joined.peers()) {
                PeerLink link = newLink(peer.peerId(), peer.name(), true);
                if (link != null) {
                    toOffer.add(link);
                }
            }
        }
        for (PeerLink link : toOffer) {
            listener.onPeerJoined(link.peerId, link.name);
            link.offer();
        }
    }

    @Override
    public void onPeerJoined(PeerInfo peer) {
        // The newcomer offers; its link is made when the offer comes. Announce the person now.
        synchronized (this) {
            if (closed || names.size() > 4 * MAX_PEERS) {
                return; // a server announcing more people than a room holds is not to be followed
            }
            names.put(peer.peerId(), peer.name());
        }
        listener.onPeerJoined(peer.peerId(), peer.name());
    }

    @Override
    public void onPeerLeft(String peerId) {
        PeerLink link;
        String name;
        synchronized (this) {
            link = links.get(peerId);
            if (link != null && link.connected() && !link.remoteGone()) {
                orphanedSince.putIfAbsent(peerId, System.currentTimeMillis());
                LOG.info("{} left the signaling room but the media path is up: keeping it for now", peerId);
                return;
            }
            links.remove(peerId);
            name = names.remove(peerId);
        }
        if (link != null) {
            link.close();
            name = link.name;
        }
        if (name != null) {
            listener.onPeerLeft(peerId, name);
        }
    }

    /** Closes orphans whose peer is really gone, is back under another id, or has been away too long. */
    private void reapOrphans(long nowMillis) {
        List<PeerLink> gone = new ArrayList<>();
        synchronized (this) {
            for (var it = orphanedSince.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, Long> e = it.next();
                PeerLink link = links.get(e.getKey());
                boolean back = link != null && links.values().stream().anyMatch(other -> other != link
                        && !orphanedSince.containsKey(other.peerId) && other.name.equals(link.name) && other.connected());
                if (link == null || link.remoteGone() || back || nowMillis - e.getValue() > ORPHAN_GRACE_MILLIS) {
                    it.remove();
                    if (link != null) {
                        links.remove(e.getKey());
                        names.remove(e.getKey());
                        gone.add(link);
                    }
                }
            }
        }
        for (PeerLink link : gone) {
            link.close();
            listener.onPeerLeft(link.peerId, link.name);
        }
    }

    @Override
    public void onOffer(String from, String sdp) {
        PeerLink link;
        synchronized (this) {
            link = links.get(from);
            if (link == null) {
                link = newLink(from, names.getOrDefault(from, "Someone"), false);
            }
        }
        if (link != null) {
            link.answer(sdp); // a first offer, or an ICE restart of an existing link
        }
    }

    @Override
    public void onAnswer(String from, String sdp) {
        PeerLink link;
        synchronized (this) {
            link = links.get(from);
        }
        if (link != null && link.offerer) {
            link.accept(sdp);
        }
    }

    @Override
    public void onCandidate(String from, IceCandidateInit candidate) {
        PeerLink link;
        synchronized (this) {
            link = links.get(from);
        }
        if (link != null) {
            link.addCandidate(candidate);
        }
    }

    @Override
    public void onState(String from, boolean muted, boolean cameraOff) {
        boolean known;
        synchronized (this) {
            known = links.containsKey(from) || names.containsKey(from);
        }
        if (known) {
            listener.onPeerMediaState(from, muted, cameraOff);
        }
    }

    /** Tells everyone our microphone/camera state changed (the tracks hold the state). */
    public void announceState() {
        List<PeerLink> now;
        synchronized (this) {
            now = List.copyOf(links.values());
        }
        now.forEach(PeerLink::sendState);
    }

    /** Under the lock; {@code null} when full or closed. */
    private PeerLink newLink(String peerId, String name, boolean offerer) {
        if (closed || links.size() >= MAX_PEERS) {
            LOG.warn("Not connecting to {}: {}", peerId, closed ? "the call is closed" : "too many peers");
            return null;
        }
        PeerLink old = links.remove(peerId);
        orphanedSince.remove(peerId);
        if (old != null) {
            old.close();
        }
        PeerLink link = new PeerLink(peerId, name, offerer, configuration.apply(iceServers), tracks, signaling,
                listener);
        links.put(peerId, link);
        names.putIfAbsent(peerId, name);
        return link;
    }

    private void checkPaths() {
        List<PeerLink> now;
        synchronized (this) {
            now = List.copyOf(links.values());
        }
        long millis = System.currentTimeMillis();
        reapOrphans(millis);
        for (PeerLink link : now) {
            try {
                link.checkPath(millis);
            } catch (RuntimeException e) {
                LOG.warn("Checking the path to {} failed", link.peerId, e);
            }
        }
    }

    private void closeAllLinks() {
        for (PeerLink link : links.values()) {
            link.close();
        }
        links.clear();
        orphanedSince.clear();
    }

    /** Leaves: closes every connection (each sends RTCP BYE) and the timer. The tracks stay the caller's. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            closeAllLinks();
            names.clear();
        }
        timer.shutdownNow();
    }
}
