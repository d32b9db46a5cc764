package dev.parley.rtc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.rtc.media.synthetic.SyntheticVideoSource;
import dev.parley.rtc.peer.IceCandidate;
import dev.parley.rtc.peer.PeerConnection;
import dev.parley.rtc.peer.PeerConnectionListener;
import dev.parley.rtc.peer.PeerConnectionState;
import dev.parley.rtc.peer.RemoteTrack;
import dev.parley.rtc.peer.RemoteVideoTrack;
import dev.parley.rtc.peer.RtcConfiguration;
import dev.parley.rtc.peer.SessionDescription;
import dev.parley.rtc.stats.RtcStats;
import dev.parley.rtc.testing.ReceivedVideo;
import dev.parley.rtc.testing.StateWaiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A mesh sender: one camera, one encoder, two connections — every frame is encoded once and reaches both peers. */
class SharedEncoderTest {

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    /** One connection of the test, with its state and the remote video it shows. */
    private final class Peer implements PeerConnectionListener {
        final PeerConnection pc = new PeerConnection(RtcConfiguration.loopback());
        final BlockingQueue<PeerConnectionState> states = new LinkedBlockingQueue<>();
        final ReceivedVideo video;
        volatile Peer other;

        Peer(SyntheticVideoSource camera) {
            open.add(pc);
            video = new ReceivedVideo(camera);
            pc.addListener(this);
        }

        @Override
        public void onIceCandidate(IceCandidate candidate) {
            other.pc.addIceCandidate(candidate);
        }

        @Override
        public void onConnectionStateChange(PeerConnectionState state) {
            states.add(state);
        }

        @Override
        public void onTrack(RemoteTrack track) {
            if (track instanceof RemoteVideoTrack v) {
                v.setSink(video);
            }
        }
    }

    private static void connect(Peer offerer, Peer answerer) throws Exception {
        offerer.other = answerer;
        answerer.other = offerer;
        SessionDescription offer = offerer.pc.createOffer().get(5, TimeUnit.SECONDS);
        offerer.pc.setLocalDescription(offer).get(5, TimeUnit.SECONDS);
        answerer.pc.setRemoteDescription(offer).get(5, TimeUnit.SECONDS);
        SessionDescription answer = answerer.pc.createAnswer().get(5, TimeUnit.SECONDS);
        answerer.pc.setLocalDescription(answer).get(5, TimeUnit.SECONDS);
        offerer.pc.setRemoteDescription(answer).get(5, TimeUnit.SECONDS);
        for (Peer p : List.of(offerer, answerer)) {
            StateWaiter.await(p.states, PeerConnectionState.CONNECTED, Duration.ofSeconds(10),
                    () -> p.pc.connectionState() + "/" + p.pc.iceConnectionState());
        }
    }

    @Test
    void oneEncoderFeedsEveryConnection() throws Exception {
        SyntheticVideoSource camera = SyntheticVideoSource.vga30();
        VideoTrackEncoder encoder = new VideoTrackEncoder(600_000, 30);
        open.add(camera);
        open.add(encoder);
        camera.setSink(encoder);
        Peer toB = new Peer(camera);
        Peer toC = new Peer(camera);
        Peer b = new Peer(camera);
        Peer c = new Peer(camera);
        toB.pc.addTrack(encoder);
        toC.pc.addTrack(encoder);
        connect(toB, b);
        connect(toC, c);
        Thread.sleep(1500);
        long encoded0 = encoder.framesEncoded();
        long captured0 = camera.framesProduced();
        int b0 = b.video.distinctStamps();
        int c0 = c.video.distinctStamps();
        Thread.sleep(3000);
        long encoded = encoder.framesEncoded() - encoded0;
        long captured = camera.framesProduced() - captured0;

        assertThat(encoded).as("encoded once per captured frame, not once per connection")
                .isBetween((long) (captured * 0.8), captured + 1);
        assertThat(b.video.distinctStamps() - b0).as("b's frames").isGreaterThanOrEqualTo((int) (encoded * 0.9));
        assertThat(c.video.distinctStamps() - c0).as("c's frames").isGreaterThanOrEqualTo((int) (encoded * 0.9));
        camera.setSink(null); // no more frames: the two reports below see the same encoder count
        Thread.sleep(300);
        RtcStats outB = toB.pc.getStats().get(5, TimeUnit.SECONDS).first("outbound-rtp", "video").orElseThrow();
        RtcStats outC = toC.pc.getStats().get(5, TimeUnit.SECONDS).first("outbound-rtp", "video").orElseThrow();
        assertThat(outB.count("framesEncoded")).as("both connections report the one encoder")
                .isEqualTo(outC.count("framesEncoded"));
        assertThat(outB.count("ssrc")).isNotEqualTo(outC.count("ssrc"));
    }
}
