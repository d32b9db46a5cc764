package dev.parley.rtc.media.synthetic;

import dev.parley.rtc.media.VideoFrame;

/**
 * A 24-bit frame number painted into the top band of a frame's luma as 32 black or white cells (24 bits of number,
 * 8 of check), so it survives lossy coding and can be read back from a decoded frame: the test pattern camera
 * stamps each frame, and whoever renders the remote frame looks up when it was captured (glass-to-glass latency).
 * Cells are at least 8 pixels wide and tall; frames narrower than 256 pixels carry no stamp.
 *
 * <p>A frame carries up to {@value #BANDS} stamps, one per band of cells from the top: the test-pattern camera puts
 * the frame number in band 0 and its capture time (wall-clock milliseconds mod 2^24) in band 1, so latency can be
 * read off a frame even in another process.
 */
public final class FrameStamp {

    /** How many stamps fit one above the other. */
    public static final int BANDS = 2;

    private static final int CELLS = 32;
    private static final int VALUE_BITS = 24;
    private static final int MIN_CELL = 8;
    private static final int WHITE = 235;
    private static final int BLACK = 16;

    private FrameStamp() {
    }

    /** Whether a frame of this size is large enough to carry a stamp (in band 0). */
    public static boolean fits(int width, int height) {
        return fits(width, height, 0);
    }

    /** Whether a frame of this size is large enough to carry a stamp in {@code band}. */
    public static boolean fits(int width, int height, int band) {
        return band >= 0 && band < BANDS && cell(width) >= MIN_CELL && height >= cell(width) * (band + 1);
    }

    private static int cell(int width) {
        return (width / CELLS) & ~1;
    }

    /** Paints {@code value mod 2^24} into band 0 of the frame; nothing when the frame is too small. */
    public static void write(VideoFrame frame, int value) {
        write(frame, value, 0);
    }

    /** Paints {@code value mod 2^24} into {@code band}; nothing when the frame is too small for it. */
    public static void write(VideoFrame frame, int value, int band) {
        if (!fits(frame.width(), frame.height(), band)) {
            return;
        }
        int word = word(value & 0xFF_FFFF);
        int size = cell(frame.width());
        int top = band * size;
        byte[] y = frame.y();
        for (int c = 0; c < CELLS; c++) {
            byte luma = (byte) (((word >>> (CELLS - 1 - c)) & 1) != 0 ? WHITE : BLACK);
            for (int row = top; row < top + size; row++) {
                int at = row * frame.strideY() + c * size;
                java.util.Arrays.fill(y, at, at + size, luma);
            }
        }
    }

    /** The number stamped in band 0, or -1 when the frame carries no valid stamp. */
    public static int read(VideoFrame frame) {
        return read(frame, 0);
    }

    /** The number stamped in {@code band}, or -1 when the frame carries no valid stamp there. */
    public static int read(VideoFrame frame, int band) {
        if (!fits(frame.width(), frame.height(), band)) {
            return -1;
        }
        int size = cell(frame.width());
        int top = band * size;
        int word = 0;
        for (int c = 0; c < CELLS; c++) {
            int sum = 0;
            int n = 0;
            // The centre of each cell: the edges smear under coding and deblocking.
            for (int row = top + size / 4; row < top + size - size / 4; row++) {
                int at = row * frame.strideY() + c * size;
                for (int x = size / 4; x < size - size / 4; x++) {
                    sum += frame.y()[at + x] & 0xFF;
                    n++;
                }
            }
            word = word << 1 | (sum / n > (WHITE + BLACK) / 2 ? 1 : 0);
        }
        int value = word >>> (CELLS - VALUE_BITS);
        return word(value) == word ? value : -1;
    }

    private static int word(int value) {
        return value << (CELLS - VALUE_BITS) | check(value);
    }

    /** An 8-bit check over the three value bytes, so a misread cell is caught rather than reported as a number. */
    private static int check(int value) {
        int a = value & 0xFF;
        int b = (value >>> 8) & 0xFF;
        int c = (value >>> 16) & 0xFF;
        return (a * 3 + b * 5 + c * 7 + 0x5A) & 0xFF ^ (a ^ b ^ c);
    }
}
