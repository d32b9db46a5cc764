package dev.parley.rtc.peer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.rtc.dtls.DtlsCertificate;
import dev.parley.rtc.sdp.LocalTrack;
import dev.parley.rtc.srtp.SrtpError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Parley to Parley on loopback: ICE, DTLS and SRTP end to end through the W3C-shaped API. */
class PeerConnectionTest {

    private final List<PeerConnection> open = new ArrayList<>();

    @AfterEach
    void close() {
        open.forEach(PeerConnection::close);
    }

    /** One side of a test call: its connection and what it received. */
    private final class Side implements PeerConnectionListener {
        final PeerConnection pc = new PeerConnection(RtcConfiguration.loopback());
        final BlockingQueue<PeerConnectionState> states = new LinkedBlockingQueue<>();
        final BlockingQueue<byte[]> rtp = new LinkedBlockingQueue<>();
        final BlockingQueue<byte[]> rtcp = new LinkedBlockingQueue<>();
        volatile Side peer;
        final LocalTrack audio;

        Side() {
            open.add(pc);
            pc.addListener(this);
            audio = pc.addTrack("audio");
        }

        @Override
        public void onIceCandidate(IceCandidate candidate) {
            peer.pc.addIceCandidate(candidate);
        }

        @Override
        public void onConnectionStateChange(PeerConnectionState state) {
            states.add(state);
        }

        @Override
        public void onRtp(byte[] buffer, int offset, int length) {
            rtp.add(java.util.Arrays.copyOfRange(buffer, offset, offset + length));
        }

        @Override
        public void onRtcp(byte[] buffer, int offset, int length) {
            rtcp.add(java.util.Arrays.copyOfRange(buffer, offset, offset + length));
        }

        void await(PeerConnectionState wanted) throws InterruptedException {
            dev.parley.rtc.testing.StateWaiter.await(states, wanted, Duration.ofSeconds(10),
                    () -> pc.connectionState() + "/" + pc.iceConnectionState());
        }
    }

    private static void negotiate(Side offerer, Side answerer, java.util.function.UnaryOperator<String> answerEdit)
            throws Exception {
        offerer.peer = answerer;
        answerer.peer = offerer;
        SessionDescription offer = offerer.pc.createOffer().get(5, TimeUnit.SECONDS);
        offerer.pc.setLocalDescription(offer).get(5, TimeUnit.SECONDS);
        answerer.pc.setRemoteDescription(offer).get(5, TimeUnit.SECONDS);
        SessionDescription answer = answerer.pc.createAnswer().get(5, TimeUnit.SECONDS);
        answerer.pc.setLocalDescription(answer).get(5, TimeUnit.SECONDS);
        offerer.pc.setRemoteDescription(new SessionDescription(answer.type(), answerEdit.apply(answer.sdp())))
                .get(5, TimeUnit.SECONDS);
    }

