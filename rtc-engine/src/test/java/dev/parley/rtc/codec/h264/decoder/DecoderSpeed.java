package dev.parley.rtc.codec.h264.decoder;

import dev.parley.rtc.codec.VideoDecodeResult;
import dev.parley.rtc.codec.VideoDecoder;
import dev.parley.rtc.codec.h264.encoder.H264EncoderConfig;
import dev.parley.rtc.media.synthetic.SyntheticVideo;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Not a test: a by-hand speed comparison of {@link ParleyH264Decoder} and {@link JcodecH264Decoder} on 30-frame
 * 640x480 clips encoded by Parley's encoder at about 1 Mbit/s (one IDR, then P frames). Prints frames per second
 * of each decoder, the best of 16 rounds after 8 of warm-up. Run with the test classpath:
 * {@code java -cp <test-classes>:<classes>:<deps> dev.parley.rtc.codec.h264.decoder.DecoderSpeed [kind ...]}.
 */
public final class DecoderSpeed {
    private DecoderSpeed() {
    }

    public static void main(String[] args) {
        String[] kinds = args.length > 0 ? args : new String[] {"pan", "shapes", "static", "cuts"};
        for (String k : kinds) {
            SyntheticVideo clip = SyntheticVideo.of(SyntheticVideo.Kind.parse(k), 640, 480, 1);
            DecodedFrames.Stream s = DecodedFrames.encode(
                    H264EncoderConfig.rateControlled(640, 480, 1_000_000, 30), clip, 30, i -> false);
            long bytes = 0;
            for (List<byte[]> u : s.units()) {
                for (byte[] n : u) {
                    bytes += n.length;
                }
            }
            double own = fps(ParleyH264Decoder::new, s.units());
            double jcodec = fps(JcodecH264Decoder::new, s.units());
            System.out.printf(Locale.ROOT, "%-7s %5.0f kbit/s  Parley %7.1f fps (%.2f ms)  jcodec %6.1f fps (%.2f ms)"
                    + "  ratio %.2f%n", k, bytes * 8 * 30 / 30_000.0, own, 1000 / own, jcodec, 1000 / jcodec,
                    own / jcodec);
        }
    }

    private static double fps(Supplier<VideoDecoder> factory, List<List<byte[]>> units) {
        double best = 0;
        for (int round = 0; round < 24; round++) {
            try (VideoDecoder d = factory.get()) {
                long t0 = System.nanoTime();
                for (int i = 0; i < units.size(); i++) {
                    if (!(d.decode(units.get(i), i) instanceof VideoDecodeResult.Decoded)) {
                        throw new IllegalStateException("frame " + i + " did not decode");
                    }
                }
                long t = System.nanoTime() - t0;
                if (round >= 8) {
                    best = Math.max(best, units.size() * 1e9 / t);
                }
            }
        }
        return best;
    }
}
