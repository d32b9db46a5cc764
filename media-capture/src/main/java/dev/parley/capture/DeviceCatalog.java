package dev.parley.capture;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cameras, microphones and speakers present now, kept up to date by polling each kind's {@link DeviceProvider}
 * (operating systems offer no portable hot-plug event to Java): a device that appears or disappears between two
 * polls is announced to every {@link DeviceListener}. Devices are compared by {@link DeviceInfo#id()}.
 *
 * <p>Polls run on one daemon thread ("parley-device-catalog"); {@link #pollNow()} runs one on the caller's thread
 * (at startup, so pickers are filled before the first interval). A provider that throws keeps its last list: a
 * driver hiccup must not look like every device being unplugged.
 */
public final class DeviceCatalog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceCatalog.class);

    /** How often devices are listed when polling: quick enough to follow a plug, cheap enough to go unnoticed. */
    public static final long DEFAULT_INTERVAL_MILLIS = 2000;

    private final Map<DeviceKind, DeviceProvider> providers;
    private final Map<DeviceKind, List<DeviceInfo>> current = new EnumMap<>(DeviceKind.class);
    private final List<DeviceListener> listeners = new CopyOnWriteArrayList<>();
    private final Object pollLock = new Object();
    private ScheduledExecutorService poller;

    public DeviceCatalog(Map<DeviceKind, DeviceProvider> providers) {
        this.providers = new EnumMap<>(DeviceKind.class);
        this.providers.putAll(providers);
        for (DeviceKind kind : DeviceKind.values()) {
            current.put(kind, List.of());
        }
    }

    public void addListener(DeviceListener listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removeListener(DeviceListener listener) {
        listeners.remove(listener);
    }

    /** The devices of a kind found by the last poll, in the provider's order. */
    public List<DeviceInfo> devices(DeviceKind kind) {
        synchronized (current) {
            return current.get(kind);
        }
    }

    /** Whether the last poll found the device (by id). */
    public boolean isPresent(DeviceInfo device) {
        return devices(device.kind()).stream().anyMatch(d -> d.id().equals(device.id()));
    }

    /** Starts polling every {@code intervalMillis} on the catalog's thread (once; later calls do nothing). */
    public synchronized void start(long intervalMillis) {
        if (poller != null) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parley-device-catalog");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::pollQuietly, 0, intervalMillis, TimeUnit.MILLISECONDS);
    }

    /** Lists every kind once now, announcing what changed since the previous poll. */
    public void pollNow() {
        synchronized (pollLock) {
            for (Map.Entry<DeviceKind, DeviceProvider> e : providers.entrySet()) {
                poll(e.getKey(), e.getValue());
            }
        }
    }

    private void pollQuietly() {
        try {
            pollNow();
        } catch (RuntimeException e) {
            LOG.warn("Device poll failed", e); // the next poll tries again
        }
    }

    private void poll(DeviceKind kind, DeviceProvider provider) {
        List<DeviceInfo> found;
        try {
            found = List.copyOf(provider.devices());
        } catch (RuntimeException e) {
            LOG.warn("Listing {}s failed; keeping the last list", kind.word(), e);
            return;
        }
        List<DeviceInfo> before;
        synchronized (current) {
            before = current.get(kind);
            current.put(kind, found);
        }
        for (DeviceInfo gone : missingFrom(before, found)) {
            LOG.info("{} removed: {}", kind.word(), gone.name());
            listeners.forEach(l -> notify(() -> l.onDeviceRemoved(gone)));
        }
        for (DeviceInfo added : missingFrom(found, before)) {
            LOG.info("{} added: {}", kind.word(), added.name());
            listeners.forEach(l -> notify(() -> l.onDeviceAdded(added)));
        }
    }

    /** The devices of {@code a} whose id is not in {@code b}. */
    private static List<DeviceInfo> missingFrom(List<DeviceInfo> a, List<DeviceInfo> b) {
        List<DeviceInfo> out = new ArrayList<>();
        for (DeviceInfo d : a) {
            if (b.stream().noneMatch(o -> o.id().equals(d.id()))) {
                out.add(d);
            }
        }
        return out;
    }

    private static void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("A device listener failed", e); // one bad listener must not starve the others
        }
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }
}
