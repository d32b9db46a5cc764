package dev.parley.app.call;

import dev.parley.capture.audio.AudioMixer;
import dev.parley.rtc.media.AudioFrame;
import dev.parley.rtc.media.VideoSource;
import dev.parley.rtc.peer.PeerConnection;
import dev.parley.rtc.peer.PeerConnectionState;
import dev.parley.rtc.peer.RemoteAudioTrack;
import dev.parley.rtc.peer.RemoteVideoTrack;
import dev.parley.rtc.peer.RtcConfiguration;
import dev.parley.signaling.protocol.IceServer;
import dev.parley.ui.call.CallEvents;
import dev.parley.ui.call.CallService;
import dev.parley.ui.call.CallStats;
import dev.parley.ui.call.CallStatus;
import dev.parley.ui.call.ConnectionQuality;
import dev.parley.ui.call.Notice;
import dev.parley.ui.call.ParticipantState;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The window's {@link CallService} for the room the person is in: a {@link MeshCall} with the person's tracks; remote
 * video goes to the call view, remote audio into the speaker's {@link AudioMixer} (tapped for the active-speaker
 * levels), every connection's stats to the overlay once a second.
 */
public final class RoomCallService implements CallService, MeshListener, AutoCloseable {

    private static final long LEVEL_EVERY_MILLIS = 100;

    private final String roomCode;
    private final LocalTracks tracks;
    private final MeshCall mesh;
    private final AudioMixer mixer;
    private final VideoSource selfView;
    private final Runnable onLeave;
    private final BufferedCallEvents events = new BufferedCallEvents();
    private final Map<String, AudioMixer.PlayoutInput> playing = new ConcurrentHashMap<>();
    private final Map<String, CallStatsSampler> samplers = new ConcurrentHashMap<>();
    /** Each person's last known microphone/camera state and connection quality, for their tile. */
    private final Map<String, ParticipantState> states = new ConcurrentHashMap<>();
    private final ScheduledExecutorService statsTimer;
    private volatile boolean closed;

