package dev.parley.ui;

import dev.parley.ui.call.CallService;
import dev.parley.ui.devices.DeviceService;
import dev.parley.ui.lobby.RoomService;
import dev.parley.ui.settings.SettingsStore;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Everything the window asks of the app: rooms (signaling), the call in the current room, the person's devices and
 * their remembered settings. The app builds the real ones; tests build fakes.
 *
 * @param call the call of the room the person is in (asked for once the room is entered)
 */
public record ParleyServices(RoomService rooms, Supplier<CallService> call, DeviceService devices,
                             SettingsStore settings) {

    public ParleyServices {
        Objects.requireNonNull(rooms, "rooms");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(devices, "devices");
        Objects.requireNonNull(settings, "settings");
    }
}
