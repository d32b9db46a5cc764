package dev.parley.rtc.codec.h264.encoder;

import dev.parley.rtc.codec.EncodedVideoFrame;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * ffmpeg as a second, independent decoder oracle, where it is installed: decodes a whole Annex B stream to raw
 * I420 (macroblock-aligned size: the stream's SPS crop is ignored with -flags2 +ignorecrop).
 */
final class FfmpegOracle {
    private FfmpegOracle() {
    }

    static boolean available() {
        try {
            Process p = new ProcessBuilder("ffmpeg", "-version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Appends one access unit to an Annex B stream. */
    static void append(ByteArrayOutputStream stream, EncodedVideoFrame au) {
        for (byte[] nal : au.nalUnits()) {
            stream.write(0);
            stream.write(0);
            stream.write(0);
            stream.write(1);
            stream.write(nal, 0, nal.length);
        }
    }

    /** Decodes the stream; returns all frames' I420 bytes back to back, uncropped. */
    static byte[] decode(byte[] annexB, Path dir) throws IOException, InterruptedException {
        return decode(annexB, dir, false);
    }

    static byte[] decode(byte[] annexB, Path dir, boolean noDeblock) throws IOException, InterruptedException {
        Path in = dir.resolve("stream.h264");
        Path out = dir.resolve("decoded.yuv");
        Files.write(in, annexB);
        Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-flags2", "+ignorecrop", "-skip_loop_filter",
                noDeblock ? "all" : "none", "-f", "h264",
                "-i", in.toString(), "-f", "rawvideo", "-pix_fmt", "yuv420p", out.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0 || !log.isBlank()) {
            throw new AssertionError("ffmpeg failed or reported errors: " + log);
        }
        return Files.readAllBytes(out);
    }
}
