package dev.parley.rtc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.rtc.peer.IceCandidate;
import dev.parley.rtc.peer.PeerConnection;
import dev.parley.rtc.peer.PeerConnectionListener;
import dev.parley.rtc.peer.PeerConnectionState;
import dev.parley.rtc.peer.RtcConfiguration;
import dev.parley.rtc.peer.SessionDescription;
import dev.parley.rtc.sdp.LocalTrack;
import dev.parley.rtc.srtp.SrtpError;
import dev.parley.rtc.testing.UdpImpairmentRelay.Counters;
import dev.parley.rtc.testing.UdpImpairmentRelay.Direction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two real {@link PeerConnection}s on loopback with a {@link UdpImpairmentRelay} between them. Each side's trickled
 * candidates reach the other only rewritten to the relay's address, so every STUN check, DTLS flight and SRTP packet
 * crosses the impaired link.
 */
class ImpairedCallTest {

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    /** One end of the call: its connection, what it received, and how its candidates cross the relay. */
    private final class Side implements PeerConnectionListener {
        final PeerConnection pc = new PeerConnection(RtcConfiguration.loopback());
        final BlockingQueue<PeerConnectionState> states = new LinkedBlockingQueue<>();
        final BlockingQueue<Integer> rtpSeqs = new LinkedBlockingQueue<>();
        final Function<IceCandidate, Optional<IceCandidate>> throughRelay;
        final LocalTrack audio;
        volatile Side peer;

        Side(Function<IceCandidate, Optional<IceCandidate>> throughRelay) {
            this.throughRelay = throughRelay;
            open.add(pc);
            pc.addListener(this);
            audio = pc.addTrack("audio");
        }

        @Override
        public void onIceCandidate(IceCandidate candidate) {
            throughRelay.apply(candidate).ifPresent(peer.pc::addIceCandidate);
        }

        @Override
        public void onConnectionStateChange(PeerConnectionState state) {
            states.add(state);
        }

        @Override
        public void onRtp(byte[] buffer, int offset, int length) {
            rtpSeqs.add(((buffer[offset + 2] & 0xFF) << 8) | (buffer[offset + 3] & 0xFF));
        }

        void await(PeerConnectionState wanted) throws InterruptedException {
            StateWaiter.await(states, wanted, Duration.ofSeconds(10),
                    () -> pc.connectionState() + "/" + pc.iceConnectionState());
        }

        /** Sends {@code n} RTP packets numbered from 1, in groups of 5 every 5 ms (a 1 000 packet/s stream). */
        int send(int n) throws InterruptedException {
            int accepted = 0;
            for (int seq = 1; seq <= n; seq++) {
                byte[] p = rtp(audio, seq);
                if (pc.sendRtp(p, 0, p.length)) {
                    accepted++;
                }
                if (seq % 5 == 0) {
                    Thread.sleep(5);
                }
            }
            return accepted;
        }

        /** The sequence numbers received, in arrival order, once nothing more has come for {@code quiet}. */
        List<Integer> received(Duration quiet) throws InterruptedException {
            List<Integer> got = new ArrayList<>();
            Integer seq;
            while ((seq = rtpSeqs.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                got.add(seq);
            }
            return got;
        }
    }

    /** Connects a (offerer, behind side A of the relay) and b (answerer, side B), and waits for both. */
    private Side[] call(UdpImpairmentRelay relay) throws Exception {
        Side a = new Side(relay::candidateFromA);
        Side b = new Side(relay::candidateFromB);
        a.peer = b;
        b.peer = a;
        SessionDescription offer = a.pc.createOffer().get(5, TimeUnit.SECONDS);
        a.pc.setLocalDescription(offer).get(5, TimeUnit.SECONDS);
        b.pc.setRemoteDescription(offer).get(5, TimeUnit.SECONDS);
        SessionDescription answer = b.pc.createAnswer().get(5, TimeUnit.SECONDS);
        b.pc.setLocalDescription(answer).get(5, TimeUnit.SECONDS);
        a.pc.setRemoteDescription(answer).get(5, TimeUnit.SECONDS);
        a.await(PeerConnectionState.CONNECTED);
        b.await(PeerConnectionState.CONNECTED);
        return new Side[] {a, b};
    }

