package dev.parley.ui;

import dev.parley.ui.lobby.LobbyView;
import dev.parley.ui.lobby.LobbyViewModel;
import dev.parley.ui.lobby.RoomService;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The desktop window. The app hands over its {@link RoomService} before launching (JavaFX constructs this
 * class itself, so it cannot take constructor arguments).
 */
public final class ParleyApplication extends Application {

    private static volatile Supplier<RoomService> services;
    private static volatile Runnable onExit = () -> { };

    private RoomService service;

    /** Opens the window and blocks until it is closed. */
    public static void launch(Supplier<RoomService> roomService, Runnable whenClosed, String... args) {
        configure(roomService, whenClosed);
        Application.launch(ParleyApplication.class, args);
    }

    /** Sets what the next instance will use; for launchers (and tests) that start JavaFX themselves. */
    public static void configure(Supplier<RoomService> roomService, Runnable whenClosed) {
        services = Objects.requireNonNull(roomService);
        onExit = Objects.requireNonNull(whenClosed);
    }

    @Override
    public void start(Stage stage) {
        service = services.get();
        LobbyViewModel model = new LobbyViewModel(service, Platform::runLater);
        Scene scene = createScene(model);
        stage.setTitle("Parley");
        stage.setScene(scene);
        stage.setMinWidth(420);
        stage.setMinHeight(360);
        stage.show();
    }

    /** The lobby scene with Parley's stylesheet. */
    public static Scene createScene(LobbyViewModel model) {
        Scene scene = new Scene(new LobbyView(model), 540, 540);
        scene.getStylesheets().add(Objects.requireNonNull(
                ParleyApplication.class.getResource("parley.css")).toExternalForm());
        return scene;
    }

    @Override
    public void stop() {
        if (service != null) {
            service.leaveRoom();
        }
        onExit.run();
    }
}
