package dev.parley.bench.h264;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Wall time, this thread's CPU time and this thread's allocated bytes between {@link #start()} and {@link #stop()}.
 * On a shared machine the CPU time is the steadier figure: it leaves out the time other processes held the core.
 */
final class ThreadMeter {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private long wall0;
    private long cpu0;
    private long alloc0;
    private double wallSeconds;
    private double cpuSeconds;
    private long allocatedBytes = -1;

    static ThreadMeter start() {
        ThreadMeter m = new ThreadMeter();
        m.alloc0 = allocated();
        m.cpu0 = THREADS.getCurrentThreadCpuTime();
        m.wall0 = System.nanoTime();
        return m;
    }

    ThreadMeter stop() {
        long wall = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        long alloc = allocated();
        wallSeconds = (wall - wall0) / 1e9;
        cpuSeconds = cpu0 < 0 || cpu < 0 ? Double.NaN : (cpu - cpu0) / 1e9;
        allocatedBytes = alloc0 < 0 || alloc < 0 ? -1 : alloc - alloc0;
        return this;
    }

    double wallSeconds() {
        return wallSeconds;
    }

    double cpuSeconds() {
        return cpuSeconds;
    }

    /** -1 where the JVM cannot tell. */
    long allocatedBytes() {
        return allocatedBytes;
    }

    private static long allocated() {
        if (THREADS instanceof com.sun.management.ThreadMXBean t) {
            return t.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return -1;
    }
}
