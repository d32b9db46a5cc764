package dev.parley.bench.call;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * What this JVM used over a measured window: process CPU time ({@code getProcessCpuTime}: every thread, Java and
 * native, including the JIT compiler and the garbage collector), CPU time per OS thread grouped by name (Linux
 * {@code /proc/self/task}: Java threads under their Java names cut to 15 characters, libwebrtc's native threads,
 * the GC's and the JIT's; threads that ended during the window are missing), bytes the Java threads allocated,
 * the heap's peak (sampled every {@value #SAMPLE_MILLIS} ms, heap used as the JVM reports it, garbage included),
 * and the share of the machine other processes used. {@link #start()} and {@link #stop()} on the benchmark thread;
 * the sampler runs on a daemon thread of its own.
 */
final class ProcessMeter {

    static final int SAMPLE_MILLIS = 20;
    private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ is 100 on Linux
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long wall0 = System.nanoTime();
    private final long cpu0 = processCpuNanos();
    private final long machine0 = machineBusyNanos();
    private final Map<Integer, Long> taskCpu0 = taskCpuNanos(new HashMap<>());
    private final Map<Long, Long> allocated0 = allocatedBytes();
    private final Thread sampler;
    private volatile boolean sampling = true;
    private volatile long peakHeap;

    private ProcessMeter() {
        peakHeap = MEMORY.getHeapMemoryUsage().getUsed();
        sampler = new Thread(() -> {
            while (sampling) {
                peakHeap = Math.max(peakHeap, MEMORY.getHeapMemoryUsage().getUsed());
                LockSupport.parkNanos(SAMPLE_MILLIS * 1_000_000L);
            }
        }, "bench-call-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    static ProcessMeter start() {
        return new ProcessMeter();
    }

    /**
     * The window's figures.
     *
     * @param threadCpuSeconds CPU seconds per OS thread name (digits replaced by #), largest first; empty when
     *                         /proc cannot be read
     * @param allocatedBytes   heap bytes allocated by the Java threads alive at the end, -1 when the JVM cannot tell
     * @param otherProcessesPct CPU of other processes as a share of the whole machine (100 = every core busy), NaN
     *                          when /proc/stat cannot be read
     */
    record Usage(double wallSeconds, double cpuSeconds, long peakHeapBytes, Map<String, Double> threadCpuSeconds,
                 long allocatedBytes, double otherProcessesPct) {
    }

    Usage stop() throws InterruptedException {
        long wall = System.nanoTime() - wall0;
        long cpu = processCpuNanos() - cpu0;
        long machine = machineBusyNanos();
        Map<String, String> names = new HashMap<>();
        Map<String, Double> groups = groups(taskCpu0, taskCpuNanos(names), names);
        long allocated = allocatedSince(allocated0);
        sampling = false;
        LockSupport.unpark(sampler);
        sampler.join(1000);
        double other = Double.NaN;
        if (machine0 >= 0 && machine >= 0) {
            double capacity = (double) wall * Runtime.getRuntime().availableProcessors();
            other = Math.max(0, 100 * (machine - machine0 - cpu) / capacity);
        }
        return new Usage(wall / 1e9, cpu / 1e9, peakHeap, groups, allocated, other);
    }

    /** Heap in use after two full collections (ZGC and G1 collect synchronously on System.gc()). */
    static long heapAfterGc() {
        System.gc();
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    /** The process's resident set (Linux /proc/self/status VmRSS), -1 elsewhere. */
    static long residentBytes() {
        try (BufferedReader in = Files.newBufferedReader(Path.of("/proc/self/status"))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        throw new IllegalStateException("this JVM does not report process CPU time");
    }

    // First line of /proc/stat: "cpu user nice system idle ...": user + nice + system is what processes used.
    private static long machineBusyNanos() {
        try (BufferedReader in = Files.newBufferedReader(Path.of("/proc/stat"))) {
            String[] f = in.readLine().trim().split("\\s+");
            return (Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3])) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    // /proc/self/task/TID/stat: "tid (comm) state ...", utime and stime the 14th and 15th fields, in USER_HZ ticks.
    private static Map<Integer, Long> taskCpuNanos(Map<String, String> names) {
        Map<Integer, Long> cpu = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String[] f = stat.substring(close + 2).split(" ");
                    // f[0] is the 3rd field (state): utime is f[11], stime f[12].
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    int tid = Integer.parseInt(task.getFileName().toString());
                    cpu.put(tid, ticks * NANOS_PER_TICK);
                    names.put(Integer.toString(tid), stat.substring(open + 1, close));
                } catch (IOException | RuntimeException e) {
                    // The thread ended while listing: its time is in the process total only.
                }
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return cpu;
    }

    private static Map<String, Double> groups(Map<Integer, Long> before, Map<Integer, Long> after,
                                              Map<String, String> names) {
        Map<String, Double> groups = new HashMap<>();
        for (Map.Entry<Integer, Long> e : after.entrySet()) {
            long used = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            if (used <= 0) {
                continue;
            }
            String name = names.getOrDefault(Integer.toString(e.getKey()), "?").replaceAll("[0-9]+", "#");
            groups.merge(name, used / 1e9, Double::sum);
        }
        List<Map.Entry<String, Double>> sorted = new ArrayList<>(groups.entrySet());
        sorted.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        Map<String, Double> out = new LinkedHashMap<>();
        sorted.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static Map<Long, Long> allocatedBytes() {
        Map<Long, Long> m = new HashMap<>();
        if (THREADS instanceof com.sun.management.ThreadMXBean t && t.isThreadAllocatedMemoryEnabled()) {
            long[] ids = t.getAllThreadIds();
            long[] bytes = t.getThreadAllocatedBytes(ids);
            for (int i = 0; i < ids.length; i++) {
                if (bytes[i] >= 0) {
                    m.put(ids[i], bytes[i]);
                }
            }
        }
        return m;
    }

    private static long allocatedSince(Map<Long, Long> before) {
        Map<Long, Long> now = allocatedBytes();
        if (now.isEmpty()) {
            return -1;
        }
        long sum = 0;
        for (Map.Entry<Long, Long> e : now.entrySet()) {
            sum += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return sum;
    }
}