    private static byte[] rtp(LocalTrack track, int seq) {
        return TestRtp.packet(track.ssrc(), seq, new byte[160]);
    }

    private UdpImpairmentRelay relay(Impairment both) throws Exception {
        UdpImpairmentRelay relay = UdpImpairmentRelay.symmetric(both);
        open.add(relay);
        return relay;
    }

    @Test
    void aCallConnectsAndCarriesMediaThroughFivePercentLossAndTwentyMillisecondsOfJitteryDelay() throws Exception {
        // Seed 2026 happens to spare the call setup: this test is about the media, and is reliable.
        lossyCall(2026, false);
    }

    @Test
    void aCallConnectsWhenTheRelayLosesPartOfTheCallSetup() throws Exception {
        lossyCall(4, true);
    }

    private void lossyCall(long seed, boolean setupMustLose) throws Exception {
        UdpImpairmentRelay relay = relay(Impairment.builder().loss(0.05).delay(Duration.ofMillis(20))
                .jitterUniform(Duration.ofMillis(10)).seed(seed).build());
        long start = System.nanoTime();
        Side[] call = call(relay);
        long connectMillis = (System.nanoTime() - start) / 1_000_000;
        Side a = call[0];
        Side b = call[1];
        Counters handshake = relay.counters(Direction.A_TO_B);
        if (setupMustLose) {
            assertThat(handshake.dropped()).as("call setup lost datagrams A->B").isPositive();
            assertThat(relay.counters(Direction.B_TO_A).dropped()).as("and B->A").isPositive();
        }

        assertThat(a.send(500)).isEqualTo(500);
        List<Integer> got = b.received(Duration.ofMillis(800));
        Counters ab = relay.counters(Direction.A_TO_B);
        Counters ba = relay.counters(Direction.B_TO_A);
        System.out.printf("impaired call (seed %d): connected in %d ms; %d of 500 RTP packets arrived; A->B %s; "
                + "B->A %s%n", seed, connectMillis, got.size(), ab, ba);

        assertThat(got).doesNotHaveDuplicates();
        assertThat(got.size()).as("~95 %% of 500 arrive").isBetween(450, 495);
        // The relay also carried consent checks and RTCP meanwhile, so it may have dropped a few more than RTP.
        assertThat(ab.dropped() - handshake.dropped()).as("every missing packet was dropped by the relay")
                .isGreaterThanOrEqualTo(500 - got.size());
        assertThat(ab.forwarded()).as("the media crossed the relay").isGreaterThanOrEqualTo(got.size());
        assertThat(ba.received()).as("and so did B's side of ICE and DTLS").isPositive();
        assertThat(b.pc.rejectedPackets(SrtpError.REPLAYED)).isZero();
        assertThat(a.pc.connectionState()).isEqualTo(PeerConnectionState.CONNECTED);
    }

    @Test
    void reorderedPacketsArriveOutOfOrderAndSrtpAcceptsThemAll() throws Exception {
        UdpImpairmentRelay relay = relay(Impairment.builder().delay(Duration.ofMillis(5))
                .reorder(0.1, Duration.ofMillis(8)).seed(11).build());
        Side[] call = call(relay);
        Side a = call[0];
        Side b = call[1];
        long reorderedBefore = relay.counters(Direction.A_TO_B).reordered();

        assertThat(a.send(300)).isEqualTo(300);
        List<Integer> got = b.received(Duration.ofMillis(500));
        int late = 0;
        int highest = 0;
        for (int seq : got) {
            if (seq < highest) {
                late++;
            }
            highest = Math.max(highest, seq);
        }
        long reordered = relay.counters(Direction.A_TO_B).reordered() - reorderedBefore;
        System.out.printf("reordering call: %d held back by the relay, %d of 300 arrived after a later one%n",
                reordered, late);

        assertThat(got).as("nothing lost, nothing rejected").hasSize(300).doesNotHaveDuplicates();
        assertThat(late).as("the receiver saw out-of-order packets").isPositive();
        assertThat(reordered).isBetween(10L, 60L);
        assertThat(b.pc.rejectedPackets(SrtpError.REPLAYED)).isZero();
        assertThat(b.pc.rejectedPackets(SrtpError.AUTH_FAILED)).isZero();
    }
}
