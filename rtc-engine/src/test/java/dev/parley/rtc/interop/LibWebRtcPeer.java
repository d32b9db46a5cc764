package dev.parley.rtc.interop;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.PortAllocatorConfig;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import dev.onvoid.webrtc.media.audio.AudioOptions;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * libwebrtc (through webrtc-java) as a test peer, set up as shared/interop/INTEROP.md describes: a headless audio
 * device (its silence is what the audio track sends), adapter enumeration off, and its one host candidate
 * rewritten to 127.0.0.1 so the call stays on loopback.
 */
public final class LibWebRtcPeer implements AutoCloseable {

    private final HeadlessAudioDeviceModule adm = new HeadlessAudioDeviceModule();
    private final PeerConnectionFactory factory = new PeerConnectionFactory(adm);
    private final RTCPeerConnection pc;
    private final AudioTrack audio;
    public final BlockingQueue<RTCPeerConnectionState> states = new LinkedBlockingQueue<>();
    private volatile Consumer<RTCIceCandidate> onCandidate = c -> { };

    public LibWebRtcPeer() {
        pc = factory.createPeerConnection(loopbackConfiguration(), new PeerConnectionObserver() {
            @Override
            public void onIceCandidate(RTCIceCandidate candidate) {
                onCandidate.accept(candidate);
            }

            @Override
            public void onConnectionChange(RTCPeerConnectionState state) {
                states.add(state);
            }
        });
        audio = factory.createAudioTrack("audio", factory.createAudioSource(new AudioOptions()));
        pc.addTrack(audio, List.of("libwebrtc-stream"));
    }

    /**
     * INTEROP.md: adapter enumeration off (libwebrtc binds the any-address and advertises one host address, which
     * {@link #toLoopback} moves to 127.0.0.1), no TCP candidates.
     */
    static RTCConfiguration loopbackConfiguration() {
        RTCConfiguration config = new RTCConfiguration();
        config.portAllocatorConfig = new PortAllocatorConfig().setDisableAdapterEnumeration(true)
                .setDisableTcp(true);
        return config;
    }

    /** Candidate lines as Parley should receive them, host address moved to 127.0.0.1. */
    public void onCandidate(Consumer<String> sink) {
        onCandidate = c -> sink.accept(toLoopback(c.sdp));
    }

    static String toLoopback(String candidate) {
        String[] f = candidate.split(" ");
        if (f.length > 7 && "host".equals(f[7]) && f[4].indexOf(':') < 0) {
            f[4] = "127.0.0.1";
        }
        return String.join(" ", f);
    }

    public String createOffer() throws Exception {
        CompletableFuture<RTCSessionDescription> f = new CompletableFuture<>();
        pc.createOffer(new RTCOfferOptions(), observer(f));
        RTCSessionDescription offer = f.get(10, TimeUnit.SECONDS);
        setLocal(offer);
        return offer.sdp;
    }

    public String answer(String offerSdp) throws Exception {
        setRemote(RTCSdpType.OFFER, offerSdp);
        CompletableFuture<RTCSessionDescription> f = new CompletableFuture<>();
        pc.createAnswer(new RTCAnswerOptions(), observer(f));
        RTCSessionDescription answer = f.get(10, TimeUnit.SECONDS);
        setLocal(answer);
        return answer.sdp;
    }

    public void setRemote(RTCSdpType type, String sdp) throws Exception {
        CompletableFuture<Void> f = new CompletableFuture<>();
        pc.setRemoteDescription(new RTCSessionDescription(type, sdp), done(f));
        f.get(10, TimeUnit.SECONDS);
    }

    /** A Parley candidate; INTEROP.md: libwebrtc drops candidates added before the remote description. */
    public void addCandidate(String mid, int index, String candidateLine) {
        String sdp = candidateLine.startsWith("candidate:") ? candidateLine : "candidate:" + candidateLine;
        pc.addIceCandidate(new RTCIceCandidate(mid, index, sdp));
    }

    private void setLocal(RTCSessionDescription description) throws Exception {
        CompletableFuture<Void> f = new CompletableFuture<>();
        pc.setLocalDescription(description, done(f));
        f.get(10, TimeUnit.SECONDS);
    }

    /** Completes {@code f} with the description libwebrtc created, or with its error. */
    static CreateSessionDescriptionObserver observer(CompletableFuture<RTCSessionDescription> f) {
        return new CreateSessionDescriptionObserver() {
            @Override
            public void onSuccess(RTCSessionDescription description) {
                f.complete(description);
            }

            @Override
            public void onFailure(String error) {
                f.completeExceptionally(new IllegalStateException(error));
            }
        };
    }

    /** Completes {@code f} when libwebrtc applied a description, or with its error. */
    static SetSessionDescriptionObserver done(CompletableFuture<Void> f) {
        return new SetSessionDescriptionObserver() {
            @Override
            public void onSuccess() {
                f.complete(null);
            }

            @Override
            public void onFailure(String error) {
                f.completeExceptionally(new IllegalStateException(error));
            }
        };
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

    @Override
    public void close() {
        // The track belongs to the closed connection's sender; disposing it separately is refused.
        pc.close();
        factory.dispose();
        adm.dispose();
    }
}
