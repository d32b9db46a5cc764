package dev.parley.ui.lobby;

import dev.parley.ui.settings.SettingsStore;
import dev.parley.ui.settings.UserSettings;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The person's settings as the lobby edits them: loaded once, changed on the JavaFX thread, written through
 * {@code io} so the JavaFX thread never waits for a disk. Writes coalesce: however fast changes come (a name typed
 * letter by letter), at most one write waits, and it writes the newest settings.
 */
final class RememberedSettings {

    private static final Logger LOG = LoggerFactory.getLogger(RememberedSettings.class);

    private static final class Writer {
        static final ExecutorService INSTANCE = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "parley-settings-writer");
            t.setDaemon(true);
            return t;
        });
    }

    private final SettingsStore store;
    private final Executor io;
    private final UserSettings atStart;
    private final ReadOnlyObjectWrapper<UserSettings> current;
    private final AtomicBoolean writeScheduled = new AtomicBoolean();
    private final Object writeLock = new Object();
    private volatile UserSettings latest;

    RememberedSettings(SettingsStore store, Executor io) {
        this.store = Objects.requireNonNull(store);
        this.io = Objects.requireNonNull(io);
        UserSettings loaded;
        try {
            loaded = Objects.requireNonNullElse(store.load(), UserSettings.DEFAULTS);
        } catch (RuntimeException unreadable) {
            LOG.warn("Could not read the settings; starting from the defaults", unreadable);
            loaded = UserSettings.DEFAULTS;
        }
        atStart = loaded;
        current = new ReadOnlyObjectWrapper<>(loaded);
        latest = loaded;
    }

    /** A single background thread shared by all lobbies (daemon: it never keeps the app alive). */
    static Executor defaultWriter() {
        return Writer.INSTANCE;
    }

    UserSettings get() {
        return current.get();
    }

    /** As loaded when the app started (some settings only take effect on the next start). */
    UserSettings atStart() {
        return atStart;
    }

    ReadOnlyObjectProperty<UserSettings> property() {
        return current.getReadOnlyProperty();
    }

    /** Applies {@code change}; saves when something actually changed. */
    void update(UnaryOperator<UserSettings> change) {
        UserSettings next = change.apply(current.get());
        if (next.equals(current.get())) {
            return;
        }
        current.set(next);
        latest = next;
        if (writeScheduled.compareAndSet(false, true)) {
            try {
                io.execute(this::writeScheduled);
            } catch (RuntimeException rejected) {
                writeScheduled();
            }
        }
    }

    /** Writes the newest settings now, on the calling thread (for closing the window). */
    void flush() {
        writeLatest();
    }

    private void writeScheduled() {
        writeScheduled.set(false);
        writeLatest();
    }

    // Whoever writes last writes the newest settings: a late background write can never undo a newer one.
    private void writeLatest() {
        synchronized (writeLock) {
            try {
                store.save(latest);
            } catch (RuntimeException e) {
                LOG.warn("Could not save the settings", e);
            }
        }
    }
}
