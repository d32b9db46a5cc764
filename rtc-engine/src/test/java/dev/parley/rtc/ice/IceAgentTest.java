package dev.parley.rtc.ice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.rtc.net.EventLoop;
import dev.parley.rtc.net.PacketKind;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two real agents on loopback UDP, each on its own network thread. */
class IceAgentTest {

    private final EventLoop loopA = new EventLoop("ice-a");
    private final EventLoop loopB = new EventLoop("ice-b");
    private final Peer a = new Peer();
    private final Peer b = new Peer();

    /** Records what an agent reports. */
    private static final class Peer implements IceListener {
        IceAgent agent;
        final List<Candidate> candidates = new CopyOnWriteArrayList<>();
        final BlockingQueue<IceConnectionState> states = new LinkedBlockingQueue<>();
        final BlockingQueue<String> packets = new LinkedBlockingQueue<>();
        final java.util.concurrent.atomic.AtomicInteger selections = new java.util.concurrent.atomic.AtomicInteger();
        volatile boolean gatheringDone;
        volatile Consumer<Candidate> trickle = c -> { };

        @Override
        public void onLocalCandidate(Candidate candidate) {
            if (candidate == null) {
                gatheringDone = true;
            } else {
                candidates.add(candidate);
                trickle.accept(candidate);
            }
        }

        @Override
        public void onStateChanged(IceConnectionState state) {
            states.add(state);
        }

        @Override
        public void onSelectedPair(CandidatePair pair) {
            selections.incrementAndGet();
        }

        @Override
        public void onPacket(PacketKind kind, byte[] buffer, int offset, int length) {
            packets.add(kind + ":" + new String(buffer, offset + 1, length - 1, java.nio.charset.StandardCharsets.US_ASCII));
        }

