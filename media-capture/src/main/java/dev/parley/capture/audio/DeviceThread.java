package dev.parley.capture.audio;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Starting and stopping a device's thread within bounded time. Stopping a Java Sound line ({@code stop()},
 * {@code flush()}) wakes a blocked read or write, but takes locks a driver call may hold; so the waking runs on a
 * short-lived helper thread and the caller waits for the device thread at most a given time. A device thread still
 * stuck in its driver after that is abandoned (it is a daemon and releases its line when it returns).
 */
final class DeviceThread {

    private DeviceThread() {
    }

    static Thread start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * Runs {@code wake} on a helper thread (e.g. {@code line.stop(); line.flush()}) and waits up to
     * {@code timeoutMillis} in all for {@code deviceThread} to end. Returns whether it ended.
     */
    static boolean stop(Thread deviceThread, Runnable wake, String wakerName, long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        LockSupport.unpark(deviceThread);
        start(wakerName, () -> {
            try {
                wake.run();
            } catch (RuntimeException e) {
                // The line is already failing or closed; the device thread notices on its own.
            }
        });
        if (deviceThread == Thread.currentThread()) {
            return false;
        }
        boolean interrupted = false;
        try {
            while (deviceThread.isAlive()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedJoin(deviceThread, left);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            return true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
