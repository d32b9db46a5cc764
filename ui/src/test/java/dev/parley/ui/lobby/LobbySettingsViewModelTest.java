package dev.parley.ui.lobby;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.ui.settings.PrivacyMode;
import dev.parley.ui.settings.Theme;
import dev.parley.ui.settings.UserSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Server address, privacy and theme: validated, saved, and said when they take effect. */
class LobbySettingsViewModelTest {

    private final MemorySettingsStore store = new MemorySettingsStore(
            new UserSettings("Ada", "", PrivacyMode.DEFAULT, Theme.SYSTEM, "", "", ""));
    private final LobbyViewModel lobby = new LobbyViewModel(new FakeRoomService(), new FakeDeviceService(false),
            store, Runnable::run, Runnable::run);
    private final LobbySettingsViewModel model = lobby.settings();

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "ws://localhost:8080", "wss://parley.example.org/ws", "WSS://Example.org",
        "ws://192.168.1.20:7000/signal", "ws://[::1]:9000/", " wss://parley.example.org "})
    void acceptsTheBuiltInServerAndWebSocketAddresses(String url) {
        assertThat(LobbySettingsViewModel.serverUrlProblem(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"parley.example.org", "https://parley.example.org", "http://x", "ftp://x.org",
        "ws://", "wss:///path", "ws://exa mple.org", "ws://user:pw@host.org", "ws://host:0", "ws://host:70000",
        "ws://host.org/#frag"})
    void rejectsAnythingElseWithASentence(String url) {
        assertThat(LobbySettingsViewModel.serverUrlProblem(url)).hasValueSatisfying(s -> assertThat(s).endsWith("."));
    }

    @Test
    void theServerIsSavedWhenCommittedAndValidAndTakesEffectOnTheNextStart() {
        assertThat(model.serverUrlProperty().get()).isEmpty();
        assertThat(model.serverHintProperty().get()).contains("built-in server").contains("next start")
                .contains("the test server");

        model.serverUrlProperty().set("https://parley.example.org");
        assertThat(model.serverUrlValidProperty().get()).isFalse();
        assertThat(model.serverHintProperty().get()).contains("ws://");
        model.commitServerUrl();
        assertThat(store.saves).as("an invalid address is never saved").isEmpty();

        model.serverUrlProperty().set(" wss://parley.example.org/ws ");
        assertThat(model.serverUrlValidProperty().get()).isTrue();
        assertThat(model.serverHintProperty().get()).contains("Press Enter");
        model.commitServerUrl();
        assertThat(store.stored().serverUrl()).isEqualTo("wss://parley.example.org/ws");
        assertThat(model.serverHintProperty().get()).startsWith("Saved").contains("next time it starts");

        model.useBuiltInServer();
        assertThat(model.serverUrlProperty().get()).isEmpty();
        assertThat(store.stored().serverUrl()).isEmpty();
        assertThat(model.serverHintProperty().get()).doesNotStartWith("Saved");
    }

    @Test
    void privacyAndThemeAreLoadedAndSavedOnChange() {
        MemorySettingsStore saved = new MemorySettingsStore(
                new UserSettings("", "", PrivacyMode.RELAY_ONLY, Theme.DARK, "", "", ""));
        LobbySettingsViewModel again = new LobbyViewModel(new FakeRoomService(), new FakeDeviceService(false),
                saved, Runnable::run, Runnable::run).settings();
        assertThat(again.privacyProperty().get()).isEqualTo(PrivacyMode.RELAY_ONLY);
        assertThat(again.themeProperty().get()).isEqualTo(Theme.DARK);

        model.privacyProperty().set(PrivacyMode.RELAY_ONLY);
        assertThat(store.stored().privacy()).isEqualTo(PrivacyMode.RELAY_ONLY);
        model.themeProperty().set(Theme.LIGHT);
        assertThat(store.stored().theme()).isEqualTo(Theme.LIGHT);
        assertThat(store.stored().displayName()).as("the rest untouched").isEqualTo("Ada");
        assertThat(lobby.settingsProperty().get().privacy()).isEqualTo(PrivacyMode.RELAY_ONLY);

        model.themeProperty().set(null);
        assertThat(model.themeProperty().get()).as("there is always a theme").isEqualTo(Theme.LIGHT);
        model.privacyProperty().set(null);
        assertThat(model.privacyProperty().get()).isEqualTo(PrivacyMode.RELAY_ONLY);
    }

    @Test
    void everyPrivacyChoiceIsExplainedInOneLine() {
        for (PrivacyMode mode : PrivacyMode.values()) {
            assertThat(LobbySettingsViewModel.explanation(mode)).isNotBlank().doesNotContain("\n");
        }
        assertThat(PrivacyMode.RELAY_ONLY.label()).isEqualTo("Hide my IP address (relay only)");
        assertThat(LobbySettingsViewModel.explanation(PrivacyMode.RELAY_ONLY)).contains("relay")
                .contains("IP address");
    }
}
