package dev.parley.rtc.ice;

import dev.parley.rtc.net.EventLoop;
import dev.parley.rtc.net.PacketKind;
import dev.parley.rtc.net.UdpSocket;
import dev.parley.rtc.stun.StunAttribute;
import dev.parley.rtc.stun.StunAttributeType;
import dev.parley.rtc.stun.StunClass;
import dev.parley.rtc.stun.StunCredentials;
import dev.parley.rtc.stun.StunDecoder;
import dev.parley.rtc.stun.StunEncoder;
import dev.parley.rtc.stun.StunIntegrity;
import dev.parley.rtc.stun.StunMessage;
import dev.parley.rtc.stun.StunMethod;
import dev.parley.rtc.stun.StunParseException;
import dev.parley.rtc.stun.StunResponses;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A full ICE agent (RFC 8445) for one data stream with one component (BUNDLE and rtcp-mux, as WebRTC uses):
 * gathers host and server-reflexive candidates, trickles them (RFC 8838), runs paced connectivity checks,
 * answers the peer's checks (learning peer-reflexive candidates and triggering checks), repairs role
 * conflicts, nominates, and keeps consent fresh (RFC 7675). Everything runs on one {@link EventLoop};
 * public methods may be called from any thread and hop onto it.
 */
public final class IceAgent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IceAgent.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int COMPONENT = 1;
    private static final int ROLE_CONFLICT = 487;
    private static final int UNAUTHORIZED = 401;
    private static final int BAD_REQUEST = 400;

    private final EventLoop loop;
    private final IceConfig config;
    private final IceListener listener;
    private final long tieBreaker = RANDOM.nextLong();
    private final Foundations foundations = new Foundations();
    // Written on the loop thread while gathering; read by send() from other threads.
    private final List<HostSocket> sockets = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<Candidate> remoteCandidates = new ArrayList<>();
    /** Routes (local base, remote address) the controlling peer nominated with USE-CANDIDATE. */
    private final Set<List<InetSocketAddress>> nominatedByPeer = new HashSet<>();
    private final PendingRequests requests;
    private final AtomicLong droppedPackets = new AtomicLong();
    private final AtomicLong droppedMdns = new AtomicLong();

    private volatile IceConnectionState state = IceConnectionState.NEW;
    private volatile IceRole role;
    private volatile IceCredentials local;
    private IceCredentials remote;
    private CheckList checks;
    private volatile CandidatePair selected;
    /** The first pair a check succeeded on: usable for DTLS before nomination completes. */
    private volatile CandidatePair firstValid;
    private CandidatePair nominating;
    private EventLoop.Timer pacer;
    private EventLoop.Timer consentTimer;
    private EventLoop.Timer checkingDeadline;
    private long lastConsentNanos;
    /** Anything heard from the selected pair's remote (consent responses, DTLS, media): liveness for "disconnected". */
    private volatile long lastHeardNanos;
    private boolean remoteEnded;
    private int pendingGathers;

    /** A bound host socket and the host candidate it carries. */
    private record HostSocket(UdpSocket socket, Candidate host) {
    }

    public IceAgent(EventLoop loop, IceRole role, IceConfig config, IceListener listener) {
        this.loop = loop;
        this.role = role;
        this.config = config;
        this.listener = listener;
        this.local = IceCredentials.random();
        this.checks = new CheckList(role == IceRole.CONTROLLING);
        this.requests = new PendingRequests(loop);
    }

    public IceCredentials localCredentials() {
        return local;
    }

    public IceRole role() {
        return role;
    }

    public IceConnectionState state() {
        return state;
    }

    /** Datagrams dropped: not STUN and not from a validated address, or malformed, or unauthenticated. */
    public long droppedPackets() {
        return droppedPackets.get();
    }

    /** Remote {@code .local} candidates that were not used (no mDNS resolver: peer-reflexive discovery instead). */
    public long droppedMdnsCandidates() {
        return droppedMdns.get();
    }

    // ---- gathering -------------------------------------------------------------------------------------

    /**
     * Binds one UDP socket per usable host address and gathers; candidates arrive through
     * {@link IceListener#onLocalCandidate}, then {@code null}. Completes when the host sockets are bound.
     */
    public CompletableFuture<Void> gather() {
        return gather(config.stunServers());
    }

    /** As {@link #gather()}, with these STUN servers (resolved by the caller, off the network thread). */
    public CompletableFuture<Void> gather(List<InetSocketAddress> stunServers) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.execute(() -> {
            if (config.relayOnly()) {
                // Nothing to relay through yet (TURN comes with relays): no address of ours leaves the machine.
                listener.onLocalCandidate(null);
                done.complete(null);
                return;
            }
            List<InetAddress> addresses = HostAddresses.find(config.hosts());
            List<CompletableFuture<UdpSocket>> opening = new ArrayList<>();
            List<HostSocket[]> refs = new ArrayList<>();
            for (InetAddress address : addresses) {
                // The handler learns its socket once bound; datagrams cannot arrive before that.
                HostSocket[] ref = new HostSocket[1];
                refs.add(ref);
                opening.add(UdpSocket.open(loop, new InetSocketAddress(address, 0),
                        (buf, off, len, from) -> onDatagram(buf, off, len, from, ref[0])));
            }
            CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new)).whenComplete((ok, e) ->
                    loop.execute(() -> {
                        int index = 0;
                        for (int i = 0; i < opening.size(); i++) {
                            CompletableFuture<UdpSocket> f = opening.get(i);
                            if (f.isCompletedExceptionally()) {
                                continue;
                            }
                            refs.get(i)[0] = addHost(f.join(), index++);
                        }
                        gatherServerReflexive(stunServers);
                        done.complete(null);
                    }));
        });
        return done;
    }

    private HostSocket addHost(UdpSocket socket, int index) {
        InetSocketAddress address = socket.localAddress();
        boolean v6 = address.getAddress() instanceof java.net.Inet6Address;
        long priority = Priorities.candidate(CandidateType.HOST, Priorities.hostLocalPreference(v6, index), COMPONENT);
        Candidate host = new Candidate(foundations.of(CandidateType.HOST, address.getAddress(), null, "udp"),
                COMPONENT, "udp", priority, address, CandidateType.HOST, null, address);
        HostSocket hs = new HostSocket(socket, host);
        sockets.add(hs);
        listener.onLocalCandidate(host);
        for (Candidate r : remoteCandidates) {
            checks.addPair(host, r);
        }
        startChecksIfReady();
        return hs;
    }

    private void gatherServerReflexive(List<InetSocketAddress> stunServers) {
        for (HostSocket hs : List.copyOf(sockets)) {
            for (InetSocketAddress server : stunServers) {
                if (server.getAddress() == null
                        || server.getAddress().getClass() != hs.host().address().getAddress().getClass()) {
                    continue;
                }
                StunMessage request = StunMessage.request(StunMethod.BINDING).build();
                byte[] wire = StunEncoder.plain().withFingerprint().encode(request);
                pendingGathers++;
                requests.send(request.transactionId(), hs.socket(), server, wire, null, config.checkRto(),
                        config.checkAttempts(), new PendingRequests.Outcome() {
                            @Override
                            public void answered(StunMessage response, InetSocketAddress from, UdpSocket s) {
                                response.xorMappedAddress().ifPresent(mapped -> addServerReflexive(hs, server, mapped));
                                gatherDone();
                            }

                            @Override
                            public void timedOut() {
                                LOG.debug("STUN server did not answer");
                                gatherDone();
                            }
                        });
            }
        }
        if (pendingGathers == 0) {
            listener.onLocalCandidate(null);
        }
    }

    private void addServerReflexive(HostSocket hs, InetSocketAddress server, InetSocketAddress mapped) {
        if (mapped.equals(hs.host().address())) {
            return;
        }
        int localPreference = (int) ((hs.host().priority() >> 8) & 0xFFFF);
        Candidate srflx = new Candidate(
                foundations.of(CandidateType.SERVER_REFLEXIVE, hs.host().address().getAddress(),
                        server.toString(), "udp"),
                COMPONENT, "udp", Priorities.candidate(CandidateType.SERVER_REFLEXIVE, localPreference, COMPONENT),
                mapped, CandidateType.SERVER_REFLEXIVE, hs.host().address(), hs.host().address());
        listener.onLocalCandidate(srflx);
    }

    private void gatherDone() {
        if (--pendingGathers == 0) {
            listener.onLocalCandidate(null);
        }
    }

    // ---- remote side -----------------------------------------------------------------------------------

    /** The peer's ufrag and password from its SDP; checks start once these and a candidate are known. */
    public void setRemoteCredentials(IceCredentials credentials) {
        loop.execute(() -> {
            remote = credentials;
            startChecksIfReady();
        });
    }

    /** A trickled remote candidate (RFC 8838); {@code .local} names are dropped cleanly and counted. */
    public void addRemoteCandidate(Candidate candidate) {
        loop.execute(() -> {
            if (candidate.isUnresolved()) {
                if (candidate.isMdns()) {
                    droppedMdns.incrementAndGet();
                }
                return;
            }
            if (remoteCandidates.stream().anyMatch(c -> c.address().equals(candidate.address()))
                    || remoteCandidates.size() >= CheckList.MAX_PAIRS) {
                return;
            }
            remoteCandidates.add(candidate);
            for (HostSocket hs : sockets) {
                checks.addPair(hs.host(), candidate);
            }
            startChecksIfReady();
        });
    }

    /** The peer signalled end-of-candidates: with every pair failed, the agent may now fail. */
    public void endOfRemoteCandidates() {
        loop.execute(() -> {
            remoteEnded = true;
            failIfHopeless();
        });
    }

    private void startChecksIfReady() {
        if (remote == null || state == IceConnectionState.CLOSED || checks.pairs().isEmpty()) {
            return;
        }
        if (state == IceConnectionState.NEW) {
            setState(IceConnectionState.CHECKING);
            checkingDeadline = loop.schedule(() -> {
                if (selected == null && state == IceConnectionState.CHECKING) {
                    setState(IceConnectionState.FAILED);
                }
            }, config.checkingTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        if (pacer == null) {
            pace();
        }
    }

    // RFC 8445 section 6.1.4.2: one check per Ta.
    private void pace() {
        pacer = null;
        if (state == IceConnectionState.CLOSED || state == IceConnectionState.FAILED || remote == null) {
            return;
        }
        Optional<CandidatePair> next = checks.next();
        if (next.isPresent()) {
            sendCheck(next.get(), shouldNominate(next.get()));
            pacer = loop.schedule(this::pace, config.pacing().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private boolean shouldNominate(CandidatePair pair) {
        return role == IceRole.CONTROLLING && pair == nominating;
    }

    // ---- connectivity checks ---------------------------------------------------------------------------

    private void sendCheck(CandidatePair pair, boolean useCandidate) {
        HostSocket hs = socketFor(pair.local().base());
        if (hs == null) {
            checks.failed(pair);
            return;
        }
        int localPreference = (int) ((pair.local().priority() >> 8) & 0xFFFF);
        IceRole sentAs = role;
        StunMessage request = BindingRequests.check(local, remote,
                Priorities.candidate(CandidateType.PEER_REFLEXIVE, localPreference, COMPONENT), sentAs, tieBreaker,
                useCandidate);
        byte[] key = StunCredentials.shortTermKey(remote.pwd());
        byte[] wire = StunEncoder.plain().withIntegrity(key).withFingerprint().encode(request);
        boolean queued = requests.send(request.transactionId(), hs.socket(), pair.remote().address(), wire, key,
                config.checkRto(), config.checkAttempts(), new PendingRequests.Outcome() {
                    @Override
                    public void answered(StunMessage response, InetSocketAddress from, UdpSocket socket) {
                        onCheckResponse(pair, useCandidate, sentAs, response, from, socket);
                    }

                    @Override
                    public void timedOut() {
                        onCheckTimeout(pair);
                    }
                });
        if (!queued) {
            checks.failed(pair);
        }
    }

    private void onCheckResponse(CandidatePair pair, boolean useCandidate, IceRole sentAs, StunMessage response,
                                 InetSocketAddress from, UdpSocket socket) {
        // RFC 8445 section 7.2.5.2.1: the response must come from where the request went, to where it came from.
        if (!from.equals(pair.remote().address()) || !socket.localAddress().equals(pair.local().base())) {
            checks.failed(pair);
            failIfHopeless();
            return;
        }
        if (response.messageClass() == StunClass.ERROR_RESPONSE) {
            int code = response.errorCode().map(StunAttribute.ErrorCode::code).orElse(0);
            if (code == ROLE_CONFLICT) {
                // RFC 8445 section 7.2.5.1: take the role opposite to the one the request was sent in (unless a
                // request from the peer already moved us there), and check the pair again.
                IceRole target = sentAs == IceRole.CONTROLLING ? IceRole.CONTROLLED : IceRole.CONTROLLING;
                if (role != target) {
                    switchRole(target);
                }
                checks.retry(pair);
                kickPacer();
                return;
            }
            checks.failed(pair);
            failIfHopeless();
            return;
        }
        checks.succeeded(pair);
        if (firstValid == null) {
            firstValid = pair;
            listener.onWritable(pair);
        }
        if (role == IceRole.CONTROLLING) {
            if (useCandidate) {
                pair.nominate();
                select(pair);
            } else if (nominating == null) {
                // Regular nomination (RFC 8445 section 8.1.1): the first valid pair, re-checked with USE-CANDIDATE.
                nominating = pair;
                checks.trigger(pair);
                kickPacer();
            }
        } else if (nominatedByPeer.contains(List.of(pair.local().base(), pair.remote().address()))) {
            pair.nominate();
            select(pair);
        }
        if (pair == selected) {
            lastConsentNanos = System.nanoTime();
        }
    }

    private void onCheckTimeout(CandidatePair pair) {
        checks.failed(pair);
        if (pair == nominating) {
            nominating = null;
        }
        failIfHopeless();
    }

    private void failIfHopeless() {
        if (selected == null && remoteEnded && checks.allFailed() && state == IceConnectionState.CHECKING) {
            setState(IceConnectionState.FAILED);
        }
    }

    // A triggered check goes out now rather than at the next pacing tick: the peer's own checks bound how
    // often this happens, and waiting a tick would add Ta to every connection's setup.
    private void kickPacer() {
        if (pacer != null) {
            pacer.cancel();
        }
        pace();
    }

    private void select(CandidatePair pair) {
        if (selected == pair) {
            return;
        }
        selected = pair;
        lastConsentNanos = System.nanoTime();
        if (checkingDeadline != null) {
            checkingDeadline.cancel();
        }
        LOG.debug("ICE selected {}", pair);
        listener.onSelectedPair(pair);
        setState(IceConnectionState.CONNECTED);
        scheduleConsent();
    }

    private void switchRole(IceRole next) {
        LOG.debug("ICE role conflict: now {}", next);
        role = next;
        checks.roleChanged(next == IceRole.CONTROLLING);
        nominating = null;
    }

    // ---- the peer's checks -----------------------------------------------------------------------------

    private void onDatagram(byte[] buf, int off, int len, InetSocketAddress from, HostSocket hs) {
        PacketKind kind = PacketKind.of(buf, off, len);
        if (kind == PacketKind.STUN && StunDecoder.isStun(buf, off, len)) {
            StunMessage message;
            try {
                message = StunDecoder.decode(buf, off, len);
            } catch (StunParseException e) {
                droppedPackets.incrementAndGet();
                return;
            }
            if (hs == null) {
                droppedPackets.incrementAndGet();
                return;
            }
            switch (message.messageClass()) {
                case REQUEST -> onRequest(message, from, hs);
                case SUCCESS_RESPONSE, ERROR_RESPONSE -> onResponse(message, from, hs);
                default -> droppedPackets.incrementAndGet();
            }
            return;
        }
        if ((kind == PacketKind.DTLS || kind == PacketKind.RTP || kind == PacketKind.RTCP) && isValidated(from)) {
            listener.onPacket(kind, buf, off, len);
            return;
        }
        droppedPackets.incrementAndGet();
    }

    // DTLS and SRTP authenticate themselves; ICE only keeps out strangers: an address counts once it was
    // signalled, learned from an authenticated check (peer-reflexive), or proved by a successful check.
    // Waiting for our own check to succeed would drop a peer's first DTLS flight and cost a retransmission.
    private boolean isValidated(InetSocketAddress from) {
        CandidatePair current = selected;
        if (current != null && current.remote().address().equals(from)) {
            lastHeardNanos = System.nanoTime();
            if (state == IceConnectionState.DISCONNECTED) {
                setState(IceConnectionState.CONNECTED);
            }
            return true;
        }
        for (Candidate c : remoteCandidates) {
            if (c.address().equals(from)) {
                return true;
            }
        }
        for (CandidatePair p : checks.pairs()) {
            if (p.valid() && p.remote().address().equals(from)) {
                return true;
            }
        }
        return false;
    }

    private void onResponse(StunMessage response, InetSocketAddress from, HostSocket hs) {
        byte[] key = requests.keyFor(response.transactionId());
        if (key != null && StunIntegrity.verifyMessageIntegrity(response, key) != StunIntegrity.Result.VALID) {
            droppedPackets.incrementAndGet();
            return;
        }
        if (StunIntegrity.verifyFingerprint(response) == StunIntegrity.Result.MISMATCH
                || !requests.complete(response, from, hs.socket())) {
            droppedPackets.incrementAndGet();
        }
    }

    private void onRequest(StunMessage request, InetSocketAddress from, HostSocket hs) {
        if (request.method() != StunMethod.BINDING
                || StunIntegrity.verifyFingerprint(request) != StunIntegrity.Result.VALID) {
            droppedPackets.incrementAndGet();
            return;
        }
        byte[] key = StunCredentials.shortTermKey(local.pwd());
        String username = request.username().orElse(null);
        // RFC 8445 section 7.3: the USERNAME must start with our ufrag and the integrity must verify with our password.
        if (username == null || !username.startsWith(local.ufrag() + ":")
                || StunIntegrity.verifyMessageIntegrity(request, key) != StunIntegrity.Result.VALID) {
            send(hs, from, StunResponses.error(request, UNAUTHORIZED, null));
            return;
        }
        Optional<StunAttribute.IceControlling> theyControl = request.first(StunAttribute.IceControlling.class);
        Optional<StunAttribute.IceControlled> theyAreControlled = request.first(StunAttribute.IceControlled.class);
        if (theyControl.isEmpty() && theyAreControlled.isEmpty()) {
            send(hs, from, StunResponses.error(request, BAD_REQUEST, key));
            return;
        }
        // RFC 8445 section 7.3.1.1: role conflicts are settled by the larger tie-breaker.
        if (role == IceRole.CONTROLLING && theyControl.isPresent()) {
            if (Long.compareUnsigned(tieBreaker, theyControl.get().tieBreaker()) >= 0) {
                send(hs, from, StunResponses.error(request, ROLE_CONFLICT, key));
                return;
            }
            switchRole(IceRole.CONTROLLED);
        } else if (role == IceRole.CONTROLLED && theyAreControlled.isPresent()) {
            if (Long.compareUnsigned(tieBreaker, theyAreControlled.get().tieBreaker()) >= 0) {
                switchRole(IceRole.CONTROLLING);
            } else {
                send(hs, from, StunResponses.error(request, ROLE_CONFLICT, key));
                return;
            }
        }
        send(hs, from, StunResponses.bindingSuccess(request, from, key));

        Candidate remoteCandidate = remoteCandidateAt(from, request);
        boolean useCandidate = request.has(StunAttributeType.USE_CANDIDATE);
        if (useCandidate && role == IceRole.CONTROLLED) {
            nominatedByPeer.add(List.of(hs.host().base(), from));
        }
        CandidatePair pair = checks.find(hs.host().base(), from).orElse(null);
        if (pair == null) {
            pair = checks.addPair(hs.host(), remoteCandidate).orElse(null);
            if (pair == null) {
                return;
            }
        }
        // RFC 8445 section 7.3.1.4 and 7.3.1.5: a triggered check, or nomination of an already valid pair.
        if (pair.state() == PairState.SUCCEEDED) {
            if (useCandidate && role == IceRole.CONTROLLED) {
                pair.nominate();
                select(pair);
            }
        } else if (pair.state() != PairState.IN_PROGRESS) {
            checks.trigger(pair);
        }
        if (remote != null) {
            if (state == IceConnectionState.NEW) {
                startChecksIfReady();
            } else {
                kickPacer();
            }
        }
    }

    // RFC 8445 section 7.3.1.3: an unknown source address is a peer-reflexive remote candidate.
    private Candidate remoteCandidateAt(InetSocketAddress from, StunMessage request) {
        for (Candidate c : remoteCandidates) {
            if (c.address().equals(from)) {
                return c;
            }
        }
        long priority = request.first(StunAttribute.Priority.class).map(StunAttribute.Priority::priority)
                .filter(p -> p > 0).orElse(Priorities.candidate(CandidateType.PEER_REFLEXIVE, 0, COMPONENT));
        Candidate prflx = Candidate.remote("prflx" + ThreadLocalRandom.current().nextInt(1 << 30), COMPONENT, "udp",
                priority, from, CandidateType.PEER_REFLEXIVE, null);
        if (remoteCandidates.size() < CheckList.MAX_PAIRS) {
            remoteCandidates.add(prflx);
        }
        return prflx;
    }

    private static void send(HostSocket hs, InetSocketAddress to, byte[] wire) {
        hs.socket().send(wire, 0, wire.length, to);
    }

    // ---- consent freshness (RFC 7675) ------------------------------------------------------------------

    private void scheduleConsent() {
        if (consentTimer != null) {
            consentTimer.cancel();
        }
        // RFC 7675 section 5.1: every 5 s, randomised by +-20% so peers do not synchronise.
        long base = config.consentInterval().toMillis();
        long delay = (long) (base * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
        consentTimer = loop.schedule(this::checkConsent, Math.max(10, delay), TimeUnit.MILLISECONDS);
    }

    private void checkConsent() {
        if (selected == null || state == IceConnectionState.CLOSED || state == IceConnectionState.FAILED) {
            return;
        }
        long now = System.nanoTime();
        // RFC 7675 section 5.1: consent lapses 30 s after the last consent response.
        if (now - lastConsentNanos > config.consentLostAfter().toNanos()) {
            LOG.debug("ICE consent lost");
            setState(IceConnectionState.FAILED);
            return;
        }
        // "Disconnected" is about hearing nothing at all, media included, not about one lost consent check.
        if (now - Math.max(lastConsentNanos, lastHeardNanos) > config.disconnectedAfter().toNanos()) {
            setState(IceConnectionState.DISCONNECTED);
        }
        sendConsentCheck(selected);
        scheduleConsent();
    }

    private void sendConsentCheck(CandidatePair pair) {
        HostSocket hs = socketFor(pair.local().base());
        if (hs == null || remote == null) {
            return;
        }
        StunMessage request = BindingRequests.check(local, remote, pair.local().priority(), role, tieBreaker, false);
        byte[] key = StunCredentials.shortTermKey(remote.pwd());
        byte[] wire = StunEncoder.plain().withIntegrity(key).withFingerprint().encode(request);
        long sentNanos = System.nanoTime();
        // Retransmitted like any request (RFC 7675 section 5.1), so one lost datagram is not a lost check.
        requests.send(request.transactionId(), hs.socket(), pair.remote().address(), wire, key, config.checkRto(), 3,
                new PendingRequests.Outcome() {
                    @Override
                    public void answered(StunMessage response, InetSocketAddress from, UdpSocket socket) {
                        if (response.messageClass() == StunClass.SUCCESS_RESPONSE && pair == selected) {
                            pair.recordRoundTrip(System.nanoTime() - sentNanos);
                            lastConsentNanos = System.nanoTime();
                            lastHeardNanos = lastConsentNanos;
                            if (state == IceConnectionState.DISCONNECTED) {
                                setState(IceConnectionState.CONNECTED);
                            }
                        }
                    }

                    @Override
                    public void timedOut() {
                        // The next consent check decides; a single loss means nothing.
                    }
                });
    }

    // ---- media path, restart, close --------------------------------------------------------------------

    /**
     * Sends a DTLS/SRTP datagram over the selected pair, or before nomination over the first pair that proved to
     * work (so DTLS can start as soon as a path exists); false (and dropped) when there is none yet.
     */
    public boolean send(byte[] data, int offset, int length) {
        CandidatePair pair = selected != null ? selected : firstValid;
        if (pair == null || state == IceConnectionState.FAILED || state == IceConnectionState.CLOSED) {
            return false;
        }
        HostSocket hs = socketFor(pair.local().base());
        return hs != null && hs.socket().send(data, offset, length, pair.remote().address());
    }

    /** The pair media uses now, if any. */
    public Optional<CandidatePair> selectedPair() {
        return Optional.ofNullable(selected);
    }

    /**
     * ICE restart (RFC 8445 section 9): new local credentials and a fresh check list; media keeps using the
     * old pair until a new one is selected. The new ufrag/pwd go into the next offer or answer.
     */
    public CompletableFuture<IceCredentials> restart() {
        CompletableFuture<IceCredentials> result = new CompletableFuture<>();
        loop.execute(() -> {
            local = IceCredentials.random();
            remote = null;
            remoteCandidates.clear();
            nominatedByPeer.clear();
            nominating = null;
            remoteEnded = false;
            requests.cancelAll();
            checks = new CheckList(role == IceRole.CONTROLLING);
            if (state == IceConnectionState.FAILED) {
                selected = null;
                firstValid = null;
            }
            if (selected == null) {
                setState(IceConnectionState.NEW);
            }
            for (HostSocket hs : sockets) {
                listener.onLocalCandidate(hs.host());
            }
            listener.onLocalCandidate(null);
            result.complete(local);
        });
        return result;
    }

    private HostSocket socketFor(InetSocketAddress base) {
        for (HostSocket hs : sockets) {
            if (hs.socket().localAddress().equals(base)) {
                return hs;
            }
        }
        return null;
    }

    private void setState(IceConnectionState next) {
        if (state == next || state == IceConnectionState.CLOSED) {
            return;
        }
        state = next;
        listener.onStateChanged(next);
    }

    /** Stops checks and consent, closes the sockets. */
    @Override
    public void close() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.execute(() -> {
            requests.cancelAll();
            for (EventLoop.Timer t : new EventLoop.Timer[] {pacer, consentTimer, checkingDeadline}) {
                if (t != null) {
                    t.cancel();
                }
            }
            for (HostSocket hs : sockets) {
                hs.socket().close();
            }
            setState(IceConnectionState.CLOSED);
            state = IceConnectionState.CLOSED;
            done.complete(null);
        });
        if (!loop.inLoop()) {
            done.orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
    }
}
