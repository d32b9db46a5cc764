package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.app.room.SignalingRoomService;
import dev.parley.signaling.protocol.RoomCode;
import dev.parley.signaling.server.ServerConfig;
import dev.parley.signaling.server.SignalingServer;
import dev.parley.ui.ParleyApplication;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real desktop app, headless, against a real signaling server: a person creates a room and gets a code. */
class DesktopSmokeTest {

    private SignalingServer server;
    private final AtomicBoolean closed = new AtomicBoolean();
    private javafx.application.Application application;

    @BeforeEach
    void open() throws Exception {
        server = new SignalingServer(ServerConfig.builder().host("127.0.0.1").port(0).build()).start();
        FxToolkit.registerPrimaryStage();
        ParleyApplication.configure(() -> new SignalingRoomService(URI.create(server.url())), () -> closed.set(true));
        application = FxToolkit.setupApplication(ParleyApplication.class);
    }

    @AfterEach
    void close() throws Exception {
        if (application != null) {
            FxToolkit.cleanupApplication(application);
        }
        FxToolkit.cleanupStages();
        server.close();
    }

    @Test
    void aPersonCreatesARoomAndSeesItsCode() throws Exception {
        FxRobot robot = new FxRobot();
        robot.clickOn("#nameField").write("Ada");
        robot.clickOn("#createButton");
        Label code = robot.lookup("#roomCodeLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !code.getText().isEmpty());
        assertThat(RoomCode.isValid(code.getText())).isTrue();
        assertThat(robot.lookup("#statusLabel").queryAs(Label.class).getText()).contains(code.getText());
        assertThat(server.roomCount()).isEqualTo(1);
        FxToolkit.cleanupApplication(application);
        application = null;
        assertThat(closed).as("closing the window releases the app's resources").isTrue();
    }
}
