package dev.parley.rtc.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCStatsReport;
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
import dev.parley.rtc.testing.ReceivedAudio;
import dev.parley.rtc.testing.ReceivedVideo;
import dev.parley.rtc.testing.Signals;
import dev.parley.rtc.testing.StateWaiter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Parley and libwebrtc (webrtc-java) in one JVM on loopback, each sending 640x480@30 synthetic video (H.264
 * Constrained Baseline, packetization-mode 1) and a 440 Hz tone (Opus) for 5 s, whichever side offers: each side's
 * sinks get at least 90% of the frames the other sent, and the other's tone.
 */
class LibWebRtcMediaInteropTest {

    private static final int SECONDS = 5;

    private final PeerConnection parley = new PeerConnection(RtcConfiguration.loopback());
    private final SyntheticVideoSource camera = SyntheticVideoSource.vga30();
    private final ToneSource microphone = new ToneSource(440, 0.3);
    private final ReceivedVideo parleyVideo = new ReceivedVideo(null);
    private final ReceivedAudio parleyAudio = new ReceivedAudio(20);
    private final BlockingQueue<PeerConnectionState> parleyStates = new LinkedBlockingQueue<>();
    private LibWebRtcMediaPeer libwebrtc;

    @AfterEach
    void close() {
        camera.close();
        microphone.close();
        parley.close();
        if (libwebrtc != null) {
            libwebrtc.close();
        }
    }

    private void setUp() {
        libwebrtc = new LibWebRtcMediaPeer("lwr");
        libwebrtc.preferH264ConstrainedBaseline();
        parley.addTrack(microphone);
        parley.addTrack(camera);
        parley.addListener(new PeerConnectionListener() {
            @Override
            public void onIceCandidate(IceCandidate c) {
                if (!c.isEndOfCandidates()) {
                    libwebrtc.addCandidate(c.sdpMid(), c.sdpMLineIndex(), c.candidate());
                }
            }

            @Override
            public void onConnectionStateChange(PeerConnectionState state) {
                parleyStates.add(state);
            }

            @Override
            public void onTrack(RemoteTrack track) {
                if (track instanceof RemoteVideoTrack v) {
                    v.setSink(parleyVideo);
                } else if (track instanceof RemoteAudioTrack a) {
                    a.setSink(parleyAudio);
                }
            }
        });
        libwebrtc.onCandidate(line -> parley.addIceCandidate(new IceCandidate(line, "0", 0)));
    }

    @Test
    void parleyOffersLibwebrtcAnswers() throws Exception {
        setUp();
        SessionDescription offer = parley.createOffer().get(5, TimeUnit.SECONDS);
        parley.setLocalDescription(offer).get(5, TimeUnit.SECONDS);
        String answer = libwebrtc.answer(offer.sdp());
        parley.setRemoteDescription(new SessionDescription(SessionDescription.Type.ANSWER, answer))
                .get(5, TimeUnit.SECONDS);
        callAndCheck();
    }

    @Test
    void libwebrtcOffersParleyAnswers() throws Exception {
        setUp();
        String offer = libwebrtc.createOffer();
        parley.setRemoteDescription(new SessionDescription(SessionDescription.Type.OFFER, offer))
                .get(5, TimeUnit.SECONDS);
        SessionDescription answer = parley.createAnswer().get(5, TimeUnit.SECONDS);
        parley.setLocalDescription(answer).get(5, TimeUnit.SECONDS);
        libwebrtc.setRemote(RTCSdpType.ANSWER, answer.sdp());
        callAndCheck();
    }