        void awaitState(IceConnectionState wanted, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                IceConnectionState s = states.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (s == null) {
                    throw new AssertionError("state " + wanted + " not reached; agent is " + agent.state());
                }
                if (s == wanted) {
                    return;
                }
            }
        }
    }

    @AfterEach
    void close() {
        if (a.agent != null) {
            a.agent.close();
        }
        if (b.agent != null) {
            b.agent.close();
        }
        loopA.close();
        loopB.close();
    }

    private void create(IceRole roleA, IceRole roleB, IceConfig config) {
        a.agent = new IceAgent(loopA, roleA, config, a);
        b.agent = new IceAgent(loopB, roleB, config, b);
    }

    /** Signalling as trickle ICE does it: credentials first, candidates as they come. */
    private void wire(boolean aToB, boolean bToA) throws Exception {
        a.agent.setRemoteCredentials(b.agent.localCredentials());
        b.agent.setRemoteCredentials(a.agent.localCredentials());
        if (aToB) {
            a.trickle = b.agent::addRemoteCandidate;
        }
        if (bToA) {
            b.trickle = a.agent::addRemoteCandidate;
        }
        a.agent.gather().get(5, TimeUnit.SECONDS);
        b.agent.gather().get(5, TimeUnit.SECONDS);
    }

    private static byte[] dtlsLike(String text) {
        byte[] body = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] out = new byte[body.length + 1];
        out[0] = 22;
        System.arraycopy(body, 0, out, 1, body.length);
        return out;
    }

    @Test
    void twoAgentsConnectAndCarryPacketsBothWays() throws Exception {
        create(IceRole.CONTROLLING, IceRole.CONTROLLED, IceConfig.loopback());
        wire(true, true);
        a.awaitState(IceConnectionState.CONNECTED, Duration.ofSeconds(5));
        b.awaitState(IceConnectionState.CONNECTED, Duration.ofSeconds(5));
        assertThat(a.candidates).isNotEmpty().allMatch(c -> c.type() == CandidateType.HOST);
        assertThat(a.gatheringDone).isTrue();
        assertThat(a.agent.selectedPair()).get().matches(CandidatePair::nominated);

        assertThat(a.agent.send(dtlsLike("hello"), 0, 6)).isTrue();
        assertThat(b.packets.poll(2, TimeUnit.SECONDS)).isEqualTo("DTLS:hello");
        assertThat(b.agent.send(dtlsLike("back"), 0, 5)).isTrue();
        assertThat(a.packets.poll(2, TimeUnit.SECONDS)).isEqualTo("DTLS:back");
        assertThat(loopA.failures() + loopB.failures()).isZero();
    }

    @Test
    void aRoleConflictIsRepairedByTheTieBreaker() throws Exception {
        create(IceRole.CONTROLLING, IceRole.CONTROLLING, IceConfig.loopback());
        wire(true, true);
        a.awaitState(IceConnectionState.CONNECTED, Duration.ofSeconds(5));
        b.awaitState(IceConnectionState.CONNECTED, Duration.ofSeconds(5));
        assertThat(a.agent.role()).isNotEqualTo(b.agent.role());
    }

    @Test
    void aPeerThatSignalsNoUsableCandidateIsFoundAsPeerReflexive() throws Exception {
        create(IceRole.CONTROLLING, IceRole.CONTROLLED, IceConfig.loopback());
        // B hears only an mDNS name from A, which it cannot resolve: it learns A from A's checks instead.
        a.trickle = b.agent::addRemoteCandidate;
        b.agent.addRemoteCandidate(Candidate.remote("1", 1, "udp", 2_113_937_151L,
                InetSocketAddress.createUnresolved("3aba6b8b-659b-4d17-972c-43baa2d20dbb.local", 50287),
                CandidateType.HOST, null));
        a.agent.setRemoteCredentials(b.agent.localCredentials());
        b.agent.setRemoteCredentials(a.agent.localCredentials());
        b.trickle = a.agent::addRemoteCandidate;
        a.trickle = c -> { };
        a.agent.gather().get(5, TimeUnit.SECONDS);
        b.agent.gather().get(5, TimeUnit.SECONDS);
        a.awaitState(IceConnectionState.CONNECTED, Duration.ofSeconds(5));
        b.awaitState(IceConnectionState.CONNECTED, Duration.ofSeconds(5));
        assertThat(b.agent.droppedMdnsCandidates()).isEqualTo(1);
        assertThat(b.agent.selectedPair().orElseThrow().remote().type()).isEqualTo(CandidateType.PEER_REFLEXIVE);
    }

    @Test
    void consentLossTurnsDisconnectedThenFailed() throws Exception {
        IceConfig quick = IceConfig.loopback().withConsent(Duration.ofMillis(100), Duration.ofMillis(300),
                Duration.ofMillis(1_200));
        create(IceRole.CONTROLLING, IceRole.CONTROLLED, quick);
        wire(true, true);
        a.awaitState(IceConnectionState.CONNECTED, Duration.ofSeconds(5));
        Thread.sleep(400);
        assertThat(a.agent.state()).as("consent keeps it connected").isEqualTo(IceConnectionState.CONNECTED);
        b.agent.close();
        a.awaitState(IceConnectionState.DISCONNECTED, Duration.ofSeconds(3));
        a.awaitState(IceConnectionState.FAILED, Duration.ofSeconds(3));
        assertThat(a.agent.send(dtlsLike("x"), 0, 2)).isFalse();
    }

    @Test
    void withEveryCandidateDeadTheAgentFailsAfterEndOfCandidates() throws Exception {
        create(IceRole.CONTROLLING, IceRole.CONTROLLED, IceConfig.loopback().withChecks(Duration.ofMillis(20), 3));
        a.agent.setRemoteCredentials(IceCredentials.random());
        a.agent.gather().get(5, TimeUnit.SECONDS);
        // A port nobody listens on.
        int dead;
        try (DatagramSocket s = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            dead = s.getLocalPort();
        }
        a.agent.addRemoteCandidate(Candidate.remote("x", 1, "udp", 1000,
                new InetSocketAddress("127.0.0.1", dead), CandidateType.HOST, null));
        a.agent.endOfRemoteCandidates();
        a.awaitState(IceConnectionState.FAILED, Duration.ofSeconds(5));
    }

    @Test
    void hostileDatagramsAreDroppedAndTheCallGoesOn() throws Exception {
        create(IceRole.CONTROLLING, IceRole.CONTROLLED, IceConfig.loopback());
        wire(true, true);
        a.awaitState(IceConnectionState.CONNECTED, Duration.ofSeconds(5));
        InetSocketAddress target = a.candidates.stream().map(Candidate::address)
                .filter(x -> x.getAddress().isLoopbackAddress()).findFirst().orElseThrow();
        Random random = new Random(11);
        try (DatagramSocket attacker = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            for (int i = 0; i < 2_000; i++) {
                byte[] junk = new byte[random.nextInt(600)];
                random.nextBytes(junk);
                if (junk.length > 8 && i % 3 == 0) {
                    // Looks like STUN: type 0x0001, right cookie, a plausible length.
                    junk[0] = 0;
                    junk[1] = 1;
                    junk[4] = 0x21;
                    junk[5] = 0x12;
                    junk[6] = (byte) 0xA4;
                    junk[7] = 0x42;
                }
                attacker.send(new DatagramPacket(junk, junk.length, target));
            }
        }
        Thread.sleep(300);
        assertThat(a.agent.droppedPackets()).isPositive();
        assertThat(loopA.failures()).isZero();
        assertThat(a.agent.state()).isEqualTo(IceConnectionState.CONNECTED);
        assertThat(b.agent.send(dtlsLike("still"), 0, 6)).isTrue();
        String got;
        do {
            got = a.packets.poll(2, TimeUnit.SECONDS);
        } while (got != null && !got.equals("DTLS:still"));
        assertThat(got).isEqualTo("DTLS:still");
    }

    @Test
    void restartGivesNewCredentialsAndReconnects() throws Exception {
        create(IceRole.CONTROLLING, IceRole.CONTROLLED, IceConfig.loopback());
        wire(true, true);
        a.awaitState(IceConnectionState.CONNECTED, Duration.ofSeconds(5));
        IceCredentials before = a.agent.localCredentials();
        IceCredentials afterA = a.agent.restart().get(2, TimeUnit.SECONDS);
        IceCredentials afterB = b.agent.restart().get(2, TimeUnit.SECONDS);
        assertThat(afterA).isNotEqualTo(before);
        a.agent.setRemoteCredentials(afterB);
        b.agent.setRemoteCredentials(afterA);
        for (Candidate c : b.candidates) {
            a.agent.addRemoteCandidate(c);
        }
        for (Candidate c : a.candidates) {
            b.agent.addRemoteCandidate(c);
        }
        assertThat(a.agent.send(dtlsLike("after"), 0, 6)).as("media continues on the old pair").isTrue();
        assertThat(b.packets.poll(2, TimeUnit.SECONDS)).isEqualTo("DTLS:after");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (a.selections.get() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(a.selections.get()).as("checks with the new credentials select a pair again").isGreaterThanOrEqualTo(2);
        assertThat(a.agent.state()).isEqualTo(IceConnectionState.CONNECTED);
    }

    @Test
    void aConnectedAgentUsesAConstantSmallNumberOfThreads() throws Exception {
        long before = Thread.getAllStackTraces().keySet().size();
        create(IceRole.CONTROLLING, IceRole.CONTROLLED, IceConfig.loopback());
        wire(true, true);
        a.awaitState(IceConnectionState.CONNECTED, Duration.ofSeconds(5));
        long connected = Thread.getAllStackTraces().keySet().size();
        for (int i = 0; i < 200; i++) {
            a.agent.send(dtlsLike("n" + i), 0, 3);
        }
        Thread.sleep(500);
        assertThat(Thread.getAllStackTraces().keySet().size()).isLessThanOrEqualTo((int) connected);
        assertThat(connected - before).as("agents run on their loops; no thread per check or packet").isLessThanOrEqualTo(1);
    }

    @Test
    void serverReflexiveCandidatesComeFromTheStunServer() throws Exception {
        InetSocketAddress mapped = new InetSocketAddress("203.0.113.5", 40_000);
        try (FakeStunServer server = new FakeStunServer(mapped)) {
            IceConfig config = IceConfig.loopback().withHosts(new HostAddresses.Options(true, false))
                    .withStunServers(List.of(server.address()));
            a.agent = new IceAgent(loopA, IceRole.CONTROLLING, config, a);
            a.agent.gather().get(5, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!a.gatheringDone && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(a.gatheringDone).isTrue();
            Candidate srflx = a.candidates.stream().filter(c -> c.type() == CandidateType.SERVER_REFLEXIVE)
                    .findFirst().orElseThrow();
            assertThat(srflx.address()).isEqualTo(mapped);
            assertThat(srflx.related()).as("related address is the base").isEqualTo(srflx.base());
            assertThat(a.candidates).anyMatch(c -> c.type() == CandidateType.HOST && c.address().equals(srflx.base()));
            assertThat(srflx.priority()).isLessThan(a.candidates.get(0).priority());
        }
    }
}
