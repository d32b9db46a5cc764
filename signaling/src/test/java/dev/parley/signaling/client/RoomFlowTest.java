package dev.parley.signaling.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.signaling.protocol.ErrorCode;
import dev.parley.signaling.protocol.IceCandidateInit;
import dev.parley.signaling.protocol.IceServer;
import dev.parley.signaling.protocol.PeerInfo;
import dev.parley.signaling.protocol.ServerMessage;
import dev.parley.signaling.server.ServerConfig;
import dev.parley.signaling.server.SignalingServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real server, real clients, loopback WebSockets: the room life cycle of signaling-v1. */
class RoomFlowTest {

    private SignalingServer server;
    private final List<SignalingClient> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        server = new SignalingServer(ServerConfig.builder().host("127.0.0.1").port(0).passwordIterations(1_000)
                .emptyRoomGrace(Duration.ZERO).addIceServer(IceServer.of("stun:stun.example.org:3478")).build())
                .start();
    }

    @AfterEach
    void stop() {
        clients.forEach(SignalingClient::close);
        server.close();
    }

    private SignalingClient connect(RecordingListener listener) throws Exception {
        SignalingClient client = new SignalingClient(URI.create(server.url()), listener);
        clients.add(client);
        client.connect().get(5, TimeUnit.SECONDS);
        listener.awaitState(ConnectionState.OPEN, Duration.ofSeconds(5));
        return client;
    }

    private ServerMessage.Joined createRoom(SignalingClient client, RecordingListener l, String name,
                                            String password, Integer capacity) throws Exception {
        client.createRoom(name, password, capacity);
        String code = (String) l.next().a();
        ServerMessage.Joined joined = (ServerMessage.Joined) l.await("joined").a();
        assertThat(joined.room()).isEqualTo(code);
        return joined;
    }

    @Test
    void createJoinRelayLeave() throws Exception {
        RecordingListener alice = new RecordingListener();
        RecordingListener bob = new RecordingListener();
        SignalingClient a = connect(alice);
        SignalingClient b = connect(bob);

        ServerMessage.Joined aJoined = createRoom(a, alice, "Alice", null, null);
        assertThat(aJoined.peers()).isEmpty();
        assertThat(aJoined.room()).matches("[0-9a-z]{5}-[0-9a-z]{5}");
        assertThat(aJoined.iceServers()).containsExactly(IceServer.of("stun:stun.example.org:3478"));

        // Bob types the code carelessly; the client normalises it.
        b.joinRoom(" " + aJoined.room().toUpperCase().replace("-", " ") + " ", "Bob", null);
        ServerMessage.Joined bJoined = (ServerMessage.Joined) bob.await("joined").a();
        assertThat(bJoined.room()).isEqualTo(aJoined.room());
        assertThat(bJoined.peers()).containsExactly(new PeerInfo(aJoined.peerId(), "Alice"));
        assertThat(alice.await("peer-joined").a()).isEqualTo(new PeerInfo(bJoined.peerId(), "Bob"));

        // The newcomer offers; the answer and candidates go back.
        b.sendOffer(aJoined.peerId(), "v=0 offer");
        RecordingListener.Event offer = alice.await("offer");
        assertThat(offer.a()).isEqualTo(bJoined.peerId());
        assertThat(offer.b()).isEqualTo("v=0 offer");
        a.sendAnswer(bJoined.peerId(), "v=0 answer");
        assertThat(bob.await("answer").b()).isEqualTo("v=0 answer");

        // The "state" extension: Bob mutes; Alice's client hears it from him.
        b.sendState(aJoined.peerId(), true, false);
        RecordingListener.Event state = alice.await("media-state");
        assertThat(state.a()).isEqualTo(bJoined.peerId());
        assertThat(state.b()).isEqualTo("muted=true cameraOff=false");
        IceCandidateInit c = new IceCandidateInit("candidate:1 1 udp 2122260223 192.0.2.1 5000 typ host", "0", 0);
        a.sendCandidate(bJoined.peerId(), c);
        a.sendCandidate(bJoined.peerId(), null);
        RecordingListener.Event first = bob.await("candidate");
        assertThat(first.a()).isEqualTo(aJoined.peerId());
        assertThat(first.b()).isEqualTo(c);
        RecordingListener.Event end = bob.await("candidate");
        assertThat(end.b()).isNull();

        b.leaveRoom();
        assertThat(alice.await("peer-left").a()).isEqualTo(bJoined.peerId());
        a.leaveRoom();
        waitFor(() -> server.roomCount() == 0);
        assertThat(a.state()).isEqualTo(ConnectionState.OPEN);
    }

    @Test
    void threePeersFormAMeshInOrderOfArrival() throws Exception {
        RecordingListener[] l = {new RecordingListener(), new RecordingListener(), new RecordingListener()};
        SignalingClient[] c = {connect(l[0]), connect(l[1]), connect(l[2])};
        ServerMessage.Joined first = createRoom(c[0], l[0], "One", null, null);
        c[1].joinRoom(first.room(), "Two", null);
        ServerMessage.Joined second = (ServerMessage.Joined) l[1].await("joined").a();
        c[2].joinRoom(first.room(), "Three", null);
        ServerMessage.Joined third = (ServerMessage.Joined) l[2].await("joined").a();

        assertThat(second.peers()).extracting(PeerInfo::name).containsExactly("One");
        assertThat(third.peers()).extracting(PeerInfo::name).containsExactly("One", "Two");
        assertThat(((PeerInfo) l[0].await("peer-joined").a()).name()).isEqualTo("Two");
        assertThat(((PeerInfo) l[0].await("peer-joined").a()).name()).isEqualTo("Three");
        assertThat(((PeerInfo) l[1].await("peer-joined").a()).name()).isEqualTo("Three");

        // Third offers to both; each gets only its own.
        c[2].sendOffer(first.peerId(), "to-one");
        c[2].sendOffer(second.peerId(), "to-two");
        assertThat(l[0].await("offer").b()).isEqualTo("to-one");
        assertThat(l[1].await("offer").b()).isEqualTo("to-two");

        c[1].close();
        assertThat(l[0].await("peer-left").a()).isEqualTo(second.peerId());
        assertThat(l[2].await("peer-left").a()).isEqualTo(second.peerId());
    }

    @Test
    void roomFullWrongPasswordUnknownRoom() throws Exception {
        RecordingListener owner = new RecordingListener();
        SignalingClient o = connect(owner);
        ServerMessage.Joined room = createRoom(o, owner, "Owner", "correct horse", 2);

        RecordingListener guest = new RecordingListener();
        SignalingClient g = connect(guest);
        g.joinRoom(room.room(), "Guest", null);
        RecordingListener.Event noPassword = guest.await("error");
        assertThat(noPassword.a()).isEqualTo(ErrorCode.UNAUTHORIZED);
        g.joinRoom(room.room(), "Guest", "wrong");
        assertThat(guest.await("error").a()).isEqualTo(ErrorCode.UNAUTHORIZED);
        g.joinRoom(room.room(), "Guest", "correct horse");
        assertThat(((ServerMessage.Joined) guest.await("joined").a()).peers()).hasSize(1);

        RecordingListener late = new RecordingListener();
        SignalingClient l = connect(late);
        l.joinRoom(room.room(), "Late", "correct horse");
        RecordingListener.Event full = late.await("error");
        assertThat(full.a()).isEqualTo(ErrorCode.ROOM_FULL);
        assertThat((String) full.b()).contains("full");

        // A valid-looking code that no room has, and a typo caught before sending.
        String other = dev.parley.signaling.protocol.RoomCode.display(dev.parley.signaling.protocol.RoomCode.generate());
        l.joinRoom(other, "Late", null);
        assertThat(late.await("error").a()).isEqualTo(ErrorCode.ROOM_NOT_FOUND);
        assertThatThrownBy(() -> l.joinRoom("hello-world", "Late", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("room code");
    }

    @Test
    void relayToStrangersAndBeforeJoiningIsRefused() throws Exception {
        RecordingListener a = new RecordingListener();
        SignalingClient ca = connect(a);
        ca.sendOffer("nobody", "v=0");
        assertThat(a.await("error").a()).isEqualTo(ErrorCode.NOT_IN_ROOM);
        ServerMessage.Joined joined = createRoom(ca, a, "A", null, null);

        RecordingListener b = new RecordingListener();
        SignalingClient cb = connect(b);
        ServerMessage.Joined other = createRoom(cb, b, "B", null, null);
        ca.sendOffer(other.peerId(), "v=0");
        assertThat(a.await("error").a()).isEqualTo(ErrorCode.UNKNOWN_PEER);
        ca.sendOffer(joined.peerId(), "v=0");
        assertThat(a.await("error").a()).isEqualTo(ErrorCode.UNKNOWN_PEER);
        ca.joinRoom(other.room(), "A", null);
        assertThat(a.await("error").a()).isEqualTo(ErrorCode.BAD_MESSAGE);
        assertThat(b.events.stream().noneMatch(e -> e.kind().equals("offer"))).isTrue();
    }

    @Test
    void connectingToNothingFailsWithASentence() {
        SignalingClient client = new SignalingClient(URI.create("ws://127.0.0.1:1/signal"), new RecordingListener(),
                ClientOptions.defaults());
        clients.add(client);
        assertThatThrownBy(() -> client.connect().get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(SignalingException.class)
                .hasMessageContaining("Cannot reach the signaling server");
        assertThat(client.state()).isEqualTo(ConnectionState.CLOSED);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 5 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
