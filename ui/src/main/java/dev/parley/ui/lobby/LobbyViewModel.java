package dev.parley.ui.lobby;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The lobby's state as JavaFX properties: what is typed, whether Create and Join may be pressed, the room
 * you are in, who else is there, and a status line. Testable without a stage: events from the service
 * are applied through {@code uiThread} (Platform::runLater in the app, a direct executor in tests).
 */
public final class LobbyViewModel implements RoomEvents {

    static final int MAX_NAME_LENGTH = 64;

    private final RoomService service;
    private final Executor uiThread;

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty roomCodeInput = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper codeHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper currentRoom = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper inRoom = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ObservableList<Participant> participants = FXCollections.observableArrayList();

    private final BooleanBinding nameValid;
    private final BooleanBinding codeValid;
    private final BooleanBinding canCreate;
    private final BooleanBinding canJoin;

    public LobbyViewModel(RoomService service, Executor uiThread) {
        this.service = service;
        this.uiThread = uiThread;
        nameValid = Bindings.createBooleanBinding(() -> {
            String n = name.get().strip();
            return !n.isEmpty() && n.codePointCount(0, n.length()) <= MAX_NAME_LENGTH;
        }, name);
        codeValid = Bindings.createBooleanBinding(() -> service.normalizeRoomCode(roomCodeInput.get()).isPresent(),
                roomCodeInput);
        canCreate = nameValid.and(busy.not()).and(inRoom.not());
        canJoin = canCreate.and(codeValid);
        roomCodeInput.addListener((obs, old, typed) -> codeHint.set(hintFor(typed)));
        status.set("Connecting to " + service.serverDescription() + "…");
        service.setEvents(this);
    }

    private String hintFor(String typed) {
        if (typed == null || typed.isBlank()) {
            return "";
        }
        if (service.normalizeRoomCode(typed).isPresent()) {
            return "";
        }
        return service.couldBecomeRoomCode(typed) ? "Keep typing: a code has ten letters and digits."
                : "That is not a room code. Codes look like 7mq2k-xd41r.";
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty roomCodeInputProperty() {
        return roomCodeInput;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty codeHintProperty() {
        return codeHint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty currentRoomProperty() {
        return currentRoom.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty inRoomProperty() {
        return inRoom.getReadOnlyProperty();
    }

    public BooleanBinding canCreateProperty() {
        return canCreate;
    }

    public BooleanBinding canJoinProperty() {
        return canJoin;
    }

    public ObservableList<Participant> participants() {
        return participants;
    }

    /** Makes a new room (Create button). */
    public void createRoom() {
        if (!canCreate.get()) {
            return;
        }
        busy.set(true);
        status.set("Creating a room…");
        track(service.createRoom(name.get().strip(), emptyToNull(password.get())));
    }

    /** Enters the room whose code was typed (Join button). */
    public void joinRoom() {
        if (!canJoin.get()) {
            return;
        }
        String code = service.normalizeRoomCode(roomCodeInput.get()).orElseThrow();
        roomCodeInput.set(code);
        busy.set(true);
        status.set("Joining " + code + "…");
        track(service.joinRoom(code, name.get().strip(), emptyToNull(password.get())));
    }

    /** Leaves the room (Leave button). */
    public void leaveRoom() {
        service.leaveRoom();
        inRoom.set(false);
        currentRoom.set("");
        participants.clear();
        status.set("You left the room.");
    }

    private void track(CompletionStage<Void> attempt) {
        attempt.whenComplete((ok, failure) -> uiThread.execute(() -> {
            busy.set(false);
            if (failure != null) {
                status.set(sentence(failure));
            }
        }));
    }

    @Override
    public void onEntered(String roomCode, List<Participant> present) {
        uiThread.execute(() -> {
            inRoom.set(true);
            currentRoom.set(roomCode);
            participants.setAll(present);
            status.set(present.isEmpty()
                    ? "You are in room " + roomCode + ". Share the code; others will appear here."
                    : "You are in room " + roomCode + " with " + names(present) + ".");
        });
    }

    @Override
    public void onParticipantJoined(Participant participant) {
        uiThread.execute(() -> {
            participants.add(participant);
            status.set(participant.name() + " joined.");
        });
    }

    @Override
    public void onParticipantLeft(String participantId) {
        uiThread.execute(() -> participants.stream().filter(p -> p.id().equals(participantId)).findFirst()
                .ifPresent(p -> {
                    participants.remove(p);
                    status.set(p.name() + " left.");
                }));
    }

    @Override
    public void onConnectionStatus(String sentence, boolean healthy) {
        uiThread.execute(() -> status.set(healthy && !inRoom.get() && !busy.get()
                ? sentence + " Create a room, or join one with its code." : sentence));
    }

    @Override
    public void onProblem(String sentence) {
        uiThread.execute(() -> {
            busy.set(false);
            status.set(sentence);
        });
    }

    private static String names(List<Participant> people) {
        return String.join(", ", people.stream().map(Participant::name).toList());
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String sentence(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return message == null || message.isBlank() ? "Something went wrong. Please try again." : message;
    }
}
