package dev.parley.rtc.codec.h264.decoder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.rtc.codec.h264.AnnexB;
import dev.parley.rtc.codec.h264.NalHeader;
import dev.parley.rtc.codec.h264.NalUnitType;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The test oracle: ffmpeg (when on the PATH) encodes x264 Baseline streams and decodes them to raw I420, so the
 * decoder's output can be compared with a reference decoder's bit for bit.
 */
final class Ffmpeg {
    private Ffmpeg() {
    }

    static boolean available() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "ffmpeg"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * An x264 Baseline stream of {@code frames} frames of a noisy moving test card as an Annex B byte stream, with
     * the deblocking filter on (jcodec always deblocks).
     *
     * @param x264Params extra x264 options, e.g. "keyint=8:min-keyint=8:slices=3"
     * @param bsf        a bitstream filter for the output, or null
     */
    static byte[] encode(Path dir, String name, int width, int height, int frames, String x264Params, String bsf)
            throws IOException, InterruptedException {
        Path out = dir.resolve(name + ".h264");
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "testsrc=size=" + width + "x" + height + ":rate=30,noise=alls=16:allf=t",
                "-frames:v", String.valueOf(frames), "-c:v", "libx264", "-preset", "veryfast",
                "-profile:v", "baseline", "-pix_fmt", "yuv420p", "-x264-params", "scenecut=0:" + x264Params));
        if (bsf != null) {
            cmd.addAll(List.of("-bsf:v", bsf));
        }
        cmd.addAll(List.of("-f", "h264", out.toString()));
        run(cmd);
        return Files.readAllBytes(out);
    }

    /** ffmpeg's decoding of an Annex B stream as concatenated I420 frames (cropping applied exactly). */
    static byte[] decode(Path dir, String name, byte[] stream) throws IOException, InterruptedException {
        Path in = dir.resolve(name + "-in.h264");
        Path out = dir.resolve(name + ".yuv");
        Files.write(in, stream);
        // "unaligned": without it ffmpeg rounds a left crop down to keep its planes aligned.
        run(List.of("ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-flags", "unaligned", "-i", in.toString(),
                "-f", "rawvideo", "-pix_fmt", "yuv420p", out.toString()));
        return Files.readAllBytes(out);
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] log = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("ffmpeg finished").isTrue();
        assertThat(p.exitValue()).as("ffmpeg exit code; output: %s", new String(log)).isZero();
    }

    /**
     * Splits an Annex B stream into access units: a new one starts at a parameter set, SEI or delimiter that follows
     * a slice, and at a slice starting at macroblock 0 (first_mb_in_slice = 0 is the single bit 1) after a slice.
     */
    static List<List<byte[]>> accessUnits(byte[] stream) {
        List<List<byte[]>> units = new ArrayList<>();
        List<byte[]> current = new ArrayList<>();
        boolean hasSlice = false;
        for (byte[] nal : AnnexB.split(stream)) {
            int type = NalHeader.type(nal[0]);
            boolean slice = NalUnitType.isSlice(type);
            boolean startsPicture = slice && (nal[1] & 0x80) != 0;
            if (hasSlice && (!slice || startsPicture)) {
                units.add(current);
                current = new ArrayList<>();
                hasSlice = false;
            }
            current.add(nal);
            hasSlice |= slice;
        }
        if (!current.isEmpty()) {
            units.add(current);
        }
        return units;
    }
}
