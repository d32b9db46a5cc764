package dev.parley.ui.lobby;

import dev.parley.ui.settings.Theme;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * A lobby window on a headless stage (Monocle) with fake rooms, devices (a still preview) and settings; the desktop
 * prefers dark.
 */
@ExtendWith(ApplicationExtension.class)
abstract class LobbyFxTestBase {

    final FakeRoomService service = new FakeRoomService();
    final FakeDeviceService devices = new FakeDeviceService(false);
    final MemorySettingsStore store = new MemorySettingsStore();
    LobbyViewModel model;
    LobbyView view;
    Stage stage;

    /** Call from the subclass's {@code @Start} (TestFX looks for it on the test class itself). */
    void open(Stage stage) {
        this.stage = stage;
        model = new LobbyViewModel(service, devices, store, Platform::runLater, Runnable::run);
        view = new LobbyView(model);
        stage.setScene(LobbyTestScenes.create(view, model, LobbyTestScenes.themes(Theme.DARK), 1040, 760));
        stage.sizeToScene(); // the stage is shared by every test: take this scene's size
        stage.show();
    }

    /** Call from the subclass's {@code @Stop}. */
    void close() {
        devices.close();
    }
}
