package dev.parley.bench.setup;

import dev.parley.bench.common.OptionPairs;

import dev.parley.rtc.peer.RtcConfiguration;
import java.time.Duration;

/**
 * Command line of {@link SetupBench}: {@code --iterations N --warmup W --timeout S --pause MS}, and a diagnostic
 * {@code --parley-ice-pacing MS} (0: the engine's default configuration, untouched).
 */
record SetupOptions(int iterations, int warmup, int timeoutSeconds, int pauseMillis, int parleyIcePacingMillis) {

    static final String USAGE = String.join("\n",
            "usage: bench/run setup [--iterations N] [--warmup W] [--timeout S] [--pause MS] [--parley-ice-pacing MS]",
            "  --iterations N  measured calls per stack (Parley<->Parley, libwebrtc<->libwebrtc), default 30",
            "  --warmup W      unmeasured calls per stack first, default 5 (the first one is reported as cold)",
            "  --timeout S     a call that has not delivered its first packet after S seconds counts as failed,",
            "                  default 10",
            "  --pause MS      idle time between two calls, after the previous one is closed, default 100",
            "  --parley-ice-pacing MS  diagnostic: run Parley with this ICE check pacing (Ta) instead of the",
            "                  engine's default (RtcConfiguration.loopback(), Ta = 20 ms); 0 = default");

    static SetupOptions defaults() {
        return new SetupOptions(30, 5, 10, 100, 0);
    }

    /** Parses the arguments; throws {@link IllegalArgumentException} with a sentence for a person ("" for help). */
    static SetupOptions parse(String[] args) {
        return OptionPairs.fold(args, defaults(), (o, name, value) -> switch (name) {
                case "--iterations" -> new SetupOptions(atLeast(name, value, 1), o.warmup, o.timeoutSeconds,
                        o.pauseMillis, o.parleyIcePacingMillis);
                case "--warmup" -> new SetupOptions(o.iterations, atLeast(name, value, 0), o.timeoutSeconds,
                        o.pauseMillis, o.parleyIcePacingMillis);
                case "--timeout" -> new SetupOptions(o.iterations, o.warmup, atLeast(name, value, 1), o.pauseMillis,
                        o.parleyIcePacingMillis);
                case "--pause" -> new SetupOptions(o.iterations, o.warmup, o.timeoutSeconds, atLeast(name, value, 0),
                        o.parleyIcePacingMillis);
                case "--parley-ice-pacing" -> new SetupOptions(o.iterations, o.warmup, o.timeoutSeconds,
                        o.pauseMillis, atLeast(name, value, 0));
                default -> throw new IllegalArgumentException("Unknown option " + name + ".");
            });
    }

    /** Parley's configuration: the engine's loopback one, with the ICE pacing replaced when asked for. */
    RtcConfiguration parleyConfiguration() {
        RtcConfiguration c = RtcConfiguration.loopback();
        if (parleyIcePacingMillis == 0) {
            return c;
        }
        return c.withIce(c.ice().withPacing(Duration.ofMillis(parleyIcePacingMillis)));
    }

    /**
     * An upper bound for the whole run: every call (warm-up and measured, both stacks) at its timeout plus a few
     * seconds to close, plus a minute for start-up and shutdown. A watchdog ends the program after it.
     */
    long budgetSeconds() {
        long calls = 2L * (iterations + warmup);
        return calls * (timeoutSeconds + 8L + (pauseMillis + 999) / 1000) + 60;
    }

    private static int atLeast(String name, String value, int min) {
        int v;
        try {
            v = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a whole number, not '" + value + "'.");
        }
        if (v < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ".");
        }
        return v;
    }
}
