package dev.parley.ui.devices;

/** Device changes reported by the app, from any thread. */
public interface DeviceEvents {

    /** The list of a kind changed (plugged in or out): pickers reload it. */
    void onDevicesChanged(DeviceOption.Kind kind);

    /** The device in use for a kind is now {@code now} ({@code null}: none), with a sentence saying why. */
    void onDeviceSwitched(DeviceOption.Kind kind, DeviceOption now, String sentence);
}
