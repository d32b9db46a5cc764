package dev.parley.signaling.client;

import dev.parley.signaling.protocol.ErrorCode;
import dev.parley.signaling.protocol.IceCandidateInit;
import dev.parley.signaling.protocol.PeerInfo;
import dev.parley.signaling.protocol.ServerMessage;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records every callback as an event, for tests to wait on in order. */
public final class RecordingListener implements SignalingListener {

    /** One callback: its name and its arguments. */
    public record Event(String kind, Object a, Object b) {
    }

    public final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    /** Every event ever recorded, for the message of a failed wait. */
    private final java.util.List<Event> history = new java.util.concurrent.CopyOnWriteArrayList<>();

    private void record(Event e) {
        history.add(e);
        events.add(e);
    }

    @Override
    public void onStateChanged(ConnectionState state) {
        record(new Event("state", state, null));
    }

    @Override
    public void onCreated(String room) {
        record(new Event("created", room, null));
    }

    @Override
    public void onJoined(ServerMessage.Joined joined, boolean rejoined) {
        record(new Event("joined", joined, rejoined));
    }

    @Override
    public void onPeerJoined(PeerInfo peer) {
        record(new Event("peer-joined", peer, null));
    }

    @Override
    public void onPeerLeft(String peerId) {
        record(new Event("peer-left", peerId, null));
    }

    @Override
    public void onOffer(String from, String sdp) {
        record(new Event("offer", from, sdp));
    }

    @Override
    public void onAnswer(String from, String sdp) {
        record(new Event("answer", from, sdp));
    }

    @Override
    public void onCandidate(String from, IceCandidateInit candidate) {
        record(new Event("candidate", from, candidate));
    }

    @Override
    public void onState(String from, boolean muted, boolean cameraOff) {
        record(new Event("media-state", from, "muted=" + muted + " cameraOff=" + cameraOff));
    }

    @Override
    public void onError(ErrorCode code, String message, String ref) {
        record(new Event("error", code, message));
    }

    /** The next event of this kind within the timeout, skipping state changes and other kinds. */
    public Event await(String kind, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event e = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e == null) {
                throw new AssertionError("no '" + kind + "' event within " + timeout + "; all events: " + history);
            }
            if (e.kind().equals(kind)) {
                return e;
            }
        }
    }

    public Event await(String kind) throws InterruptedException {
        return await(kind, Duration.ofSeconds(5));
    }

    /** The next event that is not a state change, whatever it is. */
    public Event next() throws InterruptedException {
        while (true) {
            Event e = events.poll(5, TimeUnit.SECONDS);
            if (e == null) {
                throw new AssertionError("no event within 5 s");
            }
            if (!e.kind().equals("state")) {
                return e;
            }
        }
    }

    /** Waits for the connection to reach a state. */
    public void awaitState(ConnectionState state, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event e = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e == null) {
                throw new AssertionError("state " + state + " not reached within " + timeout);
            }
            if (e.kind().equals("state") && e.a() == state) {
                return;
            }
        }
    }
}
