package dev.parley.rtc.peer;

import dev.parley.rtc.dtls.CertificateFingerprint;
import dev.parley.rtc.dtls.DtlsCertificate;
import dev.parley.rtc.dtls.DtlsEndpoint;
import dev.parley.rtc.dtls.DtlsRole;
import dev.parley.rtc.ice.Candidate;
import dev.parley.rtc.ice.IceAgent;
import dev.parley.rtc.ice.IceConnectionState;
import dev.parley.rtc.ice.IceCredentials;
import dev.parley.rtc.ice.IceListener;
import dev.parley.rtc.ice.IceRole;
import dev.parley.rtc.net.EventLoop;
import dev.parley.rtc.net.PacketKind;
import dev.parley.rtc.sdp.AnswerBuilder;
import dev.parley.rtc.sdp.LocalParameters;
import dev.parley.rtc.sdp.LocalTrack;
import dev.parley.rtc.sdp.MediaCapabilities;
import dev.parley.rtc.sdp.MediaDescription;
import dev.parley.rtc.sdp.OfferBuilder;
import dev.parley.rtc.sdp.ParleyCodecs;
import dev.parley.rtc.sdp.Sdp;
import dev.parley.rtc.sdp.SdpNegotiationException;
import dev.parley.rtc.sdp.SdpParseException;
import dev.parley.rtc.sdp.SdpParser;
import dev.parley.rtc.sdp.SdpWriter;
import dev.parley.rtc.sdp.Setup;
import dev.parley.rtc.srtp.SrtpError;
import dev.parley.rtc.srtp.SrtpInboundSession;
import dev.parley.rtc.srtp.SrtpOptions;
import dev.parley.rtc.srtp.SrtpOutboundSession;
import dev.parley.rtc.media.AudioSource;
import dev.parley.rtc.media.VideoSource;
import dev.parley.rtc.pipeline.AudioSendStream;
import dev.parley.rtc.pipeline.MediaClock;
import dev.parley.rtc.pipeline.MediaSection;
import dev.parley.rtc.pipeline.MediaSession;
import dev.parley.rtc.pipeline.Negotiation;
import dev.parley.rtc.pipeline.PacketOutput;
import dev.parley.rtc.pipeline.VideoTrackEncoder;
import dev.parley.rtc.stats.RtcStats;
import dev.parley.rtc.stats.RtcStatsReport;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A W3C-shaped peer connection: JSEP offer/answer (sdp), ICE (ice), DTLS-SRTP (dtls, srtp) over one bundled UDP
 * transport, and a packet path for RTP and RTCP. All protocol state lives on one network thread ({@link EventLoop});
 * the methods may be called from any thread and answer with futures.
 */
