package dev.parley.ui.lobby;

import dev.parley.ui.settings.SettingsStore;
import dev.parley.ui.settings.UserSettings;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Settings kept in memory, recording every save. */
final class MemorySettingsStore implements SettingsStore {

    final List<UserSettings> saves = new CopyOnWriteArrayList<>();
    private volatile UserSettings stored;

    MemorySettingsStore() {
        this(UserSettings.DEFAULTS);
    }

    MemorySettingsStore(UserSettings initial) {
        stored = initial;
    }

    @Override
    public UserSettings load() {
        return stored;
    }

    @Override
    public void save(UserSettings settings) {
        stored = settings;
        saves.add(settings);
    }

    UserSettings stored() {
        return stored;
    }
}
