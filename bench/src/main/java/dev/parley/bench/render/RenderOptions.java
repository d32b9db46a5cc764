package dev.parley.bench.render;

import dev.parley.bench.common.OptionPairs;
import java.util.List;

/**
 * Command line of {@link RenderBench}: {@code --seconds S --warmup S --panes N --width W --height H --fps F
 * --mode pulse|runlater|both --window WxH}.
 */
record RenderOptions(int seconds, int warmupSeconds, int panes, int width, int height, int fps, List<String> modes,
                     int windowWidth, int windowHeight) {

    static final String USAGE = String.join("\n",
            "usage: bench/run render [--seconds 10] [--warmup 5] [--panes 4] [--width 640 --height 480 --fps 30]",
            "                        [--mode both] [--window 1280x720]",
            "  --seconds S     measured time per presentation mode, default 10",
            "  --warmup S      unmeasured time before it (JIT, first buffers), default 5",
            "  --panes N       video panes in the grid, each fed by its own source thread, 1..4, default 4",
            "  --width W       frame width, even, 16..1920, default 640",
            "  --height H      frame height, even, 16..1080, default 480",
            "  --fps F         frame rate of every source, 1..120, default 30",
            "  --mode M        how panes present: pulse (one shared AnimationTimer, the default of VideoPane),",
            "                  runlater (one coalesced Platform.runLater per pane), or both, one after the other;",
            "                  default both",
            "  --window WxH    the stage's size, default 1280x720");

    static RenderOptions defaults() {
        return new RenderOptions(10, 5, 4, 640, 480, 30, List.of("pulse", "runlater"), 1280, 720);
    }

    /** Parses the arguments; throws {@link IllegalArgumentException} with a sentence for a person ("" for help). */
    static RenderOptions parse(String[] args) {
        RenderOptions o = OptionPairs.fold(args, defaults(), (c, name, value) -> switch (name) {
            case "--seconds" -> new RenderOptions(within(name, value, 1, 3600), c.warmupSeconds, c.panes, c.width,
                    c.height, c.fps, c.modes, c.windowWidth, c.windowHeight);
            case "--warmup" -> new RenderOptions(c.seconds, within(name, value, 0, 600), c.panes, c.width, c.height,
                    c.fps, c.modes, c.windowWidth, c.windowHeight);
            case "--panes" -> new RenderOptions(c.seconds, c.warmupSeconds, within(name, value, 1, 4), c.width,
                    c.height, c.fps, c.modes, c.windowWidth, c.windowHeight);
            case "--width" -> new RenderOptions(c.seconds, c.warmupSeconds, c.panes, within(name, value, 16, 1920),
                    c.height, c.fps, c.modes, c.windowWidth, c.windowHeight);
            case "--height" -> new RenderOptions(c.seconds, c.warmupSeconds, c.panes, c.width,
                    within(name, value, 16, 1080), c.fps, c.modes, c.windowWidth, c.windowHeight);
            case "--fps" -> new RenderOptions(c.seconds, c.warmupSeconds, c.panes, c.width, c.height,
                    within(name, value, 1, 120), c.modes, c.windowWidth, c.windowHeight);
            case "--mode" -> new RenderOptions(c.seconds, c.warmupSeconds, c.panes, c.width, c.height, c.fps,
                    modes(value), c.windowWidth, c.windowHeight);
            case "--window" -> {
                int[] size = window(value);
                yield new RenderOptions(c.seconds, c.warmupSeconds, c.panes, c.width, c.height, c.fps, c.modes,
                        size[0], size[1]);
            }
            default -> throw new IllegalArgumentException("Unknown option " + name + ".");
        });
        if ((o.width & 1) != 0 || (o.height & 1) != 0) {
            throw new IllegalArgumentException("Width and height must be even (I420).");
        }
        return o;
    }

    /** An upper bound for the whole run; a watchdog ends the program after it. */
    long budgetSeconds() {
        return (long) modes.size() * (warmupSeconds + seconds + 20) + 60;
    }

    private static List<String> modes(String value) {
        return switch (value) {
            case "both" -> List.of("pulse", "runlater");
            case "pulse", "runlater" -> List.of(value);
            default -> throw new IllegalArgumentException("--mode takes pulse, runlater or both, not '" + value + "'.");
        };
    }

    private static int[] window(String value) {
        String[] parts = value.split("x");
        if (parts.length != 2) {
            throw new IllegalArgumentException("--window takes WIDTHxHEIGHT, e.g. 1280x720, not '" + value + "'.");
        }
        return new int[] {within("--window", parts[0], 160, 3840), within("--window", parts[1], 120, 2160)};
    }

    private static int within(String name, String value, int min, int max) {
        int v;
        try {
            v = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a whole number, not '" + value + "'.");
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + " must be within " + min + ".." + max + ".");
        }
        return v;
    }
}
