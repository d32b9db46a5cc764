package dev.parley.ui;

import dev.parley.ui.lobby.LobbyView;
import dev.parley.ui.lobby.LobbyViewModel;
import dev.parley.ui.theme.ThemeManager;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The desktop window. The app hands over its {@link ParleyServices} before launching (JavaFX constructs this class
 * itself, so it cannot take constructor arguments).
 */
public final class ParleyApplication extends Application {

    private static volatile Supplier<ParleyServices> services;
    private static volatile Runnable onExit = () -> { };

    private ParleyServices running;
    private LobbyViewModel lobby;

    /** Opens the window and blocks until it is closed. */
    public static void launch(Supplier<ParleyServices> parleyServices, Runnable whenClosed, String... args) {
        configure(parleyServices, whenClosed);
        Application.launch(ParleyApplication.class, args);
    }

    /** Sets what the next instance will use; for launchers (and tests) that start JavaFX themselves. */
    public static void configure(Supplier<ParleyServices> parleyServices, Runnable whenClosed) {
        services = Objects.requireNonNull(parleyServices);
        onExit = Objects.requireNonNull(whenClosed);
    }

    @Override
    public void start(Stage stage) {
        ThemeManager themes = ThemeManager.forThisMachine(); // early: it starts asking the desktop
        running = services.get();
        lobby = new LobbyViewModel(running, Platform::runLater);
        ParleyWindow window = new ParleyWindow(running, lobby, Platform::runLater);
        Scene scene = new Scene(window, 1100, 760);
        addStylesheet(scene);
        themes.themeProperty().bind(lobby.settings().themeProperty());
        themes.attach(scene);
        stage.setTitle("Parley");
        stage.setScene(scene);
        stage.setMinWidth(420);
        stage.setMinHeight(480);
        stage.show();
    }

    /** A lobby on its own in a scene with Parley's stylesheet (tests of the lobby alone). */
    public static Scene createScene(LobbyViewModel model) {
        Scene scene = new Scene(new LobbyView(model), 540, 540);
        addStylesheet(scene);
        return scene;
    }

    private static void addStylesheet(Scene scene) {
        scene.getStylesheets().add(Objects.requireNonNull(
                ParleyApplication.class.getResource("parley.css")).toExternalForm());
    }

    @Override
    public void stop() {
        if (lobby != null) {
            lobby.close();
        }
        if (running != null) {
            running.rooms().leaveRoom();
        }
        onExit.run();
    }
}
