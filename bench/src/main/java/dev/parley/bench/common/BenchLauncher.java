package dev.parley.bench.common;

import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * The shared shell of the call-style benchmarks' {@code main}: parse the options (an IllegalArgumentException with
 * an empty message is a request for usage), stop the JVM if the run outlives its time budget, run, and keep the JSON
 * line the last line of stdout whatever native threads print while the JVM exits.
 */
public final class BenchLauncher {

    private BenchLauncher() {
    }

    /**
     * @param parse reads the arguments; throws IllegalArgumentException with a message on bad ones
     * @param budgetSeconds how long the run may take before the watchdog halts the JVM
     * @param run the benchmark; returns the exit code
     */
    public static <O> void launch(String name, String[] args, Function<String[], O> parse, String usage,
                                  Function<O, Integer> budgetSeconds, Function<O, Callable<Integer>> run) {
        O options;
        try {
            options = parse.apply(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
            }
            System.err.println(usage);
            System.exit(e.getMessage().isEmpty() ? 0 : 2);
            return;
        }
        int budget = budgetSeconds.apply(options);
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(budget * 1000L);
                System.err.println("The " + name + " benchmark did not finish within " + budget + " s; stopping it.");
                Runtime.getRuntime().halt(3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-" + name + "-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        int exit;
        try {
            exit = run.apply(options).call();
        } catch (Exception e) {
            System.err.println("The benchmark failed: " + e);
            e.printStackTrace();
            exit = 1;
        }
        // The JSON line stays the last line: webrtc-java's native threads print "VM attach current thread failed"
        // to stdout while the JVM exits. Closing System.out points file descriptor 1 at /dev/null (the JDK does that
        // for the standard descriptors), so that noise goes nowhere.
        System.out.flush();
        System.out.close();
        // Native (libwebrtc) threads may outlive the factories' disposal; the benchmark must end by itself.
        System.exit(exit);
    }
}
