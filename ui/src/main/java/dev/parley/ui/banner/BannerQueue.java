package dev.parley.ui.banner;

import dev.parley.ui.call.Notice;
import java.util.Objects;
import java.util.function.LongSupplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The banners a screen shows, newest last. Information fades after {@link #INFO_MILLIS} (on {@link #tick()});
 * warnings and errors stay until the person dismisses them or the condition is resolved by its key. The same
 * sentence is never shown twice: showing it again refreshes the banner in place. At most {@link #MAX_VISIBLE}
 * banners are kept; beyond that the oldest information goes first, then the oldest of any kind.
 *
 * <p>Not thread-safe: use it on the JavaFX thread (view models apply events there). The clock is injected so tests
 * control time.
 */
public final class BannerQueue {

    /** How long an information banner stays. */
    public static final long INFO_MILLIS = 4_000;
    /** How many banners are shown at once. */
    public static final int MAX_VISIBLE = 4;

    private final LongSupplier clockMillis;
    private final ObservableList<Banner> banners = FXCollections.observableArrayList();
    private final ObservableList<Banner> readOnly = FXCollections.unmodifiableObservableList(banners);
    private long nextId = 1;

    /** @param clockMillis a monotonic clock in milliseconds */
    public BannerQueue(LongSupplier clockMillis) {
        this.clockMillis = Objects.requireNonNull(clockMillis, "clockMillis");
    }

    /** The banners on screen, oldest first. */
    public ObservableList<Banner> banners() {
        return readOnly;
    }

    /** Shows a one-off notice: information fades, warnings and errors stay. */
    public Banner show(Notice notice) {
        return show(notice, null);
    }

    /**
     * Shows {@code notice} for the condition {@code key} ({@code null}: a one-off), replacing in place the banner of
     * the same key, or a one-off banner with an equal notice (its time starts again).
     */
    public Banner show(Notice notice, String key) {
        long expires = notice.severity() == Notice.Severity.INFO ? clockMillis.getAsLong() + INFO_MILLIS
                : Long.MAX_VALUE;
        return put(notice, key, expires);
    }

    /** Shows {@code notice} until it is dismissed or {@link #resolve resolved}, whatever its severity. */
    public Banner showUntilResolved(Notice notice, String key) {
        return put(notice, Objects.requireNonNull(key, "key"), Long.MAX_VALUE);
    }

    private Banner put(Notice notice, String key, long expires) {
        Objects.requireNonNull(notice, "notice");
        Banner banner = new Banner(nextId++, notice, key, expires);
        int at = indexOfSame(notice, key);
        if (at >= 0) {
            banners.set(at, banner);
            return banner;
        }
        banners.add(banner);
        while (banners.size() > MAX_VISIBLE) {
            banners.remove(oldestToDrop());
        }
        return banner;
    }

    private int indexOfSame(Notice notice, String key) {
        for (int i = 0; i < banners.size(); i++) {
            Banner b = banners.get(i);
            if (key != null && key.equals(b.key())) {
                return i;
            }
            if (b.notice().equals(notice) && Objects.equals(key, b.key())) {
                return i;
            }
        }
        return -1;
    }

    private int oldestToDrop() {
        for (int i = 0; i < banners.size(); i++) {
            if (!banners.get(i).sticky()) {
                return i;
            }
        }
        return 0;
    }

    /** The person closed {@code banner}; false if it was gone already. */
    public boolean dismiss(Banner banner) {
        return banners.remove(banner);
    }

    /** The condition {@code key} is over: its banner goes; false if there was none. */
    public boolean resolve(String key) {
        return banners.removeIf(b -> key.equals(b.key()));
    }

    /** The banner of condition {@code key}, or {@code null}. */
    public Banner find(String key) {
        for (Banner b : banners) {
            if (key.equals(b.key())) {
                return b;
            }
        }
        return null;
    }

    /** Removes the banners whose time is up; call it a few times a second. */
    public void tick() {
        long now = clockMillis.getAsLong();
        banners.removeIf(b -> b.expiresAtMillis() <= now);
    }

    /** Removes every banner. */
    public void clear() {
        banners.clear();
    }
}
