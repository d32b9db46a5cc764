package dev.parley.rtc.codec.h264.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parley.rtc.media.synthetic.SyntheticVideo;
import dev.parley.rtc.media.synthetic.SyntheticVideo.Kind;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A second, independent decoder: ffmpeg (libavcodec) decodes whole streams, slices and keyframes included, without
 * a single error message, and every frame equals the encoder's reconstruction. Skipped where ffmpeg is not
 * installed (CI installs it).
 */
class H264EncoderFfmpegTest {

    @ParameterizedTest(name = "{0} {1}x{2}")
    @CsvSource({
            "CUTS,   330, 186, 0",
            "SHAPES, 176, 144, 600",
    })
    void ffmpegDecodesTheStreamBitExactly(Kind kind, int w, int h, int maxSlice, @TempDir Path dir)
            throws Exception {
        assumeTrue(FfmpegOracle.available(), "ffmpeg is not installed: the ffmpeg cross-check is skipped");
        H264Encoder encoder = new H264Encoder(
                H264EncoderConfig.rateControlled(w, h, 400_000, 30).withMaxSliceBytes(maxSlice));
        EncodedClip clip = EncodedClip.encodeAndVerify(encoder, SyntheticVideo.of(kind, w, h, 11), 100, i -> {
            if (i == 40) {
                encoder.requestKeyFrame();
            }
        });
        byte[] decoded = FfmpegOracle.decode(clip.annexB.toByteArray(), dir);
        int size = clip.reconstructions.get(0).length;
        assertThat(decoded.length).isEqualTo(size * clip.reconstructions.size());
        for (int i = 0; i < clip.reconstructions.size(); i++) {
            byte[] frame = Arrays.copyOfRange(decoded, i * size, (i + 1) * size);
            assertThat(frame).as("frame %d", i).isEqualTo(clip.reconstructions.get(i));
        }
    }
}
