package dev.parley.rtc.interop;

import java.nio.ByteBuffer;

/**
 * A synthetic I420 picture that changes every frame and carries its frame number in the pixels, so a receiver can
 * tell which pushed frame it got back after encoding, transport and decoding (codecs do not keep a sender's
 * timestamp end to end).
 *
 * <p>The number is a 16-bit id plus its 16-bit complement, one bit per block of a strip of 32 blocks across the
 * top thirtieth of the picture (black 16 = 0, white 235 = 1): large flat blocks survive lossy coding, the
 * complement rejects a misread, and block positions are relative so a frame the sender scaled down still reads.
 * Below the strip: diagonal bars that slide by a few pixels each frame and a bright square that moves across, so
 * the encoder sees motion and every frame differs. Chroma stays neutral grey.
 *
 * <p>Not thread-safe: one instance per pusher thread; {@link #readId} is static and may run on any thread.
 */
final class FramePattern {

    static final int BITS = 32;
    private static final int BLACK = 16;
    private static final int WHITE = 235;
    private static final int BAR_PERIOD = 64;

    private final int width;
    private final int height;
    private final byte[] bars;
    private final byte[] strip;
    private final byte[] chroma;

    FramePattern(int width, int height) {
        if (width < BITS * 2 || height < 60 || (width & 1) != 0 || (height & 1) != 0) {
            throw new IllegalArgumentException("picture too small or odd: " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        // Two bar periods wider than the picture: each row is a window into it at an offset that moves.
        bars = new byte[width + 2 * BAR_PERIOD];
        for (int x = 0; x < bars.length; x++) {
            int phase = x % BAR_PERIOD;
            bars[x] = (byte) (60 + (phase < BAR_PERIOD / 2 ? phase * 4 : (BAR_PERIOD - phase) * 4));
        }
        strip = new byte[width];
        chroma = new byte[width / 2];
        java.util.Arrays.fill(chroma, (byte) 128);
    }

    /** Draws frame {@code id} (only its low 16 bits are carried) into the planes of an I420 picture. */
    void draw(int id, ByteBuffer y, int strideY, ByteBuffer u, int strideU, ByteBuffer v, int strideV) {
        int code = codeOf(id);
        for (int x = 0; x < width; x++) {
            int bit = (int) ((long) x * BITS / width);
            strip[x] = (byte) (((code >>> bit) & 1) != 0 ? WHITE : BLACK);
        }
        int stripRows = height / 30;
        for (int row = 0; row < stripRows; row++) {
            y.put(row * strideY, strip, 0, width);
        }
        int shift = (id * 3) % BAR_PERIOD;
        for (int row = stripRows; row < height; row++) {
            y.put(row * strideY, bars, (shift + row) % BAR_PERIOD, width);
        }
        int side = height / 6;
        int squareX = (id * 4) % (width - side);
        int squareY = stripRows + (height - stripRows - side) / 2;
        for (int row = squareY; row < squareY + side; row++) {
            for (int x = squareX; x < squareX + side; x++) {
                y.put(row * strideY + x, (byte) WHITE);
            }
        }
        for (int row = 0; row < height / 2; row++) {
            u.put(row * strideU, chroma, 0, width / 2);
            v.put(row * strideV, chroma, 0, width / 2);
        }
    }

    static int codeOf(int id) {
        int low = id & 0xffff;
        return low | ((~low & 0xffff) << 16);
    }

    /**
     * The 16-bit frame id read back from a (possibly decoded and scaled) luma plane, or -1 if the strip does not
     * read as an id and its complement.
     */
    static int readId(ByteBuffer y, int strideY, int width, int height) {
        if (width < BITS || height < 2) {
            return -1;
        }
        int row = height / 60; // the middle of the strip at any scale
        int code = 0;
        for (int bit = 0; bit < BITS; bit++) {
            int x = (int) ((2L * bit + 1) * width / (2L * BITS));
            int luma = y.get(row * strideY + x) & 0xff;
            if (luma > (BLACK + WHITE) / 2) {
                code |= 1 << bit;
            }
        }
        int low = code & 0xffff;
        return (code >>> 16) == (~low & 0xffff) ? low : -1;
    }
}
