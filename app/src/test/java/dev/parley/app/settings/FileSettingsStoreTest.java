package dev.parley.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.ui.settings.PrivacyMode;
import dev.parley.ui.settings.Theme;
import dev.parley.ui.settings.UserSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSettingsStoreTest {

    @TempDir
    Path dir;

    @Test
    void savedSettingsComeBackInANewStore() {
        UserSettings s = UserSettings.DEFAULTS.withDisplayName("Zoë = \"ok\"").withServerUrl("wss://talk.example:8443/ws")
                .withPrivacy(PrivacyMode.RELAY_ONLY).withTheme(Theme.DARK).withDevices("cam-1", "mic:2", "");
        new FileSettingsStore(dir.resolve("nested")).save(s);
        assertThat(new FileSettingsStore(dir.resolve("nested")).load()).isEqualTo(s);
    }

    @Test
    void missingOrBrokenFilesGiveTheDefaults() throws Exception {
        FileSettingsStore store = new FileSettingsStore(dir);
        assertThat(store.load()).isEqualTo(UserSettings.DEFAULTS);

        Files.writeString(store.file(), "displayName=Ana\nprivacy=NOT_A_MODE\ntheme=\n");
        UserSettings partial = store.load();
        assertThat(partial.displayName()).isEqualTo("Ana");
        assertThat(partial.privacy()).isEqualTo(PrivacyMode.DEFAULT);
        assertThat(partial.theme()).isEqualTo(Theme.SYSTEM);

        Files.write(store.file(), new byte[] {'a', '=', '\\', 'u', '1'}); // a malformed \\u escape
        assertThat(store.load()).isEqualTo(UserSettings.DEFAULTS);
    }

    @Test
    void aFolderThatCannotBeWrittenLosesOnlyTheMemory() throws Exception {
        Path blocker = Files.writeString(dir.resolve("file-not-folder"), "x");
        FileSettingsStore store = new FileSettingsStore(blocker);
        store.save(UserSettings.DEFAULTS.withDisplayName("Ana")); // no exception
        assertThat(store.load()).isEqualTo(UserSettings.DEFAULTS);
    }

    @Test
    void platformFoldersFollowEachPlatformsConventions() {
        Path home = Path.of("/home/ana");
        assertThat(new PlatformFolders("Linux", Map.of(), home).config()).isEqualTo(Path.of("/home/ana/.config/parley"));
        assertThat(new PlatformFolders("Linux", Map.of("XDG_CONFIG_HOME", "/cfg"), home).config())
                .isEqualTo(Path.of("/cfg/parley"));
        assertThat(new PlatformFolders("Linux", Map.of("XDG_CONFIG_HOME", "relative"), home).config())
                .as("XDG: relative paths are ignored").isEqualTo(Path.of("/home/ana/.config/parley"));
        assertThat(new PlatformFolders("Linux", Map.of(), home).logs())
                .isEqualTo(Path.of("/home/ana/.local/state/parley/logs"));
        assertThat(new PlatformFolders("Mac OS X", Map.of(), home).config())
                .isEqualTo(Path.of("/home/ana/Library/Application Support/Parley"));
        assertThat(new PlatformFolders("Mac OS X", Map.of(), home).logs()).isEqualTo(Path.of("/home/ana/Library/Logs/Parley"));
        assertThat(new PlatformFolders("Windows 11", Map.of("APPDATA", "/users/ana/roaming"), home).config())
                .isEqualTo(Path.of("/users/ana/roaming/Parley"));
        assertThat(new PlatformFolders("Windows 11", Map.of("LOCALAPPDATA", "/users/ana/local"), home).logs())
                .isEqualTo(Path.of("/users/ana/local/Parley/Logs"));
    }
}
