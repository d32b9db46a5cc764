package dev.parley.rtc.media;

import java.util.Arrays;

/**
 * A picture in I420 (YUV 4:2:0 planar, 8 bits, BT.601 limited range): a full-size Y plane and U and V planes of
 * half width and half height, each with its own stride (bytes from one row to the next, at least the plane
 * width). Width and height are even, from 2 to {@value #MAX_DIMENSION}.
 *
 * <p>The frame wraps its three planes without copying; the fields never change, the plane bytes belong to
 * whoever lent the frame (see the package doc: a sink keeps {@link #copy()}, never the frame it was handed).
 * {@link #rotation()} is the clockwise rotation a renderer applies to show it upright (0 unless a camera says
 * otherwise).
 */
public final class VideoFrame {

    /** Largest width or height accepted: bounds every allocation a decoder makes from a stream's header. */
    public static final int MAX_DIMENSION = 8192;

    private static final byte BLACK_Y = 16;
    private static final byte NEUTRAL_CHROMA = (byte) 128;

    private final int width;
    private final int height;
    private final byte[] y;
    private final byte[] u;
    private final byte[] v;
    private final int strideY;
    private final int strideU;
    private final int strideV;
    private final long timestampNanos;
    private final int rotation;

    private VideoFrame(int width, int height, byte[] y, int strideY, byte[] u, int strideU, byte[] v, int strideV,
                       long timestampNanos, int rotation) {
        this.width = width;
        this.height = height;
        this.y = y;
        this.u = u;
        this.v = v;
        this.strideY = strideY;
        this.strideU = strideU;
        this.strideV = strideV;
        this.timestampNanos = timestampNanos;
        this.rotation = rotation;
    }

    /**
     * Wraps three planes, each starting at index 0.
     *
     * @param timestampNanos capture time on the {@link System#nanoTime()} clock
     * @throws IllegalArgumentException for odd or out-of-range sizes, short strides or planes too small
     */
    public static VideoFrame wrap(int width, int height, byte[] y, int strideY, byte[] u, int strideU,
                                  byte[] v, int strideV, long timestampNanos) {
        return wrap(width, height, y, strideY, u, strideU, v, strideV, timestampNanos, 0);
    }

    /** As {@link #wrap(int, int, byte[], int, byte[], int, byte[], int, long)} with a rotation of 0, 90, 180 or 270. */
    public static VideoFrame wrap(int width, int height, byte[] y, int strideY, byte[] u, int strideU,
                                  byte[] v, int strideV, long timestampNanos, int rotation) {
        checkSize(width, height);
        checkRotation(rotation);
        checkPlane("Y", y, strideY, width, height);
        checkPlane("U", u, strideU, width / 2, height / 2);
        checkPlane("V", v, strideV, width / 2, height / 2);
        return new VideoFrame(width, height, y, strideY, u, strideU, v, strideV, timestampNanos, rotation);
    }

    /** A black frame in fresh, tightly packed planes (strides equal to the plane widths). */
    public static VideoFrame black(int width, int height, long timestampNanos) {
        checkSize(width, height);
        byte[] y = new byte[width * height];
        byte[] u = new byte[width / 2 * (height / 2)];
        byte[] v = new byte[u.length];
        Arrays.fill(y, BLACK_Y);
        Arrays.fill(u, NEUTRAL_CHROMA);
        Arrays.fill(v, NEUTRAL_CHROMA);
        return new VideoFrame(width, height, y, width, u, width / 2, v, width / 2, timestampNanos, 0);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Width of the U and V planes. */
    public int chromaWidth() {
        return width / 2;
    }

    /** Height of the U and V planes. */
    public int chromaHeight() {
        return height / 2;
    }

    /** The Y plane (not a copy); sample (x, row) is at {@code row * strideY() + x}. */
    public byte[] y() {
        return y;
    }

    public byte[] u() {
        return u;
    }

    public byte[] v() {
        return v;
    }

    public int strideY() {
        return strideY;
    }

    public int strideU() {
        return strideU;
    }

    public int strideV() {
        return strideV;
    }

    /** Capture time on the {@link System#nanoTime()} clock. */
    public long timestampNanos() {
        return timestampNanos;
    }

    /** Clockwise rotation, 0, 90, 180 or 270, to apply when showing the frame. */
    public int rotation() {
        return rotation;
    }

    /** The same planes (not copied) with another timestamp. */
    public VideoFrame withTimestamp(long nanos) {
        return new VideoFrame(width, height, y, strideY, u, strideU, v, strideV, nanos, rotation);
    }

    /** The same planes (not copied) with another rotation. */
    public VideoFrame withRotation(int degrees) {
        checkRotation(degrees);
        return new VideoFrame(width, height, y, strideY, u, strideU, v, strideV, timestampNanos, degrees);
    }

    /** A frame of its own, tightly packed, that a sink may keep. */
    public VideoFrame copy() {
        VideoFrame own = black(width, height, timestampNanos).withRotation(rotation);
        copyInto(own);
        return own;
    }

    /**
     * Copies the pixels into {@code dst}, which must have the same width and height (its strides may differ), so a
     * sink can keep the latest frame in a buffer it reuses. Timestamp and rotation are not part of the copy.
     */
    public void copyInto(VideoFrame dst) {
        if (dst.width != width || dst.height != height) {
            throw new IllegalArgumentException("cannot copy " + width + "x" + height + " into "
                    + dst.width + "x" + dst.height);
        }
        copyPlane(y, strideY, dst.y, dst.strideY, width, height);
        copyPlane(u, strideU, dst.u, dst.strideU, width / 2, height / 2);
        copyPlane(v, strideV, dst.v, dst.strideV, width / 2, height / 2);
    }

    private static void copyPlane(byte[] src, int srcStride, byte[] dst, int dstStride, int w, int h) {
        if (srcStride == w && dstStride == w) {
            System.arraycopy(src, 0, dst, 0, w * h);
            return;
        }
        for (int row = 0; row < h; row++) {
            System.arraycopy(src, row * srcStride, dst, row * dstStride, w);
        }
    }

    private static void checkSize(int width, int height) {
        if (width < 2 || height < 2 || width > MAX_DIMENSION || height > MAX_DIMENSION) {
            throw new IllegalArgumentException("frame size " + width + "x" + height + " is outside 2.."
                    + MAX_DIMENSION);
        }
        if ((width & 1) != 0 || (height & 1) != 0) {
            throw new IllegalArgumentException("I420 needs an even width and height, was " + width + "x" + height);
        }
    }

    private static void checkRotation(int degrees) {
        if (degrees != 0 && degrees != 90 && degrees != 180 && degrees != 270) {
            throw new IllegalArgumentException("rotation must be 0, 90, 180 or 270, was " + degrees);
        }
    }

    private static void checkPlane(String name, byte[] plane, int stride, int w, int h) {
        if (plane == null) {
            throw new IllegalArgumentException(name + " plane is null");
        }
        if (stride < w) {
            throw new IllegalArgumentException(name + " stride " + stride + " is less than the plane width " + w);
        }
        // The last row needs only its w bytes, not a whole stride.
        long needed = (long) stride * (h - 1) + w;
        if (plane.length < needed) {
            throw new IllegalArgumentException(name + " plane holds " + plane.length + " bytes, needs " + needed);
        }
    }

    @Override
    public String toString() {
        return "VideoFrame[" + width + "x" + height + ", rot=" + rotation + ", t=" + timestampNanos + "ns]";
    }
}
