package dev.parley.ui.theme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.ui.settings.Theme;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What each desktop's answers mean, read through a scripted command runner. */
class SystemThemeDetectorTest {

    private final Map<String, String> answers = new HashMap<>();
    private final List<String> asked = new ArrayList<>();
    private final CommandRunner runner = (command, timeout) -> {
        asked.add(command.get(0) + " " + command.get(command.size() - 1));
        assertThat(timeout).isLessThanOrEqualTo(Duration.ofSeconds(2));
        return Optional.ofNullable(answers.get(command.get(0) + " " + command.get(command.size() - 1)));
    };

    private Theme linux(Map<String, String> env) {
        return new SystemThemeDetector("Linux", env, runner).detect();
    }

    @Test
    void linuxFollowsGtkThemeFirst() {
        answers.put("dbus-send string:color-scheme", "variant       uint32 2");
        assertThat(linux(Map.of("GTK_THEME", "Adwaita:dark"))).isEqualTo(Theme.DARK);
        assertThat(linux(Map.of("GTK_THEME", "Yaru-dark"))).isEqualTo(Theme.DARK);
        assertThat(linux(Map.of("GTK_THEME", "Adwaita"))).isEqualTo(Theme.LIGHT);
        assertThat(asked).as("an explicit GTK_THEME needs no questions").isEmpty();
    }

    @Test
    void linuxAsksThePortalThenGnome() {
        answers.put("dbus-send string:color-scheme", "   variant       uint32 1\n");
        assertThat(linux(Map.of())).isEqualTo(Theme.DARK);
        answers.put("dbus-send string:color-scheme", "   variant       uint32 2\n");
        assertThat(linux(Map.of())).isEqualTo(Theme.LIGHT);

        answers.put("dbus-send string:color-scheme", "   variant       uint32 0\n");
        answers.put("gsettings color-scheme", "'prefer-dark'\n");
        assertThat(linux(Map.of())).as("no portal preference: GNOME's setting").isEqualTo(Theme.DARK);

        answers.remove("dbus-send string:color-scheme");
        answers.put("gsettings color-scheme", "'default'\n");
        answers.put("gsettings gtk-theme", "'Adwaita-dark'\n");
        assertThat(linux(Map.of())).as("an older GNOME: the theme's name").isEqualTo(Theme.DARK);
        answers.put("gsettings gtk-theme", "'Adwaita'\n");
        assertThat(linux(Map.of())).isEqualTo(Theme.LIGHT);
    }

    @Test
    void nothingToAskMeansLight() {
        assertThat(linux(Map.of())).isEqualTo(Theme.LIGHT);
        assertThat(new SystemThemeDetector("FreeBSD", Map.of(), runner).detect()).isEqualTo(Theme.LIGHT);
        CommandRunner exploding = (command, timeout) -> {
            throw new IllegalStateException("boom");
        };
        assertThat(new SystemThemeDetector("Linux", Map.of(), exploding).detect()).isEqualTo(Theme.LIGHT);
    }

    @Test
    void macOsSaysDarkOnlyInDarkMode() {
        SystemThemeDetector mac = new SystemThemeDetector("Mac OS X", Map.of(), runner);
        assertThat(mac.detect()).as("the key is missing in light mode: the command fails").isEqualTo(Theme.LIGHT);
        answers.put("defaults AppleInterfaceStyle", "Dark\n");
        assertThat(mac.detect()).isEqualTo(Theme.DARK);
    }

    @Test
    void windowsReadsAppsUseLightTheme() {
        SystemThemeDetector windows = new SystemThemeDetector("Windows 11", Map.of(), runner);
        String key = "reg AppsUseLightTheme";
        answers.put(key, "\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize"
                + "\r\n    AppsUseLightTheme    REG_DWORD    0x0\r\n\r\n");
        assertThat(windows.detect()).isEqualTo(Theme.DARK);
        answers.put(key, "    AppsUseLightTheme    REG_DWORD    0x1\r\n");
        assertThat(windows.detect()).isEqualTo(Theme.LIGHT);
        answers.put(key, "garbage");
        assertThat(windows.detect()).isEqualTo(Theme.LIGHT);
    }

    @Test
    void realProcessesAreCutOffAfterTheirTimeout() {
        CommandRunner real = CommandRunner.processes();
        assertThat(real.run(List.of("sh", "-c", "echo 'prefer-dark'"), Duration.ofSeconds(5)))
                .hasValueSatisfying(out -> assertThat(out.strip()).isEqualTo("prefer-dark"));
        assertThat(real.run(List.of("sh", "-c", "exit 3"), Duration.ofSeconds(5))).isEmpty();
        assertThat(real.run(List.of("parley-no-such-command-xyz"), Duration.ofSeconds(5))).isEmpty();
        long start = System.nanoTime();
        assertThat(real.run(List.of("sleep", "10"), Duration.ofMillis(200))).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }
}
