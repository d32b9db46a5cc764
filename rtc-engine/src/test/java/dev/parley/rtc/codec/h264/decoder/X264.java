package dev.parley.rtc.codec.h264.decoder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.rtc.media.VideoFrame;
import dev.parley.rtc.media.synthetic.SyntheticVideo;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test support: a foreign encoder. ffmpeg's libx264 encodes Parley's synthetic clips (fed as raw I420), so the
 * decoder meets streams it did not write: several slices and reference frames, every P partition, deblocking offsets.
 */
final class X264 {
    private X264() {
    }

    /** Whether ffmpeg with libx264 is installed. */
    static boolean available() {
        if (!Ffmpeg.available()) {
            return false;
        }
        try {
            Process p = new ProcessBuilder("ffmpeg", "-hide_banner", "-encoders").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            return p.waitFor(20, TimeUnit.SECONDS) && out.contains("libx264");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * {@code frames} frames of {@code clip} as an Annex B stream of x264 with the given profile ("baseline", "main")
     * and x264 options (scene cuts off; "keyint=.." and the like in {@code params}).
     */
    static byte[] encode(Path dir, SyntheticVideo clip, int frames, String profile, String params)
            throws IOException, InterruptedException {
        Path raw = dir.resolve("x264-in.yuv");
        VideoFrame f = clip.newFrame();
        try (OutputStream out = Files.newOutputStream(raw)) {
            for (int i = 0; i < frames; i++) {
                clip.render(i, f);
                out.write(DecodedFrames.packed(f));
            }
        }
        Path h264 = dir.resolve("x264-out.h264");
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-loglevel", "error", "-y",
                "-f", "rawvideo", "-pix_fmt", "yuv420p", "-s", clip.width() + "x" + clip.height(), "-r", "30",
                "-i", raw.toString(), "-c:v", "libx264", "-profile:v", profile, "-pix_fmt", "yuv420p",
                "-x264-params", "scenecut=0:" + params, "-f", "h264", h264.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] log = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("ffmpeg finished").isTrue();
        assertThat(p.exitValue()).as("ffmpeg exit code; output: %s", new String(log)).isZero();
        return Files.readAllBytes(h264);
    }
}
