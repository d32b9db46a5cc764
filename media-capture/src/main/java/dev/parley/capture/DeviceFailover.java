package dev.parley.capture;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one device of a kind working through a call: opens the one the person chose, and when it fails, stops
 * delivering (its thread stuck in a driver) or is unplugged, closes it and opens the next one the
 * {@link DeviceCatalog} lists, else the synthetic fallback (test pattern, silence, no speaker), and tells the person
 * with a {@link DeviceNotice}. When the chosen device comes back — or, while on the fallback, any real device
 * appears — it switches to it.
 *
 * <p>Every open, close and switch runs on the failover's own daemon thread, so neither the UI thread nor the
 * catalog's thread ever waits on a driver; notices and {@code onActivated} are called on it. A watchdog on the same
 * thread looks at the device every {@value #WATCH_MILLIS} ms.
 */
public final class DeviceFailover<D extends RunningDevice> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceFailover.class);

    static final long WATCH_MILLIS = 250;
    /** A device silent this long is stuck: real cameras deliver their first frame well within it. */
    public static final long DEFAULT_STALL_NANOS = 3_000_000_000L;

    private final DeviceKind kind;
    private final DeviceCatalog catalog;
    private final DeviceOpener<? extends D> opener;
    private final DeviceInfo fallback;
    private final Consumer<D> onActivated;
    private final LongSupplier clock;
    private final long stallNanos;
    private final ScheduledExecutorService thread;
    private final DeviceListener catalogListener = new DeviceListener() {
        @Override
        public void onDeviceAdded(DeviceInfo device) {
            if (device.kind() == kind) {
                thread.execute(() -> deviceAdded(device));
            }
        }

        @Override
        public void onDeviceRemoved(DeviceInfo device) {
            if (device.kind() == kind) {
                thread.execute(() -> deviceRemoved(device));
            }
        }
    };
    private volatile Consumer<DeviceNotice> notices = n -> { };
    private volatile D current;
    private volatile boolean closed;
    // Failover thread only.
    private DeviceInfo preferred;

    /**
     * @param fallback the synthetic device opened when no real one works, or {@code null} for none
     * @param onActivated attaches a newly opened device (sets its sink); called on the failover thread before the
     *                    device becomes {@link #current()}
     */
    public DeviceFailover(DeviceKind kind, DeviceCatalog catalog, DeviceOpener<? extends D> opener, DeviceInfo fallback,
                          Consumer<D> onActivated) {
        this(kind, catalog, opener, fallback, onActivated, System::nanoTime, DEFAULT_STALL_NANOS);
    }

    DeviceFailover(DeviceKind kind, DeviceCatalog catalog, DeviceOpener<? extends D> opener, DeviceInfo fallback,
                   Consumer<D> onActivated, LongSupplier clock, long stallNanos) {
        this.kind = Objects.requireNonNull(kind);
        this.catalog = Objects.requireNonNull(catalog);
        this.opener = Objects.requireNonNull(opener);
        this.fallback = fallback;
        this.onActivated = Objects.requireNonNull(onActivated);
        this.clock = clock;
        this.stallNanos = stallNanos;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parley-" + kind.word() + "-failover");
            t.setDaemon(true);
            return t;
        });
        catalog.addListener(catalogListener);
        thread.scheduleWithFixedDelay(this::watch, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Where notices go (a UI banner, a log line); called on the failover thread. */
    public void onNotice(Consumer<DeviceNotice> listener) {
        notices = listener == null ? n -> { } : listener;
    }

    /** The device delivering now, or {@code null}. */
    public D current() {
        return current;
    }

    /**
     * Uses {@code device} from now on (the person's choice; {@code null} = the first the catalog lists). If it
     * cannot be opened, the notice carries the problem and the next device is used instead.
     */
    public CompletableFuture<DeviceNotice> select(DeviceInfo device) {
        CompletableFuture<DeviceNotice> done = new CompletableFuture<>();
        thread.execute(() -> {
            try {
                preferred = device;
                done.complete(choose());
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /** Runs one watchdog pass now and waits for it (tests and diagnostics). */
    void checkNow() {
        CompletableFuture.runAsync(this::watch, thread).join();
    }

    private DeviceNotice choose() {
        D old = current;
        DeviceInfo from = old == null ? null : old.device();
        deactivate();
        DeviceProblem problem = null;
        Set<String> tried = new HashSet<>();
        if (preferred != null) {
            tried.add(preferred.id());
            OpenResult<D> r = open(preferred);
            if (r.deviceOrNull() != null) {
                return activate(r.deviceOrNull(), from, null);
            }
            problem = r.problemOrNull();
        }
        return openNext(from, problem, tried);
    }

    /** Tries the catalog's devices in order, except those in {@code skip}, then the fallback. */
    private DeviceNotice openNext(DeviceInfo from, DeviceProblem problem, Set<String> skip) {
        List<DeviceInfo> candidates = new ArrayList<>();
        for (DeviceInfo d : catalog.devices(kind)) {
            if (!skip.contains(d.id()) && !d.synthetic()) {
                candidates.add(d);
            }
        }
        if (fallback != null && !skip.contains(fallback.id())) {
            candidates.add(fallback);
        }
        for (DeviceInfo d : candidates) {
            OpenResult<D> r = open(d);
            if (r.deviceOrNull() != null) {
                if (problem == null && d == fallback) {
                    problem = noDevice(); // say why a stand-in is used
                }
                return activate(r.deviceOrNull(), from, problem);
            }
            LOG.info("{} '{}' could not be opened either: {}", kind.word(), d.name(), r.problemOrNull().detail());
            if (problem == null) {
                problem = r.problemOrNull();
            }
        }
        if (problem == null) {
            problem = noDevice();
        }
        return announce(new DeviceNotice(kind, from, null, problem));
    }

    private DeviceProblem noDevice() {
        switch (kind) {
            case CAMERA:
                return DeviceProblem.noCamera();
            case MICROPHONE:
                return DeviceProblem.noMicrophone();
            default:
                return DeviceProblem.noSpeaker();
        }
    }

    private OpenResult<D> open(DeviceInfo device) {
        try {
            return OpenResult.widen(opener.open(device));
        } catch (RuntimeException e) {
            return OpenResult.failed(DeviceProblem.failed(device, String.valueOf(e)));
        }
    }

    private DeviceNotice activate(D device, DeviceInfo from, DeviceProblem problem) {
        if (closed) {
            device.close();
            return new DeviceNotice(kind, from, null, problem);
        }
        try {
            onActivated.accept(device);
        } catch (RuntimeException e) {
            LOG.warn("Attaching {} '{}' failed", kind.word(), device.device().name(), e);
        }
        current = device;
        return announce(new DeviceNotice(kind, from, device.device(), problem));
    }

    private void deactivate() {
        D old = current;
        current = null;
        if (old != null) {
            try {
                old.close();
            } catch (RuntimeException e) {
                LOG.warn("Closing {} '{}' failed", kind.word(), old.device().name(), e);
            }
        }
    }

    private DeviceNotice announce(DeviceNotice notice) {
        LOG.info("{}", notice.message());
        try {
            notices.accept(notice);
        } catch (RuntimeException e) {
            LOG.warn("A device notice listener failed", e);
        }
        return notice;
    }

    private void watch() {
        D device = current;
        if (device == null || closed) {
            return;
        }
        DeviceProblem failure = device.failure();
        long silentNanos = clock.getAsLong() - device.lastActivityNanos();
        if (failure == null && silentNanos > stallNanos) {
            failure = DeviceProblem.lost(device.device(), "no activity for " + silentNanos / 1_000_000 + " ms");
        }
        if (failure != null) {
            lost(device, failure);
        }
    }

    private void lost(D device, DeviceProblem problem) {
        LOG.warn("{} '{}' lost: {}", kind.word(), device.device().name(), problem.detail());
        deactivate();
        Set<String> skip = new HashSet<>();
        skip.add(device.device().id());
        openNext(device.device(), problem, skip);
    }

    private void deviceRemoved(DeviceInfo removed) {
        D device = current;
        if (device != null && device.device().id().equals(removed.id()) && !closed) {
            lost(device, DeviceProblem.lost(device.device(), "the device is no longer listed"));
        }
    }

    private void deviceAdded(DeviceInfo added) {
        if (closed || added.synthetic()) {
            return;
        }
        D device = current;
        boolean preferredBack = preferred != null && preferred.id().equals(added.id())
                && (device == null || !device.device().id().equals(added.id()));
        boolean betterThanNothing = device == null || (device.device().synthetic()
                && (preferred == null || !preferred.synthetic()));
        if (!preferredBack && !betterThanNothing) {
            return;
        }
        DeviceInfo from = device == null ? null : device.device();
        deactivate();
        OpenResult<D> r = open(added);
        if (r.deviceOrNull() != null) {
            activate(r.deviceOrNull(), from, null);
        } else {
            Set<String> skip = new HashSet<>();
            skip.add(added.id());
            openNext(from, r.problemOrNull(), skip);
        }
    }

    /** Stops watching and closes the device; bounded by the device's own bounded close. */
    @Override
    public void close() {
        closed = true;
        catalog.removeListener(catalogListener);
        try {
            thread.submit(this::deactivate).get(3, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Closing the {} took too long; leaving it to its own thread", kind.word());
        }
        thread.shutdownNow();
    }
}
