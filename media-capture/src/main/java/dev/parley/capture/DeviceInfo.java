package dev.parley.capture;

import java.util.Objects;

/**
 * One device as a person picks it: a stable {@code id} (what settings remember and what a catalog compares between
 * polls), the {@code name} shown in a picker, its kind, and whether it is a synthetic stand-in (test pattern, tone,
 * speech sample) rather than hardware.
 */
public record DeviceInfo(String id, String name, DeviceKind kind, boolean synthetic) {

    public DeviceInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    /** A hardware device. */
    public static DeviceInfo of(DeviceKind kind, String id, String name) {
        return new DeviceInfo(id, name, kind, false);
    }

    /** A synthetic stand-in. */
    public static DeviceInfo synthetic(DeviceKind kind, String id, String name) {
        return new DeviceInfo(id, name, kind, true);
    }

    @Override
    public String toString() {
        return name;
    }
}
