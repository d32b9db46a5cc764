package dev.parley.rtc.codec.h264.encoder;

import dev.parley.rtc.codec.EncodedVideoFrame;
import dev.parley.rtc.codec.VideoEncoder;
import dev.parley.rtc.media.VideoFrame;

/** Parley's H.264 Constrained Baseline encoder (work in progress). */
public final class H264Encoder implements VideoEncoder {
    private final H264EncoderConfig config;

    public H264Encoder(H264EncoderConfig config) {
        this.config = config;
    }

    @Override
    public EncodedVideoFrame encode(VideoFrame frame) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void setRates(int bitsPerSecond, double framesPerSecond) {
    }

    @Override
    public void requestKeyFrame() {
    }

    @Override
    public void close() {
    }
}
