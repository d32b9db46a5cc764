package dev.parley.app.room;

import dev.parley.app.call.ClientSignaling;
import dev.parley.app.call.MeshSignaling;
import dev.parley.signaling.client.ConnectionState;
import dev.parley.signaling.client.SignalingClient;
import dev.parley.signaling.client.SignalingListener;
import dev.parley.signaling.protocol.ErrorCode;
import dev.parley.signaling.protocol.IceCandidateInit;
import dev.parley.signaling.protocol.PeerInfo;
import dev.parley.signaling.protocol.RoomCode;
import dev.parley.signaling.protocol.ServerMessage;
import dev.parley.ui.lobby.RoomEvents;
import dev.parley.ui.lobby.RoomService;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

/**
 * The lobby's {@link RoomService} on a {@link SignalingClient}: connects on first use, turns protocol
 * events into lobby events and protocol errors into sentences. Calls themselves come in a later issue.
 */
public final class SignalingRoomService implements RoomService, AutoCloseable {

    private final URI server;
    private final SignalingClient client;
    private final Object lock = new Object();
    private volatile RoomEvents events = new RoomEventsAdapter();
    private CompletableFuture<Void> connected;
    private CompletableFuture<Void> entering;
    /** The latest connection news, replayed to a lobby that starts listening after it happened. */
    private volatile Status lastStatus;
    private volatile boolean wasOpen;
    private volatile CallStarter callStarter;
    private volatile BiConsumer<String, Boolean> statusListener = (s, h) -> { };
    /** The call of the room we are in: gets the media half of the signaling events. */
    private volatile SignalingListener call;

    /** Starts the call when a room is entered (the app's; without one, rooms have no media). */
    public interface CallStarter {
        /** A room was entered (or re-entered after a reconnect); returns who gets its media signaling. */
        SignalingListener start(String roomCode, boolean rejoined, SignalingListener previous);
    }

    private record Status(String sentence, boolean healthy) {
    }

    public SignalingRoomService(URI server) {
        this.server = server;
        this.client = new SignalingClient(server, new Listener());
    }

    @Override
    public Optional<String> normalizeRoomCode(String typed) {
        return RoomCode.normalize(typed).map(RoomCode::display);
    }

    @Override
    public boolean couldBecomeRoomCode(String typed) {
        return RoomCode.partial(typed).map(s -> s.length() < RoomCode.LENGTH).orElse(false);
    }

    @Override
    public CompletionStage<Void> createRoom(String name, String password) {
        return enter(() -> client.createRoom(name, password, null));
    }

    @Override
    public CompletionStage<Void> joinRoom(String code, String name, String password) {
        return enter(() -> client.joinRoom(code, name, password));
    }

