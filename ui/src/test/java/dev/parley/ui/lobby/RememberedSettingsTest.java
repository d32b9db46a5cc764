package dev.parley.ui.lobby;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.ui.settings.SettingsStore;
import dev.parley.ui.settings.UserSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Settings writes go to the background, coalesce, and never lose the newest settings. */
class RememberedSettingsTest {

    private final MemorySettingsStore store = new MemorySettingsStore();
    private final List<Runnable> io = new ArrayList<>();
    private final RememberedSettings settings = new RememberedSettings(store, io::add);

    @Test
    void manyQuickChangesMakeOneWriteOfTheNewest() {
        settings.update(s -> s.withDisplayName("A"));
        settings.update(s -> s.withDisplayName("Ad"));
        settings.update(s -> s.withDisplayName("Ada"));
        assertThat(store.saves).as("nothing written on the calling thread").isEmpty();
        assertThat(io).hasSize(1);
        io.remove(0).run();
        assertThat(store.saves).extracting(UserSettings::displayName).containsExactly("Ada");

        settings.update(s -> s.withDisplayName("Ada"));
        assertThat(io).as("no change, no write").isEmpty();
        settings.update(s -> s.withDisplayName("Grace"));
        assertThat(io).hasSize(1);
    }

    @Test
    void flushWritesNowAndALateBackgroundWriteCannotUndoIt() {
        settings.update(s -> s.withDisplayName("Ada"));
        settings.update(s -> s.withDisplayName("Grace"));
        settings.flush();
        assertThat(store.stored().displayName()).isEqualTo("Grace");
        io.remove(0).run();
        assertThat(store.stored().displayName()).isEqualTo("Grace");
    }

    @Test
    void anUnreadableOrFailingStoreNeverBreaksTheLobby() {
        SettingsStore broken = new SettingsStore() {
            @Override
            public UserSettings load() {
                throw new IllegalStateException("disk on fire");
            }

            @Override
            public void save(UserSettings s) {
                throw new IllegalStateException("read-only");
            }
        };
        RememberedSettings fallback = new RememberedSettings(broken, Runnable::run);
        assertThat(fallback.get()).isEqualTo(UserSettings.DEFAULTS);
        fallback.update(s -> s.withDisplayName("Ada"));
        fallback.flush();
        assertThat(fallback.get().displayName()).isEqualTo("Ada");
    }
}
