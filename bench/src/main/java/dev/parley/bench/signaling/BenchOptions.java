package dev.parley.bench.signaling;

import dev.parley.bench.common.OptionPairs;

/** Command line of {@link SignalingBench}: {@code --clients N --rate R --seconds S} and a few more. */
record BenchOptions(int clients, double rate, int seconds, int warmupSeconds, int connectConcurrency,
                    String serverHeap, int progressSeconds) {

    static final String USAGE = String.join("\n",
            "usage: bench/run signaling [--clients N] [--rate R] [--seconds S] [--warmup W]",
            "                           [--connect-concurrency C] [--server-heap SIZE] [--progress P]",
            "  --clients N              clients, in N/2 rooms of two (even, default 5000)",
            "  --rate R                 aggregate relayed messages per second (default 5000)",
            "  --seconds S              measuring time in seconds (default 20)",
            "  --warmup W               load before measuring, in seconds (default 15); it goes on (60 s at",
            "                           most) until every client has sent each message kind and the load",
            "                           is on schedule",
            "  --connect-concurrency C  room set-ups in flight while connecting (default 200)",
            "  --server-heap SIZE       -Xmx of the server JVM (default 512m)",
            "  --progress P             print interval figures every P seconds while measuring (default 5)");

    static BenchOptions defaults() {
        return new BenchOptions(5_000, 5_000, 20, 15, 200, "512m", 5);
    }

    /** Parses the arguments; throws {@link IllegalArgumentException} with a sentence for a person. */
    static BenchOptions parse(String[] args) {
        BenchOptions o = OptionPairs.fold(args, defaults(), (b, name, value) -> switch (name) {
                case "--clients" -> new BenchOptions(positive(name, value), b.rate, b.seconds, b.warmupSeconds,
                        b.connectConcurrency, b.serverHeap, b.progressSeconds);
                case "--rate" -> new BenchOptions(b.clients, positiveDouble(name, value), b.seconds,
                        b.warmupSeconds, b.connectConcurrency, b.serverHeap, b.progressSeconds);
                case "--seconds" -> new BenchOptions(b.clients, b.rate, positive(name, value), b.warmupSeconds,
                        b.connectConcurrency, b.serverHeap, b.progressSeconds);
                case "--warmup" -> new BenchOptions(b.clients, b.rate, b.seconds, nonNegative(name, value),
                        b.connectConcurrency, b.serverHeap, b.progressSeconds);
                case "--connect-concurrency" -> new BenchOptions(b.clients, b.rate, b.seconds, b.warmupSeconds,
                        positive(name, value), b.serverHeap, b.progressSeconds);
                case "--server-heap" -> new BenchOptions(b.clients, b.rate, b.seconds, b.warmupSeconds,
                        b.connectConcurrency, heapSize(value), b.progressSeconds);
                case "--progress" -> new BenchOptions(b.clients, b.rate, b.seconds, b.warmupSeconds,
                        b.connectConcurrency, b.serverHeap, positive(name, value));
                default -> throw new IllegalArgumentException("Unknown option " + name + ".");
            });
        if (o.clients < 2 || o.clients % 2 != 0) {
            throw new IllegalArgumentException("--clients must be an even number of at least 2 (rooms of two).");
        }
        return o;
    }

    int pairs() {
        return clients / 2;
    }

    /** Messages per second each client sends when the load is spread evenly. */
    double perClientRate() {
        return rate / clients;
    }

    private static int positive(String name, String value) {
        int v = integer(name, value);
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be positive.");
        }
        return v;
    }

    private static int nonNegative(String name, String value) {
        int v = integer(name, value);
        if (v < 0) {
            throw new IllegalArgumentException(name + " must not be negative.");
        }
        return v;
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a whole number, not '" + value + "'.");
        }
    }

    private static double positiveDouble(String name, String value) {
        try {
            double v = Double.parseDouble(value);
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(name + " must be a positive number.");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a number, not '" + value + "'.");
        }
    }

    private static String heapSize(String value) {
        if (!value.matches("\\d+[kKmMgG]?")) {
            throw new IllegalArgumentException("--server-heap takes a JVM size such as 512m or 1g.");
        }
        return value;
    }
}
