package dev.parley.bench.signaling;

import dev.parley.bench.common.JsonLine;
import dev.parley.bench.common.LatencyHistogram;
import dev.parley.signaling.client.ClientOptions;
import dev.parley.signaling.client.ConnectionState;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * End-to-end signaling benchmark: N clients in N/2 rooms of two on loopback relay offers, answers and
 * candidates to each other at an even aggregate rate through a signaling server running in a child JVM.
 * Reports connections held, relayed messages per second, one-way relay latency and the server's heap;
 * the last line of its output is one JSON object with the figures.
 *
 * <p>Target on a 2-core machine (the issue): 5,000 connections, p99 relay latency under 10 ms at 5,000 msg/s.
 */
public final class SignalingBench {

    private static final Duration PAIR_SETUP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(60);
    private static final double P99_TARGET_MS = 10.0;
    // Sustained per-connection limit of signaling-v1 is 50 msg/s; keepalive pings share it.
    private static final double MAX_PER_CLIENT_RATE = 40.0;

    private final BenchOptions options;
    private final RelayStats stats = new RelayStats();
    private final JsonLine json = new JsonLine();
    private int healthFailures;

    private SignalingBench(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
            if (options.perClientRate() > MAX_PER_CLIENT_RATE) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%.0f msg/s over %d clients is %.1f msg/s per connection, above the %.0f the server's rate"
                                + " limit leaves room for; use more clients or a lower rate.",
                        options.rate(), options.clients(), options.perClientRate(), MAX_PER_CLIENT_RATE));
            }
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
            }
            System.err.println(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        int exit;
        try {
            exit = new SignalingBench(options).run();
        } catch (Exception e) {
            System.err.println("The benchmark failed: " + e);
            e.printStackTrace();
            exit = 1;
        }
        // Client libraries may leave daemon or pool threads behind; the benchmark must end by itself.
        System.exit(exit);
    }

    private int run() throws IOException, InterruptedException {
        say("Parley signaling benchmark: %d clients in %d rooms, %.0f msg/s, %d s warm-up + %d s measured",
                options.clients(), options.pairs(), options.rate(), options.warmupSeconds(), options.seconds());
        // Other work on the machine shows up as latency; the load average lets a reader judge a run.
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        say("machine: %d CPUs, load average %.2f; %d file descriptors, %d ephemeral ports; client GC: %s",
                Runtime.getRuntime().availableProcessors(), loadBefore, SystemLimits.maxFileDescriptors(),
                SystemLimits.ephemeralPorts(), clientGc());
        json.put("cpus", Runtime.getRuntime().availableProcessors()).put("load_average_before", loadBefore);
        for (String problem : SystemLimits.problems(options.clients())) {
            say("warning: %s", problem);
        }
        ServerProcess server = ServerProcess.start(options.serverHeap(), options.clients() + 100,
                options.pairs() + 100);
        Thread stopServer = new Thread(server::close, "bench-stop-server");
        Runtime.getRuntime().addShutdownHook(stopServer);
        say("server: pid %d, %s, -Xmx%s", server.pid(), server.signalUri(), options.serverHeap());

        // A handful of threads for all clients together: the point is 5,000 connections, not 5,000 threads.
        ExecutorService httpPool = Executors.newFixedThreadPool(2, daemon("bench-http"));
        ExecutorService callbackPool = Executors.newFixedThreadPool(2, daemon("bench-callbacks"));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("bench-load"));
        HttpClient http = HttpClient.newBuilder().executor(httpPool).connectTimeout(Duration.ofSeconds(10)).build();
        ClientOptions clientOptions = ClientOptions.defaults()
                .withHttpClient(http)
                .withCallbackExecutor(callbackPool)
                // A dropped connection must show up as a drop, not be quietly re-established.
                .withReconnect(false, Duration.ofSeconds(1), Duration.ofSeconds(1));
        List<PeerPair> pairs = new ArrayList<>(options.pairs());
        for (int i = 0; i < options.pairs(); i++) {
            pairs.add(new PeerPair(new BenchPeer(server.signalUri(), clientOptions, true, stats),
                    new BenchPeer(server.signalUri(), clientOptions, false, stats)));
        }
        int exit = 0;
        try {
            List<PeerPair> ready = setUp(pairs);
            if (ready.isEmpty()) {
                say("No room could be set up; nothing to measure.");
                json.put("targets_met", false);
                exit = 1;
            } else {
                measure(server, ready, timer);
            }
            closeAll(server, pairs);
        } finally {
            timer.shutdownNow();
            pairs.forEach(PeerPair::close);
            server.close();
            Runtime.getRuntime().removeShutdownHook(stopServer);
            callbackPool.shutdownNow();
            httpPool.shutdownNow();
        }
        report();
        return exit;
    }

    /** Opens every pair with at most {@code connectConcurrency} set-ups in flight; returns those that worked. */
    private List<PeerPair> setUp(List<PeerPair> pairs) throws InterruptedException {
        Semaphore inFlight = new Semaphore(options.connectConcurrency());
        CountDownLatch done = new CountDownLatch(pairs.size());
        Queue<PeerPair> ready = new ConcurrentLinkedQueue<>();
        Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        int started = 0;
        for (PeerPair pair : pairs) {
            inFlight.acquire();
            pair.setUp(PAIR_SETUP_TIMEOUT).whenComplete((ok, failure) -> {
                inFlight.release();
                if (failure == null) {
                    ready.add(pair);
                } else {
                    failures.computeIfAbsent(describe(failure), k -> new AtomicInteger()).incrementAndGet();
                    pair.close();
                }
                done.countDown();
            });
            if (++started % 500 == 0) {
                say("  set-up started for %d/%d rooms (%d ready)", started, pairs.size(), ready.size());
            }
        }
        // Each pair times out by itself; the margin covers the last ones started.
        if (!done.await(PAIR_SETUP_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS)) {
            say("warning: some room set-ups neither finished nor timed out");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<PeerPair> readyPairs = new ArrayList<>(ready);
        int failedPairs = pairs.size() - readyPairs.size();
        say("set-up: %d/%d clients in rooms in %.2f s (%.0f connections/s)%s", readyPairs.size() * 2,
                options.clients(), seconds, readyPairs.size() * 2 / seconds,
                failedPairs == 0 ? "" : ", " + failedPairs + " rooms failed");
        failures.forEach((reason, n) -> say("  set-up failure x%d: %s", n.get(), reason));
        json.put("clients_target", options.clients())
                .put("clients_set_up", readyPairs.size() * 2)
                .put("setup_failed_clients", failedPairs * 2)
                .put("setup_time_s", seconds);
        return readyPairs;
    }

    private void measure(ServerProcess server, List<PeerPair> pairs, ScheduledExecutorService timer)
            throws IOException, InterruptedException {
        // Creators first, then joiners: consecutive sends come from different rooms, and each client's
        // turn comes round once per (clients / rate) seconds.
        List<BenchPeer> senders = new ArrayList<>(pairs.size() * 2);
        pairs.forEach(p -> senders.add(p.creator));
        pairs.forEach(p -> senders.add(p.joiner));
        senders.forEach(p -> p.loadRunning(true));

        LoadGenerator load = new LoadGenerator(senders, options.rate());
        long loadStart = System.nanoTime();
        load.start(timer);
        say("load: %.0f msg/s from %d clients (%.2f msg/s each); warming up at least %d s", options.rate(),
                senders.size(), options.rate() / senders.size(), options.warmupSeconds());
        Thread.sleep(options.warmupSeconds() * 1000L);
        boolean settled = settle(load);
        double warmupSeconds = (System.nanoTime() - loadStart) / 1e9;
        say("warm-up: %.1f s%s", warmupSeconds, settled ? "" : " (never settled: measuring anyway)");

        CpuMeter cpu = new CpuMeter(server.handle());
        CpuMeter.Reading cpuAtStart = cpu.read();
        CpuMeter.Reading cpuAtInterval = cpuAtStart;
        ServerHealth first = poll(server, null);
        long windowStart = System.nanoTime();
        stats.openWindow(windowStart);
        stats.takeInterval();
        long heapMax = first == null ? 0 : first.heapUsedBytes();
        ServerHealth latest = first;
        for (int s = 1; s <= options.seconds(); s++) {
            Thread.sleep(Math.max(0, windowStart + s * 1_000_000_000L - System.nanoTime()) / 1_000_000);
            latest = poll(server, latest);
            if (latest != null) {
                heapMax = Math.max(heapMax, latest.heapUsedBytes());
            }
            if ((s % options.progressSeconds() == 0 || s == options.seconds()) && latest != null) {
                LatencyHistogram recent = stats.takeInterval();
                CpuMeter.Reading now = cpu.read();
                CpuMeter.Shares shares = now.since(cpuAtInterval);
                cpuAtInterval = now;
                say("  %3d s: received %d; latency p50 %.2f p99 %.2f max %.2f ms; server %d connections,"
                        + " heap %.0f MiB; CPU clients %.0f%% server %.0f%% irq %.0f%% other %.0f%%", s,
                        stats.receivedInWindow.sum(), ms(recent.percentileNanos(0.5)),
                        ms(recent.percentileNanos(0.99)), ms(recent.maxNanos()), latest.connections(),
                        latest.heapUsedMib(), shares.benchPct(), shares.serverPct(), shares.interruptsPct(),
                        shares.otherPct());
            }
        }
        long windowEnd = System.nanoTime();
        stats.closeWindow(windowEnd);
        CpuMeter.Shares cpuShares = cpu.read().since(cpuAtStart);
        ServerHealth last = poll(server, latest);
        if (first == null || last == null) {
            throw new IOException("The server's /healthz never answered during the measurement.");
        }
        heapMax = Math.max(heapMax, last.heapUsedBytes());
        int clientOpen = (int) senders.stream().filter(p -> p.client().state() == ConnectionState.OPEN).count();
        int clientThreads = ManagementFactory.getThreadMXBean().getThreadCount();
        Runtime rt = Runtime.getRuntime();
        long clientHeap = rt.totalMemory() - rt.freeMemory();

        load.stop(timer);
        long drainUntil = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        while (stats.receivedInWindow.sum() < stats.sentInWindow.sum() && System.nanoTime() - drainUntil < 0) {
            Thread.sleep(20);
        }
        senders.forEach(p -> p.loadRunning(false));

        double windowSeconds = (windowEnd - windowStart) / 1e9;
        long sent = stats.sentInWindow.sum();
        long received = stats.receivedInWindow.sum();
        LatencyHistogram lat = stats.latency;
        json.put("connections_held", last.connections())
                .put("client_connections_open", clientOpen)
                .put("rooms", last.rooms())
                .put("rate_target_msg_per_s", options.rate())
                .put("messages_per_s", received / windowSeconds)
                .put("server_relayed_per_s", (last.relayed() - first.relayed()) / windowSeconds)
                .put("messages_sent", sent)
                .put("messages_received", received)
                .put("messages_lost", sent - received)
                .put("send_failures", stats.sendFailures.sum())
                .put("server_errors", stats.errorCount())
                .put("dropped_connections", stats.droppedConnections.sum())
                .put("relay_latency_p50_ms", ms(lat.percentileNanos(0.50)))
                .put("relay_latency_p90_ms", ms(lat.percentileNanos(0.90)))
                .put("relay_latency_p99_ms", ms(lat.percentileNanos(0.99)))
                .put("relay_latency_p999_ms", ms(lat.percentileNanos(0.999)))
                .put("relay_latency_max_ms", ms(lat.maxNanos()))
                .put("relay_latency_mean_ms", lat.meanNanos() / 1e6)
                .put("server_heap_used_mib", last.heapUsedMib())
                .put("server_heap_max_seen_mib", heapMax / (1024.0 * 1024.0))
                .put("server_heap_limit", options.serverHeap())
                .put("client_heap_used_mib", clientHeap / (1024.0 * 1024.0))
                .put("client_threads", clientThreads)
                .put("client_gc", clientGc())
                .put("load_timer_max_batch_msgs", load.maxBatch())
                .put("cpu_clients_pct", cpuShares.benchPct())
                .put("cpu_server_pct", cpuShares.serverPct())
                .put("cpu_interrupts_pct", cpuShares.interruptsPct())
                .put("cpu_other_pct", cpuShares.otherPct())
                .put("load_average_after", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
                .put("measure_s", windowSeconds)
                .put("warmup_s", warmupSeconds)
                .put("healthz_failures", healthFailures)
                .put("targets_met", last.connections() == options.clients()
                        && clientOpen == options.clients()
                        && received >= 0.99 * options.rate() * windowSeconds
                        && sent == received
                        && ms(lat.percentileNanos(0.99)) < P99_TARGET_MS);
        stats.errors().forEach((code, n) -> say("  server error %s x%d", code, n));
    }

    /**
     * Extends the warm-up until every client has sent each kind of message and the load runs on schedule,
     * at most {@link #SETTLE_LIMIT} more. The first message of a kind through a client is slow: the client
     * library builds a JSON mapper per client and its (de)serializers on first use.
     */
    private boolean settle(LoadGenerator load) throws InterruptedException {
        long onTimeBatch = 2 + (long) (options.rate() * 0.005);
        long inFlightLimit = 10 + (long) (options.rate() * 0.020);
        long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
        while (System.nanoTime() - deadline < 0) {
            long inFlight = stats.sentTotal.sum() - stats.receivedTotal.sum();
            if (load.rounds() >= 3 && load.lastBatch() <= onTimeBatch && inFlight <= inFlightLimit) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** One healthz reading, or {@code fallback} (counted as a failure) when the server does not answer. */
    private ServerHealth poll(ServerProcess server, ServerHealth fallback) throws InterruptedException {
        try {
            return server.health();
        } catch (IOException e) {
            healthFailures++;
            say("warning: healthz failed: %s", e);
            return fallback;
        }
    }

    /** Closes every client and waits (bounded) for the server to see them go. */
    private void closeAll(ServerProcess server, List<PeerPair> pairs) throws InterruptedException {
        long start = System.nanoTime();
        pairs.forEach(PeerPair::close);
        int left = -1;
        long deadline = start + CLOSE_TIMEOUT.toNanos();
        while (System.nanoTime() - deadline < 0) {
            try {
                left = server.health().connections();
            } catch (IOException e) {
                left = -1;
            }
            if (left == 0) {
                break;
            }
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        say("closed all clients; server connections %d after %.2f s", left, seconds);
        json.put("server_connections_after_close", left).put("close_time_s", seconds);
    }

    /** The readable report, quoting the JSON line's figures, then the JSON line itself, last. */
    private void report() {
        say("");
        say("connections held:  server %s, client side OPEN %s (of %s)",
                json.text("connections_held"), json.text("client_connections_open"), options.clients());
        say("set-up time:       %s s", json.text("setup_time_s"));
        say("messages/s:        %s delivered (target %s; server relayed %s/s)", json.text("messages_per_s"),
                json.text("rate_target_msg_per_s"), json.text("server_relayed_per_s"));
        say("messages:          sent %s, received %s, lost %s, send failures %s, server errors %s",
                json.text("messages_sent"), json.text("messages_received"), json.text("messages_lost"),
                json.text("send_failures"), json.text("server_errors"));
        say("relay latency:     p50 %s ms, p90 %s ms, p99 %s ms, p99.9 %s ms, max %s ms",
                json.text("relay_latency_p50_ms"), json.text("relay_latency_p90_ms"),
                json.text("relay_latency_p99_ms"), json.text("relay_latency_p999_ms"),
                json.text("relay_latency_max_ms"));
        say("server heap:       %s MiB used at the end, %s MiB max seen (-Xmx%s)",
                json.text("server_heap_used_mib"), json.text("server_heap_max_seen_mib"), options.serverHeap());
        say("client JVM:        %s threads, %s MiB heap used, GC %s", json.text("client_threads"),
                json.text("client_heap_used_mib"), json.text("client_gc"));
        say("CPU (measuring):   clients %s%%, server %s%%, interrupts %s%%, other processes %s%% (100%% = %s CPUs)",
                json.text("cpu_clients_pct"), json.text("cpu_server_pct"), json.text("cpu_interrupts_pct"),
                json.text("cpu_other_pct"), json.text("cpus"));
        say("targets met:       %s (all connections held, no loss, >=99%% of rate, p99 < %.0f ms)",
                json.text("targets_met"), P99_TARGET_MS);
        System.out.println(json);
        System.out.flush();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String describe(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && (t instanceof CompletionException || t instanceof ExecutionException)) {
            t = t.getCause();
        }
        String cause = t.getCause() == null ? "" : " (" + t.getCause() + ")";
        return t.getClass().getSimpleName() + ": " + t.getMessage() + cause;
    }

    /** The load generator's collector: its pauses land in the measured latencies, so the report names it. */
    private static String clientGc() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName)
                .reduce((a, b) -> a + "+" + b).orElse("?");
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
