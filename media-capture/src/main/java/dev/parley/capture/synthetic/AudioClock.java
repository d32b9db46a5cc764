package dev.parley.capture.synthetic;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The 10 ms real-time clock of a synthetic microphone: a daemon thread that runs a task every period, each run due
 * one period after the previous one was due (no drift from the task's own time). After a long stall (a paused VM) it
 * starts afresh rather than bursting to catch up. A task that throws does not stop it.
 */
final class AudioClock implements AutoCloseable {

    static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long CLOSE_TIMEOUT_MILLIS = 1_000;

    private final Thread thread;
    private volatile boolean running = true;

    AudioClock(String name, Runnable task) {
        thread = new Thread(() -> run(task), name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run(Runnable task) {
        long due = System.nanoTime();
        while (running) {
            try {
                task.run();
            } catch (RuntimeException e) {
                // A failing consumer must not stop the clock; the next frame goes out on time.
            }
            due += PERIOD_NANOS;
            long wait;
            while (running && (wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (System.nanoTime() - due > 5 * PERIOD_NANOS) {
                due = System.nanoTime();
            }
        }
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        if (thread == Thread.currentThread() || !thread.isAlive()) {
            return;
        }
        try {
            thread.join(CLOSE_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
