package dev.parley.ui.lobby;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A room service with a made-up code rule (ten letters or digits), recording what the lobby asked. */
final class FakeRoomService implements RoomService {

    final List<String> calls = new ArrayList<>();
    RoomEvents events;
    CompletableFuture<Void> nextResult = CompletableFuture.completedFuture(null);

    @Override
    public Optional<String> normalizeRoomCode(String typed) {
        String s = typed == null ? "" : typed.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        return s.matches("[0-9a-z]{10}") ? Optional.of(s.substring(0, 5) + "-" + s.substring(5)) : Optional.empty();
    }

    @Override
    public boolean couldBecomeRoomCode(String typed) {
        return typed.replaceAll("[\\s-]", "").matches("[0-9a-zA-Z]{0,9}");
    }

    @Override
    public CompletionStage<Void> createRoom(String name, String password) {
        calls.add("create " + name + " " + password);
        return nextResult;
    }

    @Override
    public CompletionStage<Void> joinRoom(String code, String name, String password) {
        calls.add("join " + code + " " + name + " " + password);
        return nextResult;
    }

    @Override
    public void leaveRoom() {
        calls.add("leave");
    }

    @Override
    public void setEvents(RoomEvents events) {
        this.events = events;
    }

    @Override
    public String serverDescription() {
        return "the test server";
    }
}
