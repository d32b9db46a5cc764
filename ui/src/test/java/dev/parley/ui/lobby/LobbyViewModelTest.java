package dev.parley.ui.lobby;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.ui.call.Notice;
import dev.parley.ui.settings.UserSettings;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The lobby's behaviour without a stage: validation, enabling, remembering, and what reaches the service. */
class LobbyViewModelTest {

    private final FakeRoomService service = new FakeRoomService();
    private final MemorySettingsStore store = new MemorySettingsStore();
    private final FakeDeviceService devices = new FakeDeviceService(false);
    private final LobbyViewModel model = new LobbyViewModel(service, devices, store, Runnable::run, Runnable::run);

    @Test
    void aRefusedJoinAndALostServerAreBannersThatSayWhatToDo() {
        model.nameProperty().set("Ada");
        model.roomCodeInputProperty().set("ABCDE FGHIJ");
        service.nextResult = CompletableFuture.failedFuture(
                new IllegalStateException("This room is full."));
        model.joinRoom();
        assertThat(model.banners().banners()).singleElement().satisfies(b -> {
            assertThat(b.severity()).isEqualTo(Notice.Severity.ERROR);
            assertThat(b.notice().sentence()).isEqualTo("This room is full.");
            assertThat(b.notice().action()).contains("start a new room");
        });
        assertThat(LobbyViewModel.actionFor("Wrong password for this room.")).contains("password");
        assertThat(LobbyViewModel.actionFor("There is no room with that code.")).contains("Check the code");

        model.onConnectionStatus("Lost the connection to the signaling server. Reconnecting…", false);
        assertThat(model.banners().find("server")).isNotNull();
        assertThat(model.banners().find("server").notice().action()).contains("server address");
        model.onConnectionStatus("Connected to the signaling server on this computer.", true);
        assertThat(model.banners().find("server")).as("resolved when it is back").isNull();
    }

    @Test
    void createNeedsANameAndJoinNeedsAValidCodeToo() {
        assertThat(model.canCreateProperty().get()).isFalse();
        assertThat(model.canJoinProperty().get()).isFalse();
        model.nameProperty().set("   ");
        assertThat(model.canCreateProperty().get()).isFalse();
        model.nameProperty().set("Ada");
        assertThat(model.canCreateProperty().get()).isTrue();
        model.roomCodeInputProperty().set("abc");
        assertThat(model.canJoinProperty().get()).isFalse();
        assertThat(model.codeHintProperty().get()).contains("Keep typing");
        model.roomCodeInputProperty().set("abc!");
        assertThat(model.codeHintProperty().get()).contains("not a room code");
        model.roomCodeInputProperty().set("ABCDE FGHIJ");
        assertThat(model.codeHintProperty().get()).isEmpty();
        assertThat(model.canJoinProperty().get()).isTrue();
        model.nameProperty().set("x".repeat(65));
        assertThat(model.canJoinProperty().get()).isFalse();
        assertThat(model.nameHintProperty().get()).contains("too long");
    }

    @Test
    void theCodeIsNormalisedAsSoonAsItIsCompleteAndTypingIsNeverFought() {
        assertThat(model.normalizeTyping("ab")).isEqualTo("ab");
        assertThat(model.normalizeTyping("ABCDE")).as("incomplete: left as typed").isEqualTo("ABCDE");
        assertThat(model.normalizeTyping("ABCDEFGHIJ")).isEqualTo("abcde-fghij");
        assertThat(model.normalizeTyping("  abcde fghij ")).isEqualTo("abcde-fghij");
        assertThat(model.normalizeTyping("abc!")).isEqualTo("abc!");
        model.roomCodeInputProperty().set("ABCDEFGHIJ");
        assertThat(model.normalizedCodeProperty().get()).isEqualTo("abcde-fghij");
        model.roomCodeInputProperty().set("ABCDEFGHI");
        assertThat(model.normalizedCodeProperty().get()).isEmpty();
    }

    @Test
    void aPastedLinkCountsAsItsCode() {
        model.nameProperty().set("Ada");
        assertThat(model.normalizeTyping("parley://join/ABCDE-FGHIJ")).isEqualTo("abcde-fghij");
        assertThat(model.normalizeTyping("PARLEY://join/abcdefghij/")).isEqualTo("abcde-fghij");
        assertThat(model.normalizeTyping(" parley://join/abcde-fghij?from=mail ")).isEqualTo("abcde-fghij");
        assertThat(model.normalizeTyping("parley://join/abc!")).as("a link to a bad code shows that code")
                .isEqualTo("abc!");
        assertThat(model.normalizeTyping("parley://join/")).as("the bare prefix is kept while typing")
                .isEqualTo("parley://join/");

        model.roomCodeInputProperty().set("parley://join/abcdefghij");
        assertThat(model.canJoinProperty().get()).isTrue();
        model.joinRoom();
        assertThat(service.calls).containsExactly("join abcde-fghij Ada null");
        assertThat(model.roomCodeInputProperty().get()).isEqualTo("abcde-fghij");
    }

    @Test
    void typingTheLinkByHandIsNotCalledWrongHalfway() {
        for (String prefix : List.of("parley:", "parley://", "parley://jo", "parley://join/")) {
            model.roomCodeInputProperty().set(prefix);
            assertThat(model.codeHintProperty().get()).as(prefix).doesNotContain("not a room code");
        }
        model.roomCodeInputProperty().set("parley://join/abc");
        assertThat(model.codeHintProperty().get()).contains("Keep typing");
        model.roomCodeInputProperty().set("parley://join/abc!");
        assertThat(model.codeHintProperty().get()).contains("not a room code");
        model.roomCodeInputProperty().set("parley:/x");
        assertThat(model.codeHintProperty().get()).contains("not a room code");
    }

