package dev.parley.ui.lobby;

import dev.parley.ui.ParleyServices;
import dev.parley.ui.banner.BannerQueue;
import dev.parley.ui.call.Notice;
import dev.parley.ui.devices.DeviceService;
import dev.parley.ui.settings.SettingsStore;
import dev.parley.ui.settings.UserSettings;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The lobby's state as JavaFX properties: the remembered name, the room code being typed (a pasted
 * {@code parley://join/CODE} link counts), whether New room and Join may be pressed, the room you are in with its
 * code and link, who else is there, and a status line; the device pickers, preview and meter in {@link #devices()};
 * server, privacy and theme in {@link #settings()}. Testable without a stage: events from the services are applied
 * through {@code uiThread} (Platform::runLater in the app, a direct executor in tests).
 */
public final class LobbyViewModel implements RoomEvents {

    static final int MAX_NAME_LENGTH = 64;
    /** How a room is shared: this prefix and the code in display form. */
    public static final String LINK_PREFIX = "parley://join/";

    private final RoomService service;
    private final Executor uiThread;
    private final RememberedSettings remembered;
    private final DevicesViewModel devices;
    private final LobbySettingsViewModel settings;

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty roomCodeInput = new SimpleStringProperty(this, "roomCodeInput", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    /** Errors and a lost server as banners at the top (the status line keeps the running commentary). */
    private final BannerQueue banners = new BannerQueue(System::currentTimeMillis);
    private final ReadOnlyStringWrapper currentRoom = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper inRoom = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ObservableList<Participant> participants = FXCollections.observableArrayList();

    private final StringBinding normalizedCode;
    private final StringBinding codeHint;
    private final StringBinding nameHint;
    private final StringBinding shareLink;
    private final BooleanBinding nameValid;
    private final BooleanBinding codeValid;
    private final BooleanBinding canCreate;
    private final BooleanBinding canJoin;

    /** The app's lobby: rooms, devices and settings from {@code services}; settings written on a background thread. */
    public LobbyViewModel(ParleyServices services, Executor uiThread) {
        this(services.rooms(), services.devices(), services.settings(), uiThread, RememberedSettings.defaultWriter());
    }

    /**
     * @param io where settings are written (a background thread in the app, a direct executor in tests)
     */
    public LobbyViewModel(RoomService rooms, DeviceService deviceService, SettingsStore store, Executor uiThread,
                          Executor io) {
        this.service = rooms;
        this.uiThread = uiThread;
        this.remembered = new RememberedSettings(store, io);
        name.set(remembered.get().displayName());
        name.addListener((obs, old, now) -> rememberName());
        nameValid = Bindings.createBooleanBinding(() -> nameProblem(name.get()).isEmpty(), name);
        nameHint = Bindings.createStringBinding(() -> nameProblem(name.get()).orElse(""), name);
        normalizedCode = Bindings.createStringBinding(() -> normalize(roomCodeInput.get()).orElse(""),
                roomCodeInput);
        codeValid = normalizedCode.isNotEmpty();
        codeHint = Bindings.createStringBinding(() -> hintFor(roomCodeInput.get()), roomCodeInput);
        shareLink = Bindings.createStringBinding(() -> currentRoom.get().isEmpty() ? "" : shareLink(currentRoom.get()),
                currentRoom);
        canCreate = nameValid.and(busy.not()).and(inRoom.not());
        canJoin = canCreate.and(codeValid);
        status.set("Connecting to " + rooms.serverDescription() + "…");
        this.devices = new DevicesViewModel(deviceService, remembered, uiThread);
        this.settings = new LobbySettingsViewModel(remembered, rooms.serverDescription());
        rooms.setEvents(this);
    }

    /**
     * A lobby with rooms only: no devices, settings kept in memory for this run.
     *
     * @deprecated for the window shell until it hands over {@link ParleyServices}
     */
    @Deprecated
    public LobbyViewModel(RoomService service, Executor uiThread) {
        this(service, Fallbacks.noDevices(), Fallbacks.inMemory(), uiThread, Runnable::run);
    }

    /** The link that opens Parley in room {@code code}. */
    public static String shareLink(String code) {
        return LINK_PREFIX + code;
    }

    /** The code inside a {@code parley://join/CODE} link (trailing slash, query or fragment ignored), if it is one. */
    static Optional<String> codeInLink(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String t = typed.strip();
        if (!t.toLowerCase(Locale.ROOT).startsWith(LINK_PREFIX)) {
            return Optional.empty();
        }
        String code = t.substring(LINK_PREFIX.length());
        int end = code.length();
        for (char stop : new char[] {'?', '#', '/'}) {
            int i = code.indexOf(stop);
            if (i >= 0) {
                end = Math.min(end, i);
            }
        }
        code = code.substring(0, end).strip();
        return code.isEmpty() ? Optional.empty() : Optional.of(code);
    }

    private Optional<String> normalize(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        return service.normalizeRoomCode(codeInLink(typed).orElse(typed.strip()));
    }

    /**
     * What the code field should show for {@code typed}: a complete code (or a link to one) in display form; a link
     * whose code is not valid as its code part, so the hint can say what is wrong; anything else as it is, so
     * typing is never fought.
     */
    public String normalizeTyping(String typed) {
        if (typed == null) {
            return "";
        }
        Optional<String> code = normalize(typed);
        if (code.isPresent()) {
            return code.get();
        }
        return codeInLink(typed).orElse(typed);
    }

    private String hintFor(String typed) {
        if (typed == null || typed.isBlank() || normalize(typed).isPresent()) {
            return "";
        }
        String t = typed.strip();
        if (LINK_PREFIX.startsWith(t.toLowerCase(Locale.ROOT))) {
            return service.couldBecomeRoomCode(t) ? "Keep typing: a code has ten letters and digits." : "";
        }
        String code = codeInLink(t).orElse(t);
        return service.couldBecomeRoomCode(code) ? "Keep typing: a code has ten letters and digits."
                : "That is not a room code. Codes look like 7mq2k-xd41r; check it, or paste the link you were sent.";
    }

    private static Optional<String> nameProblem(String typed) {
        String n = typed == null ? "" : typed.strip();
        if (n.isEmpty()) {
            return Optional.of("");
        }
        return n.codePointCount(0, n.length()) <= MAX_NAME_LENGTH ? Optional.empty()
                : Optional.of("That name is too long: at most " + MAX_NAME_LENGTH + " characters.");
    }

    /** Remembers the name as typed (stripped) unless it is too long to be used. */
    private void rememberName() {
        String n = name.get() == null ? "" : name.get().strip();
        if (n.codePointCount(0, n.length()) <= MAX_NAME_LENGTH) {
            remembered.update(s -> s.withDisplayName(n));
        }
    }

    /** Device pickers, self-preview and microphone meter. */
    public DevicesViewModel devices() {
        return devices;
    }

    /** Server, privacy and theme. */
    public LobbySettingsViewModel settings() {
        return settings;
    }

    /** The settings as now remembered (the app may follow changes, e.g. privacy for the next call). */
    public ReadOnlyObjectProperty<UserSettings> settingsProperty() {
        return remembered.property();
    }

    /** Commits what is typed but not yet saved (the server address) and writes the settings now; for closing. */
    public void close() {
        settings.commitServerUrl();
        remembered.flush();
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

    /** Under the code field: keep typing, or what is wrong; "" when fine or empty. */
    public StringBinding codeHintProperty() {
        return codeHint;
    }

    /** The typed code (or link) as a code in display form, or "" while it is not a valid code. */
    public StringBinding normalizedCodeProperty() {
        return normalizedCode;
    }

    /** Under the name field: what is wrong with it, or "". */
    public StringBinding nameHintProperty() {
        return nameHint;
    }

    /** The room's {@code parley://join/CODE} link while in a room, else "". */
    public StringBinding shareLinkProperty() {
        return shareLink;
    }

    /** Whether the signaling server connection is healthy, as last reported. */
    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
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
        rememberName();
        busy.set(true);
        status.set("Creating a room…");
        track(service.createRoom(name.get().strip(), emptyToNull(password.get())));
    }

    /** Enters the room whose code was typed (Join button). */
    public void joinRoom() {
        if (!canJoin.get()) {
            return;
        }
        String code = normalizedCode.get();
        roomCodeInput.set(code);
        rememberName();
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
                banners.show(Notice.error(sentence(failure), actionFor(sentence(failure))), "entry");
            }
        }));
    }

    /** What a person can do about a refused create/join, from the server's sentence. */
    static String actionFor(String sentence) {
        String s = sentence.toLowerCase(Locale.ROOT);
        if (s.contains("full")) {
            return "Ask someone to leave, or start a new room.";
        }
        if (s.contains("password")) {
            return "Check the password with the person who made the room.";
        }
        if (s.contains("no room") || s.contains("code")) {
            return "Check the code, or ask for the link.";
        }
        if (s.contains("server") || s.contains("connect")) {
            return "Check your network, or the server address under Settings.";
        }
        return "";
    }

    /** The lobby's banners (entry refused, server unreachable). */
    public BannerQueue banners() {
        return banners;
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
        uiThread.execute(() -> {
            connected.set(healthy);
            status.set(healthy && !inRoom.get() && !busy.get()
                    ? sentence + " Create a room, or join one with its code." : sentence);
            if (healthy) {
                banners.resolve("server");
            } else {
                banners.showUntilResolved(Notice.warning(sentence,
                        "Check your network, or the server address under Settings."), "server");
            }
        });
    }

    @Override
    public void onProblem(String sentence) {
        uiThread.execute(() -> {
            busy.set(false);
            status.set(sentence);
            banners.show(Notice.error(sentence, actionFor(sentence)), "problem");
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
