package dev.parley.bench.h264;

import dev.parley.rtc.codec.h264.AnnexB;
import dev.parley.rtc.media.VideoFrame;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jcodec.codecs.h264.H264Encoder;
import org.jcodec.codecs.h264.encode.RateControl;
import org.jcodec.codecs.h264.io.model.SliceType;
import org.jcodec.common.VideoEncoder.EncodedFrame;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rect;
import org.jcodec.common.model.Size;

/**
 * jcodec 0.2.5's H.264 encoder, the reference the issue measures Parley against, over the same frames. Either as
 * jcodec ships it ({@code H264Encoder.createH264Encoder()} with an output buffer of its own
 * {@code estimateBufferSize}, as its transcoder does) or at a constant QP. Its input is converted to jcodec's
 * picture format before timing.
 */
final class JcodecEncoding {

    private JcodecEncoding() {
    }

    /**
     * jcodec pictures of the frames: YUV420J planes holding {@code sample - 128} as signed bytes, padded to whole
     * macroblocks by repeating the last column and row, cropped to the frame size.
     */
    static Picture[] toPictures(VideoFrame[] frames) {
        Picture[] out = new Picture[frames.length];
        for (int i = 0; i < frames.length; i++) {
            VideoFrame f = frames[i];
            int w = f.width();
            int h = f.height();
            int w16 = (w + 15) & ~15;
            int h16 = (h + 15) & ~15;
            Picture p = w16 == w && h16 == h ? Picture.create(w, h, ColorSpace.YUV420J)
                    : Picture.createCropped(w16, h16, ColorSpace.YUV420J, new Rect(0, 0, w, h));
            toSigned(f.y(), f.strideY(), w, h, p.getPlaneData(0), w16, h16);
            toSigned(f.u(), f.strideU(), w / 2, h / 2, p.getPlaneData(1), w16 / 2, h16 / 2);
            toSigned(f.v(), f.strideV(), w / 2, h / 2, p.getPlaneData(2), w16 / 2, h16 / 2);
            out[i] = p;
        }
        return out;
    }

    private static void toSigned(byte[] src, int stride, int w, int h, byte[] dst, int dw, int dh) {
        for (int row = 0; row < dh; row++) {
            int s = Math.min(row, h - 1) * stride;
            for (int x = 0; x < dw; x++) {
                dst[row * dw + x] = (byte) ((src[s + Math.min(x, w - 1)] & 0xff) - 128);
            }
        }
    }

    /** Encodes the pictures {@code warmup} times (untimed), then once timed; {@code qp} < 0 means jcodec's default. */
    static EncodeRun run(Picture[] pictures, int qp, int warmup) {
        for (int pass = 0; pass < warmup; pass++) {
            encodeAll(pictures, qp, null);
        }
        List<byte[]> units = new ArrayList<>(pictures.length);
        Pass timed = encodeAll(pictures, qp, units);
        long bytes = 0;
        for (byte[] au : units) {
            for (byte[] nal : AnnexB.split(au)) {
                bytes += nal.length;
            }
        }
        return new EncodeRun(units, bytes, timed.meter, timed.keyFrames, qp < 0 ? Double.NaN : qp);
    }

    private record Pass(int keyFrames, ThreadMeter meter) {
    }

    /** One pass with a fresh encoder; timed, keeping copies of the access units, when {@code units} is not null. */
    private static Pass encodeAll(Picture[] pictures, int qp, List<byte[]> units) {
        H264Encoder encoder = qp < 0 ? H264Encoder.createH264Encoder() : new H264Encoder(new ConstantQp(qp));
        // The default's rate control budgets each frame from the space left in this buffer.
        int size = qp < 0 ? encoder.estimateBufferSize(pictures[0])
                : pictures[0].getWidth() * pictures[0].getHeight() * 3;
        ByteBuffer buffer = ByteBuffer.allocate(size);
        int keyFrames = 0;
        ThreadMeter meter = units == null ? null : ThreadMeter.start();
        for (Picture p : pictures) {
            buffer.clear();
            EncodedFrame frame = encoder.encodeFrame(p, buffer);
            keyFrames += frame.isKeyFrame() ? 1 : 0;
            if (units != null) {
                ByteBuffer data = frame.getData();
                byte[] au = new byte[data.remaining()];
                data.get(au);
                units.add(au);
            }
        }
        return new Pass(keyFrames, meter == null ? null : meter.stop());
    }

    /** Every macroblock of every picture at one QP: jcodec's rate-control hook, told never to re-encode. */
    private static final class ConstantQp implements RateControl {
        private final int qp;

        ConstantQp(int qp) {
            this.qp = qp;
        }

        @Override
        public int startPicture(Size size, int maxSize, SliceType sliceType) {
            return qp;
        }

        @Override
        public int initialQpDelta() {
            return 0;
        }

        @Override
        public int accept(int bits) {
            return 0;
        }
    }
}
