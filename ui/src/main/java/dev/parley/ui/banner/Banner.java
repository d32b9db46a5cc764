package dev.parley.ui.banner;

import dev.parley.ui.call.Notice;
import java.util.Objects;

/**
 * One banner on screen: the {@link Notice} it shows, the key of the condition it reports (so it can be replaced or
 * resolved: "call-status"), and when it goes away by itself ({@link Long#MAX_VALUE}: it stays until dismissed or
 * resolved). Immutable; {@link BannerQueue} makes them.
 */
public final class Banner {

    private final long id;
    private final Notice notice;
    private final String key;
    private final long expiresAtMillis;

    Banner(long id, Notice notice, String key, long expiresAtMillis) {
        this.id = id;
        this.notice = Objects.requireNonNull(notice, "notice");
        this.key = key;
        this.expiresAtMillis = expiresAtMillis;
    }

    /** Unique within its queue; the view names the banner's node {@code banner-<id>}. */
    public long id() {
        return id;
    }

    public Notice notice() {
        return notice;
    }

    public Notice.Severity severity() {
        return notice.severity();
    }

    /** The condition this banner reports, or {@code null} for a one-off message. */
    public String key() {
        return key;
    }

    /** Whether the banner stays until dismissed or resolved (warnings, errors, progress such as "Connecting…"). */
    public boolean sticky() {
        return expiresAtMillis == Long.MAX_VALUE;
    }

    /** When the banner goes away by itself, on the queue's clock; {@link Long#MAX_VALUE} when sticky. */
    public long expiresAtMillis() {
        return expiresAtMillis;
    }

    /** What a screen reader says: the severity, the sentence and what to do. */
    public String accessibleText() {
        String kind = switch (notice.severity()) {
            case INFO -> "Information";
            case WARNING -> "Warning";
            case ERROR -> "Error";
        };
        String action = notice.action().isBlank() ? "" : " " + notice.action();
        return kind + ": " + notice.sentence() + action;
    }

    @Override
    public String toString() {
        return "Banner[" + id + " " + notice.severity() + " " + notice.sentence()
                + (key == null ? "" : " key=" + key) + (sticky() ? " sticky" : "") + "]";
    }
}
