package dev.parley.app.settings;

import dev.parley.ui.settings.PrivacyMode;
import dev.parley.ui.settings.SettingsStore;
import dev.parley.ui.settings.Theme;
import dev.parley.ui.settings.UserSettings;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link UserSettings} in {@code settings.properties} in the platform's config folder. A missing, unreadable
 * or half-written file gives the defaults (for the values it lacks); saving writes a temporary file and moves it
 * into place, so a crash mid-save never leaves a truncated file.
 */
public final class FileSettingsStore implements SettingsStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileSettingsStore.class);
    static final String FILE_NAME = "settings.properties";

    private final Path file;

    public FileSettingsStore(Path folder) {
        this.file = folder.resolve(FILE_NAME);
    }

    /** The store in this machine's config folder. */
    public static FileSettingsStore inConfigFolder() {
        return new FileSettingsStore(PlatformFolders.current().config());
    }

    public Path file() {
        return file;
    }

    @Override
    public UserSettings load() {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Could not read the settings in {}; using the defaults: {}", file, e.toString());
                return UserSettings.DEFAULTS;
            }
        }
        UserSettings d = UserSettings.DEFAULTS;
        return new UserSettings(
                p.getProperty("displayName", d.displayName()),
                p.getProperty("serverUrl", d.serverUrl()),
                parse(PrivacyMode.class, p.getProperty("privacy"), d.privacy()),
                parse(Theme.class, p.getProperty("theme"), d.theme()),
                p.getProperty("cameraId", d.cameraId()),
                p.getProperty("microphoneId", d.microphoneId()),
                p.getProperty("speakerId", d.speakerId()));
    }

    @Override
    public void save(UserSettings s) {
        Properties p = new Properties();
        p.setProperty("displayName", s.displayName());
        p.setProperty("serverUrl", s.serverUrl());
        p.setProperty("privacy", s.privacy().name());
        p.setProperty("theme", s.theme().name());
        p.setProperty("cameraId", s.cameraId());
        p.setProperty("microphoneId", s.microphoneId());
        p.setProperty("speakerId", s.speakerId());
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "settings", ".tmp");
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(out, "Parley settings");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.warn("Could not save the settings to {}: {}", file, e.toString());
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, E fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
