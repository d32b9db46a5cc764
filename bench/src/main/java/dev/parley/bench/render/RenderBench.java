package dev.parley.bench.render;

import dev.parley.bench.common.BenchLauncher;
import dev.parley.bench.common.JsonLine;
import dev.parley.bench.common.LatencyHistogram;
import dev.parley.rtc.media.VideoFrame;
import dev.parley.rtc.media.synthetic.SyntheticVideo;
import dev.parley.ui.video.VideoGrid;
import dev.parley.ui.video.VideoPane;
import dev.parley.ui.video.VideoPresentation;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Video rendering in the JavaFX UI: a {@link VideoGrid} of N {@link VideoPane}s (4 by default) on a stage, each pane
 * fed 640x480@30 by a source thread of its own that hands out frames rendered beforehand (so the source threads'
 * time is the panes' I420-to-ARGB conversion). After a warm-up, a measured window gives per pane the frames delivered
 * and presented, the JavaFX application thread's CPU time (everything it does: presenting, pulses, CSS, layout,
 * scene synchronisation), the time inside the panes' present code, the renderer thread's CPU time, the conversion's
 * time and CPU per frame, allocation on the source threads, the gaps between pulses and how long a runLater waits
 * for the JavaFX thread. Each presentation mode ({@link VideoPresentation}) is measured in turn, on a fresh stage.
 * Meant to run headless (Monocle, software rendering: bench/run passes the properties); the last line of output is
 * one JSON object with units in its key names.
 */
public final class RenderBench {

    /** Frames in the pre-rendered loop: one second at 30 fps. */
    private static final int RING_FRAMES = 30;
    private static final long PROBE_MILLIS = 20;

    private final RenderOptions options;
    private VideoFrame[] ring;

    private RenderBench(RenderOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        BenchLauncher.launch("render", args, RenderOptions::parse, RenderOptions.USAGE, o -> (int) o.budgetSeconds(),
                o -> new RenderBench(o)::run);
    }

    private int run() throws Exception {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        say("Video rendering: a grid of %d VideoPane(s) in a %dx%d stage, each fed %dx%d@%d I420 by its own source",
                options.panes(), options.windowWidth(), options.windowHeight(), options.width(), options.height(),
                options.fps());
        say("thread (%d pre-rendered frames in a loop); %d s warm-up, then %d s measured per presentation mode.",
                RING_FRAMES, options.warmupSeconds(), options.seconds());
        say("JavaFX: glass %s, monocle %s, prism %s; machine: %d CPUs, load average %.2f; %s %s",
                System.getProperty("glass.platform", "default"), System.getProperty("monocle.platform", "-"),
                System.getProperty("prism.order", "default"), Runtime.getRuntime().availableProcessors(), load,
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        say("");
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        Platform.setImplicitExit(false);
        started.await();
        ring = renderRing();
        List<ModeFigures> results = new ArrayList<>();
        for (String mode : options.modes()) {
            results.add(measure(mode));
        }
        report(results, load);
        Platform.exit();
        return 0;
    }

    private VideoFrame[] renderRing() {
        SyntheticVideo clip = SyntheticVideo.of(SyntheticVideo.Kind.SHAPES, options.width(), options.height(), 1);
        VideoFrame[] frames = new VideoFrame[RING_FRAMES];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = clip.newFrame();
            clip.render(i, frames[i]);
        }
        return frames;
    }

