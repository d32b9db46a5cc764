package dev.parley.bench.call;

import dev.parley.bench.common.BenchLauncher;

import dev.parley.bench.common.JsonLine;
import dev.parley.bench.common.LatencyHistogram;
import dev.parley.rtc.peer.RtcConfiguration;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * A two-party call on loopback in this JVM, Parley &lt;-&gt; Parley then libwebrtc &lt;-&gt; libwebrtc (webrtc-java),
 * each carrying a synthetic camera (640x480@30 by default, its frame number stamped in the pixels) and a 440 Hz
 * tone both ways: after a warm-up, a measured window gives glass-to-glass latency (capture on the sender's camera
 * thread to the receiver's video sink), frames delivered against frames captured, process CPU per second of call
 * (both peers, since both run here), heap, and getStats figures (freezes, frames dropped, encoder QP, bitrate). The
 * calls run one after the other, never together. See {@link ParleyMediaCall} and {@link LibWebRtcMediaCall} for how
 * each is set up; the last line of output is one JSON object with units in its key names.
 */
public final class CallBench {

    /** The goals: Parley's median glass-to-glass latency under this, and its CPU within this of libwebrtc. */
    private static final double GOAL_G2G_P50_MS = 80;
    private static final double GOAL_CPU_RATIO = 2;
    private static final int CONNECT_TIMEOUT_SECONDS = 10;
    /** After the window, time for frames in flight to reach the sinks before deliveries are counted. */
    private static final long DRAIN_MILLIS = 1000;

    private final CallOptions options;
    private List<Integer> libwebrtcMaxBitrates = List.of();

    private CallBench(CallOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        BenchLauncher.launch("call", args, CallOptions::parse, CallOptions.USAGE, o -> (int) o.budgetSeconds(),
                o -> new CallBench(o)::run);
    }

    private int run() throws InterruptedException {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int bitrate = RtcConfiguration.loopback().videoBitrate();
        say("Two-party call on loopback, one stack after the other in this JVM: Parley<->Parley, then");
        say("libwebrtc<->libwebrtc (webrtc-java 0.14, H.264 42e01f packetization-mode 1, video capped at %d kbit/s,",
                bitrate / 1000);
        say("Parley's send rate). Each side sends %dx%d@%d synthetic video (%s) and a 440 Hz tone; %d s warm-up,",
                options.width(), options.height(), options.fps(), options.clip().id(), options.warmupSeconds());
        say("then %d s measured per stack. Parley lip-syncs each peer's video to its audio; libwebrtc's tracks are %s.",
                options.seconds(), options.libwebrtcSync() ? "in one stream, lip-synced too (--libwebrtc-sync on)"
                        : "separate streams, not synced: its latency is the video path's own");
        say("machine: %d CPUs, load average %.2f; %s %s", Runtime.getRuntime().availableProcessors(), load,
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        say("");
        StackFigures parley = measure("Parley<->Parley",
                () -> ParleyMediaCall.connect(options, CONNECT_TIMEOUT_SECONDS));
        StackFigures libwebrtc = measure("libwebrtc<->libwebrtc", () -> {
            LibWebRtcMediaCall call = LibWebRtcMediaCall.connect(options, bitrate, CONNECT_TIMEOUT_SECONDS);
            libwebrtcMaxBitrates = call.videoMaxBitrates();
            return call;
        });
        report(parley, libwebrtc, load);
        return 0;
    }

    private StackFigures measure(String name, Callable<BenchCall> connect) throws InterruptedException {
        StackFigures f = new StackFigures(name);
        f.heapBaselineBytes = ProcessMeter.heapAfterGc();
        f.residentBeforeBytes = ProcessMeter.residentBytes();
        long t0 = System.nanoTime();
        BenchCall call;
        try {
            call = connect.call();
        } catch (Exception e) {
            f.failure = "call not connected: " + e;
            say("%s: %s", name, f.failure);
            return f;
        }
        f.setupMillis = (System.nanoTime() - t0) / 1e6;
        say("%s: call set up in %.0f ms; warming up %d s, then measuring %d s ...", name,
                f.setupMillis, options.warmupSeconds(), options.seconds());
        try {
            Thread.sleep(TimeUnit.SECONDS.toMillis(options.warmupSeconds()));
            List<BenchCall.Direction> dirs = call.directions();
            int n = dirs.size();
            long[] from = new long[n];
            DirectionCounters[] stats0 = new DirectionCounters[n];
            AudioCounter.Snapshot[] audio0 = new AudioCounter.Snapshot[n];
            StampedVideo.Counts[] frames0 = new StampedVideo.Counts[n];
            for (int i = 0; i < n; i++) {
                stats0[i] = dirs.get(i).stats().read();
            }
            for (int i = 0; i < n; i++) {
                from[i] = dirs.get(i).camera().framesProduced();
                audio0[i] = dirs.get(i).audio().snapshot();
                frames0[i] = dirs.get(i).video().counts();
            }
            ProcessMeter meter = ProcessMeter.start();
            Thread.sleep(TimeUnit.SECONDS.toMillis(options.seconds()));
            f.usage = meter.stop();
            long[] to = new long[n];
            AudioCounter.Snapshot[] audio = new AudioCounter.Snapshot[n];
            for (int i = 0; i < n; i++) {
                to[i] = dirs.get(i).camera().framesProduced();
                audio[i] = dirs.get(i).audio().snapshot().minus(audio0[i]);
            }
            DirectionCounters[] stats = new DirectionCounters[n];
            for (int i = 0; i < n; i++) {
                stats[i] = dirs.get(i).stats().read().minus(stats0[i]);
            }
            Thread.sleep(DRAIN_MILLIS);
            for (int i = 0; i < n; i++) {
                BenchCall.Direction d = dirs.get(i);
                LatencyHistogram latency = new LatencyHistogram();
                int delivered = d.video().deliveredBetween(from[i], to[i], latency, f.latency);
                f.directions.add(new StackFigures.DirectionFigures(d.label(), to[i] - from[i], delivered, latency,
                        stats[i], audio[i], d.video().counts().minus(frames0[i])));
            }
            f.heapLiveBytes = ProcessMeter.heapAfterGc();
            f.residentAfterBytes = ProcessMeter.residentBytes();
        } catch (Exception e) {
            f.failure = "measurement failed: " + e;
            say("%s: %s", name, f.failure);
        } finally {
            call.close();
        }
        return f;
    }

    private void report(StackFigures p, StackFigures l, double load) {
        say("");
        say("%-44s %22s %22s %10s", "", p.name, l.name, "Parley/");
        say("%-44s %22s %22s %10s", "", "", "", "libwebrtc");
        row("glass-to-glass p50, ms", p.latencyMillis(0.5), l.latencyMillis(0.5), "%.1f");
        row("glass-to-glass p95, ms", p.latencyMillis(0.95), l.latencyMillis(0.95), "%.1f");
        row("glass-to-glass p99, ms", p.latencyMillis(0.99), l.latencyMillis(0.99), "%.1f");
        row("glass-to-glass max, ms", p.latency.count() == 0 ? Double.NaN : p.latency.maxNanos() / 1e6,
                l.latency.count() == 0 ? Double.NaN : l.latency.maxNanos() / 1e6, "%.1f");
        text("frames delivered / captured", delivery(p), delivery(l));
        for (int i = 0; i < 2; i++) {
            final int k = i;
            text("  " + label(p, l, k), direction(p, k, d -> delivery(d)), direction(l, k, d -> delivery(d)));
            text("    latency p50 / p95, ms", direction(p, k, CallBench::latency),
                    direction(l, k, CallBench::latency));
        }
        row("CPU s per call-second (both peers)", p.cpuPerCallSecond(), l.cpuPerCallSecond(), "%.2f");
        text("  of it the JIT compiler's threads", fmt(p.threadCpuPerCallSecond(StackFigures::jitThread), "%.2f"),
                fmt(l.threadCpuPerCallSecond(StackFigures::jitThread), "%.2f"));
        text("  of it the garbage collector's threads", fmt(p.threadCpuPerCallSecond(StackFigures::gcThread), "%.2f"),
                fmt(l.threadCpuPerCallSecond(StackFigures::gcThread), "%.2f"));
        row("Java heap allocated, MB per call-second", allocMbPerSecond(p), allocMbPerSecond(l), "%.1f");
        row("heap used after GC, call up, MB", StackFigures.mb(p.heapLiveBytes), StackFigures.mb(l.heapLiveBytes),
                "%.1f");
        row("  of it the call's (minus before), MB", callHeapMb(p), callHeapMb(l), "%.1f");
        row("heap used peak (sampled), MB", p.ok() ? StackFigures.mb(p.usage.peakHeapBytes()) : Double.NaN,
                l.ok() ? StackFigures.mb(l.usage.peakHeapBytes()) : Double.NaN, "%.1f");
        row("resident set growth over the call, MB", rssGrowthMb(p), rssGrowthMb(l), "%.1f");
        row("freezes (both receivers)", sum(p, DirectionCounters::freezeCount), sum(l, DirectionCounters::freezeCount),
                "%.0f");
        row("frames dropped (inbound-rtp, both)", sum(p, DirectionCounters::framesDropped),
                sum(l, DirectionCounters::framesDropped), "%.0f");
        row("frames decoded (both)", sum(p, DirectionCounters::framesDecoded), sum(l, DirectionCounters::framesDecoded),
                "%.0f");
        row("encoder mean QP", p.ok() ? p.meanQp() : Double.NaN, l.ok() ? l.meanQp() : Double.NaN, "%.1f");
        row("encode time per frame, ms", p.ok() ? p.encodeMillisPerFrame() : Double.NaN,
                l.ok() ? l.encodeMillisPerFrame() : Double.NaN, "%.1f");
        row("decode time per frame, ms", p.ok() ? p.decodeMillisPerFrame() : Double.NaN,
                l.ok() ? l.decodeMillisPerFrame() : Double.NaN, "%.1f");
        row("keyframe requests sent (PLI, both)", sum(p, DirectionCounters::pliCount),
                sum(l, DirectionCounters::pliCount), "%.0f");
        row("video bitrate per direction, kbit/s", p.videoKbps(), l.videoKbps(), "%.0f");
        row("audio played, s per call-second", p.audioDeliveredRatio(), l.audioDeliveredRatio(), "%.2f");
        text("audio level (RMS, PCM16), a->b / b->a", audioLevels(p), audioLevels(l));
        text("frames received at another size", otherSize(p), otherSize(l));
        text("frames without a readable stamp", unreadable(p), unreadable(l));
        text("sent size / quality limitation", sent(p), sent(l));
        text("lip-sync video hold, a->b / b->a, ms", syncDelays(p),
                options.libwebrtcSync() ? "(not in its stats)" : "none (no sync)");
        text("audio jitter buffer delay, a->b / b->a, ms", audioJitter(p), audioJitter(l));
        say("%-44s %22s %22s", "  (Parley: current (target); libwebrtc: mean)", "", "");
        row("call set-up (create, connect, start), ms", p.setupMillis, l.setupMillis, "%.0f");
        row("other processes' CPU, % of machine", p.ok() ? p.usage.otherProcessesPct() : Double.NaN,
                l.ok() ? l.usage.otherProcessesPct() : Double.NaN, "%.0f");
        say("");
        if (p.ok() && p.sum(DirectionCounters::droppedBeforeEncode) > 0) {
            say("Parley's encoders skipped %d frames in the window (framesDroppedBeforeEncode: busy encoder).",
                    p.sum(DirectionCounters::droppedBeforeEncode));
        }
        say("libwebrtc video senders' maxBitrate as read back: %s", libwebrtcMaxBitrates);
        threads(p);
        threads(l);
        say("");
        say("CPU is the whole process over the window (getProcessCpuTime): both peers of the call, both synthetic");
        say("cameras and tones, the sinks reading the stamps, and the JVM's JIT and GC; the stacks ran one at a time.");

        double cpuRatio = p.cpuPerCallSecond() / l.cpuPerCallSecond();
        double cpuRatioNoJit = withoutJit(p) / withoutJit(l);
        double p50Ratio = p.latencyMillis(0.5) / l.latencyMillis(0.5);
        Boolean g2gGoal = p.latency.count() == 0 ? null : p.latencyMillis(0.5) < GOAL_G2G_P50_MS;
        Boolean cpuGoal = Double.isFinite(cpuRatio) ? cpuRatio <= GOAL_CPU_RATIO : null;
        say("goal: Parley glass-to-glass p50 under %.0f ms: %s (%s ms)", GOAL_G2G_P50_MS, met(g2gGoal),
                fmt(p.latencyMillis(0.5), "%.1f"));
        say("goal: Parley CPU within %.0fx of libwebrtc: %s (%sx; %sx leaving out the JIT compiler's threads)",
                GOAL_CPU_RATIO, met(cpuGoal), fmt(cpuRatio, "%.2f"), fmt(cpuRatioNoJit, "%.2f"));
        say("");

        JsonLine json = new JsonLine();
        json.put("seconds", options.seconds()).put("warmup_s", options.warmupSeconds())
                .put("width", options.width()).put("height", options.height()).put("fps", options.fps())
                .put("clip", options.clip().id()).put("libwebrtc_lipsync", options.libwebrtcSync());
        put(json, "parley_", p);
        put(json, "libwebrtc_", l);
        json.put("cpu_ratio_parley_over_libwebrtc", round(cpuRatio))
                .put("cpu_ratio_parley_over_libwebrtc_without_jit", round(cpuRatioNoJit))
                .put("g2g_p50_ratio_parley_over_libwebrtc", round(p50Ratio))
                .put("goal_parley_g2g_p50_under_80_ms", g2gGoal)
                .put("goal_parley_cpu_within_2x_of_libwebrtc", cpuGoal)
                .put("libwebrtc_video_max_bitrate_bps", libwebrtcMaxBitrates.isEmpty() ? null
                        : libwebrtcMaxBitrates.get(0))
                .put("cpus", Runtime.getRuntime().availableProcessors())
                .put("load_average_before", round(load))
                .put("java_version", System.getProperty("java.version"));
        System.out.println(json);
    }

    private static void put(JsonLine json, String p, StackFigures f) {
        boolean ok = f.ok();
        json.put(p + "status", ok ? "ok" : f.failure)
                .put(p + "g2g_p50_ms", round(f.latencyMillis(0.5)))
                .put(p + "g2g_p95_ms", round(f.latencyMillis(0.95)))
                .put(p + "g2g_p99_ms", round(f.latencyMillis(0.99)))
                .put(p + "g2g_max_ms", f.latency.count() == 0 ? null : round(f.latency.maxNanos() / 1e6))
                .put(p + "frames_captured", ok ? f.captured() : null)
                .put(p + "frames_delivered", ok ? f.delivered() : null)
                .put(p + "frames_delivered_ratio", round(f.deliveredRatio()));
        for (int i = 0; i < 2; i++) {
            String dir = i == 0 ? "a_to_b_" : "b_to_a_";
            StackFigures.DirectionFigures d = i < f.directions.size() ? f.directions.get(i) : null;
            json.put(p + dir + "frames_delivered_ratio", d == null ? null : round(d.deliveredRatio()))
                    .put(p + dir + "g2g_p50_ms", d == null || d.latency().count() == 0 ? null
                            : round(d.latency().percentileNanos(0.5) / 1e6));
        }
        json.put(p + "cpu_s_per_call_s", round(f.cpuPerCallSecond()))
                .put(p + "cpu_s", ok ? round(f.usage.cpuSeconds()) : null)
                .put(p + "cpu_jit_s_per_call_s", round(f.threadCpuPerCallSecond(StackFigures::jitThread)))
                .put(p + "cpu_gc_s_per_call_s", round(f.threadCpuPerCallSecond(StackFigures::gcThread)))
                .put(p + "alloc_mb_per_call_s", round(allocMbPerSecond(f)))
                .put(p + "heap_mb", round(StackFigures.mb(f.heapLiveBytes)))
                .put(p + "heap_call_mb", round(callHeapMb(f)))
                .put(p + "heap_peak_mb", ok ? round(StackFigures.mb(f.usage.peakHeapBytes())) : null)
                .put(p + "rss_growth_mb", round(rssGrowthMb(f)))
                .put(p + "freeze_count", ok ? f.sum(DirectionCounters::freezeCount) : null)
                .put(p + "frames_dropped", ok ? f.sum(DirectionCounters::framesDropped) : null)
                .put(p + "frames_decoded", ok ? f.sum(DirectionCounters::framesDecoded) : null)
                .put(p + "encoder_qp_avg", ok ? round(f.meanQp()) : null)
                .put(p + "encode_ms_per_frame", ok ? round(f.encodeMillisPerFrame()) : null)
                .put(p + "decode_ms_per_frame", ok ? round(f.decodeMillisPerFrame()) : null)
                .put(p + "pli_count", ok ? f.sum(DirectionCounters::pliCount) : null)
                .put(p + "video_bitrate_kbps", round(f.videoKbps()))
                .put(p + "lipsync_video_hold_ms", round(mean(f, d -> d.syncVideoDelaySeconds() * 1000)))
                .put(p + "audio_jitter_buffer_ms", round(mean(f, DirectionCounters::audioJitterMillis)))
                .put(p + "audio_played_s_per_call_s", round(f.audioDeliveredRatio()))
                .put(p + "frames_other_size", ok ? f.directions.stream().mapToLong(d -> d.frames().otherSize()).sum()
                        : null)
                .put(p + "setup_ms", round(f.setupMillis))
                .put(p + "other_processes_cpu_pct", ok ? round(f.usage.otherProcessesPct()) : null);
    }

    private static String label(StackFigures p, StackFigures l, int k) {
        StackFigures f = k < p.directions.size() ? p : l;
        return k < f.directions.size() ? f.directions.get(k).label() : (k == 0 ? "a->b" : "b->a");
    }

    private static String direction(StackFigures f, int k,
                                    java.util.function.Function<StackFigures.DirectionFigures, String> show) {
        return k < f.directions.size() ? show.apply(f.directions.get(k)) : "-";
    }

    private static String delivery(StackFigures f) {
        return f.ok() ? String.format(Locale.ROOT, "%d/%d %s", f.delivered(), f.captured(),
                pct(f.deliveredRatio())) : "-";
    }

    private static String delivery(StackFigures.DirectionFigures d) {
        return String.format(Locale.ROOT, "%d/%d %s", d.delivered(), d.captured(), pct(d.deliveredRatio()));
    }

    private static String latency(StackFigures.DirectionFigures d) {
        return d.latency().count() == 0 ? "-" : String.format(Locale.ROOT, "%.1f / %.1f",
                d.latency().percentileNanos(0.5) / 1e6, d.latency().percentileNanos(0.95) / 1e6);
    }

    private static String pct(double ratio) {
        return Double.isFinite(ratio) ? String.format(Locale.ROOT, "(%.1f%%)", 100 * ratio) : "";
    }

    private static String audioLevels(StackFigures f) {
        if (!f.ok()) {
            return "-";
        }
        List<String> levels = new ArrayList<>();
        for (StackFigures.DirectionFigures d : f.directions) {
            levels.add(String.format(Locale.ROOT, "%.0f", d.audio().rms()));
        }
        return String.join(" / ", levels);
    }

    private static String syncDelays(StackFigures f) {
        if (!f.ok()) {
            return "-";
        }
        List<String> delays = new ArrayList<>();
        for (StackFigures.DirectionFigures d : f.directions) {
            delays.add(fmt(d.stats().syncVideoDelaySeconds() * 1000, "%.0f"));
        }
        return String.join(" / ", delays);
    }

    /** The mean over the directions of a figure, NaN when any direction lacks it. */
    private static double mean(StackFigures f, java.util.function.ToDoubleFunction<DirectionCounters> figure) {
        return f.ok() ? f.directions.stream().mapToDouble(d -> figure.applyAsDouble(d.stats())).average()
                .orElse(Double.NaN) : Double.NaN;
    }

    private static String audioJitter(StackFigures f) {
        if (!f.ok()) {
            return "-";
        }
        List<String> delays = new ArrayList<>();
        for (StackFigures.DirectionFigures d : f.directions) {
            double target = d.stats().audioJitterTargetSeconds() * 1000;
            delays.add(fmt(d.stats().audioJitterMillis(), "%.0f")
                    + (Double.isNaN(target) ? "" : " (" + fmt(target, "%.0f") + ")"));
        }
        return String.join(" / ", delays);
    }

    private static String otherSize(StackFigures f) {
        return f.ok() ? Long.toString(f.directions.stream().mapToLong(d -> d.frames().otherSize()).sum()) : "-";
    }

    private static String unreadable(StackFigures f) {
        return f.ok() ? Long.toString(f.directions.stream().mapToLong(d -> d.frames().unreadable()).sum()) : "-";
    }

    private static String sent(StackFigures f) {
        if (!f.ok() || f.directions.isEmpty()) {
            return "-";
        }
        DirectionCounters s = f.directions.get(0).stats();
        String reason = s.qualityLimitation().isEmpty() ? "" : " " + s.qualityLimitation();
        return s.sentWidth() + "x" + s.sentHeight() + reason;
    }

    private static double withoutJit(StackFigures f) {
        return f.cpuPerCallSecond() - f.threadCpuPerCallSecond(StackFigures::jitThread);
    }

    private static double allocMbPerSecond(StackFigures f) {
        return f.ok() && f.usage.allocatedBytes() >= 0
                ? StackFigures.mb(f.usage.allocatedBytes()) / f.usage.wallSeconds() : Double.NaN;
    }

    private static double callHeapMb(StackFigures f) {
        return f.heapLiveBytes < 0 || f.heapBaselineBytes < 0 ? Double.NaN
                : StackFigures.mb(f.heapLiveBytes - f.heapBaselineBytes);
    }

    private static double rssGrowthMb(StackFigures f) {
        return f.residentAfterBytes < 0 || f.residentBeforeBytes < 0 ? Double.NaN
                : (f.residentAfterBytes - f.residentBeforeBytes) / (1024.0 * 1024.0);
    }

    private static double sum(StackFigures f, java.util.function.ToLongFunction<DirectionCounters> counter) {
        return f.ok() ? f.sum(counter) : Double.NaN;
    }

    private static void threads(StackFigures f) {
        if (!f.ok()) {
            return;
        }
        StringBuilder b = new StringBuilder();
        int shown = 0;
        for (Map.Entry<String, Double> e : f.usage.threadCpuSeconds().entrySet()) {
            if (shown++ == 8) {
                break;
            }
            b.append(String.format(Locale.ROOT, "%s%s %.2f", b.length() == 0 ? "" : ", ", e.getKey(),
                    e.getValue() / f.usage.wallSeconds()));
        }
        say("%s, CPU s per call-second by thread (OS names, digits as #): %s", f.name, b);
    }

    private static String met(Boolean goal) {
        return goal == null ? "unknown" : goal ? "met" : "NOT met";
    }

    private static void row(String label, double parley, double libwebrtc, String format) {
        double ratio = parley / libwebrtc;
        say("%-44s %22s %22s %10s", label, fmt(parley, format), fmt(libwebrtc, format),
                Double.isFinite(ratio) && libwebrtc != 0 ? String.format(Locale.ROOT, "%.2f", ratio) : "-");
    }

    private static void text(String label, String parley, String libwebrtc) {
        say("%-44s %22s %22s", label, parley, libwebrtc);
    }

    private static String fmt(double v, String format) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, format, v) : "-";
    }

    /** Two decimals; NaN stays NaN (null in the JSON line). */
    private static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 100) / 100.0 : Double.NaN;
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
