package dev.parley.ui.lobby;

import dev.parley.rtc.media.VideoSource;
import dev.parley.ui.devices.DeviceEvents;
import dev.parley.ui.devices.DeviceOption;
import dev.parley.ui.devices.DeviceService;
import dev.parley.ui.settings.SettingsStore;
import dev.parley.ui.settings.UserSettings;
import java.util.List;

/** Stand-ins for a lobby made with rooms only (no device service, settings not kept between runs). */
final class Fallbacks {

    private Fallbacks() {
    }

    static DeviceService noDevices() {
        return new DeviceService() {
            @Override
            public void setEvents(DeviceEvents events) {
            }

            @Override
            public List<DeviceOption> devices(DeviceOption.Kind kind) {
                return List.of();
            }

            @Override
            public DeviceOption selected(DeviceOption.Kind kind) {
                return null;
            }

            @Override
            public void select(DeviceOption option) {
            }

            @Override
            public VideoSource preview() {
                return null;
            }

            @Override
            public double microphoneLevelDbfs() {
                return -100;
            }
        };
    }

    static SettingsStore inMemory() {
        return new SettingsStore() {
            private volatile UserSettings saved = UserSettings.DEFAULTS;

            @Override
            public UserSettings load() {
                return saved;
            }

            @Override
            public void save(UserSettings settings) {
                saved = settings;
            }
        };
    }
}
