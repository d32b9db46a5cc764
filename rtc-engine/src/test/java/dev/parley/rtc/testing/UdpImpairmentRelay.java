package dev.parley.rtc.testing;

import dev.parley.rtc.peer.IceCandidate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real UDP relay on 127.0.0.1 that puts an impaired link between two peers, A and B, for tests (netem is not
 * available on the CI machines). It binds two sockets: {@link #sideA()} is where peer A sends when it means to reach
 * B, {@link #sideB()} is where peer B sends when it means to reach A. What arrives on side A from peer A goes out of
 * side B to peer B, impaired by the A→B {@link ImpairmentModel}, and the other way round. So B sees every one of A's
 * datagrams come from one address, side B, and its replies to that address come back to A from side A: the path is
 * symmetric, as ICE requires.
 *
 * <p>Usage: give peer A {@code sideA()} as peer B's address and peer B {@code sideB()} as peer A's address. Each
 * side's real peer is learnt from the first datagram that reaches that socket, or set with {@link #setPeerA} /
 * {@link #setPeerB}; datagrams from any other source are not forwarded (counted as unroutable), nor are those that
 * arrive before the other side's peer is known. For a {@code PeerConnection} call, pass every trickled candidate
 * through {@link #candidateFromA} / {@link #candidateFromB} before handing it to the other connection: they keep one
 * loopback host candidate per side, record it as that side's peer and rewrite it to the relay's address, so that STUN,
 * DTLS and SRTP all cross the relay.
 *
 * <p>Threads: one I/O thread (a selector over both sockets, which also runs the models) and one scheduler thread
 * that sends each datagram at its delivery time; none per datagram.
 */
public final class UdpImpairmentRelay implements AutoCloseable {

    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final int MAX_DATAGRAM = 65_535;

    /** A direction of the relay. */
    public enum Direction { A_TO_B, B_TO_A }

    /**
     * What one direction did so far.
     *
     * @param received     datagrams read on the sending side's socket
     * @param forwarded    datagrams sent out of the other socket (duplicates included), counted when actually sent
     * @param dropped      datagrams the impairment model lost (random, burst or queue loss)
     * @param duplicated   datagrams the model delivered twice
     * @param reordered    datagrams the model held back for others to overtake
     * @param unroutable   datagrams from an unexpected source, or before the other side's peer was known
     * @param sendFailures sends that failed (the socket said no)
     */
    public record Counters(long received, long forwarded, long dropped, long duplicated, long reordered,
                           long unroutable, long sendFailures) {
    }

    private final class Leg {
        final Direction direction;
        final DatagramChannel in;
        final ImpairmentModel model;
        final AtomicLong received = new AtomicLong();
        final AtomicLong forwarded = new AtomicLong();
        final AtomicLong dropped = new AtomicLong();
        final AtomicLong duplicated = new AtomicLong();
        final AtomicLong reordered = new AtomicLong();
        final AtomicLong unroutable = new AtomicLong();
        final AtomicLong sendFailures = new AtomicLong();
        volatile InetSocketAddress source;
        Leg out;

        Leg(Direction direction, DatagramChannel in, Impairment impairment) {
            this.direction = direction;
            this.in = in;
            this.model = new ImpairmentModel(impairment);
        }

        /** On the I/O thread: one datagram from this leg's side. */
        void handle(SocketAddress from, ByteBuffer data, long now) {
            received.incrementAndGet();
            InetSocketAddress sender = (InetSocketAddress) from;
            if (source == null) {
                source = sender;
            }
            InetSocketAddress to = out.source;
            if (!sender.equals(source) || to == null) {
                unroutable.incrementAndGet();
                return;
            }
            ImpairmentModel.Decision decision = model.decide(data.remaining(), now);
            if (decision.dropped()) {
                dropped.incrementAndGet();
                return;
            }
            byte[] copy = new byte[data.remaining()];
            data.get(copy);
            if (decision.reordered()) {
                reordered.incrementAndGet();
            }
            schedule(copy, to, decision.deliverAt());
            if (decision.duplicated()) {
                duplicated.incrementAndGet();
                schedule(copy, to, decision.duplicateAt());
            }
        }

        /**
         * Queues a datagram for {@code at}. Each timer task sends every queued datagram that is due, in delivery-time
         * order (ties in the order decided): a task per datagram alone could fire out of order for equal times,
         * since the executor measures each delay from its own clock reading, which would reorder datagrams the
         * model meant to keep in order.
         */
        private void schedule(byte[] datagram, InetSocketAddress to, long at) {
            inFlight.incrementAndGet();
            synchronized (due) {
                due.add(new Pending(at, order++, datagram, to));
            }
            timer.schedule(this::sendDue, Math.max(0, at - System.nanoTime()), TimeUnit.NANOSECONDS);
        }

        private void sendDue() {
            long now = System.nanoTime();
            while (true) {
                Pending p;
                synchronized (due) {
                    p = due.peek();
                    if (p == null || p.at() > now) {
                        return;
                    }
                    due.poll();
                }
                send(p.datagram(), p.to());
            }
        }

        private void send(byte[] datagram, InetSocketAddress to) {
            try {
                out.in.send(ByteBuffer.wrap(datagram), to);
                forwarded.incrementAndGet();
            } catch (IOException | RuntimeException e) {
                sendFailures.incrementAndGet();
            } finally {
                inFlight.decrementAndGet();
            }
        }

        private record Pending(long at, long order, byte[] datagram, InetSocketAddress to) {
        }

        private final java.util.PriorityQueue<Pending> due = new java.util.PriorityQueue<>(
                java.util.Comparator.comparingLong(Pending::at).thenComparingLong(Pending::order));
        private long order;

        Counters counters() {
            return new Counters(received.get(), forwarded.get(), dropped.get(), duplicated.get(), reordered.get(),
                    unroutable.get(), sendFailures.get());
        }
    }

    private final Selector selector;
    private final Leg aToB;
    private final Leg bToA;
    private final ScheduledThreadPoolExecutor timer;
    private final Thread io;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closed;

    /** A relay whose A→B and B→A directions are impaired independently. */
    public UdpImpairmentRelay(Impairment aToB, Impairment bToA) throws IOException {
        int id = INSTANCES.incrementAndGet();
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        selector = Selector.open();
        DatagramChannel a = null;
        DatagramChannel b = null;
        try {
            a = open(loopback);
            b = open(loopback);
            this.aToB = new Leg(Direction.A_TO_B, a, aToB);
            this.bToA = new Leg(Direction.B_TO_A, b, bToA);
            this.aToB.out = this.bToA;
            this.bToA.out = this.aToB;
            a.register(selector, SelectionKey.OP_READ, this.aToB);
            b.register(selector, SelectionKey.OP_READ, this.bToA);
        } catch (IOException | RuntimeException e) {
            closeQuietly(a);
            closeQuietly(b);
            selector.close();
            throw e;
        }
        timer = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "impairment-relay-" + id + "-timer"));
        timer.setRemoveOnCancelPolicy(true);
        io = daemon(this::loop, "impairment-relay-" + id + "-io");
        io.start();
    }

    /** The same impairment both ways, the B→A direction with a seed derived from {@code both.seed()}. */
    public static UdpImpairmentRelay symmetric(Impairment both) throws IOException {
        return new UdpImpairmentRelay(both, both.withSeed(both.seed() * 0x9E3779B97F4A7C15L + 1));
    }

    /** A relay that forwards everything untouched. */
    public static UdpImpairmentRelay transparent() throws IOException {
        return new UdpImpairmentRelay(Impairment.none(), Impairment.none());
    }

    /** Where peer A sends datagrams meant for B (what A is told B's address is). */
    public InetSocketAddress sideA() {
        return localAddress(aToB.in);
    }

    /** Where peer B sends datagrams meant for A (what B is told A's address is). */
    public InetSocketAddress sideB() {
        return localAddress(bToA.in);
    }

    /** Peer A's real address, before any datagram from it teaches the relay. */
    public void setPeerA(InetSocketAddress address) {
        aToB.source = address;
    }

    public void setPeerB(InetSocketAddress address) {
        bToA.source = address;
    }

    public Optional<InetSocketAddress> peerA() {
        return Optional.ofNullable(aToB.source);
    }

    public Optional<InetSocketAddress> peerB() {
        return Optional.ofNullable(bToA.source);
    }

    public Counters counters(Direction direction) {
        return (direction == Direction.A_TO_B ? aToB : bToA).counters();
    }

    /** Datagrams decided on but not yet sent. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Waits until every scheduled datagram has been sent; false if {@code timeout} passes first. */
    public boolean awaitDrained(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(2);
        }
        return true;
    }

    /**
     * A's trickled candidate as B should receive it: A's one loopback host candidate (it becomes A's peer address)
     * rewritten to {@link #sideB()}; empty for any other candidate, which would let traffic bypass the relay.
     * End-of-candidates passes through.
     */
    public Optional<IceCandidate> candidateFromA(IceCandidate candidate) {
        return through(candidate, aToB, sideB());
    }

    /** B's trickled candidate as A should receive it: rewritten to {@link #sideA()}; see {@link #candidateFromA}. */
    public Optional<IceCandidate> candidateFromB(IceCandidate candidate) {
        return through(candidate, bToA, sideA());
    }

    private synchronized Optional<IceCandidate> through(IceCandidate candidate, Leg leg, InetSocketAddress relay) {
        if (candidate.isEndOfCandidates()) {
            return Optional.of(candidate);
        }
        Optional<InetSocketAddress> real = IceCandidateLines.hostAddress(candidate.candidate())
                .filter(a -> a.getAddress().isLoopbackAddress() && a.getAddress().getAddress().length == 4);
        if (real.isEmpty() || (leg.source != null && !leg.source.equals(real.get()))) {
            return Optional.empty();
        }
        leg.source = real.get();
        return Optional.of(new IceCandidate(IceCandidateLines.rewrite(candidate.candidate(), relay),
                candidate.sdpMid(), candidate.sdpMLineIndex()));
    }

    private void loop() {
        ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
        try {
            while (!closed) {
                selector.select();
                for (SelectionKey key : selector.selectedKeys()) {
                    Leg leg = (Leg) key.attachment();
                    while (true) {
                        buffer.clear();
                        SocketAddress from = leg.in.receive(buffer);
                        if (from == null) {
                            break;
                        }
                        buffer.flip();
                        leg.handle(from, buffer, System.nanoTime());
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | ClosedSelectorException e) {
            if (!closed) {
                throw new UncheckedIOException(new IOException("impairment relay I/O failed", e));
            }
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        selector.wakeup();
        try {
            io.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timer.shutdownNow();
        closeQuietly(aToB.in);
        closeQuietly(bToA.in);
        try {
            selector.close();
        } catch (IOException e) {
            // Closing anyway.
        }
    }

    private static DatagramChannel open(InetAddress loopback) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        // Bursts from a test must not overflow the kernel's buffer before the I/O thread reads them (capped by
        // net.core.rmem_max).
        channel.setOption(java.net.StandardSocketOptions.SO_RCVBUF, 4 << 20);
        channel.bind(new InetSocketAddress(loopback, 0));
        channel.configureBlocking(false);
        return channel;
    }

    private static InetSocketAddress localAddress(DatagramChannel channel) {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static void closeQuietly(DatagramChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Nothing more to do.
            }
        }
    }
}
