package dev.parley.bench.h264;

import dev.parley.bench.common.JsonLine;
import dev.parley.bench.h264.H264Options.FrameSize;
import dev.parley.rtc.media.VideoFrame;
import dev.parley.rtc.media.synthetic.SyntheticVideo;
import dev.parley.rtc.media.synthetic.SyntheticVideo.Kind;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.jcodec.common.model.Picture;

/**
 * H.264 on one thread: Parley's own encoder ({@code dev.parley.rtc.codec.h264.encoder.H264Encoder}, rate-controlled)
 * against jcodec 0.2.5's encoder, the reference, on the same synthetic clips in the same run. For each size and clip:
 * the frames are rendered first (untimed), each encoder warms up on untimed passes over them, then one timed pass
 * gives encode fps (wall clock and thread CPU time), the bitrate of its NAL units at 30 fps and, through jcodec's
 * decoder, decode fps and PSNR-Y of the decoded pictures against the source.
 *
 * <p>While Parley's encoder still throws {@link UnsupportedOperationException}, its figures are reported as
 * unavailable (null in the JSON) and jcodec's are measured as usual. The last line of output is one JSON object with
 * units in its key names; the exit status is 0 when the run completed, whatever the figures.
 */
public final class H264Bench {

    /** The goals on one core. */
    private static final double GOAL_FPS_640X480 = 120;
    private static final double GOAL_FPS_1280X720 = 40;
    /** x264 ultrafast's 36.1 dB at 1 Mbit/s on the static 640x480 clip (shared/codec/CODEC-NOTES.md), less 1.5 dB. */
    private static final double GOAL_PSNR_Y_640X480_DB = 34.6;
    private static final int GOAL_PSNR_KBPS = 1000;

    private final H264Options options;
    private final JsonLine json = new JsonLine();
    private String parleyStatus = "ok";

    private H264Bench(H264Options options) {
        this.options = options;
    }

