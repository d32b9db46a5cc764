package dev.parley.rtc.nack;

/**
 * Limits and timing of a {@link NackGenerator}.
 *
 * @param maxListSize most sequence numbers waiting for retransmission at once; a larger loss clears the list and
 *     asks for a keyframe
 * @param maxRetries how many times one sequence number is NACKed before it is given up
 * @param maxPacketAge how far (in sequence numbers) behind the newest packet a missing one is still worth asking
 *     for; a jump larger than this restarts the generator
 * @param minRetryIntervalNanos floor of the time between two NACKs of one sequence number (the RTT is used when
 *     larger)
 * @param sendNackDelayNanos how long a sequence number must have been missing before its first NACK: an allowance
 *     for reordering; 0 NACKs a gap as soon as it is seen
 */
public record NackConfig(int maxListSize, int maxRetries, int maxPacketAge, long minRetryIntervalNanos,
                         long sendNackDelayNanos) {
    /** The list is preallocated at this size at most. */
    public static final int MAX_LIST_SIZE = 10_000;
    /** Must stay below half the 16-bit sequence space so that older and newer are unambiguous. */
    public static final int MAX_PACKET_AGE = 32_767;

    public NackConfig {
        if (maxListSize < 1 || maxListSize > MAX_LIST_SIZE) {
            throw new IllegalArgumentException("maxListSize must be in [1, " + MAX_LIST_SIZE + "]: " + maxListSize);
        }
        if (maxRetries < 1 || maxRetries > 1000) {
            throw new IllegalArgumentException("maxRetries must be in [1, 1000]: " + maxRetries);
        }
        if (maxPacketAge < 1 || maxPacketAge > MAX_PACKET_AGE) {
            throw new IllegalArgumentException("maxPacketAge must be in [1, " + MAX_PACKET_AGE + "]: "
                    + maxPacketAge);
        }
        if (minRetryIntervalNanos < 0 || sendNackDelayNanos < 0) {
            throw new IllegalArgumentException("intervals must not be negative");
        }
    }

    /** libwebrtc's limits: 1000 entries, 10 tries, 10000 packets of age; retries at least 20 ms apart, no delay. */
    public static NackConfig defaults() {
        return new NackConfig(1000, 10, 10_000, 20_000_000L, 0L);
    }
}
