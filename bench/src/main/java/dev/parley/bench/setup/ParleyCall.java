package dev.parley.bench.setup;

import dev.parley.rtc.ice.IceConnectionState;
import dev.parley.rtc.peer.IceCandidate;
import dev.parley.rtc.peer.PeerConnection;
import dev.parley.rtc.peer.PeerConnectionListener;
import dev.parley.rtc.peer.PeerConnectionState;
import dev.parley.rtc.peer.RtcConfiguration;
import dev.parley.rtc.peer.SessionDescription;
import dev.parley.rtc.sdp.LocalTrack;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One Parley &lt;-&gt; Parley call on loopback, as the engine's own PeerConnectionTest sets one up: both connections
 * are created (certificates generated) before the clock starts; the clock starts when {@code createOffer} is called;
 * offer and answer are passed directly and candidates are trickled directly, listener to addIceCandidate.
 *
 * <p>First packet: the offerer sends an audio RTP packet (PT 111, its track's SSRC) from inside its own
 * "connected" event, then one every millisecond from the measuring thread until the answerer's {@code onRtp} fires.
 * The answerer may finish DTLS a little later than the offerer; packets that arrive before its SRTP keys are
 * dropped by the engine, which is why the sender keeps sending. The milestone is the {@code onRtp} call itself, on
 * the answerer's network thread, so it is the moment the decrypted packet is handed to the application.
 */
final class ParleyCall {

    private ParleyCall() {
    }

    /**
     * A measured call, with the RTP packets the offerer sent until the answerer had one, and the SRTP packets the
     * answerer received before it had keys (dropped as undecryptable).
     */
    record Result(SetupSample sample, int packetsSent, long undecryptable) {
    }

    static Result measure(RtcConfiguration config, int timeoutSeconds) throws InterruptedException {
        Side offerer = new Side(config, true);
        Side answerer = new Side(config, false);
        offerer.peer = answerer;
        answerer.peer = offerer;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            long start = System.nanoTime();
            long signaled;
            try {
                SessionDescription offer = get(offerer.pc.createOffer(), deadline);
                get(offerer.pc.setLocalDescription(offer), deadline);
                get(answerer.pc.setRemoteDescription(offer), deadline);
                SessionDescription answer = get(answerer.pc.createAnswer(), deadline);
                get(answerer.pc.setLocalDescription(answer), deadline);
                get(offerer.pc.setRemoteDescription(answer), deadline);
                signaled = System.nanoTime() - start;
            } catch (Exception e) {
                return new Result(SetupSample.failed(-1, -1, -1, "offer/answer failed: " + e), 0, 0);
            }
            // Keep sending until the answerer has one packet; the offerer's first one left from its connected event.
            if (offerer.connected.await(deadline)) {
                while (!answerer.firstRtp.reached() && System.nanoTime() < deadline && !offerer.failed) {
                    offerer.sendOne();
                    answerer.firstRtp.await(Math.min(deadline, System.nanoTime() + 1_000_000));
                }
            }
            answerer.connected.await(deadline);
            long ice = Milestone.bothSince(offerer.iceConnected, answerer.iceConnected, start);
            long connected = Milestone.bothSince(offerer.connected, answerer.connected, start);
            if (Boolean.getBoolean("bench.setup.debug")) {
                System.err.printf("Parley: ice offerer %.1f answerer %.1f, connected offerer %.1f answerer %.1f ms%n",
                        offerer.iceConnected.since(start) / 1e6, answerer.iceConnected.since(start) / 1e6,
                        offerer.connected.since(start) / 1e6, answerer.connected.since(start) / 1e6);
            }
            SetupSample sample;
            if (connected < 0) {
                sample = SetupSample.failed(signaled, ice, -1, "not connected after " + timeoutSeconds + " s: offerer "
                        + offerer.pc.connectionState() + "/ice " + offerer.pc.iceConnectionState() + ", answerer "
                        + answerer.pc.connectionState() + "/ice " + answerer.pc.iceConnectionState());
            } else if (!answerer.firstRtp.reached()) {
                sample = SetupSample.failed(signaled, ice, connected, "connected, but no RTP got through in "
                        + timeoutSeconds + " s (" + offerer.sent + " sent)");
            } else {
                sample = new SetupSample(signaled, ice, connected, answerer.firstRtp.since(start), null);
            }
            return new Result(sample, offerer.sent, answerer.pc.undecryptablePackets());
        } finally {
            offerer.pc.close();
            answerer.pc.close();
        }
    }

    private static <T> T get(CompletableFuture<T> f, long deadline) throws Exception {
        return f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /** One end of the call and its milestones. */
    private static final class Side implements PeerConnectionListener {
        final PeerConnection pc;
        final LocalTrack audio;
        final Milestone iceConnected = new Milestone();
        final Milestone connected = new Milestone();
        final Milestone firstRtp = new Milestone();
        final byte[] packet = new byte[12 + 40];
        final boolean sender;
        volatile Side peer;
        volatile boolean failed;
        int sent;

        Side(RtcConfiguration config, boolean sender) {
            this.sender = sender;
            pc = new PeerConnection(config);
            pc.addListener(this);
            audio = pc.addTrack("audio");
            packet[0] = (byte) 0x80;
            packet[1] = 111;
            long ssrc = audio.ssrc();
            for (int i = 0; i < 4; i++) {
                packet[8 + i] = (byte) (ssrc >> (24 - 8 * i));
            }
        }

        /** Sends the next RTP packet (sequence number and timestamp advance); from the network or measuring thread. */
        synchronized void sendOne() {
            int seq = ++sent;
            packet[2] = (byte) (seq >> 8);
            packet[3] = (byte) seq;
            long ts = seq * 960L;
            for (int i = 0; i < 4; i++) {
                packet[4 + i] = (byte) (ts >> (24 - 8 * i));
            }
            pc.sendRtp(packet, 0, packet.length);
        }

        @Override
        public void onIceCandidate(IceCandidate candidate) {
            peer.pc.addIceCandidate(candidate);
        }

        @Override
        public void onIceConnectionStateChange(IceConnectionState state) {
            if (state == IceConnectionState.CONNECTED) {
                iceConnected.mark();
            }
        }

        @Override
        public void onConnectionStateChange(PeerConnectionState state) {
            if (state == PeerConnectionState.CONNECTED) {
                connected.mark();
                if (sender) {
                    sendOne();
                }
            } else if (state == PeerConnectionState.FAILED) {
                failed = true;
            }
        }

        @Override
        public void onRtp(byte[] buffer, int offset, int length) {
            firstRtp.mark();
        }
    }
}
