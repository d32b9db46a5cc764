package dev.parley.ui.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The call screen driven as a person would, against a fake call service, headless (Monocle). */
@ExtendWith(ApplicationExtension.class)
class CallViewTest {

    private final FakeCallService service = new FakeCallService();
    private final AtomicLong now = new AtomicLong(1_000);
    private CallViewModel model;
    private CallView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        model = new CallViewModel(service, Platform::runLater, now::get);
        view = new CallView(model);
        stage.setScene(new Scene(view, 1000, 640));
        // The stage outlives a test: undo a size another test gave it (the tall-window test makes it 420x800).
        stage.sizeToScene();
        stage.show();
    }

    @Test
    void theGridShowsOneToFourParticipantsWithNamesAndPlaceholders(FxRobot robot) {
        assertThat(robot.lookup("#inviteCard").query().isVisible()).isTrue();
        String[] names = {"Ana Lima", "Ben", "Grace Hopper", "Linus"};
        int[][] layout = {{1, 1}, {2, 1}, {2, 2}, {2, 2}};
        for (int i = 0; i < names.length; i++) {
            service.events.onParticipantJoined("p" + i, names[i]);
            WaitForAsyncUtils.waitForFxEvents();
            // Lay out now: on a slow machine the next pulse may not have come yet, leaving the previous arrangement.
            robot.interact(() -> {
                view.applyCss();
                view.layout();
            });
            ParticipantGrid grid = view.grid();
            assertThat(grid.getChildren()).hasSize(i + 1);
            assertThat(new int[] {grid.columns(), grid.rows()}).as("%d people", i + 1).isEqualTo(layout[i]);
            assertTilesInsideAndApart(grid);
        }
        assertThat(robot.lookup("#inviteCard").query().isVisible()).isFalse();
        assertThat(robot.lookup("#participantGrid .tile-name").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactlyInAnyOrder(names);
        // Nobody sent video yet: everyone shows initials in a circle.
        assertThat(robot.lookup("#tile-p2 .avatar-initials").queryAs(Label.class).getText()).isEqualTo("GH");
        assertThat(robot.lookup("#tile-p2 .tile-placeholder").query().isVisible()).isTrue();

        // Grace's video arrives: her placeholder goes, her pane shows the video.
        service.events.onRemoteVideo("p2", sink -> { });
        service.events.onParticipantState("p1", new ParticipantState(true, false, ConnectionQuality.POOR));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#tile-p2 .tile-placeholder").query().isVisible()).isFalse();
        assertThat(view.tile("p2").videoPane().isVisible()).isTrue();
        assertThat(robot.lookup("#tile-p1 .tile-mic-off").query().isVisible()).isTrue();
        assertThat(robot.lookup("#tile-p0 .tile-mic-off").query().isVisible()).isFalse();
        Node quality = robot.lookup("#tile-p1 .tile-quality").query();
        assertThat(quality.getAccessibleText()).isEqualTo("Poor connection");
        assertThat(quality.getPseudoClassStates()).extracting(Object::toString).contains("poor");
        assertThat(view.tile("p1").getAccessibleText()).isEqualTo("Ben, microphone muted, Poor connection");

        // Someone leaves: three remain, two rows; the empty grid comes back when all are gone.
        service.events.onParticipantLeft("p0", "Ana Lima left.");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.grid().getChildren()).hasSize(3);
        assertThat(robot.lookup("#tile-p0").tryQuery()).isEmpty();
        for (int i = 1; i < names.length; i++) {
            service.events.onParticipantLeft("p" + i, null);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.grid().getChildren()).isEmpty();
        assertThat(robot.lookup("#inviteCard").query().isVisible()).isTrue();
    }

    @Test
    void theGridStacksTwoPeopleInATallWindow(FxRobot robot) throws Exception {
        service.events.onParticipantJoined("a", "Ana");
        service.events.onParticipantJoined("b", "Ben");
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setWidth(420);
            stage.setHeight(800);
        }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(new int[] {view.grid().columns(), view.grid().rows()}).isEqualTo(new int[] {1, 2});
        assertTilesInsideAndApart(view.grid());
    }

    @Test
    void anErrorBannerAppearsAndCanBeDismissed(FxRobot robot) {
        service.events.onNotice(Notice.error("The room is full.", "Rooms take four people; try another room."));
        WaitForAsyncUtils.waitForFxEvents();
        Node banner = robot.lookup("#banners .banner-error").query();
        assertThat(banner.isVisible()).isTrue();
        assertThat(robot.lookup("#banners .banner-error .banner-sentence").queryAs(Label.class).getText())
                .isEqualTo("The room is full.");
        assertThat(robot.lookup("#banners .banner-error .banner-action").queryAs(Label.class).getText())
                .isEqualTo("Rooms take four people; try another room.");
        assertThat(banner.getAccessibleText()).startsWith("Error: The room is full.");

        now.addAndGet(60_000); // errors do not fade
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        assertThat(robot.lookup("#banners .banner-error").tryQuery()).isPresent();

        robot.clickOn(robot.lookup("#banners .banner-error .banner-dismiss").queryButton());
        assertThat(model.banners().banners()).isEmpty();
        waitUntilGone(robot, "#banners .banner");

        // Reconnecting: a warning until connected again.
        service.events.onCallStatus(CallStatus.CONNECTED, "Connected.");
        service.events.onCallStatus(CallStatus.RECONNECTING, "Connection lost. Reconnecting…");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#banners .banner-warning").tryQuery()).isPresent();
        assertThat(robot.lookup("#callStatusLabel").queryAs(Label.class).getText())
                .isEqualTo("Connection lost. Reconnecting…");
        service.events.onCallStatus(CallStatus.CONNECTED, "Reconnected.");
        waitUntilGone(robot, "#banners .banner-warning");
        assertThat(robot.lookup("#banners .banner-info").tryQuery()).isPresent();
        now.addAndGet(4_000); // information fades by itself
        waitUntilGone(robot, "#banners .banner");
    }

    @Test
    void copyPutsTheCodeAndLinkOnTheClipboard(FxRobot robot) throws Exception {
        robot.clickOn("#copyCodeButton");
        assertThat(WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get())
                .isEqualTo("7mq2k-xd41r");
        assertThat(WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getUrl()).get())
                .isEqualTo("parley://join/7mq2k-xd41r");
        assertThat(robot.lookup("#banners .banner-info .banner-sentence").queryAs(Label.class).getText())
                .contains("7mq2k-xd41r");
        assertThat(text(robot, "#roomCodeLabel")).isEqualTo("7mq2k-xd41r");
    }

    @Test
    void aloneInTheRoomThePersonSeesTheCodeLargeAndCanCopyItOrTheLink(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#inviteCard").query().isVisible()).isTrue();
        assertThat(text(robot, "#inviteCode")).isEqualTo("7mq2k-xd41r");
        assertThat(robot.lookup("#inviteLink").queryAs(TextField.class).getText())
                .isEqualTo("parley://join/7mq2k-xd41r");
        robot.clickOn("#copyInviteLinkButton");
        assertThat(WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get())
                .isEqualTo("parley://join/7mq2k-xd41r");
        robot.clickOn("#copyInviteCodeButton");
        assertThat(WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get())
                .isEqualTo("7mq2k-xd41r");

        service.events.onParticipantJoined("p", "Ana");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#inviteCard").query().isVisible()).as("someone came: the grid shows").isFalse();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static void waitUntilGone(FxRobot robot, String query) {
        try {
            WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery().isEmpty());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(query + " still shown", e);
        }
    }

    private static void assertTilesInsideAndApart(ParticipantGrid grid) {
        Bounds area = grid.getLayoutBounds();
        List<Node> tiles = grid.getChildren();
        for (int i = 0; i < tiles.size(); i++) {
            Bounds b = tiles.get(i).getBoundsInParent();
            assertThat(b.getWidth()).isGreaterThan(100);
            assertThat(b.getWidth() / b.getHeight()).isCloseTo(16.0 / 9.0, org.assertj.core.data.Offset.offset(0.05));
            assertThat(b.getMinX()).isGreaterThanOrEqualTo(area.getMinX() - 0.5);
            assertThat(b.getMinY()).isGreaterThanOrEqualTo(area.getMinY() - 0.5);
            assertThat(b.getMaxX()).isLessThanOrEqualTo(area.getMaxX() + 0.5);
            assertThat(b.getMaxY()).isLessThanOrEqualTo(area.getMaxY() + 0.5);
            for (int j = 0; j < i; j++) {
                Bounds o = tiles.get(j).getBoundsInParent();
                boolean apart = b.getMinX() >= o.getMaxX() - 0.5 || o.getMinX() >= b.getMaxX() - 0.5
                        || b.getMinY() >= o.getMaxY() - 0.5 || o.getMinY() >= b.getMaxY() - 0.5;
                assertThat(apart).as("tiles %d and %d overlap", i, j).isTrue();
            }
        }
        assertThat(Set.copyOf(tiles)).hasSize(tiles.size());
    }
}
