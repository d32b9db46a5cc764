package dev.parley.rtc.testing;

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
import dev.parley.rtc.peer.RtpSender;
import dev.parley.rtc.peer.SessionDescription;
import dev.parley.rtc.stats.RtcStatsReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A Parley-to-Parley call for tests: two connections on loopback, each sending a synthetic 640x480@30 pattern and a
 * 440 Hz tone and recording what it receives, optionally through a {@link UdpImpairmentRelay}.
 */
public final class MediaCall implements AutoCloseable {

    /** One participant. */
    public static final class Endpoint implements PeerConnectionListener, AutoCloseable {
        public final PeerConnection pc;
        public final SyntheticVideoSource camera = SyntheticVideoSource.vga30();
        public final ToneSource microphone = new ToneSource(440, 0.3);
        public final RtpSender videoSender;
        public final RtpSender audioSender;
        public final BlockingQueue<PeerConnectionState> states = new LinkedBlockingQueue<>();
        public final ReceivedAudio audio = new ReceivedAudio(20);
        public volatile ReceivedVideo video;
        public volatile RemoteTrack remoteVideo;
        public volatile RemoteTrack remoteAudio;
        private final Function<IceCandidate, Optional<IceCandidate>> candidates;
        volatile Endpoint peer;

        Endpoint(RtcConfiguration config, Function<IceCandidate, Optional<IceCandidate>> candidates,
                 boolean sendsVideo) {
            this.pc = new PeerConnection(config);
            this.candidates = candidates;
            pc.addListener(this);
            audioSender = pc.addTrack(microphone);
            videoSender = sendsVideo ? pc.addTrack(camera) : null;
        }

        @Override
        public void onIceCandidate(IceCandidate candidate) {
            candidates.apply(candidate).ifPresent(peer.pc::addIceCandidate);
        }

        @Override
        public void onConnectionStateChange(PeerConnectionState state) {
            states.add(state);
        }

        @Override
        public void onTrack(RemoteTrack track) {
            if (track instanceof RemoteVideoTrack v) {
                video = new ReceivedVideo(peer.camera);
                v.setSink(video);
                remoteVideo = v;
            } else if (track instanceof RemoteAudioTrack a) {
                a.setSink(audio);
                remoteAudio = a;
            }
        }

        public void await(PeerConnectionState wanted) throws InterruptedException {
            StateWaiter.await(states, wanted, Duration.ofSeconds(10),
                    () -> pc.connectionState() + "/" + pc.iceConnectionState());
        }

        public RtcStatsReport stats() throws Exception {
            return pc.getStats().get(5, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            camera.close();
            microphone.close();
            pc.close();
        }
    }

    public final Endpoint a;
    public final Endpoint b;
    private final List<AutoCloseable> open = new ArrayList<>();

    private MediaCall(RtcConfiguration config, UdpImpairmentRelay relay, boolean bSendsVideo) {
        a = new Endpoint(config, relay == null ? Optional::of : relay::candidateFromA, true);
        b = new Endpoint(config, relay == null ? Optional::of : relay::candidateFromB, bSendsVideo);
        a.peer = b;
        b.peer = a;
        open.add(a);
        open.add(b);
        if (relay != null) {
            open.add(relay);
        }
    }

    /** A direct loopback call. */
    public static MediaCall direct() {
        return new MediaCall(RtcConfiguration.loopback(), null, true);
    }

    /**
     * A call across an impaired link (the relay is closed with the call) in which only a sends video (b sends audio):
     * one encoder and one decoder leave CPU for the relay on a small machine.
     */
    public static MediaCall through(UdpImpairmentRelay relay) {
        return new MediaCall(RtcConfiguration.loopback(), relay, false);
    }

    /** a offers, b answers; returns once both are connected. */
    public MediaCall connect() throws Exception {
        return connect(sdp -> sdp);
    }

    /** a offers, b answers the offer as {@code offerEdit} rewrites it (SDP munging); returns once both are connected. */
    public MediaCall connect(java.util.function.UnaryOperator<String> offerEdit) throws Exception {
        SessionDescription offer = a.pc.createOffer().get(5, TimeUnit.SECONDS);
        a.pc.setLocalDescription(offer).get(5, TimeUnit.SECONDS);
        b.pc.setRemoteDescription(new SessionDescription(offer.type(), offerEdit.apply(offer.sdp())))
                .get(5, TimeUnit.SECONDS);
        SessionDescription answer = b.pc.createAnswer().get(5, TimeUnit.SECONDS);
        b.pc.setLocalDescription(answer).get(5, TimeUnit.SECONDS);
        a.pc.setRemoteDescription(answer).get(5, TimeUnit.SECONDS);
        a.await(PeerConnectionState.CONNECTED);
        b.await(PeerConnectionState.CONNECTED);
        return this;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }
}
