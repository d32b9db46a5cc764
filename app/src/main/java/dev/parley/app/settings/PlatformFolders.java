package dev.parley.app.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where a desktop app keeps a person's files on each platform: settings in the config folder (Linux
 * {@code $XDG_CONFIG_HOME/parley} or {@code ~/.config/parley}; macOS {@code ~/Library/Application Support/Parley};
 * Windows {@code %APPDATA%\Parley}), logs in the log folder (Linux {@code $XDG_STATE_HOME/parley/logs} or
 * {@code ~/.local/state/parley/logs}; macOS {@code ~/Library/Logs/Parley}; Windows
 * {@code %LOCALAPPDATA%\Parley\Logs}).
 */
public final class PlatformFolders {

    private final String os;
    private final Map<String, String> env;
    private final Path home;

    PlatformFolders(String osName, Map<String, String> env, Path home) {
        this.os = osName.toLowerCase(Locale.ROOT);
        this.env = env;
        this.home = home;
    }

    /** This machine's folders. */
    public static PlatformFolders current() {
        return new PlatformFolders(System.getProperty("os.name", ""), System.getenv(),
                Path.of(System.getProperty("user.home", ".")));
    }

    public Path config() {
        if (os.startsWith("windows")) {
            return fromEnv("APPDATA", home.resolve("AppData").resolve("Roaming")).resolve("Parley");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Parley");
        }
        return fromEnv("XDG_CONFIG_HOME", home.resolve(".config")).resolve("parley");
    }

    public Path logs() {
        if (os.startsWith("windows")) {
            return fromEnv("LOCALAPPDATA", home.resolve("AppData").resolve("Local")).resolve("Parley")
                    .resolve("Logs");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Logs").resolve("Parley");
        }
        return fromEnv("XDG_STATE_HOME", home.resolve(".local").resolve("state")).resolve("parley").resolve("logs");
    }

    private Path fromEnv(String name, Path fallback) {
        String value = env.get(name);
        // XDG: a relative path is invalid and must be ignored.
        return value != null && !value.isBlank() && Path.of(value).isAbsolute() ? Path.of(value) : fallback;
    }
}
