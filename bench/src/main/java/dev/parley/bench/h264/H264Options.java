package dev.parley.bench.h264;

import dev.parley.bench.common.OptionPairs;
import dev.parley.rtc.media.synthetic.SyntheticVideo;
import dev.parley.rtc.media.synthetic.SyntheticVideo.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Command line of {@link H264Bench}: {@code --frames N --clips static,pan --sizes 640x480,1280x720
 * --bitrate KBPS[,KBPS...] --warmup P --jcodec on|off --jcodec-qp default|QP --seed S}.
 *
 * @param bitratesKbps Parley's target per size, in the order of {@code sizes} (already resolved)
 * @param jcodecQp a constant QP for jcodec's encoder, or -1 for its default rate control
 */
record H264Options(int frames, List<Kind> clips, List<FrameSize> sizes, List<Integer> bitratesKbps, int warmup,
                   boolean jcodec, int jcodecQp, long seed) {

    static final int FPS = 30;

    static final String USAGE = String.join("\n",
            "usage: bench/run h264 [--frames N] [--clips LIST] [--sizes LIST] [--bitrate KBPS[,KBPS...]] [--warmup P]",
            "                      [--jcodec on|off] [--jcodec-qp default|QP] [--seed S]",
            "  --frames N      frames per clip, at 30 fps; default 150",
            "  --clips LIST    synthetic clips, comma-separated, of static, pan, shapes, noise, cuts; default static,pan",
            "  --sizes LIST    WIDTHxHEIGHT, comma-separated, even sizes; default 640x480,1280x720",
            "  --bitrate KBPS  Parley's rate-control target in kbit/s: one value for every size, or one per size;",
            "                  default 1000 at 640x480 and 2500 at 1280x720 (other sizes scaled like those two)",
            "  --warmup P      untimed passes over each clip per encoder and per decoder before the timed one; default 5",
            "  --jcodec on|off also measure jcodec 0.2.5's H.264 encoder on the same frames; default on",
            "  --jcodec-qp Q   jcodec's quantiser: 'default' (its own rate control, I at QP 20, P at 26, raised only",
            "                  when a macroblock overflows its share of the output buffer) or a constant QP 0..51",
            "  --seed S        seed of the synthetic clips; default 1");

    /** A picture size. */
    record FrameSize(int width, int height) {

        static FrameSize parse(String s) {
            String[] parts = s.trim().toLowerCase(java.util.Locale.ROOT).split("x");
            try {
                if (parts.length == 2) {
                    FrameSize size = new FrameSize(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
                    if (size.width >= 16 && size.height >= 16 && size.width <= SyntheticVideo.MAX_DIMENSION
                            && size.height <= SyntheticVideo.MAX_DIMENSION && size.width % 2 == 0
                            && size.height % 2 == 0) {
                        return size;
                    }
                }
            } catch (NumberFormatException e) {
                // falls through to the sentence below
            }
            throw new IllegalArgumentException("A size is WIDTHxHEIGHT, both even, 16.." + SyntheticVideo.MAX_DIMENSION
                    + ", not '" + s + "'.");
        }

        String id() {
            return width + "x" + height;
        }

        int pixels() {
            return width * height;
        }
    }

    static H264Options defaults() {
        return new H264Options(150, List.of(Kind.STATIC, Kind.PAN),
                List.of(new FrameSize(640, 480), new FrameSize(1280, 720)), List.of(), 5, true, -1, 1);
    }

    /**
     * The targets: 1 Mbit/s at 640x480 and 2.5 Mbit/s at 1280x720; other sizes follow the same curve,
     * kbit/s = 1000 (pixels / 307200)^0.834, rounded to 50.
     */
    static int defaultKbps(FrameSize size) {
        double kbps = 1000 * Math.pow(size.pixels() / 307200.0, 0.834);
        return (int) Math.max(50, Math.round(kbps / 50) * 50);
    }

    /** Parses the arguments; throws {@link IllegalArgumentException} with a sentence for a person ("" for help). */
    static H264Options parse(String[] args) {
        H264Options o = OptionPairs.fold(args, defaults(), (p, name, value) -> switch (name) {
                case "--frames" -> p.with(atLeast(name, value, 1), p.clips, p.sizes, p.bitratesKbps, p.warmup,
                        p.jcodec, p.jcodecQp, p.seed);
                case "--clips" -> p.with(p.frames, list(value, H264Options::clip), p.sizes, p.bitratesKbps, p.warmup,
                        p.jcodec, p.jcodecQp, p.seed);
                case "--sizes" -> p.with(p.frames, p.clips, list(value, FrameSize::parse), p.bitratesKbps, p.warmup,
                        p.jcodec, p.jcodecQp, p.seed);
                case "--bitrate" -> p.with(p.frames, p.clips, p.sizes, list(value, v -> atLeast(name, v, 10)),
                        p.warmup, p.jcodec, p.jcodecQp, p.seed);
                case "--warmup" -> p.with(p.frames, p.clips, p.sizes, p.bitratesKbps, atLeast(name, value, 0),
                        p.jcodec, p.jcodecQp, p.seed);
                case "--jcodec" -> p.with(p.frames, p.clips, p.sizes, p.bitratesKbps, p.warmup, onOff(name, value),
                        p.jcodecQp, p.seed);
                case "--jcodec-qp" -> p.with(p.frames, p.clips, p.sizes, p.bitratesKbps, p.warmup, p.jcodec,
                        value.equals("default") ? -1 : between(name, value, 0, 51), p.seed);
                case "--seed" -> p.with(p.frames, p.clips, p.sizes, p.bitratesKbps, p.warmup, p.jcodec, p.jcodecQp,
                        parseLong(name, value));
                default -> throw new IllegalArgumentException("Unknown option " + name + ".");
            });
        return o.resolveBitrates();
    }

    private H264Options with(int frames, List<Kind> clips, List<FrameSize> sizes, List<Integer> bitratesKbps,
                             int warmup, boolean jcodec, int jcodecQp, long seed) {
        return new H264Options(frames, clips, sizes, bitratesKbps, warmup, jcodec, jcodecQp, seed);
    }

    /** One target per size: the defaults, one value for all, or exactly one per size. */
    private H264Options resolveBitrates() {
        List<Integer> resolved = new ArrayList<>();
        for (int i = 0; i < sizes.size(); i++) {
            if (bitratesKbps.isEmpty()) {
                resolved.add(defaultKbps(sizes.get(i)));
            } else if (bitratesKbps.size() == 1) {
                resolved.add(bitratesKbps.get(0));
            } else if (bitratesKbps.size() == sizes.size()) {
                resolved.add(bitratesKbps.get(i));
            } else {
                throw new IllegalArgumentException("--bitrate takes one value or one per size (" + sizes.size()
                        + "), not " + bitratesKbps.size() + ".");
            }
        }
        return with(frames, clips, sizes, List.copyOf(resolved), warmup, jcodec, jcodecQp, seed);
    }

    int kbps(FrameSize size) {
        return bitratesKbps.get(sizes.indexOf(size));
    }

    String jcodecSetting() {
        return jcodecQp < 0 ? "default" : "qp " + jcodecQp;
    }

    private static <T> List<T> list(String value, java.util.function.Function<String, T> item) {
        List<T> out = new ArrayList<>();
        for (String s : value.split(",")) {
            if (!s.isBlank()) {
                T t = item.apply(s.trim());
                if (!out.contains(t)) {
                    out.add(t);
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("An empty list: '" + value + "'.");
        }
        return List.copyOf(out);
    }

    private static Kind clip(String id) {
        try {
            return Kind.parse(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--clips takes static, pan, shapes, noise and cuts, not '" + id + "'.");
        }
    }

    private static boolean onOff(String name, String value) {
        return switch (value) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> throw new IllegalArgumentException(name + " takes on or off, not '" + value + "'.");
        };
    }

    private static long parseLong(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a whole number, not '" + value + "'.");
        }
    }

    private static int atLeast(String name, String value, int min) {
        return between(name, value, min, Integer.MAX_VALUE);
    }

    private static int between(String name, String value, int min, int max) {
        int v;
        try {
            v = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a whole number, not '" + value + "'.");
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + " must be " + (max == Integer.MAX_VALUE ? "at least " + min
                    : "within " + min + ".." + max) + ", not " + v + ".");
        }
        return v;
    }
}