    @Test
    void theNameIsRememberedBetweenRuns() {
        MemorySettingsStore saved = new MemorySettingsStore(UserSettings.DEFAULTS.withDisplayName("Grace"));
        LobbyViewModel again = new LobbyViewModel(service, devices, saved, Runnable::run, Runnable::run);
        assertThat(again.nameProperty().get()).isEqualTo("Grace");
        assertThat(again.canCreateProperty().get()).as("a remembered name is enough to start").isTrue();
        assertThat(saved.saves).as("loading writes nothing").isEmpty();

        again.nameProperty().set(" Grace H ");
        assertThat(saved.stored().displayName()).isEqualTo("Grace H");
        again.nameProperty().set("x".repeat(65));
        assertThat(saved.stored().displayName()).as("an unusable name is not remembered").isEqualTo("Grace H");
        again.nameProperty().set("Grace");
        int before = saved.saves.size();
        again.roomCodeInputProperty().set("abcdefghij");
        again.joinRoom();
        assertThat(saved.stored().displayName()).isEqualTo("Grace");
        assertThat(saved.saves).as("nothing new to write on join").hasSize(before);
    }

    @Test
    void joinSendsTheNormalisedCodeAndShowsWhoIsThere() {
        model.nameProperty().set(" Ada ");
        model.roomCodeInputProperty().set("ABCDE FGHIJ");
        model.passwordProperty().set("");
        model.joinRoom();
        assertThat(service.calls).containsExactly("join abcde-fghij Ada null");
        assertThat(model.roomCodeInputProperty().get()).isEqualTo("abcde-fghij");

        service.events.onEntered("abcde-fghij", List.of(new RoomEvents.Participant("p1", "Grace")));
        assertThat(model.inRoomProperty().get()).isTrue();
        assertThat(model.currentRoomProperty().get()).isEqualTo("abcde-fghij");
        assertThat(model.shareLinkProperty().get()).isEqualTo("parley://join/abcde-fghij");
        assertThat(model.statusProperty().get()).contains("Grace");
        assertThat(model.canCreateProperty().get()).as("no second room while in one").isFalse();

        service.events.onParticipantJoined(new RoomEvents.Participant("p2", "Linus"));
        assertThat(model.participants()).extracting(RoomEvents.Participant::name).containsExactly("Grace", "Linus");
        service.events.onParticipantLeft("p1");
        assertThat(model.participants()).extracting(RoomEvents.Participant::name).containsExactly("Linus");
        assertThat(model.statusProperty().get()).isEqualTo("Grace left.");

        model.leaveRoom();
        assertThat(service.calls).endsWith("leave");
        assertThat(model.inRoomProperty().get()).isFalse();
        assertThat(model.shareLinkProperty().get()).isEmpty();
        assertThat(model.participants()).isEmpty();
    }

    @Test
    void aNewRoomGetsACodeAndALinkToShare() {
        model.nameProperty().set("Ada");
        model.passwordProperty().set("secret");
        model.createRoom();
        assertThat(service.calls).containsExactly("create Ada secret");
        service.events.onEntered("7mq2k-xd41r", List.of());
        assertThat(model.currentRoomProperty().get()).isEqualTo("7mq2k-xd41r");
        assertThat(model.shareLinkProperty().get()).isEqualTo("parley://join/7mq2k-xd41r");
        assertThat(model.statusProperty().get()).contains("7mq2k-xd41r").contains("Share the code");
    }

    @Test
    void connectionNewsReachesTheStatusLine() {
        assertThat(model.statusProperty().get()).contains("Connecting to the test server");
        assertThat(model.connectedProperty().get()).isFalse();
        service.events.onConnectionStatus("Connected to the test server.", true);
        assertThat(model.connectedProperty().get()).isTrue();
        assertThat(model.statusProperty().get()).startsWith("Connected").contains("join one with its code");
        service.events.onConnectionStatus("Lost the connection. Reconnecting…", false);
        assertThat(model.connectedProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).isEqualTo("Lost the connection. Reconnecting…");
    }

    @Test
    void aFailureIsShownAsItsSentenceAndTheButtonsComeBack() {
        CompletableFuture<Void> pending = new CompletableFuture<>();
        service.nextResult = pending;
        model.nameProperty().set("Ada");
        model.passwordProperty().set("pw");
        model.createRoom();
        assertThat(service.calls).containsExactly("create Ada pw");
        assertThat(model.canCreateProperty().get()).as("busy while waiting").isFalse();
        assertThat(model.statusProperty().get()).contains("Creating");
        pending.completeExceptionally(new IllegalStateException("The server is full right now."));
        assertThat(model.canCreateProperty().get()).isTrue();
        assertThat(model.statusProperty().get()).isEqualTo("The server is full right now.");
    }

    @Test
    void closingSavesTheServerAddressTypedButNotCommitted() {
        model.settings().serverUrlProperty().set("wss://parley.example.org/ws");
        assertThat(store.stored().serverUrl()).as("not saved letter by letter").isEmpty();
        model.close();
        assertThat(store.stored().serverUrl()).isEqualTo("wss://parley.example.org/ws");
        assertThat(model.settingsProperty().get().serverUrl()).isEqualTo("wss://parley.example.org/ws");
    }

    @Test
    void theRoomsOnlyConstructorStillMakesAWorkingLobby() {
        @SuppressWarnings("deprecation")
        LobbyViewModel bare = new LobbyViewModel(service, Runnable::run);
        bare.nameProperty().set("Ada");
        assertThat(bare.canCreateProperty().get()).isTrue();
        assertThat(bare.devices().options(dev.parley.ui.devices.DeviceOption.Kind.CAMERA)).isEmpty();
        assertThat(bare.devices().previewProperty().get()).isNull();
    }
}