public final class PeerConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PeerConnection.class);
    private static final AtomicInteger IDS = new AtomicInteger();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_PENDING_CANDIDATES = 100;
    /**
     * Where STUN server names are looked up: a small pool of Parley's own (daemon, idle threads end), not the common
     * fork-join pool, which has one thread on a 2-core machine that any other blocking task would hold.
     */
    private static final ThreadPoolExecutor RESOLVERS = resolverPool();
    /** An RTP/RTCP packet larger than this cannot be sent in one datagram anyway. */
    private static final int MAX_PACKET = 1500;

    private final RtcConfiguration config;
    private final EventLoop loop;
    private final DtlsCertificate certificate;
    private final List<PeerConnectionListener> listeners = new CopyOnWriteArrayList<>();
    private final List<MediaCapabilities> capabilities = new CopyOnWriteArrayList<>(ParleyCodecs.defaults());
    private final List<LocalTrack> tracks = new CopyOnWriteArrayList<>();
    private final List<IceCandidate> pendingRemote = new ArrayList<>();
    private final LocalParameters sessionIds;
    private final Object sendLock = new Object();
    private final byte[] sendScratch = new byte[MAX_PACKET + 64];
    private final AtomicLong undecryptable = new AtomicLong();

    private final java.util.Map<Long, RtpSender> senders = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong packetsSent = new AtomicLong();
    private final AtomicLong bytesReceived = new AtomicLong();
    private final AtomicLong packetsReceived = new AtomicLong();
    private IceAgent ice;
    private volatile MediaSession media;
    private SessionDescription.Type localType;
    private Sdp local;
    private Sdp remote;
    private SessionDescription.Type remoteType;
    private long sessionVersion = 2;
    private boolean gathering;
    private String remoteUfrag;
    private boolean restartPending;
    private String bundleMid = "0";
    private DtlsEndpoint dtls;
    private volatile SrtpOutboundSession srtpOut;
    private volatile SrtpInboundSession srtpIn;
    private volatile PeerConnectionState state = PeerConnectionState.NEW;
    private volatile IceConnectionState iceState = IceConnectionState.NEW;

    private static ThreadPoolExecutor resolverPool() {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "parley-resolver-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    public PeerConnection(RtcConfiguration config) {
        this.config = config;
        this.loop = new EventLoop("parley-pc-" + IDS.incrementAndGet());
        this.certificate = config.certificate() != null ? config.certificate() : DtlsCertificate.generate();
        this.sessionIds = LocalParameters.random(certificate.fingerprint().sdp());
    }

    public void addListener(PeerConnectionListener listener) {
        listeners.add(listener);
    }

    public PeerConnectionState connectionState() {
        return state;
    }

    public IceConnectionState iceConnectionState() {
        return iceState;
    }

    /** The certificate whose fingerprint this side announces. */
    public DtlsCertificate certificate() {
        return certificate;
    }

    /**
     * Announces a track this side will send ("audio" or "video"), with fresh SSRCs; call before creating the offer or
     * answer that should carry it. Returns the track's SDP identity (its {@code ssrc} goes into the RTP it sends).
     */
    public LocalTrack addTrack(String kind) {
        long ssrc = RANDOM.nextInt() & 0xFFFF_FFFFL;
        Long rtx = "video".equals(kind) ? (RANDOM.nextInt() & 0xFFFF_FFFFL) : null;
        String id = Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE);
        LocalTrack track = new LocalTrack(kind, "parley-" + IDS.get(), kind + "-" + id, ssrc, rtx);
        tracks.add(track);
        return track;
    }

    /** Sends this audio source's frames on a new track (Opus, or G.711 if that is all the peer takes). */
    public RtpSender addTrack(AudioSource source) {
        LocalTrack track = addTrack("audio");
        RtpSender sender = RtpSender.audio(track, source);
        senders.put(track.ssrc(), sender);
        return sender;
    }

    /** Sends this video source's frames on a new track, H.264-encoded by an encoder of this connection's own. */
    public RtpSender addTrack(VideoSource source) {
        LocalTrack track = addTrack("video");
        VideoTrackEncoder encoder = new VideoTrackEncoder(config.videoBitrate(), 30);
        RtpSender sender = RtpSender.video(track, encoder, true, source);
        senders.put(track.ssrc(), sender);
        return sender;
    }

    /**
     * Sends the frames of an encoder shared with other connections (a mesh call encodes once for everybody); the
     * caller feeds and closes the encoder.
     */
    public RtpSender addTrack(VideoTrackEncoder sharedEncoder) {
        LocalTrack track = addTrack("video");
        RtpSender sender = RtpSender.video(track, sharedEncoder, false, null);
        senders.put(track.ssrc(), sender);
        return sender;
    }

    /**
     * Whether this side wants to receive audio or video at all (W3C transceiver direction): with {@code false} the
     * next offer or answer says sendonly (or inactive without a track), and no remote track of that kind appears.
     * Call before creating the offer or answer.
     */
    public void setReceiving(String kind, boolean receive) {
        capabilities.replaceAll(c -> c.kind().equals(kind) ? c.withDirection(c.send(), receive) : c);
    }

    // ---- JSEP ------------------------------------------------------------------------------------------

    public CompletableFuture<SessionDescription> createOffer() {
        return onLoop(() -> {
            agent(IceRole.CONTROLLING);
            Sdp offer = new OfferBuilder(parameters(), capabilities, tracks).offer();
            return new SessionDescription(SessionDescription.Type.OFFER, SdpWriter.write(offer));
        });
    }

    public CompletableFuture<SessionDescription> createAnswer() {
        return onLoop(() -> {
            if (remote == null || remoteType != SessionDescription.Type.OFFER) {
                throw new IllegalStateException("An answer needs a remote offer first.");
            }
            try {
                Sdp answer = new AnswerBuilder(parameters(), capabilities, tracks).answer(remote);
                return new SessionDescription(SessionDescription.Type.ANSWER, SdpWriter.write(answer));
            } catch (SdpNegotiationException e) {
                throw new IllegalArgumentException("The other side's offer cannot be answered: " + e.getMessage(), e);
            }
        });
    }

    public CompletableFuture<Void> setLocalDescription(SessionDescription description) {
        return onLoop(() -> {
            local = parse(description);
            localType = description.type();
            local.media().stream().filter(m -> !m.isRejected()).findFirst()
                    .flatMap(MediaDescription::mid).ifPresent(mid -> bundleMid = mid);
            if (!gathering) {
                gathering = true;
                IceAgent agent = agent(description.type() == SessionDescription.Type.OFFER
                        ? IceRole.CONTROLLING : IceRole.CONTROLLED);
                // Name lookups for STUN servers may block: they run off the network thread.
                CompletableFuture.supplyAsync(this::resolveStunServers, RESOLVERS).thenAccept(agent::gather);
            }
            if (state == PeerConnectionState.NEW) {
                setState(PeerConnectionState.CONNECTING);
            }
            startMedia();
            return null;
        });
    }

    public CompletableFuture<Void> setRemoteDescription(SessionDescription description) {
        return onLoop(() -> {
            Sdp sdp = parse(description);
            MediaDescription m = sdp.media().stream().filter(x -> !x.isRejected()).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("The description has no usable media section."));
            String ufrag = sdp.iceUfragFor(m).orElseThrow(() -> new IllegalArgumentException("No a=ice-ufrag."));
            String pwd = sdp.icePwdFor(m).orElseThrow(() -> new IllegalArgumentException("No a=ice-pwd."));
            CertificateFingerprint fingerprint = sdp.fingerprintsFor(m).stream()
                    .map(CertificateFingerprint::of).flatMap(Optional::stream).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No usable a=fingerprint."));
            Setup theirSetup = sdp.setupFor(m).orElse(Setup.ACTPASS);
            boolean peerRestarted = remote != null && !ufrag.equals(remoteUfrag);
            remote = sdp;
            remoteType = description.type();
            IceAgent agent = agent(description.type() == SessionDescription.Type.OFFER
                    ? IceRole.CONTROLLED : IceRole.CONTROLLING);
            if (peerRestarted && description.type() == SessionDescription.Type.OFFER && !restartPending) {
                // RFC 8445 section 9: an offer with new credentials restarts ICE; our answer gets new ones too.
                agent.restart();
            }
            restartPending = false;
            remoteUfrag = ufrag;
            agent.setRemoteCredentials(new IceCredentials(ufrag, pwd));
            for (dev.parley.rtc.sdp.Candidate c : m.candidates()) {
                CandidateLines.fromSignalled(c.toAttributeValue()).ifPresent(agent::addRemoteCandidate);
            }
            if (m.endOfCandidates()) {
                agent.endOfRemoteCandidates();
            }
            // RFC 5763 section 5: setup:active is the DTLS client; an offer's actpass we answer as active.
            DtlsRole role = theirSetup == Setup.ACTIVE ? DtlsRole.SERVER : DtlsRole.CLIENT;
            startDtls(role, fingerprint);
            List<IceCandidate> queued = new ArrayList<>(pendingRemote);
            pendingRemote.clear();
            queued.forEach(this::applyRemoteCandidate);
            startMedia();
            return null;
        });
    }

    /** A trickled remote candidate; before the remote description it is kept and applied with it. */
    public CompletableFuture<Void> addIceCandidate(IceCandidate candidate) {
        return onLoop(() -> {
            if (remote == null) {
                if (pendingRemote.size() >= MAX_PENDING_CANDIDATES) {
                    throw new IllegalStateException("Too many candidates before the remote description.");
                }
                pendingRemote.add(candidate);
            } else if (!applyRemoteCandidate(candidate)) {
                throw new IllegalArgumentException("That candidate could not be read.");
            }
            return null;
        });
    }

    private boolean applyRemoteCandidate(IceCandidate candidate) {
        if (candidate.isEndOfCandidates()) {
            ice.endOfRemoteCandidates();
            return true;
        }
        Optional<Candidate> parsed = CandidateLines.fromSignalled(candidate.candidate());
        parsed.ifPresent(ice::addRemoteCandidate);
        return parsed.isPresent();
    }

    /**
     * ICE restart (RFC 8445 section 9): new local credentials now, carried by the next offer; media keeps the old
     * path until checks with the new credentials select one.
     */
    public CompletableFuture<Void> restartIce() {
        return onLoop(() -> {
            if (ice != null) {
                ice.restart();
                restartPending = true;
            }
            return null;
        });
    }

    /**
     * Once offer and answer are both applied, the media starts: send streams for our tracks, receive streams for the
     * peer's, and {@link PeerConnectionListener#onTrack} for each of those. Later renegotiations (an ICE restart)
     * keep the running media.
     */
    private void startMedia() {
        if (media != null || local == null || remote == null
                || (localType != SessionDescription.Type.ANSWER && remoteType != SessionDescription.Type.ANSWER)) {
            return;
        }
        List<MediaSection> sections = Negotiation.sections(local, remote,
                localType == SessionDescription.Type.ANSWER, tracks);
        media = new MediaSession(sections, loop, new PacketOutput() {
            @Override
            public boolean sendRtp(byte[] packet, int offset, int length) {
                return PeerConnection.this.sendRtp(packet, offset, length);
            }

            @Override
            public boolean sendRtcp(byte[] packet, int offset, int length) {
                return PeerConnection.this.sendRtcp(packet, offset, length);
            }
        }, new MediaSession.LocalMedia() {
            @Override
            public void attachAudio(LocalTrack track, AudioSendStream stream) {
                RtpSender s = senders.get(track.ssrc());
                if (s != null) {
                    s.attach(stream);
                }
            }

            @Override
            public VideoTrackEncoder videoEncoder(LocalTrack track) {
                RtpSender s = senders.get(track.ssrc());
                // A track announced with addTrack(kind) alone has no source: it gets an idle encoder.
                return s != null ? s.encoder() : idleEncoder();
            }
        }, sessionIds.cname());
        media.start();
        if (state == PeerConnectionState.CONNECTED) {
            media.onTransportReady();
        }
        List<RemoteTrack> remoteTracks = new ArrayList<>();
        media.audioReceivers().forEach(a -> remoteTracks.add(new RemoteAudioTrack(a)));
        media.videoReceivers().forEach(v -> remoteTracks.add(new RemoteVideoTrack(v)));
        for (RemoteTrack t : remoteTracks) {
            listeners.forEach(l -> l.onTrack(t));
        }
    }

    private VideoTrackEncoder idle;

    private VideoTrackEncoder idleEncoder() {
        if (idle == null) {
            idle = new VideoTrackEncoder(config.videoBitrate(), 30);
        }
        return idle;
    }

    /** The media streams, once negotiated (for tests and stats). */
    Optional<MediaSession> media() {
        return Optional.ofNullable(media);
    }

    /**
     * W3C getStats(): outbound-rtp, remote-inbound-rtp, inbound-rtp and codec per stream, the candidate pair in use
     * and the transport (DTLS state, SRTP cipher).
     */
    public CompletableFuture<RtcStatsReport> getStats() {
        return onLoop(() -> {
            long now = System.nanoTime();
            long micros = MediaClock.SYSTEM.unixMicros(now);
            List<RtcStats> out = new ArrayList<>();
            if (media != null) {
                media.collectStats(now, out);
            }
            ConnectionStats.transport(micros, dtls, srtpIn, iceState, state, bytesSent.get(), bytesReceived.get(),
                    packetsSent.get(), packetsReceived.get(), out);
            if (ice != null) {
                ice.selectedPair().ifPresent(pair -> out.add(ConnectionStats.candidatePair(micros, pair,
                        bytesSent.get(), bytesReceived.get(), packetsSent.get(), packetsReceived.get(),
                        media == null || !media.rttMeasured() ? -1 : media.rtt())));
            }
            return new RtcStatsReport(out);
        });
    }

    private LocalParameters parameters() {
        IceCredentials creds = ice.localCredentials();
        return new LocalParameters(sessionIds.sessionId(), sessionVersion++, creds.ufrag(), creds.pwd(),
                sessionIds.fingerprint(), sessionIds.cname());
    }

    private static Sdp parse(SessionDescription description) {
        try {
            return SdpParser.parse(description.sdp());
        } catch (SdpParseException e) {
            throw new IllegalArgumentException("The session description cannot be read: " + e.getMessage(), e);
        }
    }

    // ---- transport -------------------------------------------------------------------------------------

    private IceAgent agent(IceRole role) {
        if (ice == null) {
            ice = new IceAgent(loop, role, config.iceConfig(), new IceEvents());
        }
        return ice;
    }

    private List<java.net.InetSocketAddress> resolveStunServers() {
        List<java.net.InetSocketAddress> resolved = new ArrayList<>(config.ice().stunServers());
        for (IceServer server : config.iceServers()) {
            for (IceServer.HostPort hp : server.stunHosts()) {
                java.net.InetSocketAddress address = new java.net.InetSocketAddress(hp.host(), hp.port());
                if (address.isUnresolved()) {
                    LOG.debug("STUN server name did not resolve; skipped");
                } else {
                    resolved.add(address);
                }
            }
        }
        return resolved;
    }

    private void startDtls(DtlsRole role, CertificateFingerprint remoteFingerprint) {
        if (dtls != null) {
            return;
        }
        IceAgent agent = ice;
        dtls = new DtlsEndpoint(role, certificate, remoteFingerprint, agent::send, config.dtls());
        if (role == DtlsRole.SERVER || iceState == IceConnectionState.CONNECTED) {
            beginHandshake();
        }
    }

    private void beginHandshake() {
        if (dtls.state() != DtlsEndpoint.State.NEW) {
            return;
        }
        dtls.start().whenComplete((keys, failure) -> loop.execute(() -> {
            if (failure != null) {
                LOG.debug("DTLS failed: {}", failure.getMessage());
                setState(PeerConnectionState.FAILED);
                return;
            }
            srtpIn = keys.inbound(SrtpOptions.DEFAULT);
            synchronized (sendLock) {
                srtpOut = keys.outbound(SrtpOptions.DEFAULT);
            }
            setState(PeerConnectionState.CONNECTED);
        }));
    }

    /** Protects and sends one RTP packet; false when not connected yet or the packet could not be protected. */
    public boolean sendRtp(byte[] packet, int offset, int length) {
        return send(packet, offset, length, false);
    }

    /** Protects and sends one RTCP compound packet. */
    public boolean sendRtcp(byte[] packet, int offset, int length) {
        return send(packet, offset, length, true);
    }

    private boolean send(byte[] packet, int offset, int length, boolean rtcp) {
        synchronized (sendLock) {
            SrtpOutboundSession out = srtpOut;
            if (out == null || length > MAX_PACKET || state != PeerConnectionState.CONNECTED) {
                return false;
            }
            System.arraycopy(packet, offset, sendScratch, 0, length);
            int n = rtcp ? out.protectRtcp(sendScratch, 0, length) : out.protectRtp(sendScratch, 0, length);
            if (n < 0) {
                return false;
            }
            Tap tap = outgoingTap;
            if (tap != null) {
                tap.sent(java.util.Arrays.copyOf(sendScratch, n));
            }
            boolean sent = ice.send(sendScratch, 0, n);
            if (sent) {
                packetsSent.incrementAndGet();
                bytesSent.addAndGet(n);
            }
            return sent;
        }
    }

    /** The SRTP profile DTLS settled on, once connected. */
    public Optional<dev.parley.rtc.srtp.SrtpProfile> srtpProfile() {
        SrtpInboundSession in = srtpIn;
        return in == null ? Optional.empty() : Optional.of(in.profile());
    }

    /** Packets that failed SRTP/SRTCP checks, by reason (authentication, replay, …). */
    public long rejectedPackets(SrtpError reason) {
        SrtpInboundSession in = srtpIn;
        return in == null ? 0 : in.errorCount(reason);
    }

    /** RTP/RTCP that arrived before keys existed. */
    public long undecryptablePackets() {
        return undecryptable.get();
    }

    // Test seam: sees each protected packet as it leaves (a wire tap), and can put raw bytes on the wire.
    interface Tap {
        void sent(byte[] protectedPacket);
    }

    private volatile Tap outgoingTap;

    void tapOutgoing(Tap tap) {
        outgoingTap = tap;
    }

    /** Tasks and handlers on the network thread that threw (each was contained). */
    long networkFailures() {
        return loop.failures();
    }

    boolean sendRaw(byte[] datagram) {
        return ice != null && ice.send(datagram, 0, datagram.length);
    }

    private void onPacket(PacketKind kind, byte[] buf, int off, int len) {
        switch (kind) {
            case DTLS -> {
                if (dtls != null) {
                    dtls.receive(buf, off, len);
                }
            }
            case RTP, RTCP -> {
                SrtpInboundSession in = srtpIn;
                if (in == null) {
                    undecryptable.incrementAndGet();
                    return;
                }
                int n = kind == PacketKind.RTP ? in.unprotectRtp(buf, off, len) : in.unprotectRtcp(buf, off, len);
                if (n < 0) {
                    return;
                }
                packetsReceived.incrementAndGet();
                bytesReceived.addAndGet(len);
                for (PeerConnectionListener l : listeners) {
                    if (kind == PacketKind.RTP) {
                        l.onRtp(buf, off, n);
                    } else {
                        l.onRtcp(buf, off, n);
                    }
                }
                MediaSession m = media;
                if (m != null) {
                    if (kind == PacketKind.RTP) {
                        m.onRtp(buf, off, n);
                    } else {
                        m.onRtcp(buf, off, n);
                    }
                }
            }
            default -> {
            }
        }
    }

    private final class IceEvents implements IceListener {
        @Override
        public void onLocalCandidate(Candidate candidate) {
            IceCandidate signalled = candidate == null ? IceCandidate.endOfCandidates(bundleMid, 0)
                    : new IceCandidate(CandidateLines.toTrickle(candidate), bundleMid, 0);
            listeners.forEach(l -> l.onIceCandidate(signalled));
        }

        @Override
        public void onWritable(dev.parley.rtc.ice.CandidatePair pair) {
            if (dtls != null) {
                beginHandshake();
            }
        }

        @Override
        public void onStateChanged(IceConnectionState next) {
            iceState = next;
            listeners.forEach(l -> l.onIceConnectionStateChange(next));
            switch (next) {
                case CONNECTED -> {
                    if (dtls != null) {
                        beginHandshake();
                    }
                    if (srtpOut != null) {
                        setState(PeerConnectionState.CONNECTED);
                    }
                }
                case DISCONNECTED -> setState(PeerConnectionState.DISCONNECTED);
                case FAILED -> setState(PeerConnectionState.FAILED);
                default -> {
                }
            }
        }

        @Override
        public void onPacket(PacketKind kind, byte[] buffer, int offset, int length) {
            PeerConnection.this.onPacket(kind, buffer, offset, length);
        }
    }

    private void setState(PeerConnectionState next) {
        if (state == next || state == PeerConnectionState.CLOSED
                || state == PeerConnectionState.FAILED && next != PeerConnectionState.CLOSED) {
            return;
        }
        state = next;
        MediaSession m = media;
        if (next == PeerConnectionState.CONNECTED && m != null) {
            m.onTransportReady();
        }
        listeners.forEach(l -> l.onConnectionStateChange(next));
    }

    private <T> CompletableFuture<T> onLoop(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (state == PeerConnectionState.CLOSED) {
            result.completeExceptionally(new IllegalStateException("The connection is closed."));
            return result;
        }
        loop.execute(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Ends the call: DTLS close_notify, sockets closed, the network thread stopped. Safe from a listener too. */
    @Override
    public void close() {
        if (state == PeerConnectionState.CLOSED) {
            return;
        }
        Runnable shutdown = () -> {
            if (media != null) {
                if (state == PeerConnectionState.CONNECTED) {
                    media.sendBye();
                }
                media.close();
            }
            senders.values().forEach(RtpSender::close);
            if (idle != null) {
                idle.close();
            }
            if (dtls != null) {
                dtls.close();
            }
            if (ice != null) {
                ice.close();
            }
            setState(PeerConnectionState.CLOSED);
        };
        if (loop.inLoop()) {
            // Called from one of our own callbacks: waiting for the loop here would wait for ourselves.
            shutdown.run();
        } else {
            CompletableFuture<Void> done = new CompletableFuture<>();
            loop.execute(() -> {
                shutdown.run();
                done.complete(null);
            });
            done.orTimeout(3, java.util.concurrent.TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
        loop.close();
    }
}
