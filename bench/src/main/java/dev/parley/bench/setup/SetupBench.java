package dev.parley.bench.setup;

import dev.parley.bench.common.BenchLauncher;

import dev.parley.bench.common.JsonLine;
import dev.parley.bench.common.LatencyHistogram;
import dev.parley.rtc.peer.RtcConfiguration;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Connection setup time on loopback, Parley &lt;-&gt; Parley against libwebrtc &lt;-&gt; libwebrtc (webrtc-java), in one
 * run: offer -&gt; connected (both sides ICE connected and DTLS done) and offer -&gt; first audio packet decrypted at the
 * answerer. The two stacks alternate call by call (Parley first on even calls, libwebrtc first on odd ones) after
 * unmeasured warm-up calls, so both see the same machine. See {@link ParleyCall} and {@link LibWebRtcCall} for exactly
 * what each milestone is. The last line of output is one JSON object with units in its key names.
 */
public final class SetupBench {

    /** The goal: Parley connected in under this median, and ahead of libwebrtc. */
    private static final double TARGET_CONNECTED_MEDIAN_MS = 50;

    private final SetupOptions options;
    private final Figures parley = new Figures("Parley<->Parley");
    private final Figures libwebrtc = new Figures("libwebrtc<->libwebrtc");
    private final JsonLine json = new JsonLine();
    private long parleyPacketsSent;
    private long parleyUndecryptable;
    private long libwebrtcPollLagMax;

    private SetupBench(SetupOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        BenchLauncher.launch("setup", args, SetupOptions::parse, SetupOptions.USAGE, o -> (int) o.budgetSeconds(),
                o -> new SetupBench(o)::run);
    }

