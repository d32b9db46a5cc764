package dev.parley.ui.call;

import dev.parley.ui.call.StatsHistory.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The stats overlay (id {@code statsOverlay}, style class {@code stats-overlay}): per participant (section id
 * {@code stats-<id>}) small live charts of bitrate, packet loss, round-trip time and frame rate over the last minute
 * (ids {@code chart-bitrate-<id>}, {@code chart-loss-<id>}, {@code chart-rtt-<id>}, {@code chart-fps-<id>}) and the
 * current figures as text: resolution, codecs, FEC-recovered and NACKed packets, and the candidate pair. The charts
 * exist only while the overlay is open.
 */
final class StatsOverlay extends VBox {

    private final CallViewModel model;
    private final VBox sections = new VBox(14);
    private final Label empty = new Label("Stats appear here when someone joins.");
    private final Map<ParticipantViewModel, Section> shown = new LinkedHashMap<>();

    StatsOverlay(CallViewModel model) {
        this.model = model;
        setId("statsOverlay");
        getStyleClass().add("stats-overlay");
        setAccessibleRole(AccessibleRole.NODE);
        setAccessibleText("Connection stats");

        Label title = new Label("Connection stats");
        title.getStyleClass().add("stats-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button close = new Button();
        close.setId("statsCloseButton");
        close.setGraphic(Icons.icon(Icons.CLOSE, 12));
        close.getStyleClass().add("stats-close");
        close.setAccessibleText("Close connection stats");
        close.setTooltip(new Tooltip("Close stats (S or Esc)"));
        close.setOnAction(e -> model.statsVisibleProperty().set(false));
        HBox header = new HBox(8, title, spacer, close);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("stats-header");

        empty.getStyleClass().add("stats-empty");
        sections.getStyleClass().add("stats-sections");
        ScrollPane scroll = new ScrollPane(sections);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("stats-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(header, scroll);

        visibleProperty().bind(model.statsVisibleProperty());
        managedProperty().bind(model.statsVisibleProperty());
        model.statsVisibleProperty().addListener((obs, was, is) -> sync());
        model.participants().addListener((ListChangeListener<ParticipantViewModel>) c -> sync());
        sync();
    }

    /** Builds the sections of the participants while open; releases every chart while closed. */
    private void sync() {
        List<ParticipantViewModel> wanted = model.isStatsVisible() ? model.participants() : List.of();
        for (var it = shown.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            if (!wanted.contains(entry.getKey())) {
                entry.getValue().dispose();
                it.remove();
            }
        }
        List<Node> nodes = new ArrayList<>();
        for (ParticipantViewModel p : wanted) {
            nodes.add(shown.computeIfAbsent(p, Section::new).node);
        }
        if (nodes.isEmpty()) {
            nodes.add(empty);
        }
        sections.getChildren().setAll(nodes);
    }

    /** One participant's figures and charts. */
    private static final class Section {
        final VBox node;
        final List<LineChart<Number, Number>> charts = new ArrayList<>();

        Section(ParticipantViewModel p) {
            StatsHistory h = p.stats();
            Label name = new Label();
            name.textProperty().bind(p.nameProperty());
            name.getStyleClass().add("stats-name");

            GridPane figures = new GridPane();
            figures.getStyleClass().add("stats-figures");
            figures.setHgap(12);
            figures.setVgap(2);
            int row = 0;
            row = figure(figures, row, "Receive / send", Bindings.createStringBinding(() -> rates(h),
                    h.latestProperty()), "figure-bitrate");
            row = figure(figures, row, "Loss / round trip", Bindings.createStringBinding(() -> lossRtt(h),
                    h.latestProperty()), "figure-loss-rtt");
            row = figure(figures, row, "Frame rate", Bindings.createStringBinding(() -> fps(h),
                    h.latestProperty()), "figure-fps");
            row = figure(figures, row, "Resolution", h.resolutionProperty(), "figure-resolution");
            row = figure(figures, row, "Codecs", h.codecsProperty(), "figure-codecs");
            row = figure(figures, row, "FEC recovered", h.fecRecoveredProperty(), "figure-fec");
            row = figure(figures, row, "NACKed", h.nackedProperty(), "figure-nack");
            figure(figures, row, "Connection", h.candidatePairProperty(), "figure-pair");

            GridPane chartGrid = new GridPane();
            chartGrid.getStyleClass().add("stats-charts");
            chartGrid.setHgap(6);
            chartGrid.setVgap(6);
            chartGrid.add(chart(p, "bitrate", "Bitrate (kbps)", h, Metric.RECEIVE_KBPS, Metric.SEND_KBPS), 0, 0);
            chartGrid.add(chart(p, "loss", "Packet loss (%)", h, Metric.PACKET_LOSS), 1, 0);
            chartGrid.add(chart(p, "rtt", "Round trip (ms)", h, Metric.RTT), 0, 1);
            chartGrid.add(chart(p, "fps", "Frame rate (fps)", h, Metric.FPS), 1, 1);

            node = new VBox(6, name, figures, chartGrid);
            node.setId("stats-" + p.id());
            node.getStyleClass().add("stats-section");
        }

        private int figure(GridPane grid, int row, String label, ObservableStringValue value, String id) {
            Label l = new Label(label);
            l.getStyleClass().add("stats-figure-label");
            Label v = new Label();
            v.getStyleClass().add("stats-figure-value");
            v.textProperty().bind(value);
            v.getStyleClass().add(id);
            v.setWrapText(true);
            grid.add(l, 0, row);
            grid.add(v, 1, row);
            return row + 1;
        }

        private Node chart(ParticipantViewModel p, String key, String title, StatsHistory h, Metric... metrics) {
            NumberAxis x = new NumberAxis();
            x.setForceZeroInRange(false);
            x.setTickLabelsVisible(false);
            x.setTickMarkVisible(false);
            x.setMinorTickVisible(false);
            NumberAxis y = new NumberAxis();
            y.setForceZeroInRange(true);
            y.setMinorTickVisible(false);
            y.setTickLabelFormatter(new NumberAxis.DefaultFormatter(y) {
                @Override
                public String toString(Number n) {
                    double d = n.doubleValue();
                    return d >= 1000 ? String.format(Locale.ROOT, d % 1000 == 0 ? "%.0fk" : "%.1fk", d / 1000)
                            : d == Math.rint(d) ? String.format(Locale.ROOT, "%.0f", d)
                            : String.format(Locale.ROOT, "%.1f", d);
                }
            });
            LineChart<Number, Number> chart = new LineChart<>(x, y);
            chart.setId("chart-" + key + "-" + p.id());
            chart.getStyleClass().add("stats-chart");
            chart.setTitle(title);
            chart.setAnimated(false);
            chart.setCreateSymbols(false);
            chart.setLegendVisible(false);
            chart.setHorizontalGridLinesVisible(true);
            chart.setVerticalGridLinesVisible(false);
            chart.setAlternativeRowFillVisible(false);
            chart.setPrefSize(200, 130);
            chart.setMinSize(120, 100);
            chart.setAccessibleText(title + " of " + p.getName() + " over the last minute");
            for (Metric m : metrics) {
                XYChart.Series<Number, Number> s = h.series(m);
                chart.getData().add(s);
            }
            charts.add(chart);
            if (metrics.length == 1) {
                return chart;
            }
            // A compact legend of our own under the plot (the chart's own takes a third of a small chart).
            HBox legend = new HBox(10);
            legend.getStyleClass().add("stats-legend");
            legend.setAlignment(Pos.CENTER);
            for (int i = 0; i < metrics.length; i++) {
                Region swatch = new Region();
                swatch.getStyleClass().addAll("legend-swatch", "legend-swatch-" + i);
                Label l = new Label(metrics[i].label(), swatch);
                l.getStyleClass().add("stats-legend-item");
                legend.getChildren().add(l);
            }
            VBox box = new VBox(chart, legend);
            box.getStyleClass().add("stats-chart-box");
            return box;
        }

        void dispose() {
            for (LineChart<Number, Number> chart : charts) {
                chart.getData().clear();
            }
            charts.clear();
        }

        private static String rates(StatsHistory h) {
            CallStats s = h.latestProperty().get();
            if (s == null) {
                return "—";
            }
            return number(Metric.RECEIVE_KBPS.of(s), "%.0f") + " / " + number(Metric.SEND_KBPS.of(s), "%.0f")
                    + " kbps";
        }

        private static String lossRtt(StatsHistory h) {
            CallStats s = h.latestProperty().get();
            if (s == null) {
                return "—";
            }
            return number(Metric.PACKET_LOSS.of(s), "%.1f") + " % / " + number(Metric.RTT.of(s), "%.0f") + " ms";
        }

        private static String fps(StatsHistory h) {
            CallStats s = h.latestProperty().get();
            return s == null ? "—" : number(Metric.FPS.of(s), "%.0f") + " fps";
        }

        private static String number(double v, String format) {
            return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, format, v);
        }
    }
}
