package dev.parley.rtc.codec.h264.decoder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.rtc.codec.EncodedVideoFrame;
import dev.parley.rtc.codec.VideoDecodeResult;
import dev.parley.rtc.codec.VideoDecoder;
import dev.parley.rtc.codec.h264.encoder.H264Encoder;
import dev.parley.rtc.codec.h264.encoder.H264EncoderConfig;
import dev.parley.rtc.media.VideoFrame;
import dev.parley.rtc.media.synthetic.SyntheticVideo;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Test support: streams as access units, decoded pictures as tightly packed I420 bytes (the layout ffmpeg writes),
 * and the comparison that names the first differing sample.
 */
final class DecodedFrames {
    private DecodedFrames() {
    }

    /** An encoded stream: its access units and the same as one Annex B byte stream. */
    record Stream(List<List<byte[]>> units, byte[] annexB) {
        static Stream of(List<List<byte[]>> units) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (List<byte[]> unit : units) {
                for (byte[] nal : unit) {
                    out.write(0);
                    out.write(0);
                    out.write(0);
                    out.write(1);
                    out.write(nal, 0, nal.length);
                }
            }
            return new Stream(units, out.toByteArray());
        }

        static Stream annexB(byte[] bytes) {
            return new Stream(Ffmpeg.accessUnits(bytes), bytes);
        }
    }

    /** {@code count} frames of {@code clip} through Parley's encoder, with a keyframe requested where asked. */
    static Stream encode(H264EncoderConfig config, SyntheticVideo clip, int count, IntPredicate keyFrameAt) {
        H264Encoder encoder = new H264Encoder(config);
        List<List<byte[]>> units = new ArrayList<>();
        VideoFrame frame = clip.newFrame();
        for (int i = 0; i < count; i++) {
            clip.render(i, frame);
            if (i > 0 && keyFrameAt.test(i)) {
                encoder.requestKeyFrame();
            }
            EncodedVideoFrame au = encoder.encode(frame.withTimestamp(i * 33_333_333L));
            units.add(au.nalUnits());
        }
        encoder.close();
        return Stream.of(units);
    }

    /** Every access unit through {@code decoder}; each must decode to a picture, kept as packed I420. */
    static List<byte[]> decodeAll(VideoDecoder decoder, List<List<byte[]>> units) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            VideoDecodeResult r = decoder.decode(units.get(i), i);
            if (!(r instanceof VideoDecodeResult.Decoded d)) {
                throw new AssertionError("access unit " + i + ": " + r);
            }
            out.add(packed(d.frame()));
        }
        return out;
    }

    /** A frame's visible samples as tightly packed I420. */
    static byte[] packed(VideoFrame f) {
        int w = f.width();
        int h = f.height();
        byte[] out = new byte[w * h * 3 / 2];
        for (int row = 0; row < h; row++) {
            System.arraycopy(f.y(), row * f.strideY(), out, row * w, w);
        }
        int cw = w / 2;
        int ch = h / 2;
        for (int row = 0; row < ch; row++) {
            System.arraycopy(f.u(), row * f.strideU(), out, w * h + row * cw, cw);
            System.arraycopy(f.v(), row * f.strideV(), out, w * h + cw * ch + row * cw, cw);
        }
        return out;
    }

    /** Frame {@code index} of concatenated packed frames of {@code frameBytes} each. */
    static byte[] frame(byte[] all, int index, int frameBytes) {
        byte[] out = new byte[frameBytes];
        System.arraycopy(all, index * frameBytes, out, 0, frameBytes);
        return out;
    }

    /** Asserts two lists of packed frames of {@code width x height} are equal, naming the first difference. */
    static void assertSame(String what, List<byte[]> expected, List<byte[]> actual, int width, int height) {
        assertThat(actual).as(what + ": frame count").hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            String diff = firstDifference(expected.get(i), actual.get(i), width, height);
            if (diff != null) {
                throw new AssertionError(what + ": frame " + i + " " + diff);
            }
        }
    }

    /** Asserts that the packed frames equal the concatenated frames of {@code all}. */
    static void assertSame(String what, byte[] all, List<byte[]> actual, int width, int height) {
        int size = width * height * 3 / 2;
        assertThat(all.length).as(what + ": reference bytes").isEqualTo(size * actual.size());
        List<byte[]> expected = new ArrayList<>();
        for (int i = 0; i < actual.size(); i++) {
            expected.add(frame(all, i, size));
        }
        assertSame(what, expected, actual, width, height);
    }

    static String firstDifference(byte[] a, byte[] b, int width, int height) {
        if (a.length != b.length) {
            return "has " + b.length + " bytes, expected " + a.length;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                String where;
                int lumaSize = width * height;
                int cw = width / 2;
                if (i < lumaSize) {
                    where = "Y(" + i % width + "," + i / width + ")";
                } else if (i < lumaSize + lumaSize / 4) {
                    int k = i - lumaSize;
                    where = "U(" + k % cw + "," + k / cw + ")";
                } else {
                    int k = i - lumaSize - lumaSize / 4;
                    where = "V(" + k % cw + "," + k / cw + ")";
                }
                return where + ": " + (b[i] & 0xff) + ", expected " + (a[i] & 0xff);
            }
        }
        return null;
    }
}