    private ModeFigures measure(String mode) throws Exception {
        VideoPresentation presentation = mode.equals("pulse") ? VideoPresentation.PULSE : VideoPresentation.RUN_LATER;
        int n = options.panes();
        List<VideoPane> panes = new ArrayList<>();
        AtomicReference<Stage> stage = new AtomicReference<>();
        AtomicReference<Thread> fxThread = new AtomicReference<>();
        AtomicBoolean recording = new AtomicBoolean();
        LatencyHistogram pulseGaps = new LatencyHistogram();
        LatencyHistogram queueDelays = new LatencyHistogram();
        AtomicLong pulses = new AtomicLong();
        long[] lastPulse = new long[1];
        onFx(() -> {
            fxThread.set(Thread.currentThread());
            VideoGrid grid = new VideoGrid();
            for (int i = 0; i < n; i++) {
                VideoPane pane = new VideoPane(presentation);
                pane.setAccessibleText("Participant " + (i + 1));
                panes.add(pane);
                grid.getChildren().add(pane);
            }
            Scene scene = new Scene(grid, options.windowWidth(), options.windowHeight());
            // Once per pulse that reached this scene; scheduling a runLater here would itself ask for pulses.
            scene.addPostLayoutPulseListener(() -> {
                long now = System.nanoTime();
                if (recording.get()) {
                    pulses.incrementAndGet();
                    if (lastPulse[0] != 0) {
                        pulseGaps.record(now - lastPulse[0]);
                    }
                }
                lastPulse[0] = now;
            });
            Stage s = new Stage();
            s.setTitle("Parley render benchmark");
            s.setScene(scene);
            s.show();
            stage.set(s);
        });
        List<RingSource> sources = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sources.add(new RingSource("bench-render-source-" + i, ring, i * 7, options.fps()));
        }
        onFx(() -> {
            for (int i = 0; i < n; i++) {
                panes.get(i).setSource(sources.get(i));
            }
        });
        ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-render-probe");
            t.setDaemon(true);
            return t;
        });
        probe.scheduleAtFixedRate(() -> {
            long posted = System.nanoTime();
            Platform.runLater(() -> {
                if (recording.get()) {
                    queueDelays.record(System.nanoTime() - posted);
                }
            });
        }, 0, PROBE_MILLIS, TimeUnit.MILLISECONDS);
        say("%s: %d pane(s) showing; warming up %d s, then measuring %d s ...", mode, n, options.warmupSeconds(),
                options.seconds());
        try {
            Thread.sleep(TimeUnit.SECONDS.toMillis(options.warmupSeconds()));
            Thread[] watched = new Thread[2 + n];
            watched[0] = fxThread.get();
            watched[1] = findThread("QuantumRenderer");
            for (int i = 0; i < n; i++) {
                watched[2 + i] = sources.get(i).thread();
            }
            PaneCounters[] before = PaneCounters.read(panes);
            long shared0 = VideoPane.sharedPulseNanos();
            Usage usage0 = Usage.read(watched);
            recording.set(true);
            Thread.sleep(TimeUnit.SECONDS.toMillis(options.seconds()));
            recording.set(false);
            Usage usage1 = Usage.read(watched);
            long shared1 = VideoPane.sharedPulseNanos();
            PaneCounters[] after = PaneCounters.read(panes);
            return figures(mode, presentation, before, after, shared1 - shared0, usage0, usage1, pulses.get(),
                    pulseGaps, queueDelays, watched[1] != null);
        } finally {
            probe.shutdownNow();
            sources.forEach(RingSource::close);
            onFx(() -> {
                panes.forEach(p -> p.setSource(null));
                stage.get().hide();
            });
        }
    }

    private ModeFigures figures(String mode, VideoPresentation presentation, PaneCounters[] before,
                                PaneCounters[] after, long sharedPulseNanos, Usage u0, Usage u1, long pulses,
                                LatencyHistogram pulseGaps, LatencyHistogram queueDelays, boolean rendererFound) {
        int n = before.length;
        ModeFigures f = new ModeFigures(mode);
        double wall = u1.wallSeconds(u0);
        long delivered = 0;
        long presented = 0;
        long converted = 0;
        long convertNanos = 0;
        long presentNanos = 0;
        double sourceCpu = 0;
        long sourceAlloc = 0;
        f.minRatio = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            long d = after[i].delivered - before[i].delivered;
            long p = after[i].presented - before[i].presented;
            f.paneDelivered.add(d);
            f.panePresented.add(p);
            f.minRatio = Math.min(f.minRatio, d == 0 ? Double.NaN : (double) p / d);
            delivered += d;
            presented += p;
            converted += after[i].converted - before[i].converted;
            convertNanos += after[i].convertNanos - before[i].convertNanos;
            presentNanos += after[i].presentNanos - before[i].presentNanos;
            sourceCpu += u1.threadCpuSeconds(u0, 2 + i);
            long alloc = u1.threadAllocatedBytes(u0, 2 + i);
            sourceAlloc = alloc < 0 || sourceAlloc < 0 ? -1 : sourceAlloc + alloc;
        }
        f.wallSeconds = wall;
        f.presentedRatio = delivered == 0 ? Double.NaN : (double) presented / delivered;
        f.deliveredFpsPerPane = delivered / wall / n;
        f.presentedFpsPerPane = presented / wall / n;
        f.fxBusyPercent = 100 * u1.threadCpuSeconds(u0, 0) / wall;
        f.fxAllocKbPerSecond = u1.threadAllocatedBytes(u0, 0) < 0 ? Double.NaN
                : u1.threadAllocatedBytes(u0, 0) / 1024.0 / wall;
        double presentCode = presentation == VideoPresentation.PULSE ? sharedPulseNanos : presentNanos;
        f.presentBusyPercent = 100 * presentCode / 1e9 / wall;
        f.presentMsPerFrame = presented == 0 ? Double.NaN : presentNanos / 1e6 / presented;
        f.renderBusyPercent = rendererFound ? 100 * u1.threadCpuSeconds(u0, 1) / wall : Double.NaN;
        f.convertMsPerFrame = converted == 0 ? Double.NaN : convertNanos / 1e6 / converted;
        f.convertCpuMsPerFrame = delivered == 0 ? Double.NaN : sourceCpu * 1000 / delivered;
        f.sourceAllocBytesPerFrame = sourceAlloc < 0 || delivered == 0 ? Double.NaN : (double) sourceAlloc / delivered;
        f.pulsesPerSecond = pulses / wall;
        f.pulseGaps = pulseGaps;
        f.queueDelays = queueDelays;
        f.processCpuPercent = 100 * u1.processCpuSeconds(u0) / wall;
        f.otherProcessesPercent = u1.otherProcessesPercent(u0);
        return f;
    }

    private void report(List<ModeFigures> results, double load) {
        say("");
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-46s", ""));
        for (ModeFigures f : results) {
            head.append(String.format(Locale.ROOT, "%22s", f.mode));
        }
        say("%s", head);
        row(results, "frames presented / delivered (all panes)", f -> pct(f.presentedRatio));
        row(results, "  lowest pane's presented / delivered", f -> pct(f.minRatio));
        row(results, "  per pane, presented", f -> join(f.panePresented));
        row(results, "  per pane, delivered", f -> join(f.paneDelivered));
        row(results, "fps per pane, delivered", f -> fmt(f.deliveredFpsPerPane, "%.1f"));
        row(results, "fps per pane, presented", f -> fmt(f.presentedFpsPerPane, "%.1f"));
        row(results, "JavaFX thread CPU, % of one core", f -> fmt(f.fxBusyPercent, "%.1f"));
        row(results, "  of it in the panes' present code, %", f -> fmt(f.presentBusyPercent, "%.2f"));
        row(results, "  present code per presented frame, ms", f -> fmt(f.presentMsPerFrame, "%.3f"));
        row(results, "  JavaFX thread allocation, KB/s", f -> fmt(f.fxAllocKbPerSecond, "%.0f"));
        row(results, "renderer thread CPU, % of one core", f -> fmt(f.renderBusyPercent, "%.1f"));
        row(results, "conversion per frame (in the pane), ms", f -> fmt(f.convertMsPerFrame, "%.2f"));
        row(results, "source thread CPU per frame, ms", f -> fmt(f.convertCpuMsPerFrame, "%.2f"));
        row(results, "source thread allocation per frame, bytes", f -> fmt(f.sourceAllocBytesPerFrame, "%.1f"));
        row(results, "pulses per second (scene)", f -> fmt(f.pulsesPerSecond, "%.1f"));
        row(results, "gap between pulses p50 / p95 / max, ms", f -> millis3(f.pulseGaps));
        row(results, "runLater wait p50 / p95 / max, ms", f -> millis3(f.queueDelays));
        row(results, "process CPU, % of one core", f -> fmt(f.processCpuPercent, "%.0f"));
        row(results, "other processes' CPU, % of machine", f -> fmt(f.otherProcessesPercent, "%.0f"));
        say("");
        say("JavaFX thread CPU is everything that thread did (presenting, pulses, CSS, layout, synchronising the");
        say("scene for the renderer, the probe's runLaters); the renderer thread draws the scene (software pipeline).");
        say("The source threads only hand out ready frames, so their CPU is the panes' I420->ARGB conversion.");
        say("");

        ModeFigures main = results.get(0);
        JsonLine json = new JsonLine();
        json.put("mode", main.mode);
        put(json, "", main);
        for (ModeFigures f : results) {
            put(json, f.mode + "_", f);
        }
        json.put("seconds", options.seconds()).put("warmup_s", options.warmupSeconds())
                .put("panes", options.panes()).put("width", options.width()).put("height", options.height())
                .put("fps", options.fps())
                .put("window", options.windowWidth() + "x" + options.windowHeight())
                .put("prism_order", System.getProperty("prism.order", "default"))
                .put("glass_platform", System.getProperty("glass.platform", "default"))
                .put("cpus", Runtime.getRuntime().availableProcessors())
                .put("load_average_before", round(load))
                .put("java_version", System.getProperty("java.version"));
        System.out.println(json);
    }

    private void put(JsonLine json, String p, ModeFigures f) {
        String size = options.panes() + "x" + options.width() + "x" + options.height();
        json.put(p + "presented_ratio_" + size, round(f.presentedRatio))
                .put(p + "presented_ratio_min_pane", round(f.minRatio))
                .put(p + "delivered_fps_per_pane", round(f.deliveredFpsPerPane))
                .put(p + "presented_fps_per_pane", round(f.presentedFpsPerPane))
                .put(p + "fx_thread_busy_percent", round(f.fxBusyPercent))
                .put(p + "present_code_busy_percent", round(f.presentBusyPercent))
                .put(p + "present_ms_per_frame", round(f.presentMsPerFrame))
                .put(p + "fx_thread_alloc_kb_per_s", round(f.fxAllocKbPerSecond))
                .put(p + "render_thread_busy_percent", round(f.renderBusyPercent))
                .put(p + "convert_ms_per_frame", round(f.convertMsPerFrame))
                .put(p + "convert_cpu_ms_per_frame", round(f.convertCpuMsPerFrame))
                .put(p + "source_alloc_bytes_per_frame", round(f.sourceAllocBytesPerFrame))
                .put(p + "pulses_per_s", round(f.pulsesPerSecond))
                .put(p + "pulse_gap_p50_ms", millis(f.pulseGaps, 0.5))
                .put(p + "pulse_gap_p95_ms", millis(f.pulseGaps, 0.95))
                .put(p + "pulse_gap_max_ms", f.pulseGaps.count() == 0 ? null : round(f.pulseGaps.maxNanos() / 1e6))
                .put(p + "fx_queue_delay_p50_ms", millis(f.queueDelays, 0.5))
                .put(p + "fx_queue_delay_p95_ms", millis(f.queueDelays, 0.95))
                .put(p + "fx_queue_delay_max_ms", f.queueDelays.count() == 0 ? null
                        : round(f.queueDelays.maxNanos() / 1e6))
                .put(p + "process_cpu_percent", round(f.processCpuPercent))
                .put(p + "other_processes_cpu_pct", round(f.otherProcessesPercent));
    }

    /** The counters of one pane at one moment. */
    private record PaneCounters(long delivered, long presented, long converted, long convertNanos,
                                long presentNanos) {

        static PaneCounters[] read(List<VideoPane> panes) {
            PaneCounters[] c = new PaneCounters[panes.size()];
            for (int i = 0; i < c.length; i++) {
                VideoPane p = panes.get(i);
                c[i] = new PaneCounters(p.framesDelivered(), p.framesPresented(), p.framesConverted(),
                        p.conversionNanos(), p.presentationNanos());
            }
            return c;
        }
    }

    /** One presentation mode's figures over its window. */
    private static final class ModeFigures {
        final String mode;
        final List<Long> paneDelivered = new ArrayList<>();
        final List<Long> panePresented = new ArrayList<>();
        double wallSeconds;
        double presentedRatio;
        double minRatio;
        double deliveredFpsPerPane;
        double presentedFpsPerPane;
        double fxBusyPercent;
        double fxAllocKbPerSecond;
        double presentBusyPercent;
        double presentMsPerFrame;
        double renderBusyPercent;
        double convertMsPerFrame;
        double convertCpuMsPerFrame;
        double sourceAllocBytesPerFrame;
        double pulsesPerSecond;
        LatencyHistogram pulseGaps;
        LatencyHistogram queueDelays;
        double processCpuPercent;
        double otherProcessesPercent;

        ModeFigures(String mode) {
            this.mode = mode;
        }
    }

    private static Thread findThread(String prefix) {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(prefix)) {
                return t;
            }
        }
        return null;
    }

    private static void onFx(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Platform.runLater(() -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                failure.set(e);
            } finally {
                done.countDown();
            }
        });
        if (!done.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the JavaFX thread did not answer within 30 s");
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private static void row(List<ModeFigures> results, String label,
                            java.util.function.Function<ModeFigures, String> value) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-46s", label));
        for (ModeFigures f : results) {
            b.append(String.format(Locale.ROOT, "%22s", value.apply(f)));
        }
        say("%s", b);
    }

    private static String join(List<Long> values) {
        StringBuilder b = new StringBuilder();
        for (Long v : values) {
            b.append(b.length() == 0 ? "" : " ").append(v);
        }
        return b.toString();
    }

    private static String pct(double ratio) {
        return Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.1f%%", 100 * ratio) : "-";
    }

    private static String millis3(LatencyHistogram h) {
        if (h.count() == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f", h.percentileNanos(0.5) / 1e6,
                h.percentileNanos(0.95) / 1e6, h.maxNanos() / 1e6);
    }

    private static Double millis(LatencyHistogram h, double q) {
        return h.count() == 0 ? null : round(h.percentileNanos(q) / 1e6);
    }

    private static String fmt(double v, String format) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, format, v) : "-";
    }

    private static Double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 1000) / 1000.0 : null;
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
