package dev.parley.capture;

import java.util.List;

/**
 * Lists the devices of one kind that are present now (real cameras through sarxos, Java Sound mixers, a fake one in
 * tests). A {@link DeviceCatalog} polls it to notice devices arriving and leaving.
 */
@FunctionalInterface
public interface DeviceProvider {

    /**
     * The devices present now, in the order a picker shows them. Returns within a bounded time (a few seconds at
     * most) and returns an empty list, never throws, when the subsystem is missing or fails.
     */
    List<DeviceInfo> devices();
}
