package dev.parley.rtc.rtcp;

import java.time.Instant;

/**
 * 64-bit NTP timestamps (RFC 3550 §4: seconds since 1900 in the high 32 bits, fraction in the low 32) and the
 * "middle 32 bits" (16.16) form used by LSR/DLSR. Era 0 (until 2036) is assumed when converting back.
 */
public final class NtpTime {
    /** Seconds from 1900-01-01 to 1970-01-01. */
    public static final long UNIX_EPOCH_OFFSET_SECONDS = 2_208_988_800L;
    private static final long NANOS = 1_000_000_000L;

    private NtpTime() {
    }

    public static long fromUnixNanos(long unixNanos) {
        long seconds = Math.floorDiv(unixNanos, NANOS) + UNIX_EPOCH_OFFSET_SECONDS;
        long frac = (Math.floorMod(unixNanos, NANOS) << 32) / NANOS;
        return (seconds << 32) | frac;
    }

    public static long toUnixNanos(long ntp) {
        long seconds = (ntp >>> 32) - UNIX_EPOCH_OFFSET_SECONDS;
        long frac = ((ntp & 0xffffffffL) * NANOS + (1L << 31)) >>> 32;
        return seconds * NANOS + frac;
    }

    public static long fromInstant(Instant t) {
        return fromUnixNanos(t.getEpochSecond() * NANOS + t.getNano());
    }

    public static Instant toInstant(long ntp) {
        long nanos = toUnixNanos(ntp);
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS), Math.floorMod(nanos, NANOS));
    }

    /** RFC 3550 §6.4.1: the middle 32 bits of an NTP timestamp (LSR), as an unsigned value. */
    public static long middle32(long ntp) {
        return (ntp >>> 16) & 0xffffffffL;
    }

    /** A duration in 1/65536 s units (DLSR, RTT) as nanoseconds. */
    public static long units16ToNanos(long units) {
        return (units * NANOS) >> 16;
    }

    /** A duration in nanoseconds as 1/65536 s units (for DLSR), saturating at 32 bits. */
    public static long nanosToUnits16(long nanos) {
        if (nanos <= 0) {
            return 0;
        }
        if (nanos >= 65_536L * NANOS) {
            return 0xffffffffL;
        }
        return (nanos / 1000 << 16) / 1_000_000L;
    }
}
