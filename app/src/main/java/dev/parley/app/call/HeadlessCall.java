package dev.parley.app.call;

import dev.parley.rtc.media.AudioFrame;
import dev.parley.rtc.media.AudioSource;
import dev.parley.rtc.media.VideoSource;
import dev.parley.rtc.peer.IceTransportPolicy;
import dev.parley.rtc.peer.PeerConnection;
import dev.parley.rtc.peer.RemoteAudioTrack;
import dev.parley.rtc.peer.RemoteVideoTrack;
import dev.parley.rtc.peer.RtcConfiguration;
import dev.parley.rtc.stats.RtcStats;
import dev.parley.rtc.stats.RtcStatsReport;
import dev.parley.signaling.client.SignalingClient;
import dev.parley.signaling.client.SignalingListener;
import dev.parley.signaling.protocol.ErrorCode;
import dev.parley.signaling.protocol.IceServer;
import dev.parley.signaling.protocol.PeerInfo;
import dev.parley.signaling.protocol.ServerMessage;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A participant without a window (the {@code call} command: demos, bots, tests): joins or creates a room, meshes with
 * everyone in it, sends the given sources, counts what it receives from each person, and at the end reports per
 * remote person what arrived and how the connection went.
 */
public final class HeadlessCall implements AutoCloseable {

    /** What arrived from one person. */
    private static final class Received {
        final String name;
        final AtomicLong framesDecoded = new AtomicLong();
        final AtomicLong audioSamples = new AtomicLong();
        final AtomicLong audibleSamples = new AtomicLong();
        volatile RtcStatsReport lastStats;

        Received(String name) {
            this.name = name;
        }
    }

    private final SignalingClient client; // after the mesh, which it feeds
    private final LocalTracks tracks;
    private final MeshCall mesh;
    private final Map<String, Received> everyone = new ConcurrentHashMap<>();
    private final CompletableFuture<String> room = new CompletableFuture<>();
    private final Consumer<String> log;

    /**
     * @param video what to send as video, or {@code null}
     * @param audio what to send as audio, or {@code null}
     * @param log where progress lines go (a person reads them)
     */
    public HeadlessCall(URI server, VideoSource video, AudioSource audio, boolean relayOnly, Consumer<String> log) {
        this.log = log;
        this.tracks = new LocalTracks(video, audio, RtcConfiguration.DEFAULT_VIDEO_BITRATE);
        MeshListener listener = new MeshListener() {
            @Override
            public void onPeerJoined(String peerId, String name) {
                everyone.computeIfAbsent(peerId, k -> new Received(name));
                log.accept(name + " is in the room.");
            }

            @Override
            public void onPeerLeft(String peerId, String name) {
                log.accept(name + " left.");
            }

            @Override
            public void onRemoteVideo(String peerId, RemoteVideoTrack track) {
                Received r = received(peerId);
                track.setSink(frame -> r.framesDecoded.incrementAndGet());
            }

            @Override
            public void onRemoteAudio(String peerId, RemoteAudioTrack track) {
                Received r = received(peerId);
                track.setSink(frame -> count(r, frame));
            }

            @Override
            public void onProblem(String sentence) {
                log.accept(sentence);
            }
        };
        this.mesh = new MeshCall(tracks, new ClientSignaling(this::client), listener,
                servers -> configuration(servers, relayOnly));
        this.client = new SignalingClient(server, new SignalingTee(new RoomWatcher(), mesh));
    }

    private static RtcConfiguration configuration(List<IceServer> servers, boolean relayOnly) {
        RtcConfiguration c = RtcConfiguration.loopback();
        List<dev.parley.rtc.peer.IceServer> ice = new ArrayList<>();
        for (IceServer s : servers) {
            ice.add(new dev.parley.rtc.peer.IceServer(s.urls(), s.username(), s.credential()));
        }
        c = c.withIceServers(ice);
        return relayOnly ? c.withIceTransportPolicy(IceTransportPolicy.RELAY) : c;
    }

