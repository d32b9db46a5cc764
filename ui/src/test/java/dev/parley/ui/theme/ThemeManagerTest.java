package dev.parley.ui.theme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.ui.settings.Theme;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The choice and the desktop's preference decide dark; the desktop is asked off the calling thread. */
class ThemeManagerTest {

    private final AtomicReference<String> colorScheme = new AtomicReference<>("'prefer-light'");
    private final SystemThemeDetector detector = new SystemThemeDetector("Linux", Map.of(),
            (command, timeout) -> command.contains("color-scheme") && command.get(0).equals("gsettings")
                    ? Optional.of(colorScheme.get()) : Optional.empty());
    private final List<Runnable> background = new ArrayList<>();
    private final List<Runnable> ui = new ArrayList<>();

    @Test
    void theChoiceWinsAndSystemFollowsTheDesktop() {
        assertThat(ThemeManager.isDark(Theme.DARK, Theme.LIGHT)).isTrue();
        assertThat(ThemeManager.isDark(Theme.LIGHT, Theme.DARK)).isFalse();
        assertThat(ThemeManager.isDark(Theme.SYSTEM, Theme.DARK)).isTrue();
        assertThat(ThemeManager.isDark(Theme.SYSTEM, Theme.LIGHT)).isFalse();
        assertThat(ThemeManager.isDark(null, Theme.DARK)).isTrue();
    }

    @Test
    void theDesktopIsAskedInTheBackgroundAndAnsweredOnTheUiThread() {
        colorScheme.set("'prefer-dark'");
        ThemeManager themes = new ThemeManager(detector, background::add, ui::add);
        assertThat(themes.darkProperty().get()).as("light until the desktop answers").isFalse();
        assertThat(background).hasSize(1);
        themes.refreshSystemTheme();
        assertThat(background).as("one question at a time").hasSize(1);
        background.remove(0).run();
        assertThat(themes.darkProperty().get()).as("the answer waits for the UI thread").isFalse();
        ui.remove(0).run();
        assertThat(themes.systemThemeProperty().get()).isEqualTo(Theme.DARK);
        assertThat(themes.darkProperty().get()).isTrue();

        themes.themeProperty().set(Theme.LIGHT);
        assertThat(themes.darkProperty().get()).isFalse();
        assertThat(background).as("a fixed choice asks nothing").isEmpty();

        colorScheme.set("'prefer-light'");
        themes.themeProperty().set(Theme.SYSTEM);
        assertThat(background).as("choosing System asks again").hasSize(1);
        background.remove(0).run();
        ui.remove(0).run();
        assertThat(themes.darkProperty().get()).isFalse();
    }
}
