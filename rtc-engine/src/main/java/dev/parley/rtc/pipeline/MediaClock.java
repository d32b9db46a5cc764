package dev.parley.rtc.pipeline;

import dev.parley.rtc.rtcp.NtpTime;

/**
 * Maps the monotonic clock frames are stamped with ({@link System#nanoTime()}) to the wall clock that RTCP sender
 * reports carry (NTP, RFC 3550 §6.4.1), fixed once so that steps of the wall clock do not jump the mapping.
 */
public final class MediaClock {

    public static final MediaClock SYSTEM = new MediaClock(System.currentTimeMillis() * 1_000_000L - System.nanoTime());

    private final long wallMinusMonotonic;

    MediaClock(long wallMinusMonotonic) {
        this.wallMinusMonotonic = wallMinusMonotonic;
    }

    /** The NTP timestamp of a {@code System.nanoTime()} instant. */
    public long ntp(long monotonicNanos) {
        return NtpTime.fromUnixNanos(monotonicNanos + wallMinusMonotonic);
    }

    /** The unix time in microseconds of a monotonic instant (the timestamps of stats reports). */
    public long unixMicros(long monotonicNanos) {
        return (monotonicNanos + wallMinusMonotonic) / 1000;
    }
}
