package dev.parley.ui.theme;

import dev.parley.ui.settings.Theme;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks the desktop whether it prefers a dark look. Blocking (it may run a few small commands, each cut off after a
 * short timeout): call it off the JavaFX thread, as {@link ThemeManager} does. Answers {@link Theme#LIGHT} when the
 * desktop does not say.
 *
 * <ul>
 *   <li>Linux: {@code GTK_THEME} when set ("Adwaita:dark" is dark), else the freedesktop appearance portal
 *       (GNOME, KDE and others), else GNOME's {@code color-scheme}, else a GTK theme whose name says "dark".</li>
 *   <li>macOS: {@code defaults read -g AppleInterfaceStyle} says "Dark" only in dark mode.</li>
 *   <li>Windows: the registry's {@code AppsUseLightTheme} is 0 in dark mode.</li>
 * </ul>
 */
public final class SystemThemeDetector {

    /** How long one command may take before it is given up on. */
    public static final Duration COMMAND_TIMEOUT = Duration.ofMillis(1500);

    private static final Pattern PORTAL_VALUE = Pattern.compile("uint32\\s+(\\d+)");
    private static final Pattern REG_DWORD = Pattern.compile("AppsUseLightTheme\\s+REG_DWORD\\s+0x([0-9a-fA-F]+)");

    private final String osName;
    private final Map<String, String> environment;
    private final CommandRunner commands;

    public SystemThemeDetector(String osName, Map<String, String> environment, CommandRunner commands) {
        this.osName = Objects.requireNonNullElse(osName, "").toLowerCase(Locale.ROOT);
        this.environment = Map.copyOf(environment);
        this.commands = Objects.requireNonNull(commands);
    }

    /** This machine's desktop. */
    public static SystemThemeDetector forThisMachine() {
        return new SystemThemeDetector(System.getProperty("os.name", ""), System.getenv(), CommandRunner.processes());
    }

    /** {@link Theme#DARK} or {@link Theme#LIGHT}; blocking, never throws. */
    public Theme detect() {
        try {
            Boolean dark;
            if (osName.startsWith("mac") || osName.startsWith("darwin")) {
                dark = mac();
            } else if (osName.startsWith("windows")) {
                dark = windows();
            } else {
                dark = unix();
            }
            return Boolean.TRUE.equals(dark) ? Theme.DARK : Theme.LIGHT;
        } catch (RuntimeException surprise) {
            return Theme.LIGHT;
        }
    }

    private Boolean mac() {
        // The key exists only in dark mode; in light mode the command fails.
        return run("defaults", "read", "-g", "AppleInterfaceStyle").map(SystemThemeDetector::macSaysDark)
                .orElse(false);
    }

    private Boolean windows() {
        return run("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                "/v", "AppsUseLightTheme").flatMap(SystemThemeDetector::windowsSaysDark).orElse(false);
    }

    private Boolean unix() {
        String gtkTheme = environment.getOrDefault("GTK_THEME", "").strip();
        if (!gtkTheme.isEmpty()) {
            return gtkThemeIsDark(gtkTheme);
        }
        Optional<Boolean> portal = run("dbus-send", "--session", "--print-reply=literal", "--reply-timeout=1000",
                "--dest=org.freedesktop.portal.Desktop", "/org/freedesktop/portal/desktop",
                "org.freedesktop.portal.Settings.Read", "string:org.freedesktop.appearance", "string:color-scheme")
                .flatMap(SystemThemeDetector::portalSaysDark);
        if (portal.isPresent()) {
            return portal.get();
        }
        Optional<Boolean> scheme = run("gsettings", "get", "org.gnome.desktop.interface", "color-scheme")
                .flatMap(SystemThemeDetector::colorSchemeSaysDark);
        if (scheme.isPresent()) {
            return scheme.get();
        }
        return run("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme")
                .map(SystemThemeDetector::gtkThemeIsDark).orElse(false);
    }

    private Optional<String> run(String... command) {
        return commands.run(List.of(command), COMMAND_TIMEOUT);
    }

    /** {@code GTK_THEME} or a GTK theme name: "Adwaita:dark" (a variant) or "Yaru-dark" (a dark theme). */
    static boolean gtkThemeIsDark(String theme) {
        String t = theme.strip().replace("'", "").toLowerCase(Locale.ROOT);
        return t.endsWith(":dark") || t.contains("-dark") || t.endsWith("dark");
    }

    /** The portal's color-scheme: 1 prefers dark, 2 prefers light, 0 has no preference (empty: ask elsewhere). */
    static Optional<Boolean> portalSaysDark(String reply) {
        Matcher m = PORTAL_VALUE.matcher(reply);
        if (!m.find()) {
            return Optional.empty();
        }
        return switch (m.group(1)) {
            case "1" -> Optional.of(true);
            case "2" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** GNOME's color-scheme: 'prefer-dark' or 'prefer-light'; 'default' says nothing (empty). */
    static Optional<Boolean> colorSchemeSaysDark(String value) {
        String v = value.strip().replace("'", "");
        if (v.equals("prefer-dark")) {
            return Optional.of(true);
        }
        if (v.equals("prefer-light")) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    static boolean macSaysDark(String value) {
        return value.strip().equalsIgnoreCase("Dark");
    }

    /** The {@code reg query} answer: "AppsUseLightTheme    REG_DWORD    0x0" is dark. */
    static Optional<Boolean> windowsSaysDark(String reply) {
        Matcher m = REG_DWORD.matcher(reply);
        return m.find() ? Optional.of(Long.parseLong(m.group(1), 16) == 0) : Optional.empty();
    }
}
