package dev.parley.bench.h264;

import dev.parley.rtc.codec.EncodedVideoFrame;
import dev.parley.rtc.codec.h264.AnnexB;
import dev.parley.rtc.codec.h264.encoder.H264Encoder;
import dev.parley.rtc.codec.h264.encoder.H264EncoderConfig;
import dev.parley.rtc.media.VideoFrame;
import java.util.ArrayList;
import java.util.List;

/** Parley's {@link H264Encoder}, rate-controlled, over pre-rendered frames: untimed warm-up passes, one timed pass. */
final class ParleyEncoding {

    private ParleyEncoding() {
    }

    /**
     * Encodes the frames {@code warmup} times with fresh encoders (untimed, for the JIT), then once more timed.
     *
     * @throws UnsupportedOperationException while the encoder is not written yet
     */
    static EncodeRun run(VideoFrame[] frames, int kbps, double fps, int warmup) {
        H264EncoderConfig config = H264EncoderConfig.rateControlled(frames[0].width(), frames[0].height(),
                kbps * 1000, fps);
        for (int pass = 0; pass < warmup; pass++) {
            try (H264Encoder encoder = new H264Encoder(config)) {
                for (VideoFrame f : frames) {
                    encoder.encode(f);
                }
            }
        }
        EncodedVideoFrame[] out = new EncodedVideoFrame[frames.length];
        ThreadMeter meter;
        try (H264Encoder encoder = new H264Encoder(config)) {
            meter = ThreadMeter.start();
            for (int i = 0; i < frames.length; i++) {
                out[i] = encoder.encode(frames[i]);
            }
            meter.stop();
        }
        List<byte[]> units = new ArrayList<>(frames.length);
        long bytes = 0;
        int keyFrames = 0;
        long qpSum = 0;
        int coded = 0;
        for (EncodedVideoFrame e : out) {
            if (e == null || e.nalUnits().isEmpty()) {
                units.add(null); // dropped by the rate control: the receiver keeps showing the previous picture
                continue;
            }
            units.add(AnnexB.join(e.nalUnits()));
            bytes += e.sizeBytes();
            keyFrames += e.keyFrame() ? 1 : 0;
            qpSum += e.qp();
            coded++;
        }
        return new EncodeRun(units, bytes, meter, keyFrames, coded == 0 ? Double.NaN : (double) qpSum / coded);
    }
}
