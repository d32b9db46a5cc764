package dev.parley.bench.call;

import dev.parley.rtc.media.VideoFrame;
import dev.parley.rtc.media.synthetic.FrameStamp;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Reads the frame number ({@link FrameStamp}) from a received picture of any size: a picture of the size that was
 * sent is read as it is; a scaled one (libwebrtc scales down when it thinks the CPU or the link cannot keep up) has
 * the stamp's band resampled, nearest neighbour, to the sent size first, since the stamp's cells are laid out for
 * that width. Reads only the band, never the whole picture.
 *
 * <p>Not thread-safe: one per receiving track, called on that track's decoder thread.
 */
final class StampReader {

    private final int width;
    private final int height;
    private final int bandRows;
    private final byte[] band;
    private final VideoFrame bandFrame;

    /** @param width the sent width, @param height the sent height */
    StampReader(int width, int height) {
        this.width = width;
        this.height = height;
        // FrameStamp's cells are (width / 32) rounded down to even, square: one cell height holds the stamp.
        this.bandRows = Math.max(2, (width / 32) & ~1);
        this.band = new byte[width * bandRows];
        byte[] chroma = new byte[width / 2 * (bandRows / 2)];
        Arrays.fill(chroma, (byte) 128);
        this.bandFrame = VideoFrame.wrap(width, bandRows, band, width, chroma, width / 2, chroma, width / 2, 0);
    }

    /** The number of a Parley frame, or -1 when it carries none that reads. */
    int read(VideoFrame frame) {
        if (frame.width() == width && frame.height() == height) {
            return FrameStamp.read(frame);
        }
        return read(ByteBuffer.wrap(frame.y()), frame.strideY(), frame.width(), frame.height());
    }

    /** The number from a luma plane of {@code w x h} (any scale of the sent size), or -1. */
    int read(ByteBuffer luma, int stride, int w, int h) {
        if (w < 2 || h < 2) {
            return -1;
        }
        for (int row = 0; row < bandRows; row++) {
            int from = (int) ((long) row * h / height) * stride;
            int to = row * width;
            if (w == width) {
                luma.get(from, band, to, width);
            } else {
                for (int x = 0; x < width; x++) {
                    band[to + x] = luma.get(from + (int) ((long) x * w / width));
                }
            }
        }
        return FrameStamp.read(bandFrame);
    }
}
