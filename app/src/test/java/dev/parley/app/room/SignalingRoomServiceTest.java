package dev.parley.app.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.signaling.server.ServerConfig;
import dev.parley.signaling.server.SignalingServer;
import dev.parley.ui.lobby.RoomEvents;
import java.net.URI;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two lobbies meet in a room through a real signaling server. */
class SignalingRoomServiceTest {

    private static class Recorder implements RoomEvents {
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();
        volatile String room;

        @Override
        public void onEntered(String roomCode, List<Participant> present) {
            room = roomCode;
            events.add("entered " + present.stream().map(Participant::name).toList());
        }

        @Override
        public void onParticipantJoined(Participant participant) {
            events.add("joined " + participant.name());
        }

        @Override
        public void onParticipantLeft(String participantId) {
            events.add("left");
        }

        @Override
        public void onConnectionStatus(String sentence, boolean healthy) {
        }

        @Override
        public void onProblem(String sentence) {
            events.add("problem " + sentence);
        }

        String next() throws InterruptedException {
            String e = events.poll(5, TimeUnit.SECONDS);
            assertThat(e).as("an event within 5 s").isNotNull();
            return e;
        }
    }

    @Test
    void createJoinAndLeaveReachTheOtherLobby() throws Exception {
        try (SignalingServer server = new SignalingServer(ServerConfig.builder().host("127.0.0.1").port(0)
                .passwordIterations(1_000).build()).start();
             SignalingRoomService alice = new SignalingRoomService(URI.create(server.url()));
             SignalingRoomService bob = new SignalingRoomService(URI.create(server.url()))) {
            Recorder a = new Recorder();
            Recorder b = new Recorder();
            alice.setEvents(a);
            bob.setEvents(b);

            alice.createRoom("Alice", "pw").toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertThat(a.next()).isEqualTo("entered []");
            assertThat(alice.normalizeRoomCode(a.room.toUpperCase())).contains(a.room);
            assertThat(alice.couldBecomeRoomCode(a.room.substring(0, 4))).isTrue();
            assertThat(alice.couldBecomeRoomCode("hello!")).isFalse();

            assertThatThrownBy(() -> bob.joinRoom(a.room, "Bob", "nope").toCompletableFuture().get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().hasMessageContaining("password");
            bob.joinRoom(a.room, "Bob", "pw").toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertThat(b.next()).isEqualTo("entered [Alice]");
            assertThat(a.next()).isEqualTo("joined Bob");

            bob.leaveRoom();
            assertThat(a.next()).isEqualTo("left");
        }
    }

    @Test
    void aLobbyThatListensLateStillHearsThatTheServerIsUnreachable() throws Exception {
        try (SignalingRoomService lonely = new SignalingRoomService(URI.create("ws://127.0.0.1:1/signal"))) {
            lonely.connectNow().handle((ok, e) -> null).get(10, TimeUnit.SECONDS);
            List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
            lonely.setEvents(new Recorder() {
                @Override
                public void onConnectionStatus(String sentence, boolean healthy) {
                    heard.add(healthy + " " + sentence);
                }
            });
            assertThat(heard).singleElement().asString().startsWith("false Cannot reach the signaling server");
        }
    }

    @Test
    void anUnreachableServerFailsWithASentence() {
        try (SignalingRoomService lonely = new SignalingRoomService(URI.create("ws://127.0.0.1:1/signal"))) {
            assertThatThrownBy(() -> lonely.createRoom("A", null).toCompletableFuture().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().hasMessageContaining("Cannot reach");
        }
    }
}
