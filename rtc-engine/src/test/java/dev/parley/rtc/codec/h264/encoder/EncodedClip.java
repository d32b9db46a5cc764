package dev.parley.rtc.codec.h264.encoder;

import dev.parley.rtc.codec.EncodedVideoFrame;
import dev.parley.rtc.media.VideoFrame;
import dev.parley.rtc.media.synthetic.SyntheticVideo;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.jcodec.common.model.Picture;

/**
 * Encodes a synthetic clip frame by frame, checks every access unit against jcodec's decoder (bit-exact with the
 * encoder's reconstruction) and keeps the Annex B stream and reconstructions for a second decoder.
 */
final class EncodedClip {
    final List<EncodedVideoFrame> frames = new ArrayList<>();
    final ByteArrayOutputStream annexB = new ByteArrayOutputStream();
    /** Every frame's reconstruction, Y then U then V, macroblock-aligned. */
    final List<byte[]> reconstructions = new ArrayList<>();

    /**
     * Encodes {@code count} frames of {@code clip}; {@code beforeFrame} runs before each (to request keyframes or
     * change rates). Throws AssertionError at the first frame jcodec fails on or decodes differently.
     */
    static EncodedClip encodeAndVerify(H264Encoder encoder, SyntheticVideo clip, int count, IntConsumer beforeFrame) {
        EncodedClip out = new EncodedClip();
        JcodecOracle oracle = new JcodecOracle();
        VideoFrame frame = clip.newFrame();
        for (int i = 0; i < count; i++) {
            clip.render(i, frame);
            beforeFrame.accept(i);
            EncodedVideoFrame au = encoder.encode(frame.withTimestamp(i * 33_333_333L));
            out.frames.add(au);
            FfmpegOracle.append(out.annexB, au);
            Picture pic;
            try {
                pic = oracle.decode(au, encoder.widthInMbs(), encoder.heightInMbs());
            } catch (RuntimeException e) {
                throw new AssertionError("jcodec failed on frame " + i + " of " + clip, e);
            }
            String diff = JcodecOracle.firstDifference(pic, encoder.reconstruction());
            if (diff != null) {
                throw new AssertionError("frame " + i + " of " + clip + ": " + diff);
            }
            if (pic.getCroppedWidth() != clip.width() || pic.getCroppedHeight() != clip.height()) {
                throw new AssertionError("decoded size " + pic.getCroppedWidth() + "x" + pic.getCroppedHeight());
            }
            Planes r = encoder.reconstruction();
            byte[] all = new byte[r.y.length + 2 * r.u.length];
            System.arraycopy(r.y, 0, all, 0, r.y.length);
            System.arraycopy(r.u, 0, all, r.y.length, r.u.length);
            System.arraycopy(r.v, 0, all, r.y.length + r.u.length, r.v.length);
            out.reconstructions.add(all);
        }
        return out;
    }

    long totalBytes() {
        long n = 0;
        for (EncodedVideoFrame f : frames) {
            n += f.sizeBytes();
        }
        return n;
    }
}
