package dev.parley.rtc.codec.h264.encoder;

/**
 * How an {@link H264Encoder} codes: picture size (any even size; the SPS crops to it), frame rate, and either a
 * target bitrate (rate control on) or a fixed QP (rate control off, for tests and quality measurements).
 *
 * @param targetBitrate bits per second the rate control aims at; 0 means fixed QP
 * @param fixedQp the QP of every macroblock when {@code targetBitrate} is 0 (0..51)
 * @param keyFrameInterval a keyframe every this many frames; 0 means only the first frame and on request
 * @param maxSliceBytes start a new slice before one grows past this many bytes; 0 means one slice per picture
 * @param intraRefreshPeriod refresh one column of intra macroblocks per frame, sweeping the picture every this
 *     many frames, instead of periodic keyframes; 0 means off
 */
public record H264EncoderConfig(int width, int height, double frameRate, int targetBitrate, int fixedQp,
                                int keyFrameInterval, int maxSliceBytes, int intraRefreshPeriod) {

    public H264EncoderConfig {
        if (width < 2 || height < 2 || (width & 1) != 0 || (height & 1) != 0 || width > 4096 || height > 2304) {
            throw new IllegalArgumentException("picture size must be even and at most 4096x2304: " + width + "x" + height);
        }
        if (!(frameRate > 0 && frameRate <= 120)) {
            throw new IllegalArgumentException("frame rate must be in (0, 120]: " + frameRate);
        }
        if (targetBitrate < 0 || fixedQp < 0 || fixedQp > 51 || keyFrameInterval < 0 || maxSliceBytes < 0
                || intraRefreshPeriod < 0) {
            throw new IllegalArgumentException("bad encoder settings: " + targetBitrate + " bps, qp " + fixedQp
                    + ", keyframe interval " + keyFrameInterval + ", max slice " + maxSliceBytes
                    + ", intra refresh " + intraRefreshPeriod);
        }
        if (maxSliceBytes != 0 && maxSliceBytes < 100) {
            throw new IllegalArgumentException("max slice size below 100 bytes: " + maxSliceBytes);
        }
    }

    /** Rate-controlled at {@code bitsPerSecond} and {@code fps}, keyframes only on demand. */
    public static H264EncoderConfig rateControlled(int width, int height, int bitsPerSecond, double fps) {
        if (bitsPerSecond <= 0) {
            throw new IllegalArgumentException("bitrate must be positive: " + bitsPerSecond);
        }
        return new H264EncoderConfig(width, height, fps, bitsPerSecond, 26, 0, 0, 0);
    }

    /** Every macroblock at {@code qp}, keyframes only on demand. */
    public static H264EncoderConfig fixedQp(int width, int height, int qp, double fps) {
        return new H264EncoderConfig(width, height, fps, 0, qp, 0, 0, 0);
    }

    public H264EncoderConfig withKeyFrameInterval(int frames) {
        return new H264EncoderConfig(width, height, frameRate, targetBitrate, fixedQp, frames, maxSliceBytes,
                intraRefreshPeriod);
    }

    public H264EncoderConfig withMaxSliceBytes(int bytes) {
        return new H264EncoderConfig(width, height, frameRate, targetBitrate, fixedQp, keyFrameInterval, bytes,
                intraRefreshPeriod);
    }

    public H264EncoderConfig withIntraRefresh(int periodFrames) {
        return new H264EncoderConfig(width, height, frameRate, targetBitrate, fixedQp, keyFrameInterval,
                maxSliceBytes, periodFrames);
    }

    public boolean rateControl() {
        return targetBitrate > 0;
    }
}
