package dev.parley.capture;

/** Opens a device by its description (a camera at the chosen format, a microphone, a speaker with its mixer). */
@FunctionalInterface
public interface DeviceOpener<D extends RunningDevice> {

    /** Opens the device; failures are results, not exceptions. */
    OpenResult<? extends D> open(DeviceInfo device);
}
