package dev.parley.rtc.codec.h264.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.rtc.codec.EncodedVideoFrame;
import dev.parley.rtc.media.VideoFrame;
import java.util.Random;
import org.jcodec.common.model.Picture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class H264EncoderSmokeTest {

    @ParameterizedTest
    @CsvSource({"64,48,26", "100,60,30", "176,144,20", "176,144,40"})
    void decodesBitExactly(int w, int h, int qp) {
        H264Encoder enc = new H264Encoder(H264EncoderConfig.fixedQp(w, h, qp, 30));
        JcodecOracle oracle = new JcodecOracle();
        Random rnd = new Random(1);
        VideoFrame f = VideoFrame.black(w, h, 0);
        for (int i = 0; i < 20; i++) {
            render(f, i, rnd);
            EncodedVideoFrame au = enc.encode(f);
            Picture pic = oracle.decode(au, enc.widthInMbs(), enc.heightInMbs());
            assertThat(JcodecOracle.firstDifference(pic, enc.reconstruction())).as("frame %d", i).isNull();
        }
    }

    static void render(VideoFrame f, int t, Random rnd) {
        for (int y = 0; y < f.height(); y++) {
            for (int x = 0; x < f.width(); x++) {
                int v = ((x + 2 * t) * 3 + y * 2) & 0xff;
                if (((x - 3 * t) / 8 + y / 8) % 3 == 0) {
                    v = 255 - v;
                }
                f.y()[y * f.strideY() + x] = (byte) Math.min(235, Math.max(16, v + rnd.nextInt(5) - 2));
            }
        }
        for (int y = 0; y < f.chromaHeight(); y++) {
            for (int x = 0; x < f.chromaWidth(); x++) {
                f.u()[y * f.strideU() + x] = (byte) (128 + ((x + t) % 40) - 20);
                f.v()[y * f.strideV() + x] = (byte) (128 + ((y * 2 + t) % 30) - 15);
            }
        }
    }
}
