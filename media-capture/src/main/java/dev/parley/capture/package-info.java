/**
 * Camera, microphone and speaker, and synthetic stand-ins for them, feeding the engine's frame types.
 *
 * <p>This package holds what every kind of device shares: {@link dev.parley.capture.DeviceInfo} (what a picker
 * shows), {@link dev.parley.capture.DeviceProblem} (why a device cannot be used, in words a person can act on),
 * {@link dev.parley.capture.OpenResult} (opening never throws for a device's own failures),
 * {@link dev.parley.capture.RunningDevice} (an open device, watched), the {@link dev.parley.capture.DeviceCatalog}
 * that polls for hot-plug, and {@link dev.parley.capture.DeviceFailover} with its two sources, which keep a camera
 * and a microphone working through a call. Sub-packages: {@code camera} (sarxos), {@code audio} (Java Sound),
 * {@code synthetic} (test pattern, tone, speech sample), {@code local} (all of it assembled for one person).
 */
package dev.parley.capture;
