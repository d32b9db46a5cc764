package dev.parley.bench.h264;

/**
 * Peak signal-to-noise ratio of 8-bit pictures against their source. Feed it one plane per frame with
 * {@link #add}; {@link #db()} is the PSNR of the mean squared error over all frames (what ffmpeg's psnr filter
 * reports as "average"), {@link #minFrameDb()} the worst single frame. A perfect match counts as
 * {@value #LOSSLESS_DB} dB rather than infinity, as x264 and ffmpeg print it.
 */
public final class Psnr {

    /** The figure for a zero error. */
    public static final double LOSSLESS_DB = 100;

    private double sumMse;
    private double minDb = Double.POSITIVE_INFINITY;
    private int frames;

    /**
     * Sum of squared differences between a {@code width x height} area of plane {@code a} (unsigned samples) and of
     * plane {@code b}, whose samples are read as {@code (b[i] ^ bXor) & 0xff}: 0 for unsigned samples, 0x80 for
     * jcodec's {@code Picture}s, which hold each sample minus 128 as a signed byte.
     */
    public static long sse(byte[] a, int aOffset, int aStride, byte[] b, int bOffset, int bStride, int bXor,
                           int width, int height) {
        long sum = 0;
        for (int row = 0; row < height; row++) {
            int ia = aOffset + row * aStride;
            int ib = bOffset + row * bStride;
            for (int x = 0; x < width; x++) {
                int d = (a[ia + x] & 0xff) - ((b[ib + x] ^ bXor) & 0xff);
                sum += d * d;
            }
        }
        return sum;
    }

    /** 10 log10(255^2 / mse), {@value #LOSSLESS_DB} for a zero error. */
    public static double db(double mse) {
        return mse <= 0 ? LOSSLESS_DB : Math.min(LOSSLESS_DB, 10 * Math.log10(255.0 * 255.0 / mse));
    }

    /** Adds one frame's plane: its squared error sum over {@code samples} samples. */
    public void add(long sse, long samples) {
        double mse = (double) sse / samples;
        sumMse += mse;
        minDb = Math.min(minDb, db(mse));
        frames++;
    }

    public int frames() {
        return frames;
    }

    /** PSNR of the mean MSE over the frames added; NaN before any. */
    public double db() {
        return frames == 0 ? Double.NaN : db(sumMse / frames);
    }

    /** PSNR of the worst frame; NaN before any. */
    public double minFrameDb() {
        return frames == 0 ? Double.NaN : minDb;
    }
}
