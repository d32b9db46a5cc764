package dev.parley.bench.call;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.PortAllocatorConfig;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpCodecCapability;
import dev.onvoid.webrtc.RTCRtpEncodingParameters;
import dev.onvoid.webrtc.RTCRtpSendParameters;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.RTCStats;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.RTCStatsType;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.MediaType;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.AudioTrackSink;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.I420Buffer;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.VideoTrackSink;
import dev.parley.bench.setup.HeldCandidates;
import dev.parley.bench.setup.LibWebRtcCall;
import dev.parley.rtc.media.AudioFrame;
import dev.parley.rtc.media.VideoFrame;
import dev.parley.rtc.media.synthetic.SyntheticVideo;
import dev.parley.rtc.media.synthetic.SyntheticVideoSource;
import dev.parley.rtc.media.synthetic.ToneSource;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A libwebrtc &lt;-&gt; libwebrtc call (webrtc-java 0.14) on loopback carrying the same media as
 * {@link ParleyMediaCall}: each side's {@link SyntheticVideoSource} (same clip, frame number stamped in the pixels)
 * is copied into a {@code NativeI420Buffer} and pushed into a {@code CustomVideoSource}, and its {@link ToneSource}
 * into a {@code CustomAudioSource}; each side's remote video sink reads the frame number back ({@link StampReader},
 * at any scale) and its remote audio sink counts what the audio device's playout pulls.
 *
 * <p>Set up the way rtc-engine's LibWebRtcMediaPeer test harness found works (its pitfalls apply): a
 * {@code HeadlessAudioDeviceModule} and a factory per side, the custom sources created after the factory (they do
 * not load the native library), playout started so remote audio is pulled, tracks added with {@code addTrack},
 * video restricted to H.264 42e01f packetization-mode 1 (plus rtx) with {@code setCodecPreferences}, and the ADM's
 * capture stopped once the audio send stream runs, before the tone is pushed (otherwise two threads feed the send
 * stream and libwebrtc aborts). Signalling uses the setup benchmark's {@link LibWebRtcCall} helpers: host
 * candidates moved to 127.0.0.1, passed through one signalling thread and held until the remote description is set.
 * The video sender's maxBitrate is set to Parley's send rate.
 *
 * <p>As in the harness, video and audio are separate streams, so the latency is the video path's own; with
 * {@code --libwebrtc-sync on} they share one stream, as a camera and a microphone do in a browser call, and the
 * receiver lip-syncs them (holds video back to the audio's delay), as Parley always does. That setting is a
 * diagnostic: with this set-up's headless audio device and pushed tone, libwebrtc's hold varied from run to run
 * (per-direction video p50s of 44 and 14 ms in one run, 112 and 328 ms in the next), a poor reference.
 *
 * <p>Threads: built, started and closed on the benchmark thread; the pushers run on the sources' own threads; the
 * sinks run on libwebrtc's decoder and playout threads; candidates and their holding on the signalling thread.
 */
final class LibWebRtcMediaCall implements BenchCall {

    private final ExecutorService signaling = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bench-call-signaling");
        t.setDaemon(true);
        return t;
    });
    private final List<End> ends = new ArrayList<>();
    private End a;
    private End b;

    private LibWebRtcMediaCall() {
    }

    /**
     * Builds both ends, negotiates (a offers), waits until both are connected, caps the video senders at
     * {@code maxBitrate} and starts the media; closes everything on failure.
     */
    static LibWebRtcMediaCall connect(CallOptions o, int maxBitrate, int timeoutSeconds) throws Exception {
        LibWebRtcMediaCall call = new LibWebRtcMediaCall();
        try {
            call.a = call.add(new End("a", o, call.signaling));
            call.b = call.add(new End("b", o, call.signaling));
            End a = call.a;
            End b = call.b;
            a.receiveFrom(b, o);
            b.receiveFrom(a, o);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            RTCSessionDescription offer = LibWebRtcCall.create(obs -> a.pc.createOffer(new RTCOfferOptions(), obs),
                    deadline);
            LibWebRtcCall.set(a.pc::setLocalDescription, offer, deadline);
            LibWebRtcCall.set(b.pc::setRemoteDescription, offer, deadline);
            b.remoteDescriptionSet();
            RTCSessionDescription answer = LibWebRtcCall.create(
                    obs -> b.pc.createAnswer(new RTCAnswerOptions(), obs), deadline);
            LibWebRtcCall.set(b.pc::setLocalDescription, answer, deadline);
            LibWebRtcCall.set(a.pc::setRemoteDescription, answer, deadline);
            a.remoteDescriptionSet();
            for (End e : call.ends) {
                e.connected.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            for (End e : call.ends) {
                e.capVideo(maxBitrate);
                e.startMedia(deadline);
            }
            return call;
        } catch (Exception e) {
            call.close();
            throw e;
        }
    }

    private End add(End e) {
        ends.add(e);
        return e;
    }

    @Override
    public String name() {
        return "libwebrtc";
    }

    @Override
    public List<Direction> directions() {
        return List.of(direction("a->b", a, b), direction("b->a", b, a));
    }

    /** The maxBitrate each video sender reports after it was set (null where it has none). */
    List<Integer> videoMaxBitrates() {
        return ends.stream().map(e -> e.maxBitrate).toList();
    }

    private static Direction direction(String label, End from, End to) {
        return new Direction(label, from.camera, to.video, to.audio, () -> {
            RTCStatsReport received = to.stats();
            return DirectionCounters.of(rtp(from.stats(), RTCStatsType.OUTBOUND_RTP, "video"),
                    rtp(received, RTCStatsType.INBOUND_RTP, "video"), rtp(received, RTCStatsType.INBOUND_RTP, "audio"),
                    false);
        });
    }

    /** The attributes of the entry of this type and kind, empty if there is none. */
    private static Map<String, Object> rtp(RTCStatsReport report, RTCStatsType type, String kind) {
        for (RTCStats s : report.getStats().values()) {
            if (s.getType() == type && kind.equals(s.getAttributes().get("kind"))) {
                return s.getAttributes();
            }
        }
        return Map.of();
    }

    @Override
    public void close() {
        for (End e : ends) {
            e.stopMedia();
        }
        for (End e : ends) {
            e.close();
        }
        signaling.shutdownNow();
    }

    /** One participant: its audio device, factory, connection, sources and what it receives. */
    private static final class End implements PeerConnectionObserver {
        final HeadlessAudioDeviceModule adm = new HeadlessAudioDeviceModule();
        final PeerConnectionFactory factory = new PeerConnectionFactory(adm);
        // Only after the factory: the custom sources do not load the native library themselves.
        final CustomVideoSource videoSource = new CustomVideoSource();
        final CustomAudioSource audioSource = new CustomAudioSource();
        final RTCPeerConnection pc;
        final RTCRtpSender videoSender;
        final SyntheticVideoSource camera;
        final ToneSource microphone = new ToneSource(440, 0.3);
        final AudioCounter audio = new AudioCounter();
        final CompletableFuture<Void> connected = new CompletableFuture<>();
        final ExecutorService signaling;
        final List<MediaStreamTrack> remoteTracks = new CopyOnWriteArrayList<>();
        final VideoTrackSink videoSink = this::onRemoteFrame;
        final AudioTrackSink audioSink = this::onRemoteAudio;
        volatile End peer;
        volatile StampedVideo video;
        volatile StampReader reader;
        volatile Integer maxBitrate;
        // Touched only on the signalling thread.
        private final HeldCandidates held = new HeldCandidates();
        // Touched only on the tone's thread.
        private byte[] pcm = new byte[0];

        End(String name, CallOptions o, ExecutorService signaling) {
            this.signaling = signaling;
            // Nothing else starts playout until a receive stream exists; without a pull remote audio goes nowhere.
            adm.initPlayout();
            adm.startPlayout();
            RTCConfiguration config = new RTCConfiguration();
            config.portAllocatorConfig = new PortAllocatorConfig().setDisableAdapterEnumeration(true)
                    .setDisableTcp(true);
            pc = factory.createPeerConnection(config, this);
            // addTrack, so that the answerer's transceivers take the offer's m-lines. libwebrtc lip-syncs only the
            // tracks of one stream.
            String videoStream = name + (o.libwebrtcSync() ? "-av" : "-v");
            String audioStream = name + (o.libwebrtcSync() ? "-av" : "-a");
            videoSender = pc.addTrack(factory.createVideoTrack(name + "-video", videoSource), List.of(videoStream));
            pc.addTrack(factory.createAudioTrack(name + "-audio", audioSource), List.of(audioStream));
            preferH264();
            camera = new SyntheticVideoSource(SyntheticVideo.of(o.clip(), o.width(), o.height(), 1), o.fps());
        }

        void receiveFrom(End sender, CallOptions o) {
            peer = sender;
            reader = new StampReader(o.width(), o.height());
            video = new StampedVideo(sender.camera, o.width(), o.height(), o.frameCapacity());
        }

        /** H.264 Constrained Baseline 42e01f, packetization-mode 1, as Parley sends it; rtx kept for NACK. */
        private void preferH264() {
            List<RTCRtpCodecCapability> keep = new ArrayList<>();
            for (RTCRtpCodecCapability c : factory.getRtpReceiverCapabilities(MediaType.VIDEO).getCodecs()) {
                boolean h264 = c.getName().equalsIgnoreCase("H264")
                        && "42e01f".equalsIgnoreCase(c.getSDPFmtp().get("profile-level-id"))
                        && "1".equals(c.getSDPFmtp().get("packetization-mode"));
                if (h264 || c.getName().equalsIgnoreCase("rtx")) {
                    keep.add(c);
                }
            }
            if (keep.stream().noneMatch(c -> c.getName().equalsIgnoreCase("H264"))) {
                throw new IllegalStateException("this libwebrtc build has no H.264 42e01f packetization-mode 1");
            }
            for (RTCRtpTransceiver t : pc.getTransceivers()) {
                MediaStreamTrack track = t.getSender().getTrack();
                if (track != null && MediaStreamTrack.VIDEO_TRACK_KIND.equals(track.getKind())) {
                    t.setCodecPreferences(keep);
                }
            }
        }

        void capVideo(int bitsPerSecond) {
            RTCRtpSendParameters p = videoSender.getParameters();
            if (p.encodings == null || p.encodings.isEmpty()) {
                return;
            }
            for (RTCRtpEncodingParameters e : p.encodings) {
                e.maxBitrate = bitsPerSecond;
            }
            videoSender.setParameters(p);
            maxBitrate = videoSender.getParameters().encodings.get(0).maxBitrate;
        }

        /**
         * Stops the ADM's capture once the audio send stream runs (its first packet, the ADM's silence, proves it),
         * then connects the camera and the tone to the custom sources.
         */
        void startMedia(long deadline) throws Exception {
            while (audioPacketsSent() == 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("libwebrtc's audio send stream never started");
                }
                Thread.sleep(10);
            }
            adm.stopRecording(); // joins the capture thread
            camera.setSink(this::push);
            microphone.setSink(this::pushTone);
        }

        void stopMedia() {
            camera.close();
            microphone.close();
        }

        private long audioPacketsSent() throws Exception {
            for (RTCStats s : stats().getStats().values()) {
                if (s.getType() == RTCStatsType.OUTBOUND_RTP && "audio".equals(s.getAttributes().get("kind"))
                        && s.getAttributes().get("packetsSent") instanceof Number n) {
                    return n.longValue();
                }
            }
            return 0;
        }

        /** On the camera's thread: the frame into a native buffer of its own, pushed to libwebrtc. */
        private void push(VideoFrame frame) {
            NativeI420Buffer buffer = NativeI420Buffer.allocate(frame.width(), frame.height());
            copy(frame.y(), frame.strideY(), buffer.getDataY(), buffer.getStrideY(), frame.width(), frame.height());
            copy(frame.u(), frame.strideU(), buffer.getDataU(), buffer.getStrideU(), frame.chromaWidth(),
                    frame.chromaHeight());
            copy(frame.v(), frame.strideV(), buffer.getDataV(), buffer.getStrideV(), frame.chromaWidth(),
                    frame.chromaHeight());
            dev.onvoid.webrtc.media.video.VideoFrame pushed =
                    new dev.onvoid.webrtc.media.video.VideoFrame(buffer, frame.timestampNanos());
            videoSource.pushFrame(pushed);
            pushed.release(); // libwebrtc keeps its own reference while it encodes
        }

        private static void copy(byte[] src, int srcStride, ByteBuffer dst, int dstStride, int w, int h) {
            for (int row = 0; row < h; row++) {
                dst.put(row * dstStride, src, row * srcStride, w);
            }
        }

        /** On the tone's thread: PCM16 little-endian into the custom audio source. */
        private void pushTone(AudioFrame frame) {
            int n = frame.sampleCount();
            if (pcm.length != 2 * n) {
                pcm = new byte[2 * n];
            }
            short[] s = frame.samples();
            for (int i = 0; i < n; i++) {
                short v = s[frame.offset() + i];
                pcm[2 * i] = (byte) v;
                pcm[2 * i + 1] = (byte) (v >> 8);
            }
            audioSource.pushAudio(pcm, 16, AudioFrame.SAMPLE_RATE, frame.channels(), frame.samplesPerChannel());
        }

        private void onRemoteFrame(dev.onvoid.webrtc.media.video.VideoFrame frame) {
            long now = System.nanoTime();
            try {
                I420Buffer i420 = frame.buffer.toI420();
                try {
                    int w = i420.getWidth();
                    int h = i420.getHeight();
                    video.onFrame(reader.read(i420.getDataY(), i420.getStrideY(), w, h), now, w, h);
                } finally {
                    if (i420 != frame.buffer) {
                        i420.release();
                    }
                }
            } finally {
                frame.release(); // the binding hands each sink its own reference
            }
        }

        private void onRemoteAudio(byte[] data, int bitsPerSample, int sampleRate, int channels, int frames) {
            if (bitsPerSample != 16 || channels < 1 || frames < 0 || data.length < frames * channels * 2) {
                return;
            }
            audio.add(frames, sampleRate, i -> (short) ((data[2 * i * channels] & 0xff)
                    | (data[2 * i * channels + 1] << 8)));
        }

        RTCStatsReport stats() throws Exception {
            CompletableFuture<RTCStatsReport> f = new CompletableFuture<>();
            pc.getStats(f::complete);
            return f.get(5, TimeUnit.SECONDS);
        }

        @Override
        public void onIceCandidate(RTCIceCandidate candidate) {
            String line = LibWebRtcCall.toLoopback(candidate.sdp);
            if (line != null) {
                RTCIceCandidate rewritten = new RTCIceCandidate(candidate.sdpMid, candidate.sdpMLineIndex, line);
                End to = peer;
                signaling.execute(() -> to.take(rewritten));
            }
        }

        @Override
        public void onConnectionChange(RTCPeerConnectionState state) {
            if (state == RTCPeerConnectionState.CONNECTED) {
                connected.complete(null);
            } else if (state == RTCPeerConnectionState.FAILED) {
                connected.completeExceptionally(new IllegalStateException("libwebrtc connection failed"));
            }
        }

        @Override
        public void onTrack(RTCRtpTransceiver transceiver) {
            MediaStreamTrack track = transceiver.getReceiver().getTrack();
            remoteTracks.add(track);
            if (track instanceof VideoTrack v) {
                v.addSink(videoSink);
            } else if (track instanceof AudioTrack t) {
                t.addSink(audioSink);
            }
        }

        void remoteDescriptionSet() {
            signaling.execute(() -> held.remoteDescriptionSet(pc));
        }

        private void take(RTCIceCandidate candidate) {
            held.take(pc, candidate);
        }

        void close() {
            for (MediaStreamTrack t : remoteTracks) {
                if (t instanceof VideoTrack v) {
                    v.removeSink(videoSink);
                } else if (t instanceof AudioTrack s) {
                    s.removeSink(audioSink);
                }
            }
            // The tracks belong to the closed connection's senders; disposing them separately is refused.
            pc.close();
            factory.dispose();
            adm.dispose();
        }
    }
}
