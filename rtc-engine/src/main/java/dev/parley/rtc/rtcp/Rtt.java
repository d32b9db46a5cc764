package dev.parley.rtc.rtcp;

/** Round-trip time from a report block (RFC 3550 §6.4.1: RTT = A - LSR - DLSR, in 1/65536 s). */
public final class Rtt {
    private Rtt() {
    }

    /**
     * The RTT in nanoseconds, or -1 when the block carries no LSR (the peer has not received an SR yet).
     * A negative result (clock steps, a lying peer) is reported as 0.
     *
     * @param arrivalMiddle32 the report's arrival time, {@link NtpTime#middle32} of the local NTP clock
     */
    public static long nanos(long arrivalMiddle32, long lastSenderReport, long delaySinceLastSenderReport) {
        if (lastSenderReport == 0) {
            return -1;
        }
        int units = (int) (arrivalMiddle32 - lastSenderReport - delaySinceLastSenderReport);
        return units <= 0 ? 0 : NtpTime.units16ToNanos(units);
    }
}
