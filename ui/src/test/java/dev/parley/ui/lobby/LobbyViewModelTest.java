package dev.parley.ui.lobby;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The lobby's behaviour without a stage: validation, enabling, and what reaches the service. */
class LobbyViewModelTest {

    private final FakeRoomService service = new FakeRoomService();
    private final LobbyViewModel model = new LobbyViewModel(service, Runnable::run);

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
        assertThat(model.participants()).isEmpty();
    }

    @Test
    void connectionNewsReachesTheStatusLine() {
        assertThat(model.statusProperty().get()).contains("Connecting to the test server");
        service.events.onConnectionStatus("Connected to the test server.", true);
        assertThat(model.statusProperty().get()).startsWith("Connected").contains("join one with its code");
        service.events.onConnectionStatus("Lost the connection. Reconnecting…", false);
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
}