    private Received received(String peerId) {
        return everyone.computeIfAbsent(peerId, k -> new Received("?"));
    }

    private static void count(Received r, AudioFrame frame) {
        short[] s = frame.samples();
        int audible = 0;
        for (int i = frame.offset(), end = frame.offset() + frame.sampleCount(); i < end; i++) {
            if (s[i] > 300 || s[i] < -300) {
                audible++;
            }
        }
        r.audioSamples.addAndGet(frame.sampleCount());
        r.audibleSamples.addAndGet(audible);
    }

    /** Makes a room as {@code name}; returns its code once inside. */
    public String create(String name, Duration timeout) throws Exception {
        client.connect().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        client.createRoom(name, null, null);
        return room.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Joins the room {@code code} as {@code name}; returns its code once inside. */
    public String join(String code, String name, Duration timeout) throws Exception {
        client.connect().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!client.joinRoom(code, name, null)) {
            throw new IllegalArgumentException("'" + code + "' is not a room code.");
        }
        return room.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Fetches every connection's stats (call before {@link #report}). */
    public void collectStats() {
        for (String peerId : mesh.peers().keySet()) {
            PeerConnection pc = mesh.connection(peerId);
            if (pc != null) {
                try {
                    received(peerId).lastStats = pc.getStats().get(3, TimeUnit.SECONDS);
                } catch (Exception e) {
                    log.accept("Could not read the stats of a connection: " + e);
                }
            }
        }
    }

    /** Per remote person in the room: what arrived (zeros when nothing did) and how the connection went. */
    public List<Map<String, Object>> report() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map.Entry<String, Received> e : everyone.entrySet()) {
            Received r = e.getValue();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("peerId", e.getKey());
            m.put("name", r.name);
            m.put("framesDecoded", r.framesDecoded.get());
            m.put("audioSamples", r.audioSamples.get());
            m.put("audibleSamples", r.audibleSamples.get());
            RtcStatsReport stats = r.lastStats;
            if (stats != null) {
                RtcStats video = stats.first("inbound-rtp", "video").orElse(null);
                RtcStats audio = stats.first("inbound-rtp", "audio").orElse(null);
                m.put("framesReceived", video == null ? 0 : video.count("framesReceived"));
                m.put("packetsLost", (video == null ? 0 : video.count("packetsLost"))
                        + (audio == null ? 0 : audio.count("packetsLost")));
                m.put("packetsRecovered", (video == null ? 0 : video.count("retransmittedPacketsReceived"))
                        + (video == null ? 0 : video.count("fecPacketsRecovered")));
                stats.ofType("candidate-pair").stream().findFirst().ifPresent(pair -> {
                    m.put("rttMillis", pair.number("currentRoundTripTime") * 1000);
                    m.put("localCandidateType", pair.text("localCandidateType"));
                    m.put("remoteCandidateType", pair.text("remoteCandidateType"));
                });
            }
            out.add(m);
        }
        return out;
    }

    @Override
    public void close() {
        mesh.close();
        client.close();
        tracks.close();
    }

    private SignalingClient client() {
        return client;
    }

    /** Notices the room being entered (or refused) and who was already there. */
    private final class RoomWatcher implements SignalingListener {
        @Override
        public void onCreated(String code) {
            room.complete(code);
        }

        @Override
        public void onJoined(ServerMessage.Joined joined, boolean rejoined) {
            room.complete(joined.room());
            for (PeerInfo p : joined.peers()) {
                everyone.computeIfAbsent(p.peerId(), k -> new Received(p.name()));
            }
        }

        @Override
        public void onError(ErrorCode code, String message, String ref) {
            if ("create".equals(ref) || "join".equals(ref)) {
                room.completeExceptionally(new IllegalStateException(message));
            } else {
                log.accept(message);
            }
        }
    }
}
