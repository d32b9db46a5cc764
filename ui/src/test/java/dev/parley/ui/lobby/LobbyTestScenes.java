package dev.parley.ui.lobby;

import dev.parley.ui.ParleyApplication;
import dev.parley.ui.settings.Theme;
import dev.parley.ui.theme.SystemThemeDetector;
import dev.parley.ui.theme.ThemeManager;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.scene.Scene;

/** The lobby in a scene as the app is meant to build it: Parley's stylesheet and a theme manager bound to the lobby. */
final class LobbyTestScenes {

    private LobbyTestScenes() {
    }

    /** A theme manager whose desktop prefers {@code desktop} (answered at once, on the calling thread). */
    static ThemeManager themes(Theme desktop) {
        String gtk = desktop == Theme.DARK ? "Adwaita:dark" : "Adwaita";
        SystemThemeDetector detector = new SystemThemeDetector("Linux", Map.of("GTK_THEME", gtk),
                (command, timeout) -> Optional.empty());
        return new ThemeManager(detector, Runnable::run, Runnable::run);
    }

    static Scene create(LobbyView view, LobbyViewModel model, ThemeManager themes, double width, double height) {
        Scene scene = new Scene(view, width, height);
        scene.getStylesheets().add(Objects.requireNonNull(
                ParleyApplication.class.getResource("parley.css")).toExternalForm());
        themes.themeProperty().bind(model.settings().themeProperty());
        themes.attach(scene);
        return scene;
    }
}