    private void callAndCheck() throws Exception {
        StateWaiter.await(parleyStates, PeerConnectionState.CONNECTED, Duration.ofSeconds(15),
                () -> parley.connectionState() + "/" + parley.iceConnectionState());
        assertThat(libwebrtc.awaitState(RTCPeerConnectionState.CONNECTED, 15)).isTrue();
        libwebrtc.startVideo(640, 480, 30);
        libwebrtc.startTone(440);
        Thread.sleep(SECONDS * 1000L);
        libwebrtc.stopMedia();
        Thread.sleep(500); // frames in flight

        RtcStatsReport parleyStats = parley.getStats().get(5, TimeUnit.SECONDS);
        RTCStatsReport libwebrtcStats = libwebrtc.stats();

        // Parley -> libwebrtc: the frames Parley sent reach libwebrtc's sink.
        RtcStats parleyOut = parleyStats.first("outbound-rtp", "video").orElseThrow();
        long parleySent = parleyOut.count("framesSent");
        assertThat(parleySent).as("Parley's frames in %d s", SECONDS).isGreaterThan(SECONDS * 30L - 30);
        Map<String, Object> lwrIn = LibWebRtcStats.inboundRtp(libwebrtcStats, "video");
        assertThat(libwebrtc.framesReceived()).as("libwebrtc decoded of %d Parley sent (%s)", parleySent, lwrIn)
                .isGreaterThanOrEqualTo((int) Math.ceil(0.9 * parleySent));
        assertThat(libwebrtc.receivedSizes()).containsKey("640x480");
        assertThat(LibWebRtcStats.codecOf(libwebrtcStats, lwrIn)).startsWith("video/H264");
        assertLibwebrtcHeardTone();

        // libwebrtc -> Parley: the frames libwebrtc sent are decoded and shown by Parley.
        Map<String, Object> lwrOut = LibWebRtcStats.outboundRtp(libwebrtcStats, "video");
        long lwrSent = LibWebRtcStats.number(lwrOut, "framesSent");
        assertThat(lwrSent).as("libwebrtc's frames in %d s", SECONDS).isGreaterThan(SECONDS * 20L);
        RtcStats parleyIn = parleyStats.first("inbound-rtp", "video").orElseThrow();
        assertThat(parleyIn.count("framesDecoded")).as("Parley decoded of %d libwebrtc sent (%s)", lwrSent, parleyIn)
                .isGreaterThanOrEqualTo((long) Math.ceil(0.9 * lwrSent));
        assertThat(parleyVideo.frames()).isGreaterThanOrEqualTo((int) Math.ceil(0.9 * lwrSent));
        assertThat(parleyIn.count("freezeCount")).isZero();
        assertParleyHeardTone(parleyStats);
    }

    private void assertLibwebrtcHeardTone() {
        LibWebRtcMediaPeer.ReceivedAudio audio = libwebrtc.receivedAudio();
        int rate = audio.sampleRate();
        short[] x = audio.samples();
        assertThat(x.length).as("seconds of Parley's audio at libwebrtc").isGreaterThan(3 * rate);
        int from = x.length - 2 * rate;
        assertThat(Signals.rms(x, from, 2 * rate)).as("not silence").isGreaterThan(1000);
        assertThat(Signals.zeroCrossingHz(x, from, 2 * rate, rate)).isBetween(420.0, 460.0);
        assertThat(Signals.medianGoertzelShare(x, from, 2 * rate, rate / 20, 440, rate)).isGreaterThan(0.5);
    }

    private void assertParleyHeardTone(RtcStatsReport stats) {
        RtcStats in = stats.first("inbound-rtp", "audio").orElseThrow();
        assertThat(in.text("mimeType")).isEqualToIgnoringCase("audio/opus");
        short[] x = parleyAudio.samples();
        assertThat(x.length).as("seconds of libwebrtc's audio at Parley").isGreaterThan(4 * 48_000);
        // Two seconds ending a second before the end: libwebrtc's tone stopped half a second before the check.
        int from = x.length - 3 * 48_000;
        assertThat(Signals.rms(x, from, 2 * 48_000)).as("not silence (sent at amplitude 10,000)").isGreaterThan(3000);
        assertThat(Signals.zeroCrossingHz(x, from, 2 * 48_000, 48_000)).isBetween(430.0, 450.0);
        // Above one half: the jitter buffer may cut a 20 ms frame to shed delay, which spreads a pure tone's energy.
        assertThat(Signals.medianGoertzelShare(x, from, 2 * 48_000, 2_400, 440, 48_000)).as("440 Hz dominates").isGreaterThan(0.5);
    }
}
