package dev.parley.ui.video;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * The shared pulse of {@link VideoPresentation#PULSE}: at the start of each JavaFX pulse it lets every pane with a
 * source present its newest frame. It counts the pulses it saw, which tells a pane when a picture it stopped showing
 * has been synchronised away from the renderer (a pulse later) and may be written again.
 *
 * <p>It runs while a pane has a frame to show and sleeps after {@value #IDLE_PULSES} pulses without any, so an idle
 * call view does not keep JavaFX pulsing; a source thread that hands over a frame while it sleeps wakes it with one
 * runLater. Panes join and leave on the JavaFX thread.
 */
final class PulsePresenter extends AnimationTimer {

    static final int IDLE_PULSES = 30;

    /** Set once the presenter exists, so measurements do not make one. */
    private static volatile PulsePresenter created;

    // JavaFX thread only.
    private final List<VideoPane> panes = new ArrayList<>();
    private long pulses;
    private int idle;
    private boolean running;

    // Read by source threads.
    private volatile boolean sleeping = true;
    private final AtomicBoolean wakePosted = new AtomicBoolean();
    private final AtomicLong busyNanos = new AtomicLong();
    private final Runnable wakeTask = this::wakeFromQueue;

    private PulsePresenter() {
        created = this;
    }

    /** The presenter of this JavaFX toolkit, made on first use (a pane getting a source, on the JavaFX thread). */
    static PulsePresenter get() {
        return Holder.INSTANCE;
    }

    /** Nanoseconds spent in pulses presenting so far (all panes), for measurements; any thread. */
    static long busyNanosTotal() {
        PulsePresenter p = created;
        return p == null ? 0 : p.busyNanos.get();
    }

    /** Thread-safe lazy creation: source threads reach the presenter too. */
    private static final class Holder {
        static final PulsePresenter INSTANCE = new PulsePresenter();
    }

    void add(VideoPane pane) {
        if (!panes.contains(pane)) {
            panes.add(pane);
        }
        wake();
    }

    void remove(VideoPane pane) {
        panes.remove(pane);
        if (panes.isEmpty()) {
            sleep();
        }
    }

    /** Whether the timer is stopped for want of frames (for tests). */
    boolean isSleeping() {
        return sleeping;
    }

    /** Called on a source thread after a pane's frame became ready. */
    void frameReady() {
        if (sleeping && wakePosted.compareAndSet(false, true)) {
            Platform.runLater(wakeTask);
        }
    }

    @Override
    public void handle(long now) {
        long t0 = System.nanoTime();
        pulses++;
        boolean presented = false;
        for (int i = 0; i < panes.size(); i++) {
            presented |= panes.get(i).presentInPulse(pulses);
        }
        if (presented) {
            idle = 0;
        } else if (++idle > IDLE_PULSES) {
            sleep();
            // A frame that became ready after its pane was looked at, but before sleeping was set, is seen here.
            for (int i = 0; i < panes.size(); i++) {
                if (panes.get(i).hasReadyFrame()) {
                    wake();
                    break;
                }
            }
        }
        busyNanos.addAndGet(System.nanoTime() - t0);
    }

    private void wakeFromQueue() {
        wakePosted.set(false);
        if (!panes.isEmpty()) {
            wake();
        }
    }

    private void wake() {
        idle = 0;
        sleeping = false;
        if (!running) {
            running = true;
            start();
        }
    }

    private void sleep() {
        sleeping = true;
        if (running) {
            running = false;
            stop();
        }
    }
}
