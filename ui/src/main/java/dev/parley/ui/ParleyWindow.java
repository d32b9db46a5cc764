package dev.parley.ui;

import dev.parley.ui.call.CallService;
import dev.parley.ui.call.CallView;
import dev.parley.ui.call.CallViewModel;
import dev.parley.ui.devices.DeviceOption;
import dev.parley.ui.devices.DeviceService;
import dev.parley.ui.lobby.LobbyView;
import dev.parley.ui.lobby.LobbyViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.StackPane;

/**
 * The window's content: the lobby, or the call once the person is in a room, and the lobby again when the call ends.
 * One persistent root whose child is swapped, so the theme class on the root stays; the lobby leaves the scene while
 * the call shows, which frees the camera preview for the call's self-view.
 */
public final class ParleyWindow extends StackPane {

    private final ParleyServices services;
    private final LobbyViewModel lobbyModel;
    private final LobbyView lobby;
    private final Executor uiThread;
    private CallView call;

    public ParleyWindow(ParleyServices services, LobbyViewModel lobbyModel, Executor uiThread) {
        this.services = services;
        this.lobbyModel = lobbyModel;
        this.uiThread = uiThread;
        this.lobby = new LobbyView(lobbyModel);
        setId("parleyWindow");
        getStyleClass().add("parley-window");
        getChildren().setAll(lobby);
        lobbyModel.inRoomProperty().addListener((obs, was, inRoom) -> {
            if (inRoom) {
                showCall();
            }
        });
    }

    /** The call screen while in a room, else {@code null}. */
    public CallView callView() {
        return call;
    }

    public LobbyView lobbyView() {
        return lobby;
    }

    private void showCall() {
        CallService service = services.call().get();
        if (service == null || call != null) {
            return; // rooms without media (no call service): the lobby shows the room
        }
        CallViewModel model = new CallViewModel(service, uiThread);
        call = new CallView(model);
        call.setDeviceMenu(this::deviceItems);
        model.setOnEnded(this::showLobby);
        getChildren().setAll(call);
    }

    private void showLobby() {
        call = null;
        if (lobbyModel.inRoomProperty().get()) {
            lobbyModel.leaveRoom();
        }
        getChildren().setAll(lobby);
    }

    /** The device button's menu: every camera, microphone and speaker, the ones in use ticked. */
    private List<MenuItem> deviceItems() {
        DeviceService devices = services.devices();
        List<MenuItem> items = new ArrayList<>();
        for (DeviceOption.Kind kind : DeviceOption.Kind.values()) {
            if (!items.isEmpty()) {
                items.add(new SeparatorMenuItem());
            }
            DeviceOption selected = devices.selected(kind);
            for (DeviceOption option : devices.devices(kind)) {
                CheckMenuItem item = new CheckMenuItem(label(kind) + ": " + option.name());
                item.setSelected(selected != null && selected.id().equals(option.id()));
                item.setOnAction(e -> {
                    devices.select(option);
                    if (kind == DeviceOption.Kind.CAMERA && call != null) {
                        call.model().refreshSelfView();
                    }
                });
                items.add(item);
            }
        }
        return items;
    }

    private static String label(DeviceOption.Kind kind) {
        return switch (kind) {
            case CAMERA -> "Camera";
            case MICROPHONE -> "Microphone";
            case SPEAKER -> "Speaker";
        };
    }
}
