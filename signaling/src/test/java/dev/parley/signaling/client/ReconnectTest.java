package dev.parley.signaling.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.signaling.protocol.PeerInfo;
import dev.parley.signaling.protocol.ServerMessage;
import dev.parley.signaling.server.ServerConfig;
import dev.parley.signaling.server.SignalingServer;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The network between one client and the server drops: the client reconnects with backoff and rejoins its
 * room with a new peer id; the others see it leave and come back, and relaying works again.
 */
class ReconnectTest {

    private static final ClientOptions FAST = ClientOptions.defaults()
            .withReconnect(true, Duration.ofMillis(100), Duration.ofMillis(400))
            .withPing(Duration.ofMillis(300), Duration.ofMillis(300));

    private SignalingServer server;
    private TcpProxy proxy;
    private SignalingClient alice;
    private SignalingClient bob;

    @BeforeEach
    void start() throws Exception {
        server = new SignalingServer(ServerConfig.builder().host("127.0.0.1").port(0).passwordIterations(1_000)
                .emptyRoomGrace(Duration.ofSeconds(5)).build()).start();
        proxy = new TcpProxy(server.port());
    }

    @AfterEach
    void stop() throws Exception {
        if (alice != null) {
            alice.close();
        }
        if (bob != null) {
            bob.close();
        }
        proxy.close();
        server.close();
    }

    @Test
    void aDroppedClientReconnectsAndRejoinsItsRoom() throws Exception {
        RecordingListener a = new RecordingListener();
        RecordingListener b = new RecordingListener();
        alice = new SignalingClient(URI.create(server.url()), a, FAST);
        bob = new SignalingClient(URI.create("ws://127.0.0.1:" + proxy.port() + "/signal"), b, FAST);
        alice.connect().get(5, TimeUnit.SECONDS);
        bob.connect().get(5, TimeUnit.SECONDS);

        alice.createRoom("Alice", "pw", null);
        ServerMessage.Joined room = (ServerMessage.Joined) a.await("joined").a();
        bob.joinRoom(room.room(), "Bob", "pw");
        RecordingListener.Event firstJoin = b.await("joined");
        ServerMessage.Joined first = (ServerMessage.Joined) firstJoin.a();
        assertThat(firstJoin.b()).isEqualTo(false);
        assertThat(((PeerInfo) a.await("peer-joined").a()).peerId()).isEqualTo(first.peerId());

        // The network dies for a while: Bob's client notices and keeps trying.
        proxy.cutAll(true);
        b.awaitState(ConnectionState.RECONNECTING, Duration.ofSeconds(3));
        assertThat(a.await("peer-left", Duration.ofSeconds(2)).a()).isEqualTo(first.peerId());
        Thread.sleep(700);
        proxy.acceptAgain();

        RecordingListener.Event again = b.await("joined", Duration.ofSeconds(5));
        ServerMessage.Joined second = (ServerMessage.Joined) again.a();
        assertThat(again.b()).isEqualTo(true);
        assertThat(second.room()).isEqualTo(room.room());
        assertThat(second.peerId()).isNotEqualTo(first.peerId());
        assertThat(second.peers()).containsExactly(new PeerInfo(room.peerId(), "Alice"));
        assertThat(((PeerInfo) a.await("peer-joined").a()).peerId()).isEqualTo(second.peerId());
        assertThat(bob.state()).isEqualTo(ConnectionState.OPEN);
        assertThat(bob.peerId()).isEqualTo(second.peerId());

        bob.sendOffer(room.peerId(), "v=0 after reconnect");
        RecordingListener.Event offer = a.await("offer");
        assertThat(offer.a()).isEqualTo(second.peerId());
        assertThat(offer.b()).isEqualTo("v=0 after reconnect");
    }

    @Test
    void aLonePeerFindsItsRoomAfterAShortDrop() throws Exception {
        RecordingListener b = new RecordingListener();
        bob = new SignalingClient(URI.create("ws://127.0.0.1:" + proxy.port() + "/signal"), b, FAST);
        bob.connect().get(5, TimeUnit.SECONDS);
        bob.createRoom("Bob", null, 2);
        ServerMessage.Joined first = (ServerMessage.Joined) b.await("joined").a();

        proxy.cutAll(false);
        RecordingListener.Event again = b.await("joined", Duration.ofSeconds(5));
        assertThat(again.b()).isEqualTo(true);
        assertThat(((ServerMessage.Joined) again.a()).room()).isEqualTo(first.room());
        assertThat(server.roomCount()).isEqualTo(1);
    }

    @Test
    void aSilentPathIsNoticedByTheKeepaliveAndRecovered() throws Exception {
        RecordingListener b = new RecordingListener();
        bob = new SignalingClient(URI.create("ws://127.0.0.1:" + proxy.port() + "/signal"), b, FAST);
        bob.connect().get(5, TimeUnit.SECONDS);
        bob.createRoom("Bob", null, null);
        String code = ((ServerMessage.Joined) b.await("joined").a()).room();

        // Nothing is closed, nothing arrives: only the missing pongs tell.
        proxy.blackhole(true);
        long t0 = System.nanoTime();
        b.awaitState(ConnectionState.RECONNECTING, Duration.ofSeconds(3));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        proxy.cutAll(false);
        proxy.blackhole(false);
        RecordingListener.Event again = b.await("joined", Duration.ofSeconds(5));
        assertThat(((ServerMessage.Joined) again.a()).room()).isEqualTo(code);
        bob.close();
        b.awaitState(ConnectionState.CLOSED, Duration.ofSeconds(2));
    }

    @Test
    void anErrorAboutAnotherMessageDoesNotCostTheRejoin() throws Exception {
        RecordingListener a = new RecordingListener();
        alice = new SignalingClient(URI.create(server.url()), a, FAST);
        alice.connect().get(5, TimeUnit.SECONDS);
        alice.createRoom("Alice", null, null);
        String code = ((ServerMessage.Joined) a.await("joined").a()).room();

        RecordingListener b = new RecordingListener();
        bob = new SignalingClient(URI.create("ws://127.0.0.1:" + proxy.port() + "/signal"), b, FAST);
        bob.connect().get(5, TimeUnit.SECONDS);
        // The server answers the stray offer (NOT_IN_ROOM) while Bob's join is still pending.
        bob.sendOffer("nobody", "v=0");
        bob.joinRoom(code, "Bob", null);
        assertThat(b.await("error").a()).isEqualTo(dev.parley.signaling.protocol.ErrorCode.NOT_IN_ROOM);
        b.await("joined");

        proxy.cutAll(false);
        RecordingListener.Event again = b.await("joined", Duration.ofSeconds(5));
        assertThat(again.b()).isEqualTo(true);
    }
}
