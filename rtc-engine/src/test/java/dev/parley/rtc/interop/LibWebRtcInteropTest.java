package dev.parley.rtc.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCSdpType;
import dev.parley.rtc.peer.IceCandidate;
import dev.parley.rtc.peer.PeerConnection;
import dev.parley.rtc.peer.PeerConnectionListener;
import dev.parley.rtc.peer.PeerConnectionState;
import dev.parley.rtc.peer.RtcConfiguration;
import dev.parley.rtc.peer.SessionDescription;
import dev.parley.rtc.sdp.MediaDescription;
import dev.parley.rtc.sdp.RtpCodec;
import dev.parley.rtc.sdp.SdpParser;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Parley and libwebrtc (webrtc-java) in one JVM on loopback: both reach connected whichever side offers, DTLS
 * settles on an SRTP profile, and Parley authenticates and decrypts libwebrtc's Opus RTP.
 */
class LibWebRtcInteropTest {

    private final PeerConnection parley = new PeerConnection(RtcConfiguration.loopback());
    private LibWebRtcPeer libwebrtc;
    private final BlockingQueue<PeerConnectionState> parleyStates = new LinkedBlockingQueue<>();
    private final AtomicInteger opusPackets = new AtomicInteger();
    private final AtomicInteger otherPackets = new AtomicInteger();
    private volatile int opusPayloadType = -1;

    @AfterEach
    void close() {
        parley.close();
        if (libwebrtc != null) {
            libwebrtc.close();
        }
    }

    private void listen(java.util.function.Consumer<IceCandidate> toLibwebrtc) {
        parley.addListener(new PeerConnectionListener() {
            @Override
            public void onIceCandidate(IceCandidate candidate) {
                toLibwebrtc.accept(candidate);
            }

            @Override
            public void onConnectionStateChange(PeerConnectionState state) {
                parleyStates.add(state);
            }

            @Override
            public void onRtp(byte[] buffer, int offset, int length) {
                int pt = buffer[offset + 1] & 0x7f;
                if (pt == opusPayloadType) {
                    opusPackets.incrementAndGet();
                } else {
                    otherPackets.incrementAndGet();
                }
            }
        });
    }

    private static int opusIn(String sdp) throws Exception {
        for (MediaDescription m : SdpParser.parse(sdp).media()) {
            if (m.kind().equals("audio")) {
                for (RtpCodec c : m.codecs()) {
                    if (c.name().equalsIgnoreCase("opus")) {
                        return c.payloadType();
                    }
                }
            }
        }
        throw new AssertionError("no opus in " + sdp);
    }

    private void awaitParley(PeerConnectionState wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            PeerConnectionState s = parleyStates.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertThat(s).as("Parley reaches " + wanted + " (ice " + parley.iceConnectionState() + ")").isNotNull();
            if (s == wanted) {
                return;
            }
        }
    }

    private void assertOpusFlows() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (opusPackets.get() < 25 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(opusPackets.get()).as("decrypted Opus RTP packets from libwebrtc").isGreaterThanOrEqualTo(25);
        assertThat(parley.rejectedPackets(dev.parley.rtc.srtp.SrtpError.AUTH_FAILED)).isZero();
        assertThat(parley.srtpProfile()).as("DTLS negotiated an SRTP profile libwebrtc offers").hasValueSatisfying(p ->
                assertThat(p).isIn(dev.parley.rtc.srtp.SrtpProfile.SRTP_AEAD_AES_128_GCM,
                        dev.parley.rtc.srtp.SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80));
    }

    @Test
    void libwebrtcOffersParleyAnswers() throws Exception {
        libwebrtc = new LibWebRtcPeer();
        listen(c -> {
            if (!c.isEndOfCandidates()) {
                libwebrtc.addCandidate(c.sdpMid(), c.sdpMLineIndex(), c.candidate());
            }
        });
        libwebrtc.onCandidate(line -> parley.addIceCandidate(new IceCandidate(line, "0", 0)));
        String offer = libwebrtc.createOffer();
        opusPayloadType = opusIn(offer);
        parley.setRemoteDescription(new SessionDescription(SessionDescription.Type.OFFER, offer)).get(5, TimeUnit.SECONDS);
        SessionDescription answer = parley.createAnswer().get(5, TimeUnit.SECONDS);
        assertThat(opusIn(answer.sdp())).as("the answer keeps the offer's Opus payload type").isEqualTo(opusPayloadType);
        libwebrtc.setRemote(RTCSdpType.ANSWER, answer.sdp());
        parley.setLocalDescription(answer).get(5, TimeUnit.SECONDS);

        awaitParley(PeerConnectionState.CONNECTED);
        assertThat(libwebrtc.awaitState(RTCPeerConnectionState.CONNECTED, 15)).isTrue();
        assertOpusFlows();
    }

    @Test
    void parleyOffersLibwebrtcAnswers() throws Exception {
        libwebrtc = new LibWebRtcPeer();
        parley.addTrack("audio");
        // libwebrtc drops candidates added before its remote description (INTEROP.md): hold them until then.
        java.util.List<IceCandidate> early = new java.util.concurrent.CopyOnWriteArrayList<>();
        listen(c -> {
            if (c.isEndOfCandidates()) {
                return;
            }
            if (ready) {
                libwebrtc.addCandidate(c.sdpMid(), c.sdpMLineIndex(), c.candidate());
            } else {
                early.add(c);
            }
        });
        libwebrtc.onCandidate(line -> parley.addIceCandidate(new IceCandidate(line, "0", 0)));
        SessionDescription offer = parley.createOffer().get(5, TimeUnit.SECONDS);
        parley.setLocalDescription(offer).get(5, TimeUnit.SECONDS);
        String answer = libwebrtc.answer(offer.sdp());
        opusPayloadType = opusIn(answer);
        ready = true;
        early.forEach(c -> libwebrtc.addCandidate(c.sdpMid(), c.sdpMLineIndex(), c.candidate()));
        parley.setRemoteDescription(new SessionDescription(SessionDescription.Type.ANSWER, answer)).get(5, TimeUnit.SECONDS);

        awaitParley(PeerConnectionState.CONNECTED);
        assertThat(libwebrtc.awaitState(RTCPeerConnectionState.CONNECTED, 15)).isTrue();
        assertOpusFlows();
    }

    private volatile boolean ready;
}
