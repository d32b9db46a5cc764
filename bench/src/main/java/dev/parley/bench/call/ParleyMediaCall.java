package dev.parley.bench.call;

import dev.parley.rtc.media.AudioFrame;
import dev.parley.rtc.media.VideoFrame;
import dev.parley.rtc.media.synthetic.SyntheticVideo;
import dev.parley.rtc.media.synthetic.SyntheticVideoSource;
import dev.parley.rtc.media.synthetic.ToneSource;
import dev.parley.rtc.peer.IceCandidate;
import dev.parley.rtc.peer.PeerConnection;
import dev.parley.rtc.peer.PeerConnectionListener;
import dev.parley.rtc.peer.PeerConnectionState;
import dev.parley.rtc.peer.RemoteAudioTrack;
import dev.parley.rtc.peer.RemoteTrack;
import dev.parley.rtc.peer.RemoteVideoTrack;
import dev.parley.rtc.peer.RtcConfiguration;
import dev.parley.rtc.peer.SessionDescription;
import dev.parley.rtc.stats.RtcStats;
import dev.parley.rtc.stats.RtcStatsReport;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A Parley &lt;-&gt; Parley call on loopback, set up as rtc-engine's MediaCall test helper does: two connections with
 * {@link RtcConfiguration#loopback()}, each sending a {@link SyntheticVideoSource} and a {@link ToneSource} through
 * {@code addTrack}; offer, answer and candidates are handed over directly. Each side's remote video sink reads the
 * frame number and records the latency against the other side's camera; its remote audio sink counts what plays.
 *
 * <p>Threads: built and closed on the benchmark thread; the sinks run on each connection's video decoder thread
 * and audio playout thread; candidates go from one connection's thread straight into the other's addIceCandidate.
 */
final class ParleyMediaCall implements BenchCall {

    private final End a;
    private final End b;

    private ParleyMediaCall(CallOptions o) {
        a = new End(o);
        b = new End(o);
        a.receiveFrom(b, o);
        b.receiveFrom(a, o);
    }

    /** Builds both ends, negotiates (a offers) and returns once both are connected; closes everything on failure. */
    static ParleyMediaCall connect(CallOptions o, int timeoutSeconds) throws Exception {
        ParleyMediaCall call = new ParleyMediaCall(o);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            SessionDescription offer = get(call.a.pc.createOffer(), deadline);
            get(call.a.pc.setLocalDescription(offer), deadline);
            get(call.b.pc.setRemoteDescription(offer), deadline);
            SessionDescription answer = get(call.b.pc.createAnswer(), deadline);
            get(call.b.pc.setLocalDescription(answer), deadline);
            get(call.a.pc.setRemoteDescription(answer), deadline);
            get(call.a.connected, deadline);
            get(call.b.connected, deadline);
            return call;
        } catch (Exception e) {
            call.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return "Parley";
    }

    @Override
    public List<Direction> directions() {
        return List.of(direction("a->b", a, b), direction("b->a", b, a));
    }

    private static Direction direction(String label, End from, End to) {
        return new Direction(label, from.camera, to.video, to.audio, () -> {
            Map<String, Object> out = from.stats().first("outbound-rtp", "video").map(RtcStats::members)
                    .orElse(Map.of());
            RtcStatsReport received = to.stats();
            Map<String, Object> in = received.first("inbound-rtp", "video").map(RtcStats::members).orElse(Map.of());
            Map<String, Object> audioIn = received.first("inbound-rtp", "audio").map(RtcStats::members)
                    .orElse(Map.of());
            return DirectionCounters.of(out, in, audioIn, true);
        });
    }

    @Override
    public void close() {
        a.close();
        b.close();
    }

    private static <T> T get(CompletableFuture<T> f, long deadline) throws Exception {
        return f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /** One participant: its connection, camera, microphone and what it receives. */
    private static final class End implements PeerConnectionListener {
        final PeerConnection pc = new PeerConnection(RtcConfiguration.loopback());
        final SyntheticVideoSource camera;
        final ToneSource microphone = new ToneSource(440, 0.3);
        final AudioCounter audio = new AudioCounter();
        final CompletableFuture<Void> connected = new CompletableFuture<>();
        volatile StampedVideo video;
        volatile StampReader reader;
        volatile End peer;

        End(CallOptions o) {
            camera = new SyntheticVideoSource(SyntheticVideo.of(o.clip(), o.width(), o.height(), 1), o.fps());
            pc.addListener(this);
            pc.addTrack(microphone);
            pc.addTrack(camera);
        }

        void receiveFrom(End sender, CallOptions o) {
            peer = sender;
            reader = new StampReader(o.width(), o.height());
            video = new StampedVideo(sender.camera, o.width(), o.height(), o.frameCapacity());
        }

        RtcStatsReport stats() throws Exception {
            return pc.getStats().get(5, TimeUnit.SECONDS);
        }

        @Override
        public void onIceCandidate(IceCandidate candidate) {
            peer.pc.addIceCandidate(candidate);
        }

        @Override
        public void onConnectionStateChange(PeerConnectionState state) {
            if (state == PeerConnectionState.CONNECTED) {
                connected.complete(null);
            } else if (state == PeerConnectionState.FAILED || state == PeerConnectionState.CLOSED) {
                connected.completeExceptionally(new IllegalStateException("connection " + state));
            }
        }

        @Override
        public void onTrack(RemoteTrack track) {
            if (track instanceof RemoteVideoTrack v) {
                v.setSink(this::onVideo);
            } else if (track instanceof RemoteAudioTrack t) {
                t.setSink(f -> {
                    short[] s = f.samples();
                    int at = f.offset();
                    int step = f.channels();
                    audio.add(f.samplesPerChannel(), AudioFrame.SAMPLE_RATE, i -> s[at + i * step]);
                });
            }
        }

        private void onVideo(VideoFrame frame) {
            long now = System.nanoTime();
            video.onFrame(reader.read(frame), now, frame.width(), frame.height());
        }

        void close() {
            camera.close();
            microphone.close();
            pc.close();
        }
    }
}
