package dev.parley.rtc.media.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.rtc.codec.VideoDecodeResult;
import dev.parley.rtc.codec.h264.decoder.JcodecH264Decoder;
import dev.parley.rtc.codec.h264.encoder.H264Encoder;
import dev.parley.rtc.codec.h264.encoder.H264EncoderConfig;
import dev.parley.rtc.media.VideoFrame;
import org.junit.jupiter.api.Test;

class FrameStampTest {

    @Test
    void aStampSurvivesEncodingAtAModestBitrate() {
        SyntheticVideo clip = SyntheticVideo.of(SyntheticVideo.Kind.PAN, 640, 480, 3);
        VideoFrame frame = clip.newFrame();
        try (H264Encoder encoder = new H264Encoder(H264EncoderConfig.rateControlled(640, 480, 300_000, 30));
             JcodecH264Decoder decoder = new JcodecH264Decoder()) {
            for (int i = 0; i < 20; i++) {
                clip.render(i, frame);
                int number = 0xABCDE0 + i * 977;
                int millis = 0x123456 + i * 33;
                FrameStamp.write(frame, number);
                FrameStamp.write(frame, millis, 1);
                VideoDecodeResult r = decoder.decode(encoder.encode(frame).nalUnits(), i);
                assertThat(r).isInstanceOf(VideoDecodeResult.Decoded.class);
                VideoFrame decoded = ((VideoDecodeResult.Decoded) r).frame();
                assertThat(FrameStamp.read(decoded)).isEqualTo(number & 0xFF_FFFF);
                assertThat(FrameStamp.read(decoded, 1)).isEqualTo(millis);
            }
        }
    }

    @Test
    void anUnstampedOrTooSmallFrameReadsAsNoStamp() {
        SyntheticVideo clip = SyntheticVideo.of(SyntheticVideo.Kind.NOISE, 640, 480, 3);
        VideoFrame frame = clip.newFrame();
        clip.render(1, frame);
        assertThat(FrameStamp.read(frame)).isEqualTo(-1);
        VideoFrame small = VideoFrame.black(128, 96, 0);
        FrameStamp.write(small, 5);
        assertThat(FrameStamp.read(small)).isEqualTo(-1);
        assertThat(FrameStamp.fits(640, 480)).isTrue();
        assertThat(FrameStamp.fits(640, 480, 1)).isTrue();
        assertThat(FrameStamp.fits(640, 480, FrameStamp.BANDS)).isFalse();
        assertThat(FrameStamp.read(frame, 1)).isEqualTo(-1);
    }
}
