package dev.parley.ui.settings;

/** Loads and saves {@link UserSettings}; the app's store writes a file, tests keep them in memory. */
public interface SettingsStore {

    /** The saved settings, or {@link UserSettings#DEFAULTS} when none (or unreadable). */
    UserSettings load();

    /** Saves; never throws (a read-only disk only loses the memory of them). */
    void save(UserSettings settings);
}
