package dev.parley.ui.call;

import dev.parley.ui.banner.BannerView;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The call screen (id {@code callView}, style class {@code call-view}): the participants' panes in a responsive
 * grid ({@code participantGrid}), the person's own video as a picture-in-picture ({@code selfView}), the control bar,
 * banners at the top ({@code banners}), the stats overlay ({@code statsOverlay}) and the leave confirmation
 * ({@code leaveConfirm} with {@code confirmLeaveButton} and {@code cancelLeaveButton}).
 *
 * <p>Keys, wherever the focus is in its scene (except in text fields): M mutes/unmutes, V turns the camera off/on,
 * F toggles full screen, S the stats overlay, Esc cancels a pending leave, else closes the overlay, else leaves full
 * screen. Full screen is applied to the window when the view is in a {@link Stage}.
 */
public final class CallView extends StackPane {

    private final CallViewModel model;
    private final ParticipantGrid grid = new ParticipantGrid();
    private final Map<ParticipantViewModel, ParticipantTile> tiles = new IdentityHashMap<>();
    private final SelfView selfView;
    private final CallControls controls;
    private final Timeline ticker;
    private final EventHandler<KeyEvent> keys = this::onKey;
    private final ChangeListener<Window> windowListener = (obs, old, now) -> attachWindow(now);
    private final ChangeListener<Boolean> stageFullScreen = (obs, was, is) -> model().fullScreenProperty().set(is);
    private Stage stage;
    private KeyCombination savedExitKey;

