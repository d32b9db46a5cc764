package dev.parley.bench.call;

import dev.parley.bench.common.LatencyHistogram;
import java.util.ArrayList;
import java.util.List;

/**
 * What one stack's call measured over its window: per direction and in total. Built by {@link CallBench} on its
 * thread; {@code failure} is non-null (and the figures empty) when the call could not be made or measured.
 */
final class StackFigures {

    /** One direction's window. */
    record DirectionFigures(String label, long captured, int delivered, LatencyHistogram latency,
                            DirectionCounters stats, AudioCounter.Snapshot audio, StampedVideo.Counts frames) {

        double deliveredRatio() {
            return captured == 0 ? Double.NaN : delivered / (double) captured;
        }
    }

    final String name;
    final List<DirectionFigures> directions = new ArrayList<>();
    final LatencyHistogram latency = new LatencyHistogram();
    double setupMillis = Double.NaN;
    ProcessMeter.Usage usage;
    long heapBaselineBytes = -1;
    long heapLiveBytes = -1;
    long residentBeforeBytes = -1;
    long residentAfterBytes = -1;
    String failure;

    StackFigures(String name) {
        this.name = name;
    }

    boolean ok() {
        return failure == null && usage != null;
    }

    long captured() {
        return directions.stream().mapToLong(DirectionFigures::captured).sum();
    }

    long delivered() {
        return directions.stream().mapToLong(DirectionFigures::delivered).sum();
    }

    double deliveredRatio() {
        return captured() == 0 ? Double.NaN : delivered() / (double) captured();
    }

    double cpuPerCallSecond() {
        return ok() ? usage.cpuSeconds() / usage.wallSeconds() : Double.NaN;
    }

    /** CPU seconds per call-second of the threads whose OS name matches, NaN when not measured. */
    double threadCpuPerCallSecond(java.util.function.Predicate<String> name) {
        if (!ok() || usage.threadCpuSeconds().isEmpty()) {
            return Double.NaN;
        }
        return usage.threadCpuSeconds().entrySet().stream().filter(e -> name.test(e.getKey()))
                .mapToDouble(java.util.Map.Entry::getValue).sum() / usage.wallSeconds();
    }

    /** The JIT compiler's threads (HotSpot: "C1 CompilerThread0", cut to 15 characters by the OS). */
    static boolean jitThread(String name) {
        return name.contains("CompilerThre");
    }

    /** The garbage collector's threads (HotSpot's G1, Parallel, ZGC and Shenandoah names). */
    static boolean gcThread(String name) {
        return name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("Shenandoah")
                || name.matches("Z(Worker|Driver|Director|Stat|Uncommit|Unmap|Refine|Mark).*");
    }

    /** A latency percentile in ms, NaN when there is none. */
    double latencyMillis(double q) {
        return latency.count() == 0 ? Double.NaN : latency.percentileNanos(q) / 1e6;
    }

    long sum(java.util.function.ToLongFunction<DirectionCounters> f) {
        return directions.stream().mapToLong(d -> f.applyAsLong(d.stats())).sum();
    }

    /** Mean QP over both encoders' frames in the window. */
    double meanQp() {
        double qp = directions.stream().mapToDouble(d -> d.stats().qpSum()).sum();
        long frames = sum(DirectionCounters::framesEncoded);
        return frames == 0 ? Double.NaN : qp / frames;
    }

    /** Mean encode time per frame over both encoders (W3C totalEncodeTime / framesEncoded), ms. */
    double encodeMillisPerFrame() {
        long frames = sum(DirectionCounters::framesEncoded);
        return frames == 0 ? Double.NaN
                : 1000 * directions.stream().mapToDouble(d -> d.stats().encodeSeconds()).sum() / frames;
    }

    /** Mean decode time per frame over both decoders (W3C totalDecodeTime / framesDecoded), ms. */
    double decodeMillisPerFrame() {
        long frames = sum(DirectionCounters::framesDecoded);
        return frames == 0 ? Double.NaN
                : 1000 * directions.stream().mapToDouble(d -> d.stats().decodeSeconds()).sum() / frames;
    }

    /** Video payload bitrate per direction, mean of the two, kbit/s. */
    double videoKbps() {
        return ok() ? sum(DirectionCounters::bytesSent) * 8 / 1000.0 / usage.wallSeconds() / directions.size()
                : Double.NaN;
    }

    /** Seconds of remote audio played per second of window, mean of the two directions. */
    double audioDeliveredRatio() {
        return ok() ? directions.stream().mapToDouble(d -> d.audio().seconds()).sum() / usage.wallSeconds()
                / directions.size() : Double.NaN;
    }

    static double mb(long bytes) {
        return bytes < 0 ? Double.NaN : bytes / (1024.0 * 1024.0);
    }
}
