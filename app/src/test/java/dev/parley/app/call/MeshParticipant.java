package dev.parley.app.call;

import dev.parley.rtc.media.AudioFrame;
import dev.parley.rtc.media.synthetic.FrameStamp;
import dev.parley.rtc.media.synthetic.SyntheticVideo;
import dev.parley.rtc.media.synthetic.SyntheticVideoSource;
import dev.parley.rtc.media.synthetic.ToneSource;
import dev.parley.rtc.peer.RemoteAudioTrack;
import dev.parley.rtc.peer.RemoteVideoTrack;
import dev.parley.rtc.peer.RtcConfiguration;
import dev.parley.signaling.client.SignalingClient;
import dev.parley.signaling.client.SignalingListener;
import dev.parley.signaling.protocol.ServerMessage;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One person of a mesh-call test: a signaling client, a {@link MeshCall}, a synthetic camera and a tone, and what
 * arrives from each other person (frames decoded, audio energy).
 */
final class MeshParticipant implements AutoCloseable {

    /** What arrived from one other person. */
    static final class Received {
        final AtomicLong frames = new AtomicLong();
        final AtomicLong loudAudioFrames = new AtomicLong();
        final AtomicLong audioFrames = new AtomicLong();
        volatile int lastStamp = -1;
    }

    final String name;
    final SyntheticVideoSource camera;
    final ToneSource microphone = new ToneSource(440, 0.3);
    final LocalTracks tracks;
    final MeshCall mesh;
    final SignalingClient client;
    final Map<String, Received> from = new ConcurrentHashMap<>();
    final Map<String, String> namesById = new ConcurrentHashMap<>();
    final CopyOnWriteArrayList<String> events = new CopyOnWriteArrayList<>();
    final CompletableFuture<String> room = new CompletableFuture<>();

    MeshParticipant(String name, URI server, int width, int height, double fps) {
        this.name = name;
        this.camera = new SyntheticVideoSource(SyntheticVideo.of(SyntheticVideo.Kind.SHAPES, width, height,
                name.hashCode()), fps);
        this.tracks = new LocalTracks(camera, microphone, 500_000);
        this.mesh = new MeshCall(tracks, new ClientSignaling(() -> client()), new MeshListener() {
            @Override
            public void onPeerJoined(String peerId, String peerName) {
                namesById.put(peerId, peerName);
                events.add("joined " + peerName);
            }

            @Override
            public void onPeerLeft(String peerId, String peerName) {
                events.add("left " + peerName);
            }

            @Override
            public void onRemoteVideo(String peerId, RemoteVideoTrack track) {
                Received r = from.computeIfAbsent(peerId, k -> new Received());
                track.setSink(frame -> {
                    r.frames.incrementAndGet();
                    r.lastStamp = FrameStamp.read(frame);
                });
            }

            @Override
            public void onRemoteAudio(String peerId, RemoteAudioTrack track) {
                Received r = from.computeIfAbsent(peerId, k -> new Received());
                track.setSink(frame -> {
                    r.audioFrames.incrementAndGet();
                    if (rms(frame) > 1000) {
                        r.loudAudioFrames.incrementAndGet();
                    }
                });
            }
        }, servers -> RtcConfiguration.loopback());
        SignalingListener roomWatcher = new SignalingListener() {
            @Override
            public void onCreated(String code) {
                room.complete(code);
            }

            @Override
            public void onJoined(ServerMessage.Joined joined, boolean rejoined) {
                room.complete(joined.room());
            }
        };
        this.client = new SignalingClient(server, new SignalingTee(roomWatcher, mesh));
    }

    private SignalingClient client() {
        return client;
    }

    /** Makes a room; returns its code. */
    String create() throws Exception {
        client.connect().get(5, TimeUnit.SECONDS);
        client.createRoom(name, null, null);
        return room.get(5, TimeUnit.SECONDS);
    }

    void join(String code) throws Exception {
        client.connect().get(5, TimeUnit.SECONDS);
        client.joinRoom(code, name, null);
        room.get(5, TimeUnit.SECONDS);
    }

    /** What arrived from the person named {@code who}. */
    Received from(String who) {
        for (Map.Entry<String, String> e : namesById.entrySet()) {
            if (e.getValue().equals(who) && from.containsKey(e.getKey())) {
                return from.get(e.getKey());
            }
        }
        return new Received();
    }

    private static double rms(AudioFrame frame) {
        double sum = 0;
        short[] s = frame.samples();
        for (int i = 0; i < frame.sampleCount(); i++) {
            double v = s[frame.offset() + i];
            sum += v * v;
        }
        return Math.sqrt(sum / frame.sampleCount());
    }

    /** Leaves the room and stops everything. */
    @Override
    public void close() {
        mesh.close();
        client.close();
        tracks.close();
        camera.close();
        microphone.close();
    }
}