    public CallView(CallViewModel model) {
        this.model = Objects.requireNonNull(model, "model");
        setId("callView");
        getStyleClass().add("call-view");
        getStylesheets().add(Objects.requireNonNull(CallView.class.getResource("call.css")).toExternalForm());
        setMinSize(0, 0);

        grid.setId("participantGrid");
        InviteCard waiting = new InviteCard(model);
        selfView = new SelfView(model);
        selfView.maxWidthProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(140, Math.min(280, getWidth() * 0.2)), widthProperty()));
        selfView.maxHeightProperty().bind(selfView.maxWidthProperty().multiply(9.0 / 16.0));
        selfView.prefWidthProperty().bind(selfView.maxWidthProperty());
        selfView.prefHeightProperty().bind(selfView.maxHeightProperty());
        StackPane.setAlignment(selfView, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(selfView, new Insets(0, 16, 16, 0));
        StackPane stageArea = new StackPane(grid, waiting, selfView);
        stageArea.getStyleClass().add("call-stage");
        stageArea.setMinSize(0, 0);

        controls = new CallControls(model, this::copyRoomCode);
        BorderPane layout = new BorderPane(stageArea);
        layout.setBottom(controls);

        BannerView banners = new BannerView(model.banners());
        banners.setId("banners");
        StackPane.setAlignment(banners, Pos.TOP_CENTER);
        banners.setMaxHeight(USE_PREF_SIZE);

        StatsOverlay stats = new StatsOverlay(model);
        StackPane.setAlignment(stats, Pos.TOP_RIGHT);
        StackPane.setMargin(stats, new Insets(12, 12, 84, 12));
        stats.setMaxWidth(480);
        stats.setPrefWidth(480);

        getChildren().addAll(layout, stats, banners, leaveConfirmation());

        model.participants().addListener((ListChangeListener<ParticipantViewModel>) c -> syncTiles());
        syncTiles();
        model.fullScreenProperty().addListener((obs, was, is) -> {
            if (stage != null && stage.isFullScreen() != is) {
                stage.setFullScreen(is);
            }
        });
        model.endedProperty().addListener((obs, was, is) -> {
            if (is) {
                selfView.dispose();
            }
        });

        ticker = new Timeline(new KeyFrame(Duration.millis(200), e -> model.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        sceneProperty().addListener((obs, old, now) -> {
            if (old != null) {
                detachScene(old);
            }
            if (now != null) {
                attachScene(now);
            }
        });
    }

    public CallViewModel model() {
        return model;
    }

    /** The grid of participant panes. */
    public ParticipantGrid grid() {
        return grid;
    }

    /** The pane of participant {@code id}, or {@code null}. */
    public ParticipantTile tile(String id) {
        ParticipantViewModel p = model.participant(id);
        return p == null ? null : tiles.get(p);
    }

    /** Where the device button's menu items come from (asked each time it opens): cameras, microphones, speakers. */
    public void setDeviceMenu(Supplier<List<MenuItem>> items) {
        controls.setDeviceItems(items);
    }

    private void syncTiles() {
        List<Node> ordered = new ArrayList<>();
        Map<ParticipantViewModel, ParticipantTile> keep = new IdentityHashMap<>();
        for (ParticipantViewModel p : model.participants()) {
            ParticipantTile t = tiles.remove(p);
            if (t == null) {
                t = new ParticipantTile(p);
            }
            keep.put(p, t);
            ordered.add(t);
        }
        for (ParticipantTile gone : tiles.values()) {
            gone.dispose();
        }
        tiles.clear();
        tiles.putAll(keep);
        grid.getChildren().setAll(ordered);
        grid.pseudoClassStateChanged(PseudoClass.getPseudoClass("alone"), ordered.isEmpty());
    }

    private Node leaveConfirmation() {
        Label question = new Label("Leave the call?");
        question.getStyleClass().add("confirm-title");
        Label detail = new Label("You can come back with the room code " + model.roomCode() + ".");
        detail.getStyleClass().add("confirm-detail");
        detail.setWrapText(true);
        Button stay = new Button("Stay");
        stay.setId("cancelLeaveButton");
        stay.setCancelButton(true);
        stay.setAccessibleText("Stay in the call (Esc)");
        stay.setOnAction(e -> model.cancelLeave());
        Button leave = new Button("Leave call");
        leave.setId("confirmLeaveButton");
        leave.getStyleClass().add("danger");
        leave.setAccessibleText("Leave the call now");
        leave.setOnAction(e -> model.confirmLeave());
        HBox buttons = new HBox(10, stay, leave);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox card = new VBox(10, question, detail, buttons);
        card.getStyleClass().add("confirm-card");
        card.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        card.setPrefWidth(340);
        card.setAccessibleRole(AccessibleRole.NODE);
        card.setAccessibleText("Leave the call? You can come back with the room code " + model.roomCode() + ".");
        StackPane scrim = new StackPane(card);
        scrim.setId("leaveConfirm");
        scrim.getStyleClass().add("confirm-scrim");
        scrim.visibleProperty().bind(model.leavePendingProperty());
        scrim.setOnMouseClicked(e -> {
            if (e.getTarget() == scrim) {
                model.cancelLeave();
            }
        });
        model.leavePendingProperty().addListener((obs, was, is) -> {
            if (is) {
                stay.requestFocus();
            }
        });
        return scrim;
    }

    private void copyRoomCode() {
        CallViewModel.ShareText text = model.copyRoomCode();
        ClipboardContent content = new ClipboardContent();
        content.putString(text.code());
        content.putUrl(text.link());
        Clipboard.getSystemClipboard().setContent(content);
    }

    private void onKey(KeyEvent e) {
        if (e.isConsumed() || model.isEnded()) {
            return;
        }
        if (e.getCode() == KeyCode.ESCAPE) {
            if (model.escape()) {
                e.consume();
            }
            return;
        }
        if (e.isShortcutDown() || e.isControlDown() || e.isAltDown() || e.isMetaDown()
                || model.isLeavePending() || e.getTarget() instanceof TextInputControl) {
            return;
        }
        switch (e.getCode()) {
            case M -> model.toggleMicrophone();
            case V -> model.toggleCamera();
            case F -> model.toggleFullScreen();
            case S -> model.toggleStats();
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void attachScene(Scene scene) {
        scene.addEventHandler(KeyEvent.KEY_PRESSED, keys);
        scene.windowProperty().addListener(windowListener);
        attachWindow(scene.getWindow());
        ticker.play();
    }

    private void detachScene(Scene scene) {
        scene.removeEventHandler(KeyEvent.KEY_PRESSED, keys);
        scene.windowProperty().removeListener(windowListener);
        attachWindow(null);
        ticker.stop();
    }

    /** Follows the window: full screen both ways; Esc is ours (it also closes overlays), F or Esc leaves. */
    private void attachWindow(Window window) {
        if (stage != null) {
            stage.fullScreenProperty().removeListener(stageFullScreen);
            stage.setFullScreenExitKeyCombination(savedExitKey);
            stage.setFullScreenExitHint(null);
            if (stage.isFullScreen()) {
                stage.setFullScreen(false);
            }
            stage = null;
        }
        if (window instanceof Stage s) {
            stage = s;
            savedExitKey = s.getFullScreenExitKeyCombination();
            s.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            s.setFullScreenExitHint("Press F or Esc to leave full screen.");
            s.fullScreenProperty().addListener(stageFullScreen);
            if (model.isFullScreen() != s.isFullScreen()) {
                s.setFullScreen(model.isFullScreen());
            }
        }
    }
}