    private int run() throws InterruptedException {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        say("Connection setup on loopback: Parley<->Parley and libwebrtc<->libwebrtc (webrtc-java), alternating,");
        say("%d warm-up + %d measured calls each; timeout %d s per call; %d ms pause between calls",
                options.warmup(), options.iterations(), options.timeoutSeconds(), options.pauseMillis());
        say("machine: %d CPUs, load average %.2f; %s %s", Runtime.getRuntime().availableProcessors(), load,
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        say("times in ms after createOffer: signaled = offer/answer applied on both sides, ice = both ICE connected,");
        say("connected = both connected (ICE + DTLS), first = first RTP from the offerer decrypted at the answerer");
        RtcConfiguration parleyConfig = options.parleyConfiguration();
        if (options.parleyIcePacingMillis() != 0) {
            say("DIAGNOSTIC RUN: Parley's ICE pacing set to %d ms instead of the engine's default",
                    options.parleyIcePacingMillis());
        }
        say("");
        ExecutorService signaling = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bench-setup-signaling");
            t.setDaemon(true);
            return t;
        });
        LibWebRtcCall.Stack offererStack = new LibWebRtcCall.Stack();
        LibWebRtcCall.Stack answererStack = new LibWebRtcCall.Stack();
        try {
            int total = options.warmup() + options.iterations();
            for (int i = 0; i < total; i++) {
                boolean measured = i >= options.warmup();
                boolean parleyFirst = i % 2 == 0;
                for (int k = 0; k < 2; k++) {
                    if (parleyFirst == (k == 0)) {
                        ParleyCall.Result r = ParleyCall.measure(parleyConfig, options.timeoutSeconds());
                        if (measured) {
                            parleyPacketsSent += r.packetsSent();
                            parleyUndecryptable += r.undecryptable();
                        }
                        parley.add(r.sample(), i, measured);
                    } else {
                        LibWebRtcCall.Result r = LibWebRtcCall.measure(offererStack, answererStack, signaling,
                                options.timeoutSeconds());
                        if (measured) {
                            libwebrtcPollLagMax = Math.max(libwebrtcPollLagMax, r.pollLagNanos());
                        }
                        libwebrtc.add(r.sample(), i, measured);
                    }
                    Thread.sleep(options.pauseMillis());
                }
            }
        } finally {
            offererStack.close();
            answererStack.close();
            signaling.shutdownNow();
        }
        report(load);
        return 0;
    }

    private void report(double load) {
        Duration parleyPacing = options.parleyConfiguration().ice().pacing();
        say("");
        say("%-26s %29s   %29s   %9s", "", parley.name, libwebrtc.name, "libwebrtc/");
        say("%-26s %9s %9s %9s   %9s %9s %9s   %9s", "ms after createOffer", "median", "p95", "max", "median", "p95",
                "max", "Parley");
        row("offer/answer applied", parley.signaled, libwebrtc.signaled);
        row("both ICE connected", parley.ice, libwebrtc.ice);
        row("both connected (DTLS done)", parley.connected, libwebrtc.connected);
        row("  of which ICE -> connected", parley.dtls, libwebrtc.dtls);
        row("first packet decrypted", parley.firstPacket, libwebrtc.firstPacket);
        say("%-26s %9s %9s %9s   %9s %9s %9s", "failed calls", parley.failures, "", "", libwebrtc.failures, "", "");
        say("%-26s %9s %9s %9s   %9s %9s %9s", "cold first call: connected", ms(parley.coldConnected), "", "",
                ms(libwebrtc.coldConnected), "", "");
        say("");
        double parleyConnected = median(parley.connected);
        double libConnected = median(libwebrtc.connected);
        boolean under = parley.connected.count() > 0 && parleyConnected < TARGET_CONNECTED_MEDIAN_MS;
        boolean ahead = parley.connected.count() > 0 && libwebrtc.connected.count() > 0
                && parleyConnected < libConnected;
        say("target: Parley connected median under %.0f ms: %s; ahead of libwebrtc: %s", TARGET_CONNECTED_MEDIAN_MS,
                under ? "met" : "NOT met", ahead ? "yes" : "no");
        say("Parley's offerer sent %.1f RTP packets per call until one got through; the answerer dropped %.1f per call"
                        + " that arrived before its SRTP keys", parleyPacketsSent / (double) options.iterations(),
                parleyUndecryptable / (double) options.iterations());
        say("libwebrtc's first packet is read from the receiver's synchronization source (set at 10 ms playout); the"
                + " poll saw it at most %.1f ms after the time it carries", libwebrtcPollLagMax / 1e6);
        say("");

        json.put("iterations", options.iterations()).put("warmup_calls", options.warmup());
        for (Figures f : new Figures[] {parley, libwebrtc}) {
            String p = f == parley ? "parley_" : "libwebrtc_";
            json.put(p + "connected_median_ms", round(median(f.connected)))
                    .put(p + "connected_p95_ms", round(p95(f.connected)))
                    .put(p + "first_packet_median_ms", round(median(f.firstPacket)))
                    .put(p + "first_packet_p95_ms", round(p95(f.firstPacket)))
                    .put(p + "ice_connected_median_ms", round(median(f.ice)))
                    .put(p + "signaled_median_ms", round(median(f.signaled)))
                    .put(p + "ice_to_connected_median_ms", round(median(f.dtls)))
                    .put(p + "cold_connected_ms", f.coldConnected < 0 ? null : round(f.coldConnected / 1e6))
                    .put(p + "failed_calls", f.failures);
        }
        json.put("connected_median_ratio_libwebrtc_over_parley", round(libConnected / parleyConnected))
                .put("first_packet_median_ratio_libwebrtc_over_parley",
                        round(median(libwebrtc.firstPacket) / median(parley.firstPacket)))
                .put("target_parley_connected_median_under_50_ms", under)
                .put("target_parley_ahead_of_libwebrtc", ahead)
                .put("parley_ice_pacing_ms", parleyPacing.toMillis())
                .put("cpus", Runtime.getRuntime().availableProcessors())
                .put("load_average_before", round(load))
                .put("java_version", System.getProperty("java.version"));
        System.out.println(json);
    }

    private static void row(String label, LatencyHistogram a, LatencyHistogram b) {
        double ratio = median(b) / median(a);
        say("%-26s %9s %9s %9s   %9s %9s %9s   %9s", label, fmt(median(a)), fmt(p95(a)), max(a), fmt(median(b)),
                fmt(p95(b)), max(b), Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.2f", ratio) : "-");
    }

    /** The median in ms (the lower middle value for an even count), NaN when there is none. */
    private static double median(LatencyHistogram h) {
        return h.count() == 0 ? Double.NaN : h.percentileNanos(0.5) / 1e6;
    }

    /** The 95th percentile in ms (nearest rank: the 29th of 30 values), NaN when there is none. */
    private static double p95(LatencyHistogram h) {
        return h.count() == 0 ? Double.NaN : h.percentileNanos(0.95) / 1e6;
    }

    private static String max(LatencyHistogram h) {
        return h.count() == 0 ? "-" : fmt(h.maxNanos() / 1e6);
    }

    private static String ms(long nanos) {
        return nanos < 0 ? "-" : fmt(nanos / 1e6);
    }

    private static String fmt(double ms) {
        return Double.isNaN(ms) ? "-" : String.format(Locale.ROOT, "%.1f", ms);
    }

    /** Two decimals; NaN stays NaN (null in the JSON line). */
    private static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 100) / 100.0 : Double.NaN;
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }

    /** The measured figures of one stack. */
    private static final class Figures {
        final String name;
        final LatencyHistogram signaled = new LatencyHistogram();
        final LatencyHistogram ice = new LatencyHistogram();
        final LatencyHistogram connected = new LatencyHistogram();
        final LatencyHistogram dtls = new LatencyHistogram();
        final LatencyHistogram firstPacket = new LatencyHistogram();
        long coldConnected = -1;
        int failures;

        Figures(String name) {
            this.name = name;
        }

        void add(SetupSample s, int call, boolean measured) {
            if (call == 0) {
                coldConnected = s.connectedNanos();
            }
            say("%s %3d %-22s signaled %6s  ice %6s  connected %6s  first %6s%s", measured ? "   " : "(w)", call + 1,
                    name, ms(s.signaledNanos()), ms(s.iceNanos()), ms(s.connectedNanos()), ms(s.firstPacketNanos()),
                    s.ok() ? "" : "  FAILED: " + s.failure());
            if (!measured) {
                return;
            }
            if (!s.ok()) {
                failures++;
                return;
            }
            signaled.record(s.signaledNanos());
            ice.record(s.iceNanos());
            connected.record(s.connectedNanos());
            dtls.record(s.connectedNanos() - s.iceNanos());
            firstPacket.record(s.firstPacketNanos());
        }
    }
}
