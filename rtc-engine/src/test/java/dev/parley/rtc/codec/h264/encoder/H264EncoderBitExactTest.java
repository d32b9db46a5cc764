package dev.parley.rtc.codec.h264.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.rtc.codec.EncodedVideoFrame;
import dev.parley.rtc.codec.h264.NalHeader;
import dev.parley.rtc.media.synthetic.SyntheticVideo;
import dev.parley.rtc.media.synthetic.SyntheticVideo.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The encoder's reconstruction equals jcodec's decoded output bit for bit, frame after frame: I and P slices, every
 * macroblock type the encoder chooses, deblocking, cropping of sizes that are not multiples of 16, long runs of P
 * frames (drift would show), scene cuts, slices, intra refresh, QPs from 0 (levels at the CAVLC limit) to 51.
 */
class H264EncoderBitExactTest {

    @ParameterizedTest(name = "{0} {1}x{2} qp {3}, {4} frames")
    @CsvSource({
            "SHAPES, 176, 144, 28, 300",
            "PAN,    330, 186, 22, 90",
            "STATIC, 100, 60,  16, 60",
            "NOISE,  64,  48,  34, 40",
            "CUTS,   160, 96,  40, 150",
            "PAN,    640, 480, 30, 30",
            "NOISE,  48,  32,  0,  4",
            "STATIC, 64,  48,  6,  6",
            "SHAPES, 96,  64,  51, 30",
    })
    void fixedQpStreamsDecodeBitExactly(Kind kind, int w, int h, int qp, int frames) {
        H264Encoder encoder = new H264Encoder(H264EncoderConfig.fixedQp(w, h, qp, 30));
        EncodedClip clip = EncodedClip.encodeAndVerify(encoder, SyntheticVideo.of(kind, w, h, 7), frames, i -> { });
        assertThat(clip.frames.get(0).keyFrame()).isTrue();
        assertThat(clip.frames.subList(1, frames)).noneMatch(EncodedVideoFrame::keyFrame);
    }

    @ParameterizedTest(name = "{0} {1}x{2} at {3} bit/s")
    @CsvSource({
            "CUTS,   320, 240, 300000",
            "PAN,    250, 142, 150000",
            "NOISE,  320, 240, 100000",
    })
    void rateControlledStreamsWithKeyFrameRequestsDecodeBitExactly(Kind kind, int w, int h, int bitrate) {
        H264Encoder encoder = new H264Encoder(H264EncoderConfig.rateControlled(w, h, bitrate, 30));
        EncodedClip clip = EncodedClip.encodeAndVerify(encoder, SyntheticVideo.of(kind, w, h, 3), 120, i -> {
            if (i == 50 || i == 51 || i == 97) {
                encoder.requestKeyFrame();
            }
            if (i == 70) {
                encoder.setRates(bitrate / 2, 30);
            }
        });
        for (int i = 0; i < clip.frames.size(); i++) {
            boolean requested = i == 0 || i == 50 || i == 51 || i == 97;
            assertThat(clip.frames.get(i).keyFrame()).as("frame %d", i).isEqualTo(requested);
        }
    }

    @ParameterizedTest(name = "max slice {0} bytes")
    @CsvSource({"500", "1200"})
    void slicesStayUnderTheirMaximumAndDecodeBitExactly(int maxSlice) {
        H264Encoder encoder = new H264Encoder(
                H264EncoderConfig.fixedQp(352, 288, 24, 30).withMaxSliceBytes(maxSlice));
        EncodedClip clip = EncodedClip.encodeAndVerify(encoder, SyntheticVideo.of(Kind.PAN, 352, 288, 5), 20, i -> { });
        int slices = 0;
        for (EncodedVideoFrame f : clip.frames) {
            for (byte[] nal : f.nalUnits()) {
                int type = NalHeader.type(nal[0]);
                if (type == 1 || type == 5) {
                    slices++;
                    assertThat(nal.length).isLessThanOrEqualTo(maxSlice);
                }
            }
        }
        assertThat(slices).isGreaterThan(2 * clip.frames.size()); // the limit really split pictures
    }

    @ParameterizedTest(name = "intra refresh every {0} frames")
    @CsvSource({"10"})
    void intraRefreshStreamsDecodeBitExactly(int period) {
        H264Encoder encoder = new H264Encoder(H264EncoderConfig.fixedQp(208, 120, 30, 30).withIntraRefresh(period));
        int mbs = encoder.widthInMbs() * encoder.heightInMbs();
        boolean[] refreshed = new boolean[mbs];
        int[] frameIndex = {0};
        EncodedClip clip = EncodedClip.encodeAndVerify(encoder, SyntheticVideo.of(Kind.SHAPES, 208, 120, 9), 40,
                i -> {
                    // look at the frame before this one: frames 21..30 must together refresh every macroblock
                    if (i > 21 && i <= 21 + period) {
                        MacroblockGrid g = encoder.grid();
                        for (int mb = 0; mb < mbs; mb++) {
                            refreshed[mb] |= g.type[mb] == MacroblockGrid.I16X16 || g.type[mb] == MacroblockGrid.I4X4;
                        }
                    }
                    frameIndex[0] = i;
                });
        assertThat(clip.frames.subList(1, 40)).noneMatch(EncodedVideoFrame::keyFrame);
        for (int mb = 0; mb < mbs; mb++) {
            assertThat(refreshed[mb]).as("macroblock %d refreshed", mb).isTrue();
        }
    }
}
