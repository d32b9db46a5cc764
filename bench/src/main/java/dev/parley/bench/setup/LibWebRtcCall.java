package dev.parley.bench.setup;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.PortAllocatorConfig;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCIceConnectionState;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpReceiver;
import dev.onvoid.webrtc.RTCRtpSynchronizationSource;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import dev.onvoid.webrtc.media.audio.AudioOptions;
import dev.onvoid.webrtc.media.audio.AudioTrackSource;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One libwebrtc &lt;-&gt; libwebrtc call (webrtc-java) on loopback, set up the way rtc-engine's LibWebRtcPeer test
 * harness and shared/interop/INTEROP.md describe: a headless audio device per side (its silence is what the audio
 * track sends), adapter enumeration off, TCP off, and each host candidate's address rewritten to 127.0.0.1. That
 * harness is not reused because it does not expose its RTCPeerConnection, and the first-packet milestone needs the
 * answerer's RTCRtpReceiver.
 *
 * <p>Each side keeps one {@link Stack} (audio device + factory, as an application would) for the whole run; each
 * call creates a new RTCPeerConnection and audio track on each before the clock starts. Candidates travel through a
 * single "signaling" thread, and are held until the receiving side has its remote description, because libwebrtc
 * drops candidates added before it (INTEROP.md). The clock starts when {@code createOffer} is called.
 *
 * <p>First packet: libwebrtc has no per-packet hook in webrtc-java 0.14 (no frame transformer), and getStats() results
 * are cached for 50 ms. The answerer's receiver lists a synchronization source only once a packet from it has been
 * decrypted, decoded and pulled by the audio device's 10 ms playout, and the entry carries the time it was last
 * updated on libwebrtc's monotonic clock ({@code rtc::TimeMillis}, CLOCK_MONOTONIC, the clock
 * {@link System#nanoTime()} reads on Linux). The measuring thread polls {@code getSynchronizationSources()} every
 * millisecond and takes the entry's timestamp (ms resolution) as the milestone, bounded by the poll that saw it.
 */
public final class LibWebRtcCall {

    private LibWebRtcCall() {
    }

    /** One side's audio device and factory, reused by every call of the run. */
    static final class Stack implements AutoCloseable {
        final HeadlessAudioDeviceModule adm = new HeadlessAudioDeviceModule();
        final PeerConnectionFactory factory = new PeerConnectionFactory(adm);
        final AudioTrackSource source = factory.createAudioSource(new AudioOptions());
        private int tracks;

        @Override
        public void close() {
            factory.dispose();
            adm.dispose();
        }
    }

    /** A measured call and how far the first-packet milestone could be from the poll that saw it. */
    record Result(SetupSample sample, long pollLagNanos) {
    }

    static Result measure(Stack offererStack, Stack answererStack, ExecutorService signaling, int timeoutSeconds)
            throws InterruptedException {
        End offerer = new End(offererStack, signaling);
        End answerer = new End(answererStack, signaling);
        offerer.peer = answerer;
        answerer.peer = offerer;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            long start = System.nanoTime();
            long signaled;
            RTCRtpReceiver receiver;
            try {
                RTCSessionDescription offer = create(o -> offerer.pc.createOffer(new RTCOfferOptions(), o), deadline);
                set(offerer.pc::setLocalDescription, offer, deadline);
                set(answerer.pc::setRemoteDescription, offer, deadline);
                answerer.remoteDescriptionSet();
                RTCSessionDescription answer = create(o -> answerer.pc.createAnswer(new RTCAnswerOptions(), o), deadline);
                set(answerer.pc::setLocalDescription, answer, deadline);
                set(offerer.pc::setRemoteDescription, answer, deadline);
                offerer.remoteDescriptionSet();
                signaled = System.nanoTime() - start;
                RTCRtpReceiver[] receivers = answerer.pc.getReceivers();
                if (receivers.length != 1) {
                    throw new IllegalStateException(receivers.length + " receivers at the answerer, expected 1");
                }
                receiver = receivers[0];
            } catch (Exception e) {
                return new Result(SetupSample.failed(-1, -1, -1, "offer/answer failed: " + e), 0);
            }
            long pollLag = 0;
            long firstPacket = -1;
            long lastEmptyPoll = start;
            while (System.nanoTime() < deadline) {
                long before = System.nanoTime();
                List<RTCRtpSynchronizationSource> sources = receiver.getSynchronizationSources();
                long after = System.nanoTime();
                if (!sources.isEmpty()) {
                    // The entry's time is whole milliseconds; never earlier than the previous poll that saw nothing,
                    // never later than this poll.
                    long entry = TimeUnit.MICROSECONDS.toNanos(sources.get(0).timestamp);
                    long at = Math.min(after, Math.max(entry, lastEmptyPoll));
                    firstPacket = at - start;
                    pollLag = after - at;
                    if (Boolean.getBoolean("bench.setup.debug")) {
                        System.err.printf("libwebrtc first packet: entry %+.3f ms, last empty poll %+.3f ms, "
                                + "poll %+.3f ms after start%n", (entry - start) / 1e6, (lastEmptyPoll - start) / 1e6,
                                (after - start) / 1e6);
                    }
                    break;
                }
                lastEmptyPoll = before;
                Thread.sleep(1);
            }
            offerer.connected.await(deadline);
            answerer.connected.await(deadline);
            long ice = Milestone.bothSince(offerer.iceConnected, answerer.iceConnected, start);
            long connected = Milestone.bothSince(offerer.connected, answerer.connected, start);
            SetupSample sample;
            if (connected < 0) {
                sample = SetupSample.failed(signaled, ice, -1, "not connected after " + timeoutSeconds
                        + " s: offerer " + offerer.pc.getConnectionState() + ", answerer "
                        + answerer.pc.getConnectionState());
            } else if (firstPacket < 0) {
                sample = SetupSample.failed(signaled, ice, connected, "connected, but no audio from the offerer in "
                        + timeoutSeconds + " s");
            } else {
                sample = new SetupSample(signaled, ice, connected, firstPacket, null);
            }
            return new Result(sample, pollLag);
        } finally {
            offerer.pc.close();
            answerer.pc.close();
        }
    }

    /** Keeps only IPv4 UDP host candidates, with the address moved to 127.0.0.1; null for any other. */
    public static String toLoopback(String candidate) {
        String[] f = candidate.split(" ");
        if (f.length < 8 || !"udp".equalsIgnoreCase(f[2]) || !"host".equals(f[7]) || f[4].indexOf(':') >= 0
                || f[4].endsWith(".local")) {
            return null;
        }
        f[4] = "127.0.0.1";
        return String.join(" ", f);
    }

    /** Runs createOffer/createAnswer and waits for the description until the {@code System.nanoTime()} deadline. */
    public static RTCSessionDescription create(Consumer<CreateSessionDescriptionObserver> call, long deadline)
            throws Exception {
        CompletableFuture<RTCSessionDescription> f = new CompletableFuture<>();
        call.accept(new CreateSessionDescriptionObserver() {
            @Override
            public void onSuccess(RTCSessionDescription description) {
                f.complete(description);
            }

            @Override
            public void onFailure(String error) {
                f.completeExceptionally(new IllegalStateException(error));
            }
        });
        return f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /** setLocalDescription or setRemoteDescription of a connection. */
    public interface SetCall {
        void set(RTCSessionDescription description, SetSessionDescriptionObserver observer);
    }

    /** Applies a description and waits for it until the {@code System.nanoTime()} deadline. */
    public static void set(SetCall call, RTCSessionDescription description, long deadline) throws Exception {
        CompletableFuture<Void> f = new CompletableFuture<>();
        call.set(description, new SetSessionDescriptionObserver() {
            @Override
            public void onSuccess() {
                f.complete(null);
            }

            @Override
            public void onFailure(String error) {
                f.completeExceptionally(new IllegalStateException(error));
            }
        });
        f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /** One end of a call: its connection, its milestones and the candidates it holds until it can take them. */
    private static final class End implements PeerConnectionObserver {
        final RTCPeerConnection pc;
        final ExecutorService signaling;
        final Milestone iceConnected = new Milestone();
        final Milestone connected = new Milestone();
        volatile End peer;
        // Touched only on the signaling thread.
        private final HeldCandidates held = new HeldCandidates();

        End(Stack stack, ExecutorService signaling) {
            this.signaling = signaling;
            RTCConfiguration config = new RTCConfiguration();
            config.portAllocatorConfig = new PortAllocatorConfig().setDisableAdapterEnumeration(true)
                    .setDisableTcp(true);
            pc = stack.factory.createPeerConnection(config, this);
            pc.addTrack(stack.factory.createAudioTrack("audio-" + (++stack.tracks), stack.source),
                    List.of("bench-stream"));
        }

        @Override
        public void onIceCandidate(RTCIceCandidate candidate) {
            String line = toLoopback(candidate.sdp);
            if (line != null) {
                RTCIceCandidate rewritten = new RTCIceCandidate(candidate.sdpMid, candidate.sdpMLineIndex, line);
                End to = peer;
                signaling.execute(() -> to.take(rewritten));
            }
        }

        @Override
        public void onIceConnectionChange(RTCIceConnectionState state) {
            if (state == RTCIceConnectionState.CONNECTED || state == RTCIceConnectionState.COMPLETED) {
                iceConnected.mark();
            }
        }

        @Override
        public void onConnectionChange(RTCPeerConnectionState state) {
            if (state == RTCPeerConnectionState.CONNECTED) {
                connected.mark();
            }
        }

        void remoteDescriptionSet() {
            signaling.execute(() -> held.remoteDescriptionSet(pc));
        }

        private void take(RTCIceCandidate candidate) {
            held.take(pc, candidate);
        }
    }
}
