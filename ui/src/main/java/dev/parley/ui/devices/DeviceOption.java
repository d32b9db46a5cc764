package dev.parley.ui.devices;

import java.util.Objects;

/** One entry of a device picker: a stable id, the name shown, and whether it is a stand-in ("Test pattern"). */
public record DeviceOption(Kind kind, String id, String name, boolean synthetic) {

    /** The three pickers. */
    public enum Kind { CAMERA, MICROPHONE, SPEAKER }

    public DeviceOption {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return name;
    }
}
