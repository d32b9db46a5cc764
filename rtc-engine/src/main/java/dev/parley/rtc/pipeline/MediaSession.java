package dev.parley.rtc.pipeline;

import dev.parley.rtc.cc.TransportFeedbackGenerator;
import dev.parley.rtc.net.EventLoop;
import dev.parley.rtc.nack.RtxUnwrapper;
import dev.parley.rtc.rtcp.Bye;
import dev.parley.rtc.rtcp.FullIntraRequest;
import dev.parley.rtc.rtcp.GenericNack;
import dev.parley.rtc.rtcp.NtpTime;
import dev.parley.rtc.rtcp.PictureLossIndication;
import dev.parley.rtc.rtcp.ReceiverReport;
import dev.parley.rtc.rtcp.Remb;
import dev.parley.rtc.rtcp.ReportBlock;
import dev.parley.rtc.rtcp.RtcpCompound;
import dev.parley.rtc.rtcp.RtcpPacket;
import dev.parley.rtc.rtcp.RtcpParseException;
import dev.parley.rtc.rtcp.RtcpParser;
import dev.parley.rtc.rtcp.RtcpWriter;
import dev.parley.rtc.rtcp.SenderReport;
import dev.parley.rtc.rtcp.SenderStatistics;
import dev.parley.rtc.rtcp.SourceDescription;
import dev.parley.rtc.rtcp.TransportCcFeedback;
import dev.parley.rtc.rtp.RtpPacket;
import dev.parley.rtc.rtp.RtpParseStatus;
import dev.parley.rtc.rtp.TransportSequenceNumber;
import dev.parley.rtc.sdp.LocalTrack;
import dev.parley.rtc.sdp.RtpCodec;
import dev.parley.rtc.stats.RtcStats;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media of one peer connection once offer and answer agree: a send stream per track Parley sends, a receive
 * stream per track the peer sends, the demultiplexer between them, and the RTCP both ways. Receive chain (network
 * thread unless said):
 *
 * <pre>
 * SRTP unprotect -> onRtp -> [transport-cc arrival] -> demux by SSRC (learnt from mid or payload type if unsignalled)
 *   audio: AudioReceiveStream -> stats -> AudioJitterBuffer ==(playout thread, 20 ms)==> AudioSink
 *   video: [RTX unwrap] -> VideoReceiveStream -> stats -> NACK generator -> frame buffer
 *          ==(decoder thread)==> H.264 decoder -> lip-sync hold -> VideoSink
 * SRTP unprotect -> onRtcp -> SR (lip sync, LSR) | report blocks (RTT, loss -> Opus FEC) | NACK -> RTX resend
 *          | PLI/FIR -> encoder keyframe | REMB -> encoder cap | transport-cc (counted; congestion control is cc/)
 * </pre>
 *
 * and the send chain: {@code AudioSource -> AudioSendStream (Opus/G.711) -> RTP} on the source's thread,
 * {@code VideoSource -> VideoTrackEncoder ==(encoder thread)==> VideoSendStream -> packetizer -> RTX history -> RTP}.
 * Timers on the network thread send NACKs and keyframe requests (20 ms tick), transport-cc feedback (100 ms) and
 * SR/RR + SDES (about every second, RFC 3550 §6.2 randomised).
 */
