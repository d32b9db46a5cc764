package dev.parley.rtc.net;

import java.io.IOException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one network thread of a peer connection (shared/ARCHITECTURE.md, "Threads"): it reads its UDP
 * sockets, runs its timers and its tasks, and owns all protocol state. Nothing else touches that state;
 * other threads hand work over with {@link #execute}. A failing task or handler is logged and counted,
 * never allowed to end the loop.
 */
public final class EventLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventLoop.class);

    private final Selector selector;
    private final Thread thread;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final AtomicLong failures = new AtomicLong();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;
    private long timerSequence;

    /** A scheduled task; cancel it from the loop thread or any other. */
    public static final class Timer implements Comparable<Timer> {
        final long deadlineNanos;
        final long sequence;
        final Runnable task;
        volatile boolean cancelled;

        Timer(long deadlineNanos, long sequence, Runnable task) {
            this.deadlineNanos = deadlineNanos;
            this.sequence = sequence;
            this.task = task;
        }

        public void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(deadlineNanos, o.deadlineNanos);
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }

    public EventLoop(String name) {
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot open a selector", e);
        }
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** True on the loop's own thread. */
    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Runs {@code task} on the loop thread, soon. Safe from any thread. */
    public void execute(Runnable task) {
        if (!running) {
            return;
        }
        tasks.add(task);
        selector.wakeup();
    }

    /** Runs {@code task} on the loop thread after {@code delay}. Safe from any thread. */
    public Timer schedule(Runnable task, long delay, TimeUnit unit) {
        Timer timer = new Timer(System.nanoTime() + unit.toNanos(Math.max(0, delay)), 0, task);
        execute(() -> timers.add(new Timer(timer.deadlineNanos, ++timerSequence, () -> {
            if (!timer.cancelled) {
                timer.task.run();
            }
        })));
        return timer;
    }

    /** Tasks and handlers that threw; each was logged and the loop went on. */
    public long failures() {
        return failures.get();
    }

    Selector selector() {
        return selector;
    }

    private void run() {
        try {
            while (running) {
                // Tasks first: they may add timers, which the select timeout must then know about.
                runTasks();
                long timeoutMillis = runDueTimers();
                if (!running) {
                    break;
                }
                if (!tasks.isEmpty()) {
                    timeoutMillis = -1;
                }
                if (timeoutMillis < 0) {
                    selector.selectNow();
                } else {
                    selector.select(timeoutMillis);
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    if (key.isValid() && key.isReadable() && key.attachment() instanceof UdpSocket socket) {
                        guard(socket::drain);
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | ClosedSelectorException e) {
            LOG.warn("Network loop stopped: {}", e.toString());
        } finally {
            for (SelectionKey key : selector.keys()) {
                if (key.attachment() instanceof UdpSocket socket) {
                    socket.closeNow();
                }
            }
            try {
                selector.close();
            } catch (IOException ignored) {
                // Nothing left to release.
            }
            stopped.countDown();
        }
    }

    /** Runs due timers; returns milliseconds until the next one, or 0 (select without timeout) when none is set. */
    private long runDueTimers() {
        long now = System.nanoTime();
        Timer next;
        while ((next = timers.peek()) != null && next.deadlineNanos <= now) {
            timers.poll();
            guard(next.task);
        }
        if (next == null) {
            return 0;
        }
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(next.deadlineNanos - now) + 1);
    }

    private void runTasks() {
        Runnable task;
        int budget = 1024;
        while (budget-- > 0 && (task = tasks.poll()) != null) {
            guard(task);
        }
    }

    private void guard(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            recordFailure(e);
        }
    }

    void recordFailure(RuntimeException e) {
        failures.incrementAndGet();
        LOG.warn("A network task failed; the connection goes on", e);
    }

    /** Stops the loop and closes its sockets; waits briefly for the thread when called from outside it. */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        selector.wakeup();
        if (!inLoop()) {
            try {
                stopped.await(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
