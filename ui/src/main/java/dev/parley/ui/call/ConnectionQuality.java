package dev.parley.ui.call;

/** A connection's health as a person reads it from a badge. */
public enum ConnectionQuality {
    UNKNOWN("Checking connection"),
    GOOD("Good connection"),
    FAIR("Unstable connection"),
    POOR("Poor connection");

    private final String description;

    ConnectionQuality(String description) {
        this.description = description;
    }

    /** Accessible text for the badge. */
    public String description() {
        return description;
    }

    /** From loss and round-trip time: good under 2% and 250 ms, poor over 10% or 600 ms. */
    public static ConnectionQuality of(double lossPercent, double rttMillis) {
        if (Double.isNaN(lossPercent) && Double.isNaN(rttMillis)) {
            return UNKNOWN;
        }
        double loss = Double.isNaN(lossPercent) ? 0 : lossPercent;
        double rtt = Double.isNaN(rttMillis) ? 0 : rttMillis;
        if (loss > 10 || rtt > 600) {
            return POOR;
        }
        if (loss > 2 || rtt > 250) {
            return FAIR;
        }
        return GOOD;
    }
}