    private CompletionStage<Void> enter(Runnable request) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        synchronized (lock) {
            if (entering != null && !entering.isDone()) {
                return CompletableFuture.failedFuture(new IllegalStateException("Already entering a room."));
            }
            entering = result;
        }
        ensureConnected().whenComplete((ok, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                try {
                    request.run();
                } catch (IllegalArgumentException e) {
                    result.completeExceptionally(e);
                }
            }
        });
        return result;
    }

    private CompletableFuture<Void> ensureConnected() {
        synchronized (lock) {
            if (connected == null || (connected.isCompletedExceptionally() && client.state() == ConnectionState.CLOSED)) {
                connected = client.state() == ConnectionState.NEW ? client.connect()
                        : CompletableFuture.failedFuture(new IllegalStateException(
                                "The connection to the signaling server is closed. Restart Parley to try again."));
            }
            return connected;
        }
    }

    /** Connects now rather than on first use, so the lobby can say whether the server is there. */
    public CompletableFuture<Void> connectNow() {
        return ensureConnected().whenComplete((ok, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                status(cause.getMessage(), false);
            }
        });
    }

    private void status(String sentence, boolean healthy) {
        lastStatus = new Status(sentence, healthy);
        events.onConnectionStatus(sentence, healthy);
        statusListener.accept(sentence, healthy);
    }

    /** Also told of the server connection's health (the call shows "reconnecting" while media goes on). */
    public void setStatusListener(BiConsumer<String, Boolean> listener) {
        statusListener = listener == null ? (s, h) -> { } : listener;
    }

    public void setCallStarter(CallStarter starter) {
        this.callStarter = starter;
    }

    /** Sends a call's offers, answers and candidates through this service's client. */
    public MeshSignaling meshSignaling() {
        return new ClientSignaling(() -> client);
    }

    @Override
    public void leaveRoom() {
        call = null;
        if (client.state() == ConnectionState.OPEN) {
            client.leaveRoom();
        }
    }

    @Override
    public void setEvents(RoomEvents events) {
        this.events = events;
        Status last = lastStatus;
        if (last != null) {
            events.onConnectionStatus(last.sentence(), last.healthy());
        }
    }

    @Override
    public String serverDescription() {
        return server.getHost() != null && server.getHost().startsWith("127.")
                ? "the signaling server on this computer" : server.getHost();
    }

    @Override
    public void close() {
        client.close();
    }

    private void settle(Throwable failure) {
        CompletableFuture<Void> pending;
        synchronized (lock) {
            pending = entering;
            entering = null;
        }
        if (pending != null) {
            if (failure == null) {
                pending.complete(null);
            } else {
                pending.completeExceptionally(failure);
            }
        }
    }

    private final class Listener implements SignalingListener {
        @Override
        public void onStateChanged(ConnectionState state) {
            switch (state) {
                case RECONNECTING -> status("Lost the connection to the signaling server. Reconnecting…", false);
                case OPEN -> {
                    wasOpen = true;
                    status("Connected to " + serverDescription() + ".", true);
                }
                case CLOSED -> {
                    // A failed first connect reports its own, more useful sentence (connectNow).
                    if (wasOpen) {
                        status("Disconnected from the signaling server.", false);
                    }
                }
                default -> {
                }
            }
        }

        @Override
        public void onJoined(ServerMessage.Joined joined, boolean rejoined) {
            CallStarter starter = callStarter;
            if (starter != null) {
                call = starter.start(joined.room(), rejoined, call);
            }
            SignalingListener media = call;
            if (media != null) {
                media.onJoined(joined, rejoined);
            }
            List<RoomEvents.Participant> present = joined.peers().stream()
                    .map(p -> new RoomEvents.Participant(p.peerId(), p.name())).toList();
            events.onEntered(joined.room(), present);
            settle(null);
        }

        @Override
        public void onPeerJoined(PeerInfo peer) {
            SignalingListener media = call;
            if (media != null) {
                media.onPeerJoined(peer);
            }
            events.onParticipantJoined(new RoomEvents.Participant(peer.peerId(), peer.name()));
        }

        @Override
        public void onPeerLeft(String peerId) {
            SignalingListener media = call;
            if (media != null) {
                media.onPeerLeft(peerId);
            }
            events.onParticipantLeft(peerId);
        }

        @Override
        public void onOffer(String from, String sdp) {
            SignalingListener media = call;
            if (media != null) {
                media.onOffer(from, sdp);
            }
        }

        @Override
        public void onAnswer(String from, String sdp) {
            SignalingListener media = call;
            if (media != null) {
                media.onAnswer(from, sdp);
            }
        }

        @Override
        public void onCandidate(String from, IceCandidateInit candidate) {
            SignalingListener media = call;
            if (media != null) {
                media.onCandidate(from, candidate);
            }
        }

        @Override
        public void onState(String from, boolean muted, boolean cameraOff) {
            SignalingListener media = call;
            if (media != null) {
                media.onState(from, muted, cameraOff);
            }
        }

        @Override
        public void onError(ErrorCode code, String message, String ref) {
            if ("state".equals(ref)) {
                return; // an older server without the extension, or a peer that just left: nothing to tell anyone
            }
            boolean entry = "create".equals(ref) || "join".equals(ref);
            if (entry) {
                settle(new IllegalStateException(message));
            } else {
                events.onProblem(message);
            }
        }
    }

    /** Drops events until the lobby listens. */
    private static final class RoomEventsAdapter implements RoomEvents {
        @Override
        public void onEntered(String roomCode, List<Participant> present) {
        }

        @Override
        public void onParticipantJoined(Participant participant) {
        }

        @Override
        public void onParticipantLeft(String participantId) {
        }

        @Override
        public void onConnectionStatus(String sentence, boolean healthy) {
        }

        @Override
        public void onProblem(String sentence) {
        }
    }
}
