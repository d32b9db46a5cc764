package dev.parley.bench.call;

import dev.parley.bench.common.OptionPairs;
import dev.parley.rtc.media.synthetic.FrameStamp;
import dev.parley.rtc.media.synthetic.SyntheticVideo;

/**
 * Command line of {@link CallBench}: {@code --seconds S --width W --height H --fps F --warmup S --clip shapes|pan}, and
 * a diagnostic {@code --libwebrtc-sync on|off} (whether libwebrtc's two tracks share a stream and are lip-synced).
 */
record CallOptions(int seconds, int width, int height, int fps, int warmupSeconds, SyntheticVideo.Kind clip,
                   boolean libwebrtcSync) {

    static final String USAGE = String.join("\n",
            "usage: bench/run call [--seconds 20] [--width 640 --height 480 --fps 30] [--warmup 45] [--clip shapes]",
            "                      [--libwebrtc-sync off]",
            "  --seconds S     measured call time per stack (Parley<->Parley, then libwebrtc<->libwebrtc), default 20",
            "  --width W       video width, even, 256..1920 (the frame number is drawn across the top), default 640",
            "  --height H      video height, even, 64..1080, default 480",
            "  --fps F         camera frame rate, 1..60, default 30",
            "  --warmup S      unmeasured call time before the measured window (for the JIT), default 45",
            "  --clip KIND     what the synthetic camera shows: shapes (moving shapes) or pan (a panned texture),",
            "                  default shapes",
            "  --libwebrtc-sync on|off  diagnostic: on puts libwebrtc's audio and video tracks in one stream, so its",
            "                  receiver lip-syncs them as Parley always does; off (default) keeps them apart, so its",
            "                  latency is the video path's own");

    static CallOptions defaults() {
        return new CallOptions(20, 640, 480, 30, 45, SyntheticVideo.Kind.SHAPES, false);
    }

    /** Parses the arguments; throws {@link IllegalArgumentException} with a sentence for a person ("" for help). */
    static CallOptions parse(String[] args) {
        CallOptions o = OptionPairs.fold(args, defaults(), (c, name, value) -> switch (name) {
                case "--seconds" -> new CallOptions(within(name, value, 1, 3600), c.width, c.height, c.fps,
                        c.warmupSeconds, c.clip, c.libwebrtcSync);
                case "--width" -> new CallOptions(c.seconds, within(name, value, 256, 1920), c.height, c.fps,
                        c.warmupSeconds, c.clip, c.libwebrtcSync);
                case "--height" -> new CallOptions(c.seconds, c.width, within(name, value, 64, 1080), c.fps,
                        c.warmupSeconds, c.clip, c.libwebrtcSync);
                case "--fps" -> new CallOptions(c.seconds, c.width, c.height, within(name, value, 1, 60),
                        c.warmupSeconds, c.clip, c.libwebrtcSync);
                case "--warmup" -> new CallOptions(c.seconds, c.width, c.height, c.fps, within(name, value, 0, 600),
                        c.clip, c.libwebrtcSync);
                case "--clip" -> new CallOptions(c.seconds, c.width, c.height, c.fps, c.warmupSeconds, clip(value),
                        c.libwebrtcSync);
                case "--libwebrtc-sync" -> new CallOptions(c.seconds, c.width, c.height, c.fps, c.warmupSeconds, c.clip,
                        onOff(name, value));
                default -> throw new IllegalArgumentException("Unknown option " + name + ".");
            });
        if ((o.width & 1) != 0 || (o.height & 1) != 0) {
            throw new IllegalArgumentException("Width and height must be even (I420).");
        }
        if (!FrameStamp.fits(o.width, o.height)) {
            throw new IllegalArgumentException(o.width + "x" + o.height + " is too small to carry a frame stamp.");
        }
        return o;
    }

    /** The video frames a receiver may see in a run, with room to spare: bounds its per-frame table. */
    int frameCapacity() {
        return fps * (warmupSeconds + seconds + 120);
    }

    /**
     * An upper bound for the whole run: per stack set-up (10 s), warm-up, measurement, drain and teardown (15 s),
     * plus a minute for start-up and shutdown. A watchdog ends the program after it.
     */
    long budgetSeconds() {
        return 2L * (10 + warmupSeconds + seconds + 15) + 60;
    }

    private static SyntheticVideo.Kind clip(String value) {
        SyntheticVideo.Kind k = SyntheticVideo.Kind.parse(value);
        if (k != SyntheticVideo.Kind.SHAPES && k != SyntheticVideo.Kind.PAN) {
            throw new IllegalArgumentException("--clip takes shapes or pan, not '" + value + "'.");
        }
        return k;
    }

    private static boolean onOff(String name, String value) {
        return switch (value) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException(name + " takes on or off, not '" + value + "'.");
        };
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
