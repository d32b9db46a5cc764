package dev.parley.app.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.app.room.SignalingRoomService;
import dev.parley.capture.audio.AudioMixer;
import dev.parley.capture.audio.SilentSpeaker;
import dev.parley.rtc.media.VideoSource;
import dev.parley.rtc.media.synthetic.SyntheticVideo;
import dev.parley.rtc.media.synthetic.SyntheticVideoSource;
import dev.parley.rtc.media.synthetic.ToneSource;
import dev.parley.rtc.peer.RtcConfiguration;
import dev.parley.signaling.server.ServerConfig;
import dev.parley.signaling.server.SignalingServer;
import dev.parley.ui.call.CallEvents;
import dev.parley.ui.call.CallStats;
import dev.parley.ui.call.CallStatus;
import dev.parley.ui.call.Notice;
import dev.parley.ui.call.ParticipantState;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The window's call service over a real signaling server: what the call view would be told. */
class RoomCallServiceTest {

    /** One person's app: room service, call service per room, a silent speaker pulling the mixer. */
    private static final class App implements AutoCloseable {
        final SignalingRoomService rooms;
        final SyntheticVideoSource camera = new SyntheticVideoSource(
                SyntheticVideo.of(SyntheticVideo.Kind.SHAPES, 320, 240, 7), 15);
        final ToneSource microphone = new ToneSource(440, 0.3);
        final AudioMixer mixer = new AudioMixer();
        final SilentSpeaker speaker = new SilentSpeaker(mixer);
        final AtomicReference<RoomCallService> call = new AtomicReference<>();
        final List<String> joined = new CopyOnWriteArrayList<>();
        final List<String> left = new CopyOnWriteArrayList<>();
        final Map<String, AtomicInteger> frames = new ConcurrentHashMap<>();
        final Map<String, Double> loudest = new ConcurrentHashMap<>();
        final Map<String, CallStats> stats = new ConcurrentHashMap<>();
        final Map<String, ParticipantState> states = new ConcurrentHashMap<>();
        final List<CallStatus> statuses = new CopyOnWriteArrayList<>();

        App(URI server) {
            rooms = new SignalingRoomService(server);
            rooms.setStatusListener((sentence, healthy) -> {
                RoomCallService c = call.get();
                if (c != null) {
                    c.signalingStatus(healthy);
                }
            });
            rooms.setCallStarter((room, rejoined, previous) -> {
                RoomCallService c = new RoomCallService(room, new LocalTracks(camera, microphone, 300_000),
                        rooms.meshSignaling(), mixer, null, servers -> RtcConfiguration.loopback(), rooms::leaveRoom);
                c.setEvents(recorder());
                call.set(c);
                return c.mesh();
            });
        }

        private CallEvents recorder() {
            return new CallEvents() {
                @Override
                public void onParticipantJoined(String id, String name) {
                    joined.add(name);
                }

                @Override
                public void onParticipantLeft(String id, String sentence) {
                    left.add(sentence);
                }

                @Override
                public void onRemoteVideo(String id, VideoSource video) {
                    AtomicInteger n = frames.computeIfAbsent(id, k -> new AtomicInteger());
                    video.setSink(f -> n.incrementAndGet());
                }

                @Override
                public void onParticipantState(String id, ParticipantState state) {
                    states.put(id, state);
                }

                @Override
                public void onAudioLevel(String id, double dbfs) {
                    loudest.merge(id, dbfs, Math::max);
                }

                @Override
                public void onStats(String id, CallStats s) {
                    stats.put(id, s);
                }

                @Override
                public void onCallStatus(CallStatus status, String sentence) {
                    statuses.add(status);
                }

                @Override
                public void onNotice(Notice notice) {
                }
            };
        }

        @Override
        public void close() {
            RoomCallService c = call.get();
            if (c != null) {
                c.close();
            }
            rooms.close();
            speaker.close();
            camera.close();
            microphone.close();
        }
    }

    @Test
    void theCallViewLearnsOfPeopleVideoLevelsAndStatsAndOfAPersonLeaving() throws Exception {
        try (SignalingServer server = new SignalingServer(ServerConfig.builder().host("127.0.0.1").port(0)
                .passwordIterations(1_000).build()).start();
             App ana = new App(URI.create(server.url()));
             App ben = new App(URI.create(server.url()))) {
            ana.rooms.createRoom("Ana", null).toCompletableFuture().get(5, TimeUnit.SECONDS);
            String code = ana.call.get().roomCode();
            assertThat(ana.call.get().shareLink()).isEqualTo("parley://join/" + code);
            ben.rooms.joinRoom(code, "Ben", null).toCompletableFuture().get(5, TimeUnit.SECONDS);

            await(() -> ana.joined.contains("Ben") && ben.joined.contains("Ana"), "both announced");
            await(() -> sum(ana.frames) > 10 && sum(ben.frames) > 10, "video both ways");
            await(() -> ana.loudest.values().stream().anyMatch(d -> d > -30)
                    && ben.loudest.values().stream().anyMatch(d -> d > -30), "each hears the other's tone");
            await(() -> ana.stats.values().stream().anyMatch(s -> s.receiveKbps() > 20 && s.rttMillis() >= 0
                    && "host/host".equals(s.candidatePairType()) && s.frameWidth() == 320), "stats for the overlay");
            assertThat(ana.statuses).contains(CallStatus.CONNECTED);

            // Ben mutes and turns his camera off: Ana's tile for him shows it (the "state" signaling extension).
            ben.call.get().setMicrophoneMuted(true);
            await(() -> ana.states.values().stream().anyMatch(ParticipantState::microphoneMuted), "Ben muted");
            ben.call.get().setCameraEnabled(false);
            await(() -> ana.states.values().stream().anyMatch(s -> s.microphoneMuted() && s.cameraOff()),
                    "Ben's camera off");
            ben.call.get().setMicrophoneMuted(false);
            await(() -> ana.states.values().stream().anyMatch(s -> !s.microphoneMuted() && s.cameraOff()),
                    "Ben unmuted");

            ben.call.get().leave();
            await(() -> ana.left.contains("Ben left."), "Ana sees Ben leave");
            assertThat(ben.statuses).contains(CallStatus.ENDED);
        }
    }

    private static int sum(Map<String, AtomicInteger> counts) {
        return counts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }
}
