package dev.parley.bench.h264;

import dev.parley.rtc.media.VideoFrame;
import java.nio.ByteBuffer;
import java.util.List;
import org.jcodec.codecs.h264.H264Decoder;
import org.jcodec.common.model.Picture;

/**
 * Decodes a stream with jcodec 0.2.5's {@code H264Decoder} (the decoder Parley uses today), checks every picture
 * against its source (PSNR-Y over the cropped area) in an untimed pass, then times a further pass. jcodec unescapes
 * emulation-prevention bytes in place, so every pass decodes fresh copies (made before the timing starts). The
 * decoder only spreads work over threads for pictures of several slices; both encoders here write one slice per
 * picture, so it decodes on the calling thread.
 */
final class JcodecDecoding {

    /**
     * The outcome; {@code failure} is null when every frame decoded to the right size.
     *
     * @param meter the timed pass, null if decoding failed
     */
    record Result(Psnr psnrY, ThreadMeter meter, int frames, String failure) {

        double fps() {
            return meter == null ? Double.NaN : frames / meter.wallSeconds();
        }

        double cpuFps() {
            return meter == null ? Double.NaN : frames / meter.cpuSeconds();
        }
    }

    private JcodecDecoding() {
    }

    /**
     * Decodes {@code max(1, warmup)} untimed passes (the first measuring PSNR-Y) and one timed pass. A null access
     * unit is a dropped frame: nothing to decode, and the previous picture stands in for it in the PSNR. Decode fps
     * counts every frame of the clip, dropped ones included.
     */
    static Result run(List<byte[]> accessUnits, VideoFrame[] source, int warmup) {
        int w = source[0].width();
        int h = source[0].height();
        int w16 = (w + 15) & ~15;
        int h16 = (h + 15) & ~15;
        byte[][] buffer = {new byte[w16 * h16], new byte[w16 * h16 / 4], new byte[w16 * h16 / 4]};
        Psnr psnr = new Psnr();
        int i = 0;
        try {
            for (int pass = 0; pass < Math.max(1, warmup); pass++) {
                H264Decoder decoder = new H264Decoder();
                Picture p = null;
                for (i = 0; i < accessUnits.size(); i++) {
                    byte[] au = accessUnits.get(i);
                    if (au != null) {
                        p = decoder.decodeFrame(ByteBuffer.wrap(au.clone()), buffer);
                        if (p == null) {
                            return new Result(psnr, null, accessUnits.size(), "frame " + i + ": no picture decoded");
                        }
                    } else if (p == null) {
                        return new Result(psnr, null, accessUnits.size(), "frame " + i + " dropped before any picture");
                    }
                    // A dropped frame leaves the previous picture on screen (p, still in buffer): compared as such.
                    if (pass == 0) {
                        if (p.getCroppedWidth() != w || p.getCroppedHeight() != h) {
                            return new Result(psnr, null, accessUnits.size(), "frame " + i + " decoded as "
                                    + p.getCroppedWidth() + "x" + p.getCroppedHeight() + ", expected " + w + "x" + h);
                        }
                        VideoFrame s = source[i];
                        int stride = p.getPlaneWidth(0);
                        psnr.add(Psnr.sse(s.y(), 0, s.strideY(), p.getPlaneData(0),
                                p.getStartY() * stride + p.getStartX(), stride, 0x80, w, h), (long) w * h);
                    }
                }
            }
            byte[][] copies = new byte[accessUnits.size()][];
            for (i = 0; i < copies.length; i++) {
                copies[i] = accessUnits.get(i) == null ? null : accessUnits.get(i).clone();
            }
            H264Decoder decoder = new H264Decoder();
            ThreadMeter meter = ThreadMeter.start();
            for (i = 0; i < copies.length; i++) {
                if (copies[i] != null) {
                    decoder.decodeFrame(ByteBuffer.wrap(copies[i]), buffer);
                }
            }
            meter.stop();
            return new Result(psnr, meter, copies.length, null);
        } catch (RuntimeException e) {
            return new Result(psnr, null, accessUnits.size(), "frame " + i + ": jcodec's decoder threw " + e);
        }
    }
}
