package dev.parley.capture.synthetic;

import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamException;
import dev.parley.capture.DeviceInfo;
import dev.parley.capture.DeviceKind;
import dev.parley.rtc.media.ColorConversion;
import dev.parley.rtc.media.VideoFrame;
import dev.parley.rtc.media.synthetic.FrameStamp;
import dev.parley.rtc.media.synthetic.SyntheticVideo;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The "Test pattern" camera as a sarxos {@link WebcamDevice}: moving shapes over a gradient
 * ({@link SyntheticVideo.Kind#SHAPES}) at 320x240, 640x480 (the default) or 1280x720, delivered like a real camera at
 * its frame rate (see {@link TestPatternClock}: a grab waits for the next frame that is due, so readers get a steady
 * cadence without drift). Every frame carries two {@link FrameStamp}s, read back with {@link TestPatternStamp}: its
 * number in band 0 and its capture time (wall-clock milliseconds mod 2^24) in band 1.
 *
 * <p>As sarxos expects of a device: {@link #getImageBytes()} and {@link #getImageBytes(ByteBuffer)} give 3 bytes per
 * pixel in R, G, B order, rows top to bottom with no padding; {@link #getImageBytes(ByteBuffer)} copies to the
 * target's position without moving it (as sarxos's own native device does); {@link #getImage()} gives a new
 * {@code TYPE_3BYTE_BGR} image per call. The size can change only while closed; {@link #close()} allows a later
 * {@link #open()}, {@link #dispose()} does not. Grabs return {@code null} (or copy nothing) once closed.
 *
 * <p>Threads: any thread may call any method. Grabs are serialised on the device's lock (one frame is rendered at a
 * time into buffers reused from frame to frame); {@link #close()} and {@link #dispose()} do not wait for a grab in
 * progress, which returns within one frame period.
 */
public final class TestPatternDevice implements WebcamDevice, WebcamDevice.BufferAccess, WebcamDevice.FPSSource {

    /** The name sarxos (and its lock file) know the device by. */
    public static final String NAME = "Test pattern";
    /** How Parley lists the test pattern. */
    public static final DeviceInfo INFO = DeviceInfo.synthetic(DeviceKind.CAMERA, "test-pattern", NAME);
    public static final int DEFAULT_FPS = 30;
    public static final Dimension DEFAULT_SIZE = new Dimension(640, 480);

    private static final int[][] SIZES = {{320, 240}, {640, 480}, {1280, 720}};
    private static final int MAX_FPS = 120;
    private static final long SEED = 0x7E57_CA4DL;

    private final int framesPerSecond;
    private final AtomicBoolean open = new AtomicBoolean();
    private final AtomicBoolean disposed = new AtomicBoolean();
    private final Object lock = new Object();
    private volatile int width = DEFAULT_SIZE.width;
    private volatile int height = DEFAULT_SIZE.height;
    private volatile double measuredFps;

    // Guarded by lock: the picture being drawn and its RGB copy, reused from frame to frame (and across opens at
    // the same size).
    private final TestPatternClock clock;
    private SyntheticVideo clip;
    private VideoFrame frame;
    private byte[] rgb;
    private ByteBuffer rgbView;
    private int frameNumber;
    private long lastFrameNanos;

    /** A test pattern at {@value #DEFAULT_FPS} frames per second. */
    public TestPatternDevice() {
        this(DEFAULT_FPS);
    }

    /** A test pattern at {@code framesPerSecond} (1 to 120). */
    public TestPatternDevice(int framesPerSecond) {
        if (framesPerSecond < 1 || framesPerSecond > MAX_FPS) {
            throw new IllegalArgumentException("frame rate must be 1.." + MAX_FPS + ", was " + framesPerSecond);
        }
        this.framesPerSecond = framesPerSecond;
        this.clock = new TestPatternClock(framesPerSecond);
    }

    /** The nominal frame rate. */
    public int frameRate() {
        return framesPerSecond;
    }

    /** Whether {@link #dispose()} was called (the device cannot open again). */
    public boolean isDisposed() {
        return disposed.get();
    }

    @Override
    public String getName() {
        return NAME;
    }

    /** 320x240, 640x480 and 1280x720 (fresh objects: {@link Dimension} is mutable). */
    @Override
    public Dimension[] getResolutions() {
        Dimension[] all = new Dimension[SIZES.length];
        for (int i = 0; i < SIZES.length; i++) {
            all[i] = new Dimension(SIZES[i][0], SIZES[i][1]);
        }
        return all;
    }

    @Override
    public Dimension getResolution() {
        return new Dimension(width, height);
    }

    /**
     * @throws IllegalArgumentException for a size not in {@link #getResolutions()}
     * @throws IllegalStateException    while open
     */
    @Override
    public void setResolution(Dimension size) {
        if (size == null) {
            throw new IllegalArgumentException("size cannot be null");
        }
        if (!offers(size.width, size.height)) {
            throw new IllegalArgumentException("the test pattern offers 320x240, 640x480 and 1280x720, not "
                    + size.width + "x" + size.height);
        }
        synchronized (lock) {
            if (open.get()) {
                throw new IllegalStateException("cannot change the test pattern's size while it is open");
            }
            width = size.width;
            height = size.height;
        }
    }

    private static boolean offers(int w, int h) {
        for (int[] s : SIZES) {
            if (s[0] == w && s[1] == h) {
                return true;
            }
        }
        return false;
    }

    /** @throws WebcamException once disposed */
    @Override
    public void open() {
        synchronized (lock) {
            if (disposed.get()) {
                throw new WebcamException("the test pattern has been disposed and cannot open again");
            }
            if (open.get()) {
                return;
            }
            if (clip == null || clip.width() != width || clip.height() != height) {
                clip = SyntheticVideo.of(SyntheticVideo.Kind.SHAPES, width, height, SEED);
                frame = clip.newFrame();
                rgb = new byte[width * height * 3];
                rgbView = ByteBuffer.wrap(rgb);
            }
            clock.restart();
            lastFrameNanos = 0;
            measuredFps = 0;
            open.set(true);
        }
    }

    @Override
    public void close() {
        open.set(false);
    }

    @Override
    public void dispose() {
        disposed.set(true);
        close();
    }

    @Override
    public boolean isOpen() {
        return open.get();
    }

    /** Frames delivered per second, measured (the nominal rate until frames flow). */
    @Override
    public double getFPS() {
        double fps = measuredFps;
        return fps > 0 ? fps : framesPerSecond;
    }

    /**
     * Waits for the next frame and returns it as a new {@code TYPE_3BYTE_BGR} image, or {@code null} when the device
     * is closed (or the calling thread is interrupted).
     */
    @Override
    public BufferedImage getImage() {
        synchronized (lock) {
            if (!nextFrame()) {
                return null;
            }
            BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_3BYTE_BGR);
            byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            ColorConversion.i420ToBgr24(frame, pixels, 0, frame.width() * 3);
            return image;
        }
    }

    /**
     * Waits for the next frame and returns the device's own buffer of it (R, G, B; position 0, limit width * height
     * * 3), overwritten by the next grab; {@code null} when closed.
     */
    @Override
    public ByteBuffer getImageBytes() {
        synchronized (lock) {
            if (!nextFrame()) {
                return null;
            }
            ColorConversion.i420ToRgb24(frame, rgb, 0, frame.width() * 3);
            rgbView.clear();
            return rgbView;
        }
    }

    /**
     * Waits for the next frame and copies it (R, G, B) to {@code target} from its position on, leaving position and
     * limit as they were; copies nothing when closed.
     *
     * @throws IllegalArgumentException when fewer than width * height * 3 bytes remain
     */
    @Override
    public void getImageBytes(ByteBuffer target) {
        synchronized (lock) {
            // Checked before waiting, under the lock: the size cannot change meanwhile.
            int needed = width * height * 3;
            if (target.remaining() < needed) {
                throw new IllegalArgumentException("the target has " + target.remaining() + " bytes left, a "
                        + width + "x" + height + " frame needs " + needed);
            }
            if (!nextFrame()) {
                return;
            }
            ColorConversion.i420ToRgb24(frame, rgb, 0, frame.width() * 3);
            target.put(target.position(), rgb, 0, rgb.length);
        }
    }

    /** Under the lock: waits for the next tick and draws it, stamps included, into {@link #frame}. */
    private boolean nextFrame() {
        if (!clock.awaitNextTick(open)) {
            return false;
        }
        int number = frameNumber;
        frameNumber = (number + 1) & (TestPatternStamp.MODULUS - 1);
        clip.render(number, frame);
        FrameStamp.write(frame, number, 0);
        FrameStamp.write(frame, TestPatternStamp.captureStamp(System.currentTimeMillis()), 1);
        measure(System.nanoTime());
        return true;
    }

    private void measure(long now) {
        if (lastFrameNanos != 0) {
            double instant = 1e9 / Math.max(1, now - lastFrameNanos);
            double fps = measuredFps;
            measuredFps = fps == 0 ? instant : fps + (instant - fps) / 8;
        }
        lastFrameNanos = now;
    }

    @Override
    public String toString() {
        return "TestPatternDevice[" + width + "x" + height + "@" + framesPerSecond + (open.get() ? ", open]" : "]");
    }
}