public final class MediaSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MediaSession.class);
    private static final long TICK_MS = 20;
    private static final long TRANSPORT_FEEDBACK_NANOS = 100_000_000L;
    private static final long DEFAULT_RTT_NANOS = 100_000_000L;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** How the session reaches the tracks Parley sends. */
    public interface LocalMedia {
        /** Connects the audio track's frames to its send stream ({@code null}: disconnect). */
        void attachAudio(LocalTrack track, AudioSendStream stream);

        /** The shared encoder of a video track. */
        VideoTrackEncoder videoEncoder(LocalTrack track);
    }

    private final List<MediaSection> sections;
    private final EventLoop loop;
    private final PacketOutput output;
    private final LocalMedia local;
    private final String cname;
    private final TransportSequence transportSequence = new TransportSequence();
    private final List<AudioSendStream> audioSenders = new ArrayList<>();
    private final List<VideoSendStream> videoSenders = new ArrayList<>();
    private final List<AudioReceiveStream> audioReceivers = new ArrayList<>();
    private final List<VideoReceiveStream> videoReceivers = new ArrayList<>();
    private final SsrcRouter router;
    private final LipSync lipSync = new LipSync();
    private final RtpPacket view = new RtpPacket();
    private final RtpPacket restored = new RtpPacket();
    private final byte[] rtxScratch = new byte[1600];
    private final byte[] rtcpOut = new byte[1500];
    private final int[] nackScratch = new int[256];
    private final RtxUnwrapper rtxUnwrapper = new RtxUnwrapper();
    private final TransportFeedbackGenerator transportFeedback;
    private final int transportSequenceId;
    private final int feedbackSsrc;
    private final ScheduledExecutorService playout;
    private final AtomicLong malformedRtp = new AtomicLong();
    private final AtomicLong unroutedRtp = new AtomicLong();
    private final AtomicLong malformedRtcp = new AtomicLong();
    private final AtomicLong transportFeedbackReceived = new AtomicLong();
    private final AtomicLong byesReceived = new AtomicLong();
    private volatile long rttNanos = -1;
    private long lastTransportFeedback;
    private volatile boolean closed;
    private EventLoop.Timer tickTimer;
    private EventLoop.Timer reportTimer;

    /** Builds the streams; call {@link #start} on the network thread to begin. */
    public MediaSession(List<MediaSection> sections, EventLoop loop, PacketOutput output, LocalMedia local,
                        String cname) {
        this.sections = List.copyOf(sections);
        this.loop = loop;
        this.output = output;
        this.local = local;
        this.cname = cname;
        int tccId = 0;
        int ssrcForFeedback = 0;
        for (MediaSection s : sections) {
            if (s.extensions().transportSequence() > 0 && tccId == 0) {
                tccId = s.extensions().transportSequence();
            }
            if (s.sending()) {
                openSender(s);
                if (ssrcForFeedback == 0) {
                    ssrcForFeedback = (int) (long) s.localTrack().get().ssrc();
                }
            }
            if (s.receiving()) {
                openReceiver(s);
            }
        }
        List<ReceiveStream> receivers = new ArrayList<>(audioReceivers);
        receivers.addAll(videoReceivers);
        this.router = new SsrcRouter(this.sections, receivers);
        this.transportSequenceId = tccId;
        this.transportFeedback = tccId > 0 && sections.stream().anyMatch(s -> s.feedback().transportCc())
                ? new TransportFeedbackGenerator() : null;
        this.feedbackSsrc = ssrcForFeedback != 0 ? ssrcForFeedback : RANDOM.nextInt() | 1;
        this.playout = audioReceivers.isEmpty() ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parley-audio-playout");
            t.setDaemon(true);
            return t;
        });
    }

    private void openSender(MediaSection s) {
        LocalTrack track = s.localTrack().orElseThrow();
        RtpCodec codec = s.sendCodec().orElseThrow();
        if (s.isAudio()) {
            AudioSendStream stream = new AudioSendStream((int) track.ssrc(), codec, s, output, transportSequence);
            audioSenders.add(stream);
            local.attachAudio(track, stream);
        } else {
            VideoTrackEncoder encoder = local.videoEncoder(track);
            int rtxPt = s.rtxFor(codec.payloadType());
            int rtxSsrc = track.rtxSsrc() == null ? 0 : (int) (long) track.rtxSsrc();
            VideoSendStream stream = new VideoSendStream((int) track.ssrc(), codec.payloadType(), rtxSsrc,
                    track.rtxSsrc() == null || !s.feedback().nack() ? -1 : rtxPt, s, output, transportSequence, encoder);
            videoSenders.add(stream);
        }
    }

    private void openReceiver(MediaSection s) {
        if (s.isAudio()) {
            AudioReceiveStream stream = new AudioReceiveStream(s, lipSync);
            audioReceivers.add(stream);
        } else {
            VideoReceiveStream stream = new VideoReceiveStream(s, lipSync);
            videoReceivers.add(stream);
        }
    }

    public List<AudioReceiveStream> audioReceivers() {
        return List.copyOf(audioReceivers);
    }

    public List<VideoReceiveStream> videoReceivers() {
        return List.copyOf(videoReceivers);
    }

    public List<AudioSendStream> audioSenders() {
        return List.copyOf(audioSenders);
    }

    public List<VideoSendStream> videoSenders() {
        return List.copyOf(videoSenders);
    }

    public List<MediaSection> sections() {
        return sections;
    }

    public LipSync lipSync() {
        return lipSync;
    }

    /** Network thread: starts the timers and the playout clock. */
    public void start() {
        tickTimer = loop.schedule(this::tick, TICK_MS, TimeUnit.MILLISECONDS);
        reportTimer = loop.schedule(this::report, 300, TimeUnit.MILLISECONDS);
        if (playout != null) {
            playout.scheduleAtFixedRate(this::playoutTick, 20, 20, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Any thread: DTLS is up, packets can leave. Video senders join their encoders only now, so the keyframe a new
     * consumer asks for is not spent before the path exists.
     */
    public void onTransportReady() {
        if (closed) {
            return;
        }
        for (VideoSendStream v : videoSenders) {
            v.encoder().addConsumer(v);
        }
    }

    // ---- receive ------------------------------------------------------------------------------------------

    /** Network thread: one decrypted RTP packet. */
    public void onRtp(byte[] buffer, int offset, int length) {
        if (closed) {
            return;
        }
        long now = System.nanoTime();
        if (view.wrap(buffer, offset, length) != RtpParseStatus.OK) {
            malformedRtp.incrementAndGet();
            return;
        }
        if (transportFeedback != null) {
            int seq = TransportSequenceNumber.read(view, transportSequenceId);
            if (seq >= 0) {
                transportFeedback.onPacket(seq, now);
            }
        }
        SsrcRouter.Route r = router.route(view);
        if (r instanceof SsrcRouter.Media m && m.stream() instanceof AudioReceiveStream a) {
            a.onRtp(view, now);
        } else if (r instanceof SsrcRouter.Media m && m.stream() instanceof VideoReceiveStream v) {
            v.onRtp(view, false, now);
            sendNacks(v, now);
        } else if (r instanceof SsrcRouter.Repair x) {
            onRtx(x.stream(), buffer, offset, length, now);
        } else {
            unroutedRtp.incrementAndGet();
        }
    }

    private void onRtx(VideoReceiveStream stream, byte[] buffer, int offset, int length, long now) {
        Integer apt = stream.section().rtxByPayloadType().get(view.payloadType());
        if (apt == null || stream.statistics() == null) {
            unroutedRtp.incrementAndGet();
            return;
        }
        int n = rtxUnwrapper.unwrap(buffer, offset, length, apt, stream.statistics().ssrc(), rtxScratch, 0);
        if (n > 0 && restored.wrap(rtxScratch, 0, n) == RtpParseStatus.OK) {
            stream.onRtp(restored, true, now);
        }
    }

    // ---- RTCP in ------------------------------------------------------------------------------------------

    /** Network thread: one decrypted RTCP compound or reduced-size packet. */
    public void onRtcp(byte[] buffer, int offset, int length) {
        if (closed) {
            return;
        }
        RtcpCompound compound;
        try {
            compound = RtcpParser.parse(buffer, offset, length);
        } catch (RtcpParseException e) {
            malformedRtcp.incrementAndGet();
            return;
        }
        long now = System.nanoTime();
        for (RtcpPacket p : compound.packets()) {
            try {
                dispatch(p, now);
            } catch (RuntimeException e) {
                // A report that names streams in a way we did not foresee must not end the call.
                malformedRtcp.incrementAndGet();
                LOG.debug("RTCP packet not handled: {}", e.toString());
            }
        }
    }

    private void dispatch(RtcpPacket p, long now) {
        if (p instanceof SenderReport sr) {
            ReceiveStream stream = router.media(sr.ssrc());
            if (stream != null && stream.statistics() != null) {
                stream.statistics().onSenderReport(sr.ntpTimestamp(), sr.rtpTimestamp(), now);
            }
            onReportBlocks(sr.reports(), now);
        } else if (p instanceof ReceiverReport rr) {
            onReportBlocks(rr.reports(), now);
        } else if (p instanceof GenericNack nack) {
            for (VideoSendStream v : videoSenders) {
                if (v.ssrc() == nack.mediaSsrc()) {
                    v.onNack(nack.lostSequenceNumbers(), rtt(), now);
                }
            }
        } else if (p instanceof PictureLossIndication pli) {
            for (VideoSendStream v : videoSenders) {
                if (v.ssrc() == pli.mediaSsrc()) {
                    v.onKeyFrameRequest(false);
                }
            }
        } else if (p instanceof FullIntraRequest fir) {
            for (FullIntraRequest.Entry e : fir.entries()) {
                for (VideoSendStream v : videoSenders) {
                    if (v.ssrc() == e.ssrc()) {
                        v.onKeyFrameRequest(true);
                    }
                }
            }
        } else if (p instanceof Remb remb) {
            for (VideoSendStream v : videoSenders) {
                if (remb.ssrcs().contains(v.ssrc())) {
                    v.onReceiverEstimate(remb.bitrateBps());
                }
            }
        } else if (p instanceof TransportCcFeedback) {
            transportFeedbackReceived.incrementAndGet();
        } else if (p instanceof Bye bye) {
            byesReceived.incrementAndGet();
            for (int ssrc : bye.ssrcs()) {
                ReceiveStream stream = router.media(ssrc);
                if (stream != null) {
                    stream.onBye();
                }
            }
        }
    }

    private void onReportBlocks(List<ReportBlock> blocks, long now) {
        long arrival = NtpTime.middle32(MediaClock.SYSTEM.ntp(now));
        for (ReportBlock b : blocks) {
            for (AudioSendStream a : audioSenders) {
                if (a.ssrc() == b.ssrc()) {
                    noteRtt(a.statistics(), b, arrival);
                    a.setPacketLossPercent(b.fractionLost() * 100 / 256);
                }
            }
            for (VideoSendStream v : videoSenders) {
                if (v.ssrc() == b.ssrc()) {
                    noteRtt(v.statistics(), b, arrival);
                }
            }
        }
    }

    private void noteRtt(SenderStatistics stats, ReportBlock block, long arrivalMiddle32) {
        if (stats.onReportBlock(block, arrivalMiddle32) && stats.roundTripNanos() >= 0) {
            rttNanos = stats.roundTripNanos();
        }
    }

    /** The latest round-trip time from any report block, or a default until one arrives. */
    public long rtt() {
        long r = rttNanos;
        return r >= 0 ? r : DEFAULT_RTT_NANOS;
    }

    /** Whether a round-trip time has been measured. */
    public boolean rttMeasured() {
        return rttNanos >= 0;
    }

    // ---- RTCP out -----------------------------------------------------------------------------------------

    private void tick() {
        if (closed) {
            return;
        }
        long now = System.nanoTime();
        try {
            for (VideoReceiveStream v : videoReceivers) {
                v.noteKeyFrames();
                v.setRoundTrip(rtt());
                v.drain(now);
                sendNacks(v, now);
                if (v.statistics() != null && v.keyFrameRequestDue(now)) {
                    requestKeyFrame(v);
                }
            }
            if (transportFeedback != null && now - lastTransportFeedback >= TRANSPORT_FEEDBACK_NANOS
                    && transportFeedback.hasUnreported()) {
                lastTransportFeedback = now;
                int media = videoReceivers.isEmpty() || videoReceivers.get(0).statistics() == null ? 0
                        : videoReceivers.get(0).statistics().ssrc();
                for (TransportCcFeedback f : transportFeedback.build(feedbackSsrc, media)) {
                    sendFeedback(List.of(f));
                }
            }
        } finally {
            tickTimer = loop.schedule(this::tick, TICK_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void sendNacks(VideoReceiveStream v, long now) {
        if (v.statistics() == null || !v.section().feedback().nack()) {
            return;
        }
        int n = v.nacksDue(now, rtt(), nackScratch);
        if (n > 0) {
            List<Integer> lost = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                lost.add(nackScratch[i]);
            }
            sendFeedback(List.of(GenericNack.of(feedbackSsrc, v.statistics().ssrc(), lost)));
        }
    }

    private void requestKeyFrame(VideoReceiveStream v) {
        int media = v.statistics().ssrc();
        MediaSection.Feedback fb = v.section().feedback();
        if (fb.pli() || !fb.fir()) {
            sendFeedback(List.of(new PictureLossIndication(feedbackSsrc, media)));
            v.countKeyFrameRequest(false);
        } else {
            sendFeedback(List.of(FullIntraRequest.of(feedbackSsrc, media, firSequence++ & 0xFF)));
            v.countKeyFrameRequest(true);
        }
    }

    private int firSequence;

    /** Feedback alone when the peer accepts reduced-size RTCP (RFC 5506), else behind an empty RR and our CNAME. */
    private void sendFeedback(List<? extends RtcpPacket> packets) {
        boolean reduced = sections.stream().allMatch(MediaSection::reducedSizeRtcp);
        List<RtcpPacket> all = new ArrayList<>();
        if (!reduced) {
            all.add(new ReceiverReport(feedbackSsrc, List.of()));
            all.add(SourceDescription.cname(feedbackSsrc, cname));
        }
        all.addAll(packets);
        send(all);
    }

    private void send(List<RtcpPacket> packets) {
        int n = RtcpWriter.encodedLength(packets);
        if (n > rtcpOut.length) {
            return;
        }
        RtcpWriter.write(packets, rtcpOut, 0);
        output.sendRtcp(rtcpOut, 0, n);
    }

    /** SR for each stream we send (RR when we send none) with report blocks for what we receive, and SDES. */
    private void report() {
        if (closed) {
            return;
        }
        long now = System.nanoTime();
        try {
            List<ReportBlock> blocks = new ArrayList<>();
            for (AudioReceiveStream a : audioReceivers) {
                Optional.ofNullable(a.statistics()).map(s -> s.reportBlock(now)).ifPresent(blocks::add);
            }
            for (VideoReceiveStream v : videoReceivers) {
                Optional.ofNullable(v.statistics()).map(s -> s.reportBlock(now)).ifPresent(blocks::add);
            }
            long ntp = MediaClock.SYSTEM.ntp(now);
            List<RtcpPacket> packets = new ArrayList<>();
            List<SourceDescription.Chunk> chunks = new ArrayList<>();
            for (AudioSendStream a : audioSenders) {
                if (a.statistics().packetsSent() > 0) {
                    packets.add(a.statistics().senderReport(ntp, a.rtpTimestampAt(now), packets.isEmpty() ? blocks : List.of()));
                    chunks.add(cnameChunk(a.ssrc()));
                }
            }
            for (VideoSendStream v : videoSenders) {
                if (v.statistics().packetsSent() > 0) {
                    packets.add(v.statistics().senderReport(ntp, v.rtpTimestampAt(now), packets.isEmpty() ? blocks : List.of()));
                    chunks.add(cnameChunk(v.ssrc()));
                }
            }
            if (packets.isEmpty()) {
                packets.add(new ReceiverReport(feedbackSsrc, blocks));
                chunks.add(cnameChunk(feedbackSsrc));
            }
            packets.add(new SourceDescription(chunks));
            send(packets);
        } finally {
            long next = 500 + RANDOM.nextInt(1000); // RFC 3550 §6.3.1: randomised between 0.5 and 1.5 intervals
            reportTimer = loop.schedule(this::report, next, TimeUnit.MILLISECONDS);
        }
    }

    private SourceDescription.Chunk cnameChunk(int ssrc) {
        return SourceDescription.cname(ssrc, cname).chunks().get(0);
    }

    // ---- playout, stats, close ----------------------------------------------------------------------------

    private void playoutTick() {
        long now = System.nanoTime();
        for (AudioReceiveStream a : audioReceivers) {
            try {
                a.tick(now);
            } catch (RuntimeException e) {
                LOG.warn("audio playout failed on a frame: {}", e.toString());
            }
        }
    }

    /** Network thread: the stats objects of every stream. */
    public void collectStats(long nowNanos, List<RtcStats> out) {
        MediaStats.collect(this, MediaClock.SYSTEM.unixMicros(nowNanos), out);
    }

    long malformedRtp() {
        return malformedRtp.get();
    }

    long unroutedRtp() {
        return unroutedRtp.get();
    }

    long malformedRtcp() {
        return malformedRtcp.get();
    }

    long transportFeedbackReceived() {
        return transportFeedbackReceived.get();
    }

    /**
     * Network thread, before the transport closes: tells the peer these streams end (RFC 3550 §6.6), in a compound
     * packet that starts with a report and ends with the BYE (§6.1), so it can drop them at once rather than time
     * them out.
     */
    public void sendBye() {
        if (closed) {
            return;
        }
        List<Integer> ssrcs = new ArrayList<>();
        audioSenders.forEach(a -> ssrcs.add(a.ssrc()));
        videoSenders.forEach(v -> ssrcs.add(v.ssrc()));
        if (ssrcs.isEmpty()) {
            ssrcs.add(feedbackSsrc);
        }
        send(List.of(new ReceiverReport(ssrcs.get(0), List.of()), SourceDescription.cname(ssrcs.get(0), cname),
                new Bye(ssrcs, null)));
    }

    /** Stops timers and threads; the tracks' sources are detached. Any thread. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (playout != null) {
            playout.shutdownNow();
        }
        for (AudioSendStream a : audioSenders) {
            for (MediaSection s : sections) {
                s.localTrack().filter(t -> (int) t.ssrc() == a.ssrc()).ifPresent(t -> local.attachAudio(t, null));
            }
        }
        for (VideoSendStream v : videoSenders) {
            v.encoder().removeConsumer(v);
        }
        videoReceivers.forEach(VideoReceiveStream::close);
        if (tickTimer != null) {
            tickTimer.cancel();
        }
        if (reportTimer != null) {
            reportTimer.cancel();
        }
    }
}
