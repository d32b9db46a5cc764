package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.app.settings.FileSettingsStore;
import dev.parley.signaling.protocol.RoomCode;
import dev.parley.signaling.server.ServerConfig;
import dev.parley.signaling.server.SignalingServer;
import dev.parley.ui.ParleyApplication;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real desktop app, headless, against a real signaling server: a person creates a room and gets a code. */
class DesktopSmokeTest {

    private SignalingServer server;
    private final AtomicBoolean closed = new AtomicBoolean();
    private javafx.application.Application application;
    private DesktopServices services;
    @TempDir
    Path settingsDir;

    @BeforeEach
    void open() throws Exception {
        server = new SignalingServer(ServerConfig.builder().host("127.0.0.1").port(0).build()).start();
        FxToolkit.registerPrimaryStage();
        ParleyApplication.configure(() -> {
            services = new DesktopServices(URI.create(server.url()), new FileSettingsStore(settingsDir));
            return services.services();
        }, () -> {
            services.close();
            closed.set(true);
        });
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
    void aPersonCreatesARoomSeesTheCallScreenWithItsCodeAndLeavesBackToTheLobby() throws Exception {
        FxRobot robot = new FxRobot();
        robot.clickOn("#nameField").write("Ada");
        robot.clickOn("#createButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#callView").tryQuery().isPresent());
        Label code = robot.lookup("#callView #roomCodeLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> RoomCode.isValid(code.getText()));
        assertThat(server.roomCount()).isEqualTo(1);
        assertThat(robot.lookup("#selfView").tryQuery()).as("the self-view of the person's camera").isPresent();

        // Fired rather than clicked: TestFX's visibility filter trips over scene-less nodes elsewhere in the window
        // list (an NPE in NodeQueryUtils.isNodeWithinSceneBounds, seen in CI only); the flow tested is the same.
        Button leave = robot.lookup("#callView #leaveButton").queryAs(Button.class);
        robot.interact(leave::fire);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup("#callView #confirmLeaveButton").tryQuery().isPresent());
        Button confirm = robot.lookup("#callView #confirmLeaveButton").queryAs(Button.class);
        robot.interact(confirm::fire);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#createButton").tryQuery().isPresent());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> server.roomCount() == 0);

        FxToolkit.cleanupApplication(application);
        application = null;
        assertThat(closed).as("closing the window releases the app's resources").isTrue();
    }
}