    private static byte[] rtpPacket(LocalTrack track, int seq, String payload) {
        return dev.parley.rtc.testing.TestRtp.packet(track.ssrc(), seq,
                payload.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String payloadOf(byte[] rtp) {
        return new String(rtp, 12, rtp.length - 12, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void parleyConnectsToParleyWhicheverSideOffersAndSrtpFlowsBothWays() throws Exception {
        for (boolean aOffers : new boolean[] {true, false}) {
            Side a = new Side();
            Side b = new Side();
            if (aOffers) {
                negotiate(a, b, sdp -> sdp);
            } else {
                negotiate(b, a, sdp -> sdp);
            }
            a.await(PeerConnectionState.CONNECTED);
            b.await(PeerConnectionState.CONNECTED);
            assertThat(a.pc.sendRtp(rtpPacket(a.audio, 1, "from a"), 0, rtpPacket(a.audio, 1, "from a").length)).isTrue();
            byte[] fromB = rtpPacket(b.audio, 7, "from b");
            assertThat(b.pc.sendRtp(fromB, 0, fromB.length)).isTrue();
            assertThat(payloadOf(b.rtp.poll(5, TimeUnit.SECONDS))).isEqualTo("from a");
            assertThat(payloadOf(a.rtp.poll(5, TimeUnit.SECONDS))).isEqualTo("from b");
            // RTCP too: a receiver report header is enough to prove the SRTCP path.
            byte[] rr = {(byte) 0x80, (byte) 201, 0, 1, 1, 2, 3, 4};
            assertThat(a.pc.sendRtcp(rr, 0, rr.length)).isTrue();
            assertThat(b.rtcp.poll(5, TimeUnit.SECONDS)).isEqualTo(rr);
        }
    }

    @Test
    void tamperedAndReplayedPacketsAreRejectedAndCounted() throws Exception {
        Side a = new Side();
        Side b = new Side();
        negotiate(a, b, sdp -> sdp);
        a.await(PeerConnectionState.CONNECTED);
        b.await(PeerConnectionState.CONNECTED);
        List<byte[]> wire = new CopyOnWriteArrayList<>();
        a.pc.tapOutgoing(wire::add);
        byte[] packet = rtpPacket(a.audio, 100, "genuine");
        assertThat(a.pc.sendRtp(packet, 0, packet.length)).isTrue();
        assertThat(payloadOf(b.rtp.poll(5, TimeUnit.SECONDS))).isEqualTo("genuine");

        byte[] captured = wire.get(0);
        assertThat(a.pc.sendRaw(captured)).isTrue();
        // A forged packet with a sequence number not yet seen: it passes the replay window and must fail authentication.
        byte[] tampered = captured.clone();
        tampered[3] ^= 0x40;
        tampered[14] ^= 0x01;
        assertThat(a.pc.sendRaw(tampered)).isTrue();
        byte[] next = rtpPacket(a.audio, 101, "after");
        a.pc.sendRtp(next, 0, next.length);
        assertThat(payloadOf(b.rtp.poll(5, TimeUnit.SECONDS))).as("nothing but genuine packets arrive").isEqualTo("after");
        assertThat(b.pc.rejectedPackets(SrtpError.REPLAYED)).isEqualTo(1);
        assertThat(b.pc.rejectedPackets(SrtpError.AUTH_FAILED)).isEqualTo(1);
        assertThat(b.pc.connectionState()).isEqualTo(PeerConnectionState.CONNECTED);
    }

    @Test
    void aFingerprintThatDoesNotMatchFailsTheCall() throws Exception {
        Side a = new Side();
        Side b = new Side();
        String impostor = DtlsCertificate.generate().fingerprint().toSdpValue();
        negotiate(a, b, sdp -> sdp.replaceAll("a=fingerprint:[^\\r\\n]+", "a=fingerprint:" + impostor));
        a.await(PeerConnectionState.FAILED);
        b.await(PeerConnectionState.FAILED);
        byte[] packet = rtpPacket(a.audio, 1, "x");
        assertThat(a.pc.sendRtp(packet, 0, packet.length)).isFalse();
    }

    @Test
    void hostileDatagramsNeverBreakAnEstablishedCall() throws Exception {
        Side a = new Side();
        Side b = new Side();
        negotiate(a, b, sdp -> sdp);
        a.await(PeerConnectionState.CONNECTED);
        b.await(PeerConnectionState.CONNECTED);
        Random random = new Random(5);
        int[] firstBytes = {0, 1, 20, 22, 23, 63, 0x80, 0x90, 0xBF};
        for (int i = 0; i < 3_000; i++) {
            byte[] junk = new byte[1 + random.nextInt(1_300)];
            random.nextBytes(junk);
            junk[0] = (byte) firstBytes[i % firstBytes.length];
            if (junk.length > 1 && i % 2 == 0) {
                junk[1] = (byte) (random.nextBoolean() ? 111 : 200);
            }
            a.pc.sendRaw(junk);
        }
        byte[] packet = rtpPacket(a.audio, 5, "still here");
        Thread.sleep(200);
        assertThat(a.pc.sendRtp(packet, 0, packet.length)).isTrue();
        byte[] got;
        do {
            got = b.rtp.poll(5, TimeUnit.SECONDS);
        } while (got != null && !payloadOf(got).equals("still here"));
        assertThat(got).isNotNull();
        assertThat(b.pc.networkFailures()).isZero();
        assertThat(b.pc.connectionState()).isEqualTo(PeerConnectionState.CONNECTED);
        assertThat(b.pc.rejectedPackets(SrtpError.AUTH_FAILED) + b.pc.rejectedPackets(SrtpError.TOO_SHORT)
                + b.pc.rejectedPackets(SrtpError.MALFORMED) + b.pc.rejectedPackets(SrtpError.UNKNOWN_SSRC_LIMIT))
                .isPositive();
    }

    @Test
    void aConnectedCallUsesASmallConstantNumberOfThreads() throws Exception {
        Side a = new Side();
        Side b = new Side();
        negotiate(a, b, sdp -> sdp);
        a.await(PeerConnectionState.CONNECTED);
        b.await(PeerConnectionState.CONNECTED);
        long connected = parleyThreads();
        assertThat(connected).as("per connection: its network thread and its DTLS thread").isEqualTo(4);
        for (int i = 0; i < 500; i++) {
            byte[] p = rtpPacket(a.audio, 200 + i, "n" + i);
            a.pc.sendRtp(p, 0, p.length);
        }
        for (int i = 0; i < 500; i++) {
            assertThat(b.rtp.poll(5, TimeUnit.SECONDS)).isNotNull();
        }
        assertThat(parleyThreads()).isEqualTo(connected);
        a.pc.close();
        b.pc.close();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (parleyThreads() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(parleyThreads()).as("closing ends every thread").isZero();
    }

    @Test
    void anIceRestartRenegotiatesNewCredentialsAndTheCallCarriesOn() throws Exception {
        Side a = new Side();
        Side b = new Side();
        negotiate(a, b, sdp -> sdp);
        a.await(PeerConnectionState.CONNECTED);
        b.await(PeerConnectionState.CONNECTED);
        String firstUfrag = ufragOf(a.pc.createOffer().get(5, TimeUnit.SECONDS).sdp());

        a.pc.restartIce().get(5, TimeUnit.SECONDS);
        SessionDescription offer = a.pc.createOffer().get(5, TimeUnit.SECONDS);
        assertThat(ufragOf(offer.sdp())).isNotEqualTo(firstUfrag);
        a.pc.setLocalDescription(offer).get(5, TimeUnit.SECONDS);
        b.pc.setRemoteDescription(offer).get(5, TimeUnit.SECONDS);
        SessionDescription answer = b.pc.createAnswer().get(5, TimeUnit.SECONDS);
        b.pc.setLocalDescription(answer).get(5, TimeUnit.SECONDS);
        a.pc.setRemoteDescription(answer).get(5, TimeUnit.SECONDS);

        Thread.sleep(500);
        byte[] packet = rtpPacket(a.audio, 900, "after restart");
        assertThat(a.pc.sendRtp(packet, 0, packet.length)).isTrue();
        byte[] got;
        do {
            got = b.rtp.poll(5, TimeUnit.SECONDS);
        } while (got != null && !payloadOf(got).equals("after restart"));
        assertThat(got).isNotNull();
        assertThat(a.pc.connectionState()).isEqualTo(PeerConnectionState.CONNECTED);
        assertThat(a.pc.iceConnectionState()).isEqualTo(dev.parley.rtc.ice.IceConnectionState.CONNECTED);
    }

    private static String ufragOf(String sdp) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("a=ice-ufrag:(\\S+)").matcher(sdp);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void stunServersFromTheConfigurationYieldServerReflexiveCandidates() throws Exception {
        try (dev.parley.rtc.ice.FakeStunServer stun =
                     new dev.parley.rtc.ice.FakeStunServer(new java.net.InetSocketAddress("203.0.113.9", 41_000))) {
            PeerConnection pc = new PeerConnection(RtcConfiguration.loopback().withIceServers(List.of(
                    IceServer.stun("stun:127.0.0.1:" + stun.address().getPort()),
                    IceServer.stun("stun:unresolvable.invalid"))));
            open.add(pc);
            BlockingQueue<IceCandidate> candidates = new LinkedBlockingQueue<>();
            pc.addListener(new PeerConnectionListener() {
                @Override
                public void onIceCandidate(IceCandidate candidate) {
                    candidates.add(candidate);
                }
            });
            pc.setLocalDescription(pc.createOffer().get(5, TimeUnit.SECONDS)).get(5, TimeUnit.SECONDS);
            List<String> lines = new ArrayList<>();
            IceCandidate c;
            while ((c = candidates.poll(5, TimeUnit.SECONDS)) != null && !c.isEndOfCandidates()) {
                lines.add(c.candidate());
            }
            assertThat(c).as("gathering ends with end-of-candidates").isNotNull();
            assertThat(lines).anyMatch(l -> l.contains(" 203.0.113.9 41000 typ srflx raddr "));
            assertThat(lines).anyMatch(l -> l.contains(" typ host"));
        }
    }

    @Test
    void relayOnlyPolicySignalsNoAddressOfThisMachine() throws Exception {
        PeerConnection pc = new PeerConnection(RtcConfiguration.loopback()
                .withIceTransportPolicy(IceTransportPolicy.RELAY));
        open.add(pc);
        BlockingQueue<IceCandidate> candidates = new LinkedBlockingQueue<>();
        pc.addListener(new PeerConnectionListener() {
            @Override
            public void onIceCandidate(IceCandidate candidate) {
                candidates.add(candidate);
            }
        });
        SessionDescription offer = pc.createOffer().get(5, TimeUnit.SECONDS);
        pc.setLocalDescription(offer).get(5, TimeUnit.SECONDS);
        IceCandidate first = candidates.poll(5, TimeUnit.SECONDS);
        assertThat(first).isNotNull();
        assertThat(first.isEndOfCandidates()).as("no host or server-reflexive candidate").isTrue();
        // (The o= line's 127.0.0.1 is JSEP's fixed placeholder, RFC 8829 section 5.2.1, not an address of ours.)
        assertThat(offer.sdp()).doesNotContain("a=candidate").doesNotContain("typ host");
    }

    @Test
    void aListenerMayCloseTheConnectionFromItsOwnCallback() throws Exception {
        Side a = new Side();
        Side b = new Side();
        java.util.concurrent.CompletableFuture<Void> closedFromCallback = new java.util.concurrent.CompletableFuture<>();
        b.pc.addListener(new PeerConnectionListener() {
            @Override
            public void onRtp(byte[] buffer, int offset, int length) {
                long t0 = System.nanoTime();
                b.pc.close();
                // Closing must not wait on the very thread it runs on (that would hang until a timeout).
                assertThat(System.nanoTime() - t0).isLessThan(TimeUnit.MILLISECONDS.toNanos(500));
                closedFromCallback.complete(null);
            }
        });
        negotiate(a, b, sdp -> sdp);
        a.await(PeerConnectionState.CONNECTED);
        b.await(PeerConnectionState.CONNECTED);
        byte[] p = rtpPacket(a.audio, 1, "hang up");
        a.pc.sendRtp(p, 0, p.length);
        closedFromCallback.get(2, TimeUnit.SECONDS);
        assertThat(b.pc.connectionState()).isEqualTo(PeerConnectionState.CLOSED);
    }

    private static long parleyThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith("parley-pc-") || t.getName().startsWith("parley-dtls")).count();
    }
}