    public static void main(String[] args) {
        H264Options options;
        try {
            options = H264Options.parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
            }
            System.err.println(H264Options.USAGE);
            System.exit(e.getMessage().isEmpty() ? 0 : 2);
            return;
        }
        new H264Bench(options).run();
    }

    private void run() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        say("H.264 encode/decode on one thread: Parley's H264Encoder (rate-controlled) vs jcodec 0.2.5's encoder "
                + "(" + options.jcodecSetting() + "), same frames, same run.");
        say(String.format(Locale.ROOT, "%d frames per clip at %d fps, %d untimed warm-up pass(es) per encoder and "
                + "decoder, clip seed %d; %s %s, %d cores, load average %.2f at start.", options.frames(),
                H264Options.FPS, options.warmup(), options.seed(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), cores, load));
        say("Decoding (fps and PSNR-Y) is jcodec's H264Decoder for both streams. 'cpu' columns divide by the thread's "
                + "CPU time, which leaves out time the machine gave to other processes.");
        for (FrameSize size : options.sizes()) {
            for (Kind clip : options.clips()) {
                runCase(size, clip);
            }
        }
        goals();
        json.put("parley_encoder_available", !parleyStatus.startsWith("unavailable"));
        json.put("parley_status", parleyStatus);
        json.put("frames", options.frames());
        json.put("frame_rate_fps", H264Options.FPS);
        json.put("warmup_passes", options.warmup());
        json.put("seed", options.seed());
        json.put("jcodec_setting", options.jcodec() ? options.jcodecSetting() : "off");
        json.put("available_processors", cores);
        json.put("load_average_at_start", load);
        json.put("java_version", System.getProperty("java.version"));
        System.out.println();
        System.out.println(json);
    }

    private void runCase(FrameSize size, Kind kind) {
        String suffix = "_" + size.id() + "_" + kind.id();
        int kbps = options.kbps(size);
        say("");
        say(String.format(Locale.ROOT, "%s %s: %d frames; Parley's target %d kbit/s", size.id(), kind.id(),
                options.frames(), kbps));
        VideoFrame[] frames = render(size, kind);
        say(String.format(Locale.ROOT, "  %-20s %8s %8s %8s %8s %7s %8s %8s %6s %4s %9s", "encoder", "enc fps",
                "cpu", "kbit/s", "PSNR-Y", "min", "dec fps", "cpu", "QP", "IDR", "KB/frame"));

        EncodeRun parley = null;
        JcodecDecoding.Result parleyDecoded = null;
        try {
            parley = ParleyEncoding.run(frames, kbps, H264Options.FPS, options.warmup());
            parleyDecoded = JcodecDecoding.run(parley.accessUnits(), frames, options.warmup());
            if (parleyDecoded.failure() != null) {
                note("Parley's stream failed to decode: " + parleyDecoded.failure());
                say("  Parley's stream did not decode: " + parleyDecoded.failure());
            }
        } catch (UnsupportedOperationException e) {
            parley = null;
            if (parleyStatus.equals("ok")) {
                parleyStatus = "unavailable: H264Encoder.encode threw UnsupportedOperationException (" + e.getMessage()
                        + ")";
            }
            say("  Parley H264Encoder    unavailable: encode() throws UnsupportedOperationException (\""
                    + e.getMessage() + "\")");
        } catch (RuntimeException e) {
            parley = null;
            note("Parley's encoder failed on " + size.id() + " " + kind.id() + ": " + e);
            say("  Parley H264Encoder    failed: " + e);
            e.printStackTrace();
        }
        if (parley != null) {
            row("Parley H264Encoder", parley, parleyDecoded);
        }
        put(suffix, "", parley, parleyDecoded);
        json.put("target_bitrate_kbps" + suffix, kbps);

        EncodeRun jcodec = null;
        if (options.jcodec()) {
            JcodecDecoding.Result jcodecDecoded = null;
            try {
                Picture[] pictures = JcodecEncoding.toPictures(frames);
                jcodec = JcodecEncoding.run(pictures, options.jcodecQp(), options.warmup());
                pictures = null; // as big as the frames: free them before decoding
                jcodecDecoded = JcodecDecoding.run(jcodec.accessUnits(), frames, options.warmup());
                if (jcodecDecoded.failure() != null) {
                    say("  jcodec's stream did not decode: " + jcodecDecoded.failure());
                }
                row("jcodec H264Encoder", jcodec, jcodecDecoded);
            } catch (RuntimeException e) {
                jcodec = null;
                say("  jcodec H264Encoder    failed: " + e);
            }
            put(suffix, "jcodec_", jcodec, jcodecDecoded);
        }
        Double ratio = parley != null && jcodec != null ? parley.fps() / jcodec.fps() : null;
        Double cpuRatio = parley != null && jcodec != null ? parley.cpuFps() / jcodec.cpuFps() : null;
        if (options.jcodec()) {
            say(String.format(Locale.ROOT, "  encode fps Parley/jcodec: %s (cpu %s)", fmt(ratio, "%.2f"),
                    fmt(cpuRatio, "%.2f")));
            json.put("encode_fps_ratio" + suffix, ratio);
            json.put("encode_cpu_fps_ratio" + suffix, cpuRatio);
        }
        caseGoals(suffix, size, kbps, parley, parleyDecoded);
    }

    /** The clip's frames, rendered before anything is timed, stamped at 30 fps. */
    private VideoFrame[] render(FrameSize size, Kind kind) {
        SyntheticVideo clip = SyntheticVideo.of(kind, size.width(), size.height(), options.seed());
        VideoFrame[] frames = new VideoFrame[options.frames()];
        for (int i = 0; i < frames.length; i++) {
            VideoFrame f = clip.newFrame();
            clip.render(i, f);
            frames[i] = f.withTimestamp(i * 1_000_000_000L / H264Options.FPS);
        }
        return frames;
    }

    private void row(String name, EncodeRun run, JcodecDecoding.Result decoded) {
        boolean ok = decoded != null && decoded.failure() == null;
        say(String.format(Locale.ROOT, "  %-20s %8.1f %8.1f %8.0f %8s %7s %8s %8s %6s %4d %9s", name, run.fps(),
                run.cpuFps(), run.kbps(H264Options.FPS), ok ? fmt(decoded.psnrY().db(), "%.2f") : "-",
                ok ? fmt(decoded.psnrY().minFrameDb(), "%.2f") : "-", ok ? fmt(decoded.fps(), "%.1f") : "-",
                ok ? fmt(decoded.cpuFps(), "%.1f") : "-", fmt(run.meanQp(), "%.1f"), run.keyFrames(),
                fmt(run.allocatedKbPerFrame(), "%.1f")));
        if (run.dropped() > 0) {
            say("  " + run.dropped() + " frame(s) dropped by " + name + " (the previous picture counts in their place)");
        }
    }

    /** One encoder's figures for a case, null where it did not run or its stream did not decode. */
    private void put(String suffix, String prefix, EncodeRun run, JcodecDecoding.Result decoded) {
        boolean ok = run != null && decoded != null && decoded.failure() == null;
        json.put(prefix + "encode_fps" + suffix, run == null ? null : run.fps());
        json.put(prefix + "encode_cpu_fps" + suffix, run == null ? null : run.cpuFps());
        json.put(prefix + "bitrate_kbps" + suffix, run == null ? null : run.kbps(H264Options.FPS));
        json.put(prefix + "psnr_y_db" + suffix, ok ? decoded.psnrY().db() : null);
        json.put(prefix + "psnr_y_min_db" + suffix, ok ? decoded.psnrY().minFrameDb() : null);
        json.put(prefix + "decode_fps" + suffix, ok ? decoded.fps() : null);
        json.put(prefix + "decode_cpu_fps" + suffix, ok ? decoded.cpuFps() : null);
        json.put(prefix + "keyframes" + suffix, run == null ? null : run.keyFrames());
        json.put(prefix + "dropped_frames" + suffix, run == null ? null : run.dropped());
        if (prefix.isEmpty()) {
            json.put("mean_qp" + suffix, run == null ? null : run.meanQp());
        }
        json.put(prefix + "encode_alloc_kb_per_frame" + suffix, run == null ? null : run.allocatedKbPerFrame());
    }

    /** The goals that apply to this case: true/false, or null while Parley has no figures. */
    private void caseGoals(String suffix, FrameSize size, int kbps, EncodeRun parley,
                           JcodecDecoding.Result decoded) {
        double goalFps = size.width() == 640 && size.height() == 480 ? GOAL_FPS_640X480
                : size.width() == 1280 && size.height() == 720 ? GOAL_FPS_1280X720 : 0;
        if (goalFps > 0) {
            json.put("target_encode_fps_at_least_" + (int) goalFps + suffix,
                    parley == null ? null : parley.fps() >= goalFps);
        }
        if (size.width() == 640 && size.height() == 480 && kbps == GOAL_PSNR_KBPS) {
            boolean ok = parley != null && decoded != null && decoded.failure() == null;
            json.put("target_psnr_y_at_least_34_6_db" + suffix, ok ? decoded.psnrY().db() >= GOAL_PSNR_Y_640X480_DB
                    : null);
        }
    }

    private void goals() {
        say("");
        say("Goals (the issue): encode >= 120 fps at 640x480 and >= 40 fps at 1280x720 on one core; PSNR-Y >= 34.6 dB "
                + "at 1 Mbit/s on the 640x480 clips (x264 ultrafast: 36.1 dB on static).");
        for (FrameSize size : options.sizes()) {
            for (Kind clip : options.clips()) {
                String suffix = "_" + size.id() + "_" + clip.id();
                StringBuilder line = new StringBuilder();
                for (String key : new String[] {"target_encode_fps_at_least_120", "target_encode_fps_at_least_40",
                    "target_psnr_y_at_least_34_6_db"}) {
                    String value = json.text(key + suffix);
                    if (!value.equals("?")) {
                        line.append("  ").append(key.substring("target_".length())).append(": ")
                                .append(value.equals("null") ? "n/a" : value.equals("true") ? "met" : "NOT met");
                    }
                }
                if (!line.isEmpty()) {
                    say("  " + size.id() + " " + clip.id() + ":" + line);
                }
            }
        }
    }

    private void note(String problem) {
        if (parleyStatus.equals("ok")) {
            parleyStatus = "failed: " + problem;
        }
    }

    private static String fmt(Double v, String format) {
        return v == null || v.isNaN() || v.isInfinite() ? "-" : String.format(Locale.ROOT, format, v);
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
