package dev.parley.capture;

/**
 * A device that is open and working on its own thread (a camera capture, a microphone, a speaker). Watchers
 * ({@link FailoverVideoSource}, {@link FailoverAudioSource}) poll it: a device that failed says why through
 * {@link #failure()}, and one whose thread is stuck in a driver call shows it through an old
 * {@link #lastActivityNanos()}.
 */
public interface RunningDevice extends AutoCloseable {

    DeviceInfo device();

    /**
     * {@link System#nanoTime()} of the last frame captured or played, or of the opening until the first; a running
     * device advances it at least every frame period.
     */
    long lastActivityNanos();

    /** Why the device stopped (its thread has ended), or {@code null} while it runs or after a clean close. */
    DeviceProblem failure();

    /** Stops the thread and releases the device; never throws, never blocks for more than about a second. */
    @Override
    void close();
}
