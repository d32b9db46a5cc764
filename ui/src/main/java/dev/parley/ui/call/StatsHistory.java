package dev.parley.ui.call;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.chart.XYChart;

/**
 * One participant's recent connection figures for the stats overlay: the last {@link #WINDOW_MILLIS} of
 * {@link CallStats} samples (at most {@link #MAX_SAMPLES}), as chart series whose x is seconds since the first sample,
 * plus the current figures as text. Changed on the JavaFX thread only.
 */
public final class StatsHistory {

    /** How much history the charts show. */
    public static final long WINDOW_MILLIS = 60_000;
    /** A bound on the samples kept, whatever their rate. */
    public static final int MAX_SAMPLES = 120;

    /** A charted figure. */
    public enum Metric {
        RECEIVE_KBPS("Receive", "kbps", CallStats::receiveKbps),
        SEND_KBPS("Send", "kbps", CallStats::sendKbps),
        PACKET_LOSS("Packet loss", "%", CallStats::packetLossPercent),
        RTT("Round trip", "ms", CallStats::rttMillis),
        FPS("Frame rate", "fps", CallStats::framesPerSecond);

        private final String label;
        private final String unit;
        private final ToDoubleFunction<CallStats> value;

        Metric(String label, String unit, ToDoubleFunction<CallStats> value) {
            this.label = label;
            this.unit = unit;
            this.value = value;
        }

        public String label() {
            return label;
        }

        public String unit() {
            return unit;
        }

        /** The figure in {@code s}; NaN when not known. */
        public double of(CallStats s) {
            double v = value.applyAsDouble(s);
            return v < 0 ? Double.NaN : v;
        }
    }

    private final ArrayDeque<CallStats> samples = new ArrayDeque<>();
    private final Map<Metric, XYChart.Series<Number, Number>> series = new EnumMap<>(Metric.class);
    private final ReadOnlyObjectWrapper<CallStats> latest = new ReadOnlyObjectWrapper<>(this, "latest");
    private final ReadOnlyStringWrapper resolution = new ReadOnlyStringWrapper(this, "resolution", "—");
    private final ReadOnlyStringWrapper codecs = new ReadOnlyStringWrapper(this, "codecs", "—");
    private final ReadOnlyStringWrapper fecRecovered = new ReadOnlyStringWrapper(this, "fecRecovered", "—");
    private final ReadOnlyStringWrapper nacked = new ReadOnlyStringWrapper(this, "nacked", "—");
    private final ReadOnlyStringWrapper candidatePair = new ReadOnlyStringWrapper(this, "candidatePair", "—");
    private long firstTimestamp = Long.MIN_VALUE;

    public StatsHistory() {
        for (Metric m : Metric.values()) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(m.label());
            series.put(m, s);
        }
    }

    /** Adds a sample; samples older than the window (or beyond the bound) leave the history and the charts. */
    public void add(CallStats stats) {
        if (firstTimestamp == Long.MIN_VALUE) {
            firstTimestamp = stats.timestampMillis();
        }
        samples.addLast(stats);
        long oldest = stats.timestampMillis() - WINDOW_MILLIS;
        int drop = 0;
        while (samples.size() > MAX_SAMPLES || samples.peekFirst().timestampMillis() < oldest) {
            samples.removeFirst();
            drop++;
        }
        double x = (stats.timestampMillis() - firstTimestamp) / 1000.0;
        for (Metric m : Metric.values()) {
            List<XYChart.Data<Number, Number>> data = series.get(m).getData();
            // The charts hold only known values, so their points are the samples' less the NaN ones: trim by x.
            double cut = samples.peekFirst().timestampMillis() - firstTimestamp;
            if (drop > 0) {
                data.removeIf(d -> d.getXValue().doubleValue() * 1000.0 < cut - 0.5);
            }
            double v = m.of(stats);
            if (!Double.isNaN(v)) {
                data.add(new XYChart.Data<>(x, v));
            }
        }
        latest.set(stats);
        resolution.set(stats.frameWidth() > 0 && stats.frameHeight() > 0
                ? stats.frameWidth() + " × " + stats.frameHeight() : "—");
        codecs.set(codecsText(stats.videoCodec(), stats.audioCodec()));
        fecRecovered.set(countText(stats.fecRecoveredPackets()));
        nacked.set(countText(stats.nackedPackets()));
        candidatePair.set(describePair(stats.candidatePairType()));
    }

    /** The samples in the window, oldest first (a copy). */
    public List<CallStats> samples() {
        return new ArrayList<>(samples);
    }

    public int size() {
        return samples.size();
    }

    /** The chart series of {@code metric}: x in seconds since this participant's first sample, y in its unit. */
    public XYChart.Series<Number, Number> series(Metric metric) {
        return series.get(metric);
    }

    public ReadOnlyObjectProperty<CallStats> latestProperty() {
        return latest.getReadOnlyProperty();
    }

    /** "640 × 480", or "—". */
    public ReadOnlyStringProperty resolutionProperty() {
        return resolution.getReadOnlyProperty();
    }

    /** "H264 video, opus audio", or "—". */
    public ReadOnlyStringProperty codecsProperty() {
        return codecs.getReadOnlyProperty();
    }

    /** "12 packets" recovered by forward error correction, or "—". */
    public ReadOnlyStringProperty fecRecoveredProperty() {
        return fecRecovered.getReadOnlyProperty();
    }

    /** "3 packets" asked again by NACK, or "—". */
    public ReadOnlyStringProperty nackedProperty() {
        return nacked.getReadOnlyProperty();
    }

    /** The selected candidate pair in words, e.g. "Relayed by a TURN server (relay/host)". */
    public ReadOnlyStringProperty candidatePairProperty() {
        return candidatePair.getReadOnlyProperty();
    }

    static String codecsText(String video, String audio) {
        boolean v = video != null && !video.isBlank();
        boolean a = audio != null && !audio.isBlank();
        if (v && a) {
            return video + " video, " + audio + " audio";
        }
        if (v) {
            return video + " video";
        }
        return a ? audio + " audio" : "—";
    }

    static String countText(long n) {
        if (n < 0) {
            return "—";
        }
        return n == 1 ? "1 packet" : String.format(Locale.ROOT, "%,d packets", n);
    }

    /** "host", "srflx", "prflx", "relay" on either side, as a person reads it. */
    static String describePair(String type) {
        if (type == null || type.isBlank()) {
            return "—";
        }
        String t = type.toLowerCase(Locale.ROOT);
        if (t.contains("relay")) {
            return "Relayed by a TURN server (" + type + ")";
        }
        if (t.contains("srflx") || t.contains("prflx")) {
            return "Direct, through NAT (" + type + ")";
        }
        if (t.contains("host")) {
            return "Direct, local network (" + type + ")";
        }
        return type;
    }
}
