package dev.parley.rtc.media.synthetic;

import java.util.concurrent.locks.LockSupport;

/**
 * A daemon thread that runs a task at a steady period (a synthetic camera's frame clock, a tone's 10 ms clock): each
 * run is due one period after the previous one was due, so the rate does not drift with the task's own time; after
 * a long stall (a paused VM) it starts afresh instead of bursting to catch up. A task that throws does not stop it.
 * Public so capture's synthetic devices share this clock.
 */
public final class PacedThread implements AutoCloseable {

    private final Thread thread;
    private volatile boolean running = true;

    /** Starts the thread (a daemon named {@code name}); the first run is now. */
    public PacedThread(String name, long periodNanos, Runnable task) {
        this.thread = new Thread(() -> run(periodNanos, task), name);
        thread.setDaemon(true);
        thread.start();
    }

    private void run(long period, Runnable task) {
        long next = System.nanoTime();
        while (running) {
            try {
                task.run();
            } catch (RuntimeException e) {
                // A failing consumer must not stop the clock; the next tick goes out as usual.
            }
            next += period;
            long wait;
            // parkNanos may return early (spurious wake-ups): wait again until the run is really due.
            while (running && (wait = next - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (System.nanoTime() - next > period * 4) {
                next = System.nanoTime();
            }
        }
    }

    /** Stops the clock and waits (up to 2 s) for a run in progress; from the task itself it just stops. */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
