package dev.parley.bench.render;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time and allocation of given threads, of the process and of the whole machine, read at one moment; two
 * readings give a window's figures.
 */
record Usage(long wallNanos, long processCpuNanos, long machineBusyNanos, long[] threadCpuNanos,
             long[] threadAllocatedBytes) {

    private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ is 100 on Linux
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Reads now; a thread that is null or gone reads -1. */
    static Usage read(Thread... threads) {
        long[] cpu = new long[threads.length];
        long[] alloc = new long[threads.length];
        for (int i = 0; i < threads.length; i++) {
            Thread t = threads[i];
            cpu[i] = t == null ? -1 : THREADS.getThreadCpuTime(t.getId());
            alloc[i] = t == null ? -1 : THREADS.getThreadAllocatedBytes(t.getId());
        }
        return new Usage(System.nanoTime(), readProcessCpuNanos(), readMachineBusyNanos(), cpu, alloc);
    }

    /** CPU seconds thread i used since {@code before}, NaN if unknown. */
    double threadCpuSeconds(Usage before, int i) {
        long a = before.threadCpuNanos[i];
        long b = threadCpuNanos[i];
        return a < 0 || b < 0 ? Double.NaN : (b - a) / 1e9;
    }

    long threadAllocatedBytes(Usage before, int i) {
        long a = before.threadAllocatedBytes[i];
        long b = threadAllocatedBytes[i];
        return a < 0 || b < 0 ? -1 : b - a;
    }

    double wallSeconds(Usage before) {
        return (wallNanos - before.wallNanos) / 1e9;
    }

    double processCpuSeconds(Usage before) {
        return (processCpuNanos - before.processCpuNanos) / 1e9;
    }

    /** Other processes' share of the whole machine over the window, in percent (100 = every core busy). */
    double otherProcessesPercent(Usage before) {
        if (machineBusyNanos < 0 || before.machineBusyNanos < 0) {
            return Double.NaN;
        }
        double capacity = (double) (wallNanos - before.wallNanos) * Runtime.getRuntime().availableProcessors();
        long others = machineBusyNanos - before.machineBusyNanos - (processCpuNanos - before.processCpuNanos);
        return Math.max(0, 100 * others / capacity);
    }

    private static long readProcessCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    // First line of /proc/stat: "cpu user nice system idle ...": user + nice + system is what processes used.
    private static long readMachineBusyNanos() {
        try (BufferedReader in = Files.newBufferedReader(Path.of("/proc/stat"))) {
            String[] f = in.readLine().trim().split("\\s+");
            return (Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3])) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
