package dev.parley.rtc.interop;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpCodecCapability;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.MediaType;
import dev.onvoid.webrtc.media.audio.AudioDeviceModule;
import dev.onvoid.webrtc.media.audio.AudioDeviceModuleBase;
import dev.onvoid.webrtc.media.audio.AudioLayer;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.AudioTrackSink;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.I420Buffer;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.VideoTrackSink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * libwebrtc (webrtc-java 0.14) as a media test peer: it sends a synthetic moving picture ({@link FramePattern},
 * frame number in the pixels) and a sine tone, and counts and keeps what the remote side sends back: decoded video
 * frames with their size and frame number, and the PCM its remote audio track delivers.
 *
 * <p>Audio device: a {@link HeadlessAudioDeviceModule}, whose playout thread pulls the received audio every 10 ms
 * (without a pull libwebrtc never feeds a remote audio track's sinks, so a {@code kDummyAudio} ADM receives
 * nothing). Its capture thread is stopped once the audio send stream runs ({@link #stopAdmCapture}), which makes
 * the pushed tone the only audio sent and the playout thread the only puller.
 *
 * <p>Video and audio are separate streams (no lip sync), so video latency is the video path's own. Video codecs
 * are restricted with {@code setCodecPreferences} ({@link #preferH264ConstrainedBaseline}, {@link #preferVp8}).
 *
 * <p>Threads: signalling and control methods from the test thread; the video and tone pushers run on their own
 * threads ({@code lwr-video-*}, {@code lwr-tone-*}); sinks are called on libwebrtc's decoder and playout threads
 * and only touch concurrent counters and synchronized buffers. Candidates leave through {@link #onCandidate} on
 * libwebrtc's signalling thread.
 */
public final class LibWebRtcMediaPeer implements AutoCloseable {

    /** Which audio device module the factory is built with. */
    public enum AudioDevice {
        /** Headless ADM, its capture stopped once the audio send stream runs: sends the tone, receives audio. */
        HEADLESS,
        /** libwebrtc's dummy ADM: sends pushed audio, but nothing pulls playout, so remote audio sinks stay silent. */
        DUMMY
    }

    /**
     * One decoded remote frame: arrival ({@link System#nanoTime}), size, the frame number read from its pixels (-1
     * if unreadable), and the frame's timestamp as the sink got it: libwebrtc's render time on the receiver's
     * clock, not the sender's timestamp (the custom source restamps pushed frames and RTP carries only a 90 kHz
     * media timestamp).
     */
    public record FrameArrival(long nanos, int width, int height, int id, long timestampNs) {
    }

    /** The PCM a remote audio track delivered: the first channel of every callback, in order. */
    public record ReceivedAudio(short[] samples, int sampleRate, int channels, int callbacks) {
    }

    private static final int MAX_ARRIVALS = 100_000;
    private static final int MAX_AUDIO_SAMPLES = 48_000 * 60;
    private static final int TONE_RATE = 48_000;

    private final String name;
    private final AudioDevice audioDevice;
    private final AudioDeviceModuleBase adm;
    private final PeerConnectionFactory factory;
    private final RTCPeerConnection pc;
    private final CustomVideoSource videoSource;
    private final CustomAudioSource audioSource;
    private final RTCRtpTransceiver videoTransceiver;
    public final BlockingQueue<RTCPeerConnectionState> states = new LinkedBlockingQueue<>();
    private volatile Consumer<RTCIceCandidate> candidateSink = c -> { };
    private final List<RTCIceCandidate> earlyCandidates = new ArrayList<>();
    private boolean remoteSet;

    private volatile boolean admCaptureStopped;
    private volatile boolean pushing;
    private final List<Thread> pushers = new CopyOnWriteArrayList<>();
    private final AtomicInteger framesPushed = new AtomicInteger();
    private final AtomicInteger audioChunksPushed = new AtomicInteger();
    private final AtomicLongArray pushNanos = new AtomicLongArray(1 << 16);

    private final List<MediaStreamTrack> remoteTracks = new CopyOnWriteArrayList<>();
    private final AtomicInteger framesReceived = new AtomicInteger();
    private final Map<String, Integer> receivedSizes = new ConcurrentHashMap<>();
    private final List<FrameArrival> arrivals = new ArrayList<>();
    private final VideoTrackSink videoSink = this::onRemoteFrame;
    private final AudioTrackSink audioSink = this::onRemoteAudio;
    private final short[] audio = new short[MAX_AUDIO_SAMPLES];
    private int audioLength;
    private int audioRate;
    private int audioChannels;
    private int audioCallbacks;

    /** A headless-ADM peer named {@code name} (thread names), with a video and an audio sendrecv transceiver. */
    public LibWebRtcMediaPeer(String name) {
        this(name, AudioDevice.HEADLESS);
    }

    public LibWebRtcMediaPeer(String name, AudioDevice audioDevice) {
        this.name = name;
        this.audioDevice = audioDevice;
        adm = audioDevice == AudioDevice.HEADLESS
                ? new HeadlessAudioDeviceModule() : new AudioDeviceModule(AudioLayer.kDummyAudio);
        factory = new PeerConnectionFactory(adm);
        // Only now: the custom sources do not load the native library themselves.
        videoSource = new CustomVideoSource();
        audioSource = new CustomAudioSource();
        if (audioDevice == AudioDevice.HEADLESS) {
            // Nothing else starts playout until a receive stream exists; start it so remote audio is pulled.
            adm.initPlayout();
            adm.startPlayout();
        }
        pc = factory.createPeerConnection(LibWebRtcPeer.loopbackConfiguration(), new PeerConnectionObserver() {
            @Override
            public void onIceCandidate(RTCIceCandidate candidate) {
                candidateSink.accept(candidate);
            }

            @Override
            public void onConnectionChange(RTCPeerConnectionState state) {
                states.add(state);
            }

            @Override
            public void onTrack(RTCRtpTransceiver transceiver) {
                attach(transceiver.getReceiver().getTrack());
            }
        });
        // addTrack, not addTransceiver: only addTrack's transceivers are reused for a remote offer's m-lines
        // (JSEP); an answerer's addTransceiver ones would stay unused and it would answer recvonly.
        // Separate streams: libwebrtc lip-syncs only tracks of one stream, and holding video back to match the
        // audio delay would hide the video path's own latency.
        pc.addTrack(factory.createVideoTrack(name + "-video", videoSource), List.of(name + "-v"));
        pc.addTrack(factory.createAudioTrack(name + "-audio", audioSource), List.of(name + "-a"));
        videoTransceiver = Arrays.stream(pc.getTransceivers())
                .filter(t -> t.getSender().getTrack() != null
                        && MediaStreamTrack.VIDEO_TRACK_KIND.equals(t.getSender().getTrack().getKind()))
                .findFirst().orElseThrow();
    }

    // ---- codecs ----

    /**
     * Restricts the video transceiver to H.264 Constrained Baseline 42e01f with packetization-mode 1 (plus rtx),
     * as Parley sends it. Call before creating the offer or answer.
     */
    public void preferH264ConstrainedBaseline() {
        preferVideo(c -> c.getName().equalsIgnoreCase("H264")
                && "42e01f".equalsIgnoreCase(c.getSDPFmtp().get("profile-level-id"))
                && "1".equals(c.getSDPFmtp().get("packetization-mode")));
    }

    /** Restricts the video transceiver to VP8 (plus rtx). */
    public void preferVp8() {
        preferVideo(c -> c.getName().equalsIgnoreCase("VP8"));
    }

    private void preferVideo(Predicate<RTCRtpCodecCapability> wanted) {
        List<RTCRtpCodecCapability> keep = new ArrayList<>();
        for (RTCRtpCodecCapability c : factory.getRtpReceiverCapabilities(MediaType.VIDEO).getCodecs()) {
            if (wanted.test(c)) {
                keep.add(c);
            }
        }
        if (keep.isEmpty()) {
            throw new IllegalStateException("this libwebrtc build has no such video codec");
        }
        for (RTCRtpCodecCapability c : factory.getRtpReceiverCapabilities(MediaType.VIDEO).getCodecs()) {
            if (c.getName().equalsIgnoreCase("rtx")) {
                keep.add(c); // retransmission for NACK, paired with the kept codec by libwebrtc
            }
        }
        videoTransceiver.setCodecPreferences(keep);
    }

    // ---- signalling ----

    /** Candidate lines as a Parley peer should receive them, host address moved to 127.0.0.1. */
    public void onCandidate(Consumer<String> sink) {
        candidateSink = c -> sink.accept(LibWebRtcPeer.toLoopback(c.sdp));
    }

    public String createOffer() throws Exception {
        CompletableFuture<RTCSessionDescription> f = new CompletableFuture<>();
        pc.createOffer(new RTCOfferOptions(), LibWebRtcPeer.observer(f));
        RTCSessionDescription offer = f.get(10, TimeUnit.SECONDS);
        setLocal(offer);
        return offer.sdp;
    }

    public String answer(String offerSdp) throws Exception {
        setRemote(RTCSdpType.OFFER, offerSdp);
        CompletableFuture<RTCSessionDescription> f = new CompletableFuture<>();
        pc.createAnswer(new RTCAnswerOptions(), LibWebRtcPeer.observer(f));
        RTCSessionDescription answer = f.get(10, TimeUnit.SECONDS);
        setLocal(answer);
        return answer.sdp;
    }

    /** Applies the remote description, then the candidates that arrived before it (libwebrtc drops those). */
    public void setRemote(RTCSdpType type, String sdp) throws Exception {
        CompletableFuture<Void> f = new CompletableFuture<>();
        pc.setRemoteDescription(new RTCSessionDescription(type, sdp), LibWebRtcPeer.done(f));
        f.get(10, TimeUnit.SECONDS);
        List<RTCIceCandidate> early;
        synchronized (earlyCandidates) {
            remoteSet = true;
            early = new ArrayList<>(earlyCandidates);
            earlyCandidates.clear();
        }
        early.forEach(pc::addIceCandidate);
    }

    /** A remote candidate line; held until the remote description is set. */
    public void addCandidate(String mid, int index, String candidateLine) {
        String sdp = candidateLine.startsWith("candidate:") ? candidateLine : "candidate:" + candidateLine;
        RTCIceCandidate candidate = new RTCIceCandidate(mid, index, sdp);
        synchronized (earlyCandidates) {
            if (!remoteSet) {
                earlyCandidates.add(candidate);
                return;
            }
        }
        pc.addIceCandidate(candidate);
    }

    /** Offer/answer and candidates between two libwebrtc peers in this JVM, on loopback; waits until both connect. */
    public static void connect(LibWebRtcMediaPeer offerer, LibWebRtcMediaPeer answerer, long seconds)
            throws Exception {
        offerer.candidateSink = c -> answerer.addCandidate(c.sdpMid, c.sdpMLineIndex, LibWebRtcPeer.toLoopback(c.sdp));
        answerer.candidateSink = c -> offerer.addCandidate(c.sdpMid, c.sdpMLineIndex, LibWebRtcPeer.toLoopback(c.sdp));
        String offer = offerer.createOffer();
        String answer = answerer.answer(offer);
        offerer.setRemote(RTCSdpType.ANSWER, answer);
        if (!offerer.awaitState(RTCPeerConnectionState.CONNECTED, seconds)
                || !answerer.awaitState(RTCPeerConnectionState.CONNECTED, seconds)) {
            throw new IllegalStateException("libwebrtc peers did not connect");
        }
        offerer.stopAdmCapture(seconds);
        answerer.stopAdmCapture(seconds);
    }

    public boolean awaitState(RTCPeerConnectionState wanted, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            RTCPeerConnectionState s = states.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (s == null) {
                return false;
            }
            if (s == wanted) {
                return true;
            }
        }
    }

    public String localDescription() {
        RTCSessionDescription d = pc.getLocalDescription();
        return d == null ? null : d.sdp;
    }

    private void setLocal(RTCSessionDescription description) throws Exception {
        CompletableFuture<Void> f = new CompletableFuture<>();
        pc.setLocalDescription(description, LibWebRtcPeer.done(f));
        f.get(10, TimeUnit.SECONDS);
    }

    // ---- sending ----

    /**
     * Pushes {@code width x height} frames at {@code fps} from a pusher thread until {@link #stopMedia}; frame
     * {@code n} carries id {@code n} in its pixels and its push time is kept for {@link #pushNanos}.
     */
    public void startVideo(int width, int height, int fps) {
        pushing = true;
        FramePattern pattern = new FramePattern(width, height);
        long interval = TimeUnit.SECONDS.toNanos(1) / fps;
        start("lwr-video-" + name, () -> {
            long due = System.nanoTime();
            while (pushing) {
                int id = framesPushed.get();
                NativeI420Buffer buffer = NativeI420Buffer.allocate(width, height);
                pattern.draw(id, buffer.getDataY(), buffer.getStrideY(), buffer.getDataU(), buffer.getStrideU(),
                        buffer.getDataV(), buffer.getStrideV());
                long now = System.nanoTime();
                pushNanos.set(id & 0xffff, now);
                VideoFrame frame = new VideoFrame(buffer, now);
                videoSource.pushFrame(frame);
                frame.release(); // libwebrtc holds its own reference while it encodes
                framesPushed.incrementAndGet();
                due += interval;
                sleepUntil(due);
            }
        });
    }

    /**
     * Pushes a sine of {@code hz} (mono 48 kHz PCM16, 10 ms chunks, amplitude 10,000) from a pusher thread until
     * {@link #stopMedia}. Call once connected: it first {@linkplain #stopAdmCapture stops the ADM's capture}.
     */
    public void startTone(double hz) throws Exception {
        if (!stopAdmCapture(5)) {
            throw new IllegalStateException("the audio send stream never started");
        }
        pushing = true;
        int chunk = TONE_RATE / 100;
        start("lwr-tone-" + name, () -> {
            byte[] pcm = new byte[chunk * 2];
            long sample = 0;
            long due = System.nanoTime();
            while (pushing) {
                for (int i = 0; i < chunk; i++) {
                    short s = (short) Math.round(10_000 * Math.sin(2 * Math.PI * hz * (sample + i) / TONE_RATE));
                    pcm[2 * i] = (byte) s; // little-endian PCM16
                    pcm[2 * i + 1] = (byte) (s >> 8);
                }
                sample += chunk;
                audioSource.pushAudio(pcm, 16, TONE_RATE, 1, chunk);
                audioChunksPushed.incrementAndGet();
                due += TimeUnit.MILLISECONDS.toNanos(10);
                sleepUntil(due);
            }
        });
    }

    /**
     * Stops the headless ADM's capture thread once the audio send stream runs (its first RTP, made of the ADM's
     * capture, is the proof); a no-op for {@link AudioDevice#DUMMY} and on later calls. {@link #connect} and
     * {@link #startTone} call it; a test connecting this peer to Parley calls it after both are connected.
     *
     * <p>Why: libwebrtc starts the ADM's capture when the send stream starts, and webrtc-java 0.14's headless
     * capture thread then (a) feeds the send stream, so a tone pushed from another thread aborts the JVM
     * ({@code audio_send_stream.cc:368 Check failed: !race_checker.RaceDetected()}), and (b) fills its capture
     * by pulling the received audio through the mixer, a second 10 ms pull beside the playout thread's: the
     * receive jitter buffer runs dry every other pull (concealment, a growing audio delay; ~0.15 CPU-s/s for
     * nothing). If the send stream never starts within {@code seconds}, the capture never started either and
     * nothing is stopped: returns false.
     */
    public boolean stopAdmCapture(long seconds) throws Exception {
        if (audioDevice != AudioDevice.HEADLESS || admCaptureStopped) {
            return true;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (LibWebRtcStats.number(LibWebRtcStats.outboundRtp(stats(), "audio"), "packetsSent") == 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        adm.stopRecording(); // joins the capture thread
        admCaptureStopped = true;
        return true;
    }

    private void start(String threadName, Runnable body) {
        Thread t = new Thread(body, threadName);
        t.setDaemon(true);
        pushers.add(t);
        t.start();
    }

    private static void sleepUntil(long due) {
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    /** Stops the pushers and waits for them. */
    public void stopMedia() throws InterruptedException {
        pushing = false;
        for (Thread t : pushers) {
            t.join(2_000);
        }
        pushers.clear();
    }

    public int framesPushed() {
        return framesPushed.get();
    }

    public int audioChunksPushed() {
        return audioChunksPushed.get();
    }

    /** When frame {@code id} was pushed ({@link System#nanoTime}); ids are frame numbers modulo 2^16. */
    public long pushNanos(int id) {
        return pushNanos.get(id & 0xffff);
    }

    // ---- receiving ----

    private void attach(MediaStreamTrack track) {
        remoteTracks.add(track);
        if (track instanceof VideoTrack video) {
            video.addSink(videoSink);
        } else if (track instanceof AudioTrack sound) {
            sound.addSink(audioSink);
        }
    }

    private void onRemoteFrame(VideoFrame frame) {
        long now = System.nanoTime();
        try {
            I420Buffer i420 = frame.buffer.toI420();
            int w = i420.getWidth();
            int h = i420.getHeight();
            int id = FramePattern.readId(i420.getDataY(), i420.getStrideY(), w, h);
            if (i420 != frame.buffer) {
                i420.release();
            }
            framesReceived.incrementAndGet();
            receivedSizes.merge(w + "x" + h, 1, Integer::sum);
            synchronized (arrivals) {
                if (arrivals.size() < MAX_ARRIVALS) {
                    arrivals.add(new FrameArrival(now, w, h, id, frame.timestampNs));
                }
            }
        } finally {
            frame.release(); // the binding hands each sink its own copy
        }
    }

    private void onRemoteAudio(byte[] data, int bitsPerSample, int sampleRate, int channels, int frames) {
        if (bitsPerSample != 16 || channels < 1 || data.length < frames * channels * 2) {
            return;
        }
        synchronized (audio) {
            audioCallbacks++;
            audioRate = sampleRate;
            audioChannels = channels;
            int n = Math.min(frames, audio.length - audioLength);
            for (int i = 0; i < n; i++) {
                int at = 2 * i * channels;
                audio[audioLength + i] = (short) ((data[at] & 0xff) | (data[at + 1] << 8));
            }
            audioLength += n;
        }
    }

    public int framesReceived() {
        return framesReceived.get();
    }

    /** Decoded frame counts by size, e.g. {@code "640x480" -> 118}. */
    public Map<String, Integer> receivedSizes() {
        return Map.copyOf(receivedSizes);
    }

    public List<FrameArrival> arrivals() {
        synchronized (arrivals) {
            return List.copyOf(arrivals);
        }
    }

    public ReceivedAudio receivedAudio() {
        synchronized (audio) {
            return new ReceivedAudio(Arrays.copyOf(audio, audioLength), audioRate, audioChannels,
                    audioCallbacks);
        }
    }

    /**
     * Push-to-display latencies of the frames {@code receiver} decoded from {@code sender}, matched by the frame
     * number in the pixels; unreadable frames are skipped.
     */
    public static long[] latenciesNanos(LibWebRtcMediaPeer sender, LibWebRtcMediaPeer receiver) {
        return receiver.arrivals().stream().filter(a -> a.id() >= 0)
                .mapToLong(a -> a.nanos() - sender.pushNanos(a.id())).toArray();
    }

    // ---- stats ----

    /** A fresh libwebrtc stats report; {@link LibWebRtcStats} reads it. */
    public RTCStatsReport stats() throws Exception {
        CompletableFuture<RTCStatsReport> f = new CompletableFuture<>();
        pc.getStats(f::complete);
        return f.get(5, TimeUnit.SECONDS);
    }

    // ---- teardown ----

    @Override
    public void close() {
        try {
            stopMedia();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (MediaStreamTrack t : remoteTracks) {
            if (t instanceof VideoTrack video) {
                video.removeSink(videoSink);
            } else if (t instanceof AudioTrack sound) {
                sound.removeSink(audioSink);
            }
        }
        // Tracks belong to the closed connection's senders; disposing them separately is refused. webrtc-java
        // 0.14 keeps two idle native threads of the headless ADM per closed peer (its last reference is not
        // dropped): harmless for tests, worth knowing for a long-running benchmark that makes many peers.
        pc.close();
        factory.dispose();
        adm.dispose();
    }
}
