package dev.parley.bench.signaling;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the machine's CPU went between two readings: this JVM (the clients), the server child, interrupt
 * handling, and every other process. On a shared 2-core machine other processes (a parallel build, say)
 * add latency the server did not cause, so the report shows their share. Linux only; elsewhere the
 * machine-wide shares read as unknown.
 */
final class CpuMeter {

    // /proc/stat counts in USER_HZ ticks, which Linux fixes at 100 per second for user space.
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final ProcessHandle server;

    CpuMeter(ProcessHandle server) {
        this.server = server;
    }

    /**
     * One reading, in nanoseconds of CPU: processes on the whole machine (user and system time), interrupt
     * handling (part of the loopback TCP work may land there), this JVM and the server; -1 when unknown.
     */
    record Reading(long wallNanos, long machineProcesses, long machineInterrupts, long bench, long server) {

        /** Shares of the whole machine (100 = all CPUs busy) since {@code earlier}. */
        Shares since(Reading earlier) {
            double capacity = (double) (wallNanos - earlier.wallNanos) * Runtime.getRuntime().availableProcessors();
            double benchPct = 100 * (bench - earlier.bench) / capacity;
            double serverPct = 100 * (server - earlier.server) / capacity;
            if (machineProcesses < 0 || earlier.machineProcesses < 0) {
                return new Shares(benchPct, serverPct, Double.NaN, Double.NaN);
            }
            double interruptsPct = 100 * (machineInterrupts - earlier.machineInterrupts) / capacity;
            double processesPct = 100 * (machineProcesses - earlier.machineProcesses) / capacity;
            return new Shares(benchPct, serverPct, interruptsPct, Math.max(0, processesPct - benchPct - serverPct));
        }
    }

    record Shares(double benchPct, double serverPct, double interruptsPct, double otherPct) {
    }

    Reading read() {
        long[] machine = machineNanos();
        return new Reading(System.nanoTime(), machine[0], machine[1], cpuNanos(ProcessHandle.current()),
                cpuNanos(server));
    }

    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    // First line of /proc/stat: "cpu user nice system idle iowait irq softirq steal ...". Processes account
    // for user, nice and system; irq and softirq are nobody's process time. Read through a buffer from
    // offset 0 (see SystemLimits on reading /proc).
    private static long[] machineNanos() {
        try (BufferedReader in = Files.newBufferedReader(Path.of("/proc/stat"))) {
            String[] f = in.readLine().trim().split("\\s+");
            long processes = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]);
            long interrupts = Long.parseLong(f[6]) + Long.parseLong(f[7]);
            return new long[] {processes * NANOS_PER_TICK, interrupts * NANOS_PER_TICK};
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1};
        }
    }
}
