package dev.parley.rtc.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.rtc.peer.IceCandidate;
import dev.parley.rtc.testing.UdpImpairmentRelay.Counters;
import dev.parley.rtc.testing.UdpImpairmentRelay.Direction;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link UdpImpairmentRelay} with plain UDP sockets on loopback. */
class UdpImpairmentRelayTest {

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private DatagramSocket socket() throws Exception {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        s.setSoTimeout(2_000);
        s.setReceiveBufferSize(1 << 20);
        open.add(s);
        return s;
    }

    private UdpImpairmentRelay relay(Impairment aToB, Impairment bToA) throws Exception {
        UdpImpairmentRelay r = new UdpImpairmentRelay(aToB, bToA);
        open.add(r);
        return r;
    }

    private static void send(DatagramSocket from, InetSocketAddress to, int n) throws Exception {
        byte[] b = ByteBuffer.allocate(4).putInt(n).array();
        from.send(new DatagramPacket(b, b.length, to));
    }

    /** Received numbers until the socket is quiet for {@code quietMillis}. */
    private static List<Integer> drain(DatagramSocket s, int quietMillis, List<InetSocketAddress> sources)
            throws Exception {
        s.setSoTimeout(quietMillis);
        List<Integer> got = new ArrayList<>();
        byte[] buf = new byte[2048];
        while (true) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                s.receive(p);
            } catch (SocketTimeoutException e) {
                return got;
            }
            got.add(ByteBuffer.wrap(p.getData(), 0, 4).getInt());
            if (sources != null) {
                sources.add((InetSocketAddress) p.getSocketAddress());
            }
        }
    }

    private static InetSocketAddress addressOf(DatagramSocket s) {
        return (InetSocketAddress) s.getLocalSocketAddress();
    }

    @Test
    void forwardsBothWaysAndEachPeerSeesTheOtherAsOneRelayAddress() throws Exception {
        DatagramSocket a = socket();
        DatagramSocket b = socket();
        UdpImpairmentRelay relay = relay(Impairment.none(), Impairment.none());
        relay.setPeerB(addressOf(b));
        for (int i = 0; i < 100; i++) {
            send(a, relay.sideA(), i);
        }
        List<InetSocketAddress> seenByB = new ArrayList<>();
        assertThat(drain(b, 300, seenByB)).hasSize(100);
        assertThat(seenByB).containsOnly(relay.sideB());
        assertThat(relay.peerA()).contains(addressOf(a));

        for (int i = 0; i < 50; i++) {
            send(b, relay.sideB(), 1_000 + i);
        }
        List<InetSocketAddress> seenByA = new ArrayList<>();
        assertThat(drain(a, 300, seenByA)).hasSize(50).startsWith(1_000, 1_001);
        assertThat(seenByA).containsOnly(relay.sideA());
        assertThat(relay.counters(Direction.A_TO_B)).isEqualTo(new Counters(100, 100, 0, 0, 0, 0, 0));
        assertThat(relay.counters(Direction.B_TO_A)).isEqualTo(new Counters(50, 50, 0, 0, 0, 0, 0));
    }

    @Test
    void learnsPeersFromTheirFirstDatagramAndIgnoresStrangers() throws Exception {
        DatagramSocket a = socket();
        DatagramSocket b = socket();
        DatagramSocket stranger = socket();
        UdpImpairmentRelay relay = relay(Impairment.none(), Impairment.none());
        send(a, relay.sideA(), 1); // B not known yet: cannot be forwarded
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (relay.peerA().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(1); // let the relay read it before B speaks
        }
        send(b, relay.sideB(), 2); // learns B; A already known
        assertThat(drain(a, 200, null)).containsExactly(2);
        send(a, relay.sideA(), 3);
        send(stranger, relay.sideA(), 4);
        assertThat(drain(b, 200, null)).containsExactly(3);
        Counters ab = relay.counters(Direction.A_TO_B);
        assertThat(ab.received()).isEqualTo(3);
        assertThat(ab.unroutable()).isEqualTo(2);
        assertThat(ab.forwarded()).isEqualTo(1);
    }

    @Test
    void impairsEachDirectionIndependently() throws Exception {
        DatagramSocket a = socket();
        DatagramSocket b = socket();
        Impairment lossy = Impairment.builder().loss(0.2).duplicate(0.1).seed(77).build();
        Impairment slow = Impairment.builder().delay(Duration.ofMillis(40)).build();
        UdpImpairmentRelay relay = relay(lossy, slow);
        relay.setPeerA(addressOf(a));
        relay.setPeerB(addressOf(b));
        for (int i = 0; i < 1_000; i++) {
            send(a, relay.sideA(), i);
            if (i % 50 == 49) {
                Thread.sleep(1); // never more than the kernel's default socket buffer in flight
            }
        }
        List<Integer> atB = drain(b, 300, null);
        Counters ab = relay.counters(Direction.A_TO_B);
        // The relay does what the model decides, datagram for datagram.
        ImpairmentModel model = new ImpairmentModel(lossy);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            ImpairmentModel.Decision d = model.decide(4, 0);
            for (int c = 0; c < d.copies(); c++) {
                expected.add(i);
            }
        }
        assertThat(atB).containsExactlyElementsOf(expected);
        assertThat(ab.received()).isEqualTo(1_000);
        assertThat(ab.forwarded()).isEqualTo(atB.size());
        assertThat(ab.received() - ab.dropped() + ab.duplicated()).isEqualTo(ab.forwarded());
        assertThat(ab.dropped()).isBetween(150L, 250L);
        assertThat(ab.duplicated()).isBetween(50L, 110L);

        long start = System.nanoTime();
        send(b, relay.sideB(), 5);
        assertThat(drain(a, 200, null)).containsExactly(5);
        // (drain waits 200 ms of quiet after the datagram, so only the lower bound is measured tightly.)
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(40));
        assertThat(relay.counters(Direction.B_TO_A)).isEqualTo(new Counters(1, 1, 0, 0, 0, 0, 0));
    }

    @Test
    void delaysByTheConfiguredAmountAndReordersOnlyTheHeldBackOnes() throws Exception {
        DatagramSocket a = socket();
        DatagramSocket b = socket();
        Impairment imp = Impairment.builder().delay(Duration.ofMillis(10)).reorder(0.1, Duration.ofMillis(20))
                .seed(4).build();
        UdpImpairmentRelay relay = relay(imp, Impairment.none());
        relay.setPeerB(addressOf(b));
        for (int i = 0; i < 300; i++) {
            send(a, relay.sideA(), i);
            if (i % 5 == 4) {
                Thread.sleep(1);
            }
        }
        List<Integer> atB = drain(b, 300, null);
        assertThat(atB).hasSize(300).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, 300)
                .boxed().toList());
        int late = 0;
        int highest = -1;
        for (int n : atB) {
            if (n < highest) {
                late++;
            }
            highest = Math.max(highest, n);
        }
        long reordered = relay.counters(Direction.A_TO_B).reordered();
        assertThat(reordered).isBetween(15L, 45L);
        assertThat(late).as("held-back datagrams arrive after later ones").isPositive().isLessThanOrEqualTo((int) reordered);
        assertThat(relay.awaitDrained(Duration.ofSeconds(1))).isTrue();
        assertThat(relay.inFlight()).isZero();
    }

    @Test
    void candidateLinesAreRewrittenToTheRelayAndOnlyOneLoopbackHostCandidatePerSideGetsThrough() throws Exception {
        assertThat(IceCandidateLines.rewrite("candidate:1 1 udp 2122260223 127.0.0.1 5000 typ host",
                new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 41_234)))
                .isEqualTo("candidate:1 1 udp 2122260223 127.0.0.1 41234 typ host");
        assertThat(IceCandidateLines.rewrite("a=candidate:842163049 1 udp 1677729535 203.0.113.7 61000 typ srflx "
                        + "raddr 10.0.0.2 rport 5000 generation 0",
                new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 6)))
                .isEqualTo("a=candidate:842163049 1 udp 1677729535 127.0.0.1 6 typ srflx raddr 10.0.0.2 rport 5000 "
                        + "generation 0");
        assertThatThrownBy(() -> IceCandidateLines.rewrite("candidate:1 1 udp", new InetSocketAddress(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(IceCandidateLines.hostAddress("candidate:1 1 udp 2122260223 127.0.0.1 5000 typ host"))
                .contains(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 5000));
        assertThat(IceCandidateLines.hostAddress("candidate:1 1 tcp 2122260223 127.0.0.1 9 typ host tcptype active"))
                .isEmpty();
        assertThat(IceCandidateLines.hostAddress("candidate:1 1 udp 2122260223 abc.local 5000 typ host")).isEmpty();

        UdpImpairmentRelay relay = relay(Impairment.none(), Impairment.none());
        IceCandidate lan = new IceCandidate("candidate:2 1 udp 2122260222 192.0.2.2 5001 typ host", "0", 0);
        IceCandidate lo = new IceCandidate("candidate:1 1 udp 2122260223 127.0.0.1 5000 typ host", "0", 0);
        IceCandidate otherLo = new IceCandidate("candidate:3 1 udp 2122260221 127.0.0.1 5002 typ host", "0", 0);
        assertThat(relay.candidateFromA(lan)).isEmpty();
        assertThat(relay.candidateFromA(lo)).contains(new IceCandidate(
                "candidate:1 1 udp 2122260223 127.0.0.1 " + relay.sideB().getPort() + " typ host", "0", 0));
        assertThat(relay.candidateFromA(otherLo)).as("one peer address per side").isEmpty();
        assertThat(relay.peerA()).contains(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 5000));
        assertThat(relay.candidateFromB(lo).orElseThrow().candidate()).contains(" " + relay.sideA().getPort() + " typ");
        IceCandidate end = IceCandidate.endOfCandidates("0", 0);
        assertThat(relay.candidateFromB(end)).contains(end);
    }

    @Test
    void closingEndsItsThreads() throws Exception {
        awaitNoRelayThreads(); // those of relays other tests closed
        UdpImpairmentRelay relay = UdpImpairmentRelay.symmetric(Impairment.builder().delay(Duration.ofMillis(5)).build());
        DatagramSocket a = socket();
        relay.setPeerB(addressOf(socket()));
        for (int i = 0; i < 200; i++) {
            send(a, relay.sideA(), i);
        }
        Thread.sleep(50);
        assertThat(relayThreads()).as("one I/O thread, one scheduler thread, whatever the traffic").isEqualTo(2);
        relay.close();
        relay.close();
        awaitNoRelayThreads();
        assertThat(relayThreads()).isZero();
    }

    private static void awaitNoRelayThreads() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (relayThreads() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static long relayThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith("impairment-relay-")).count();
    }
}
