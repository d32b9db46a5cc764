package dev.parley.capture;

/** Told by a {@link DeviceCatalog} when a device appears or disappears, on the catalog's polling thread. */
public interface DeviceListener {

    void onDeviceAdded(DeviceInfo device);

    void onDeviceRemoved(DeviceInfo device);
}
