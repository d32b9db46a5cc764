package dev.parley.ui.call;

/**
 * One second of a participant's connection, for the stats overlay's charts (the app derives it from the engine's
 * {@code getStats()}). Rates are over the last second; counters are totals since the call began. {@code NaN} or -1
 * where not known yet.
 *
 * @param candidatePairType the selected candidate pair as "host", "srflx", "prflx" or "relay" (local/remote, e.g.
 *                          "host/srflx")
 */
public record CallStats(
        long timestampMillis,
        double receiveKbps,
        double sendKbps,
        double packetLossPercent,
        double rttMillis,
        double framesPerSecond,
        long fecRecoveredPackets,
        long nackedPackets,
        int frameWidth,
        int frameHeight,
        String videoCodec,
        String audioCodec,
        String candidatePairType) {
}