    /**
     * @param onLeave tells the room service to leave the room (after the connections are closed)
     */
    public RoomCallService(String roomCode, LocalTracks tracks, MeshSignaling signaling, AudioMixer mixer,
                           VideoSource selfView, Function<List<IceServer>, RtcConfiguration> configuration,
                           Runnable onLeave) {
        this.roomCode = roomCode;
        this.tracks = tracks;
        this.mixer = mixer;
        this.selfView = selfView;
        this.onLeave = onLeave;
        this.mesh = new MeshCall(tracks, signaling, this, configuration);
        this.statsTimer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parley-call-stats");
            t.setDaemon(true);
            return t;
        });
        statsTimer.scheduleWithFixedDelay(this::sampleStats, 1, 1, TimeUnit.SECONDS);
        events.events().onCallStatus(CallStatus.CONNECTED, "You are in room " + roomCode + ".");
    }

    /** The mesh, to be fed the signaling client's events. */
    public MeshCall mesh() {
        return mesh;
    }

    @Override
    public void setEvents(CallEvents next) {
        events.attach(next);
    }

    @Override
    public String roomCode() {
        return roomCode;
    }

    @Override
    public String shareLink() {
        return "parley://join/" + roomCode;
    }

    @Override
    public void setMicrophoneMuted(boolean muted) {
        tracks.setMicrophoneMuted(muted);
        mesh.announceState();
    }

    @Override
    public void setCameraEnabled(boolean enabled) {
        tracks.setCameraEnabled(enabled);
        mesh.announceState();
    }

    @Override
    public VideoSource selfView() {
        return selfView;
    }

    @Override
    public void leave() {
        close();
        onLeave.run();
    }

    /**
     * The signaling server's connection went away or came back. The call's media is peer to peer and goes on; the
     * person is told the room's bookkeeping is reconnecting.
     */
    public void signalingStatus(boolean healthy) {
        if (closed) {
            return;
        }
        if (healthy) {
            events.events().onCallStatus(CallStatus.CONNECTED, "Reconnected to the signaling server.");
        } else {
            events.events().onCallStatus(CallStatus.RECONNECTING,
                    "Lost the signaling server. The call goes on; reconnecting…");
        }
    }

    /** A device problem during the call (camera unplugged, microphone lost), as a banner. */
    public void deviceNotice(String sentence) {
        if (!closed) {
            events.events().onNotice(Notice.warning(sentence, ""));
        }
    }

    // ---- mesh events ----

    @Override
    public void onPeerJoined(String peerId, String name) {
        events.events().onParticipantJoined(peerId, name);
        events.events().onParticipantState(peerId, ParticipantState.INITIAL);
    }

    @Override
    public void onPeerLeft(String peerId, String name) {
        AudioMixer.PlayoutInput input = playing.remove(peerId);
        if (input != null) {
            mixer.remove(input);
        }
        samplers.remove(peerId);
        states.remove(peerId);
        events.events().onParticipantLeft(peerId, name + " left.");
    }

    @Override
    public void onRemoteVideo(String peerId, RemoteVideoTrack track) {
        events.events().onRemoteVideo(peerId, track);
    }

    @Override
    public void onRemoteAudio(String peerId, RemoteAudioTrack track) {
        AudioMixer.PlayoutInput input = new LevelTap(peerId, track);
        AudioMixer.PlayoutInput old = playing.put(peerId, input);
        if (old != null) {
            mixer.remove(old);
        }
        mixer.add(input);
    }

    @Override
    public void onPeerMediaState(String peerId, boolean microphoneMuted, boolean cameraOff) {
        ParticipantState next = states.compute(peerId, (k, old) -> new ParticipantState(microphoneMuted, cameraOff,
                old == null ? ConnectionQuality.UNKNOWN : old.quality()));
        events.events().onParticipantState(peerId, next);
    }

    @Override
    public void onPeerState(String peerId, PeerConnectionState state) {
        if (state == PeerConnectionState.FAILED) {
            events.events().onNotice(Notice.warning("The connection to someone in the call failed.",
                    "Their network may block calls; Parley will keep trying while they stay in the room."));
        }
    }

    @Override
    public void onProblem(String sentence) {
        events.events().onNotice(Notice.warning(sentence, ""));
    }

    private void sampleStats() {
        for (Map.Entry<String, String> peer : mesh.peers().entrySet()) {
            PeerConnection pc = mesh.connection(peer.getKey());
            if (pc == null || closed) {
                continue;
            }
            CallStatsSampler sampler = samplers.computeIfAbsent(peer.getKey(), k -> new CallStatsSampler());
            pc.getStats().thenAccept(report -> {
                CallStats stats = sampler.sample(report, System.currentTimeMillis());
                events.events().onStats(peer.getKey(), stats);
                ParticipantState next = states.compute(peer.getKey(), (k, old) -> old == null
                        ? new ParticipantState(false, false, qualityOf(stats))
                        : new ParticipantState(old.microphoneMuted(), old.cameraOff(), qualityOf(stats)));
                events.events().onParticipantState(peer.getKey(), next);
            });
        }
    }

    /** Pulls a remote track for the speaker and reports its level ten times a second. */
    private final class LevelTap implements AudioMixer.PlayoutInput {
        private final String peerId;
        private final RemoteAudioTrack track;
        private long lastReport;
        private double peak;

        LevelTap(String peerId, RemoteAudioTrack track) {
            this.peerId = peerId;
            this.track = track;
        }

        @Override
        public AudioFrame pull(long nowNanos) {
            AudioFrame frame = track.pull(nowNanos);
            short[] s = frame.samples();
            double sum = 0;
            for (int i = frame.offset(), end = frame.offset() + frame.sampleCount(); i < end; i++) {
                sum += (double) s[i] * s[i];
            }
            peak = Math.max(peak, Math.sqrt(sum / frame.sampleCount()));
            long nowMillis = nowNanos / 1_000_000;
            if (nowMillis - lastReport >= LEVEL_EVERY_MILLIS) {
                lastReport = nowMillis;
                double dbfs = peak < 1 ? -100 : Math.max(-100, 20 * Math.log10(peak / 32768));
                peak = 0;
                events.events().onAudioLevel(peerId, dbfs);
            }
            return frame;
        }
    }

    /** Leaves the mesh (every connection sends BYE) and stops the timer; the room is left by {@link #leave}. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        statsTimer.shutdownNow();
        mesh.close();
        playing.values().forEach(mixer::remove);
        playing.clear();
        tracks.close();
        events.events().onCallStatus(CallStatus.ENDED, "You left the call.");
    }

    /** The quality badge a participant's stats earn. */
    static ConnectionQuality qualityOf(CallStats stats) {
        return ConnectionQuality.of(stats.packetLossPercent(), stats.rttMillis());
    }
}
