package dev.parley.capture.camera;

import com.github.sarxos.webcam.Webcam;
import com.github.sarxos.webcam.WebcamDevice;
import dev.parley.capture.DeviceInfo;
import dev.parley.capture.VideoCaptureDevice;
import dev.parley.capture.DeviceProblem;
import dev.parley.capture.OpenResult;
import dev.parley.rtc.media.ColorConversion;
import dev.parley.rtc.media.VideoFrame;
import dev.parley.rtc.media.VideoSink;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A camera (or the test pattern) captured through sarxos into the engine's I420 frames.
 *
 * <p>{@link #open} opens the sarxos webcam at the offered size closest to the one asked for and starts a capture
 * thread. That thread grabs at a steady cadence, the rate asked for (each grab is due one period after the previous
 * one was due; it waits for the camera, so never faster than the camera delivers), with
 * {@code Webcam.getImageBytes(ByteBuffer)} into a reused buffer ({@code getImage()} for a device without buffer
 * access), converts into one reused {@link VideoFrame} and lends it to the sink with the {@link System#nanoTime()} of
 * the grab. Nothing is allocated per frame on Parley's side but the timestamped view of the frame. After
 * {@value #MAX_FAILED_GRABS} failed grabs in a row (the driver threw or gave no image, the camera was disposed)
 * {@link #failure()} turns into {@link DeviceProblem.Kind#DEVICE_LOST} and the thread ends.
 *
 * <p>Threads: {@link #open} and {@link #close} on any thread (both bounded); the webcam is opened, read and closed on
 * the capture thread "parley-camera-capture[name]", which calls the sink; {@link #setSink} and the getters from any
 * thread. No sarxos call is ever interrupted: an interrupt in the middle of one wedges sarxos's processor thread.
 */
public final class CameraCapture implements VideoCaptureDevice {

    static final long OPEN_TIMEOUT_MILLIS = 5000;
    static final long CLOSE_WAIT_MILLIS = 900;
    static final long CLOSER_WAIT_MILLIS = 200;
    static final int MAX_FAILED_GRABS = 5;

    /** Written into the last bytes of the grab buffer before each grab: still there after it means no image came. */
    private static final byte[] SENTINEL = {0x13, (byte) 0xF7, 0x5C, (byte) 0xA1, 0x3E, (byte) 0xD9, 0x02, (byte) 0x8B};

    private static final int OPENING = 0;
    private static final int RUNNING = 1;
    private static final int ABANDONED = 2;

    /** Webcams some capture of this process holds, so a second open of the same camera reports it busy. */
    private static final Set<Webcam> IN_USE = ConcurrentHashMap.newKeySet();

    private final DeviceInfo device;
    private final Webcam webcam;
    private final int framesPerSecond;
    private final Thread thread;
    private final CountDownLatch openDone = new CountDownLatch(1);
    private final AtomicInteger state = new AtomicInteger(OPENING);
    private final AtomicBoolean closeRequested = new AtomicBoolean();
    private final AtomicBoolean webcamClosed = new AtomicBoolean();

    private volatile boolean running = true;
    private volatile DeviceProblem openProblem;
    private volatile CameraFormat format;
    private volatile VideoSink sink;
    private volatile long lastActivityNanos;
    private volatile DeviceProblem failure;
    private volatile long frames;
    private volatile double measuredFps;

    // Capture thread only.
    private byte[] rgb;
    private ByteBuffer rgbBuffer;
    private int rgbStride;
    private VideoFrame frame;
    private boolean bufferAccess;
    private ImageToI420 images;
    private long lastFrameNanos;

    private CameraCapture(DeviceInfo device, Webcam webcam, CameraFormat chosen) {
        this.device = device;
        this.webcam = webcam;
        this.framesPerSecond = chosen.fps();
        this.format = chosen;
        this.lastActivityNanos = System.nanoTime();
        this.thread = new Thread(this::run, "parley-camera-capture[" + device.name() + "]");
        thread.setDaemon(true);
    }

    /**
     * Opens {@code device} at the offered size closest to {@code wanted} (see {@link CameraFormat#closestIn}) and
     * starts capturing at {@code wanted.fps()}. Waits at most {@value #OPEN_TIMEOUT_MILLIS} ms for the driver; never
     * throws for the device's own failures: no such camera, busy (also when Parley itself has it open), permission
     * denied, size refused or any other driver failure come back as {@link OpenResult.Failed}.
     */
    public static OpenResult<CameraCapture> open(DeviceInfo device, CameraFormat wanted) {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(wanted, "wanted");
        Webcam webcam = CameraDevices.find(device);
        if (webcam == null) {
            return OpenResult.failed(DeviceProblem.noCamera());
        }
        if (!IN_USE.add(webcam)) {
            return OpenResult.failed(DeviceProblem.cameraBusy(device, "Parley already captures from it"));
        }
        boolean handedOver = false;
        try {
            if (webcam.isOpen()) {
                return OpenResult.failed(DeviceProblem.cameraBusy(device, "the webcam is open in this program"));
            }
            CameraFormat chosen = wanted.closestIn(CameraDevices.formatsOf(webcam));
            try {
                if (!device.synthetic() && pixels(wanted) > pixels(chosen)) {
                    // sarxos's native driver lists at most 640x480 but hands any size to the camera, which delivers
                    // the nearest it has (prepareBuffers adopts it): so 1280x720 is asked for, and had where available.
                    webcam.setCustomViewSizes(new Dimension(wanted.width(), wanted.height()));
                    chosen = wanted;
                }
                webcam.setViewSize(new Dimension(chosen.width(), chosen.height()));
            } catch (IllegalStateException e) {
                return OpenResult.failed(DeviceProblem.cameraBusy(device, CameraErrors.describe(e)));
            } catch (IllegalArgumentException e) {
                return OpenResult.failed(DeviceProblem.formatUnsupported(device, CameraErrors.describe(e)));
            }
            if (device.synthetic()) {
                // sarxos's lock is a file per camera name in the temp directory, meant to keep two programs off one
                // camera; a synthetic camera can serve every Parley on the machine at once.
                webcam.getLock().disable();
            }
            CameraCapture capture = new CameraCapture(device, webcam, chosen);
            capture.thread.start();
            // From here the capture thread frees the webcam when it closes it.
            handedOver = true;
            return capture.awaitOpen();
        } catch (RuntimeException | Error e) {
            return OpenResult.failed(CameraErrors.classify(device, e));
        } finally {
            if (!handedOver) {
                IN_USE.remove(webcam);
            }
        }
    }

    private static long pixels(CameraFormat f) {
        return (long) f.width() * f.height();
    }

    private OpenResult<CameraCapture> awaitOpen() {
        boolean answered;
        try {
            answered = openDone.await(OPEN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answered = false;
        }
        if (!answered && state.compareAndSet(OPENING, ABANDONED)) {
            // The capture thread closes the webcam should the driver's open ever return.
            running = false;
            return OpenResult.failed(DeviceProblem.failed(device,
                    "the camera driver did not answer within " + OPEN_TIMEOUT_MILLIS + " ms"));
        }
        DeviceProblem problem = openProblem;
        return problem == null ? OpenResult.opened(this) : OpenResult.failed(problem);
    }

    // ---- capture thread ----

    private void run() {
        DeviceProblem problem = null;
        try {
            if (openWebcam()) {
                problem = capture();
            }
        } catch (Throwable t) {
            // Never let a driver's failure escape the device thread: it becomes the device's failure.
            problem = DeviceProblem.lost(device, CameraErrors.describe(t));
        } finally {
            closeWebcam();
        }
        // Published once the webcam is closed, so whoever reacts to it may open the camera again at once.
        if (problem != null && running) {
            failure = problem;
        }
    }

    /**
     * Opens the webcam and prepares the buffers for its actual size, then reports to {@link #awaitOpen}; a failed
     * open is reported after the webcam is closed again (sarxos leaves a webcam whose open threw half-open).
     */
    private boolean openWebcam() {
        DeviceProblem problem = null;
        try {
            if (webcam.open()) {
                problem = prepareBuffers();
            } else {
                problem = DeviceProblem.failed(device, "sarxos did not open the webcam (interrupted or shutting down)");
            }
        } catch (Throwable t) {
            problem = CameraErrors.classify(device, t);
        }
        if (problem != null) {
            closeWebcam();
            openProblem = problem;
            openDone.countDown();
            return false;
        }
        boolean claimed = state.compareAndSet(OPENING, RUNNING);
        openDone.countDown();
        return claimed;
    }

    private DeviceProblem prepareBuffers() {
        // The native driver may have settled on another size than the one asked for.
        Dimension size = webcam.getViewSize();
        int width = size.width & ~1;
        int height = size.height & ~1;
        if (width < 2 || height < 2) {
            return DeviceProblem.formatUnsupported(device, "the camera delivers " + size.width + "x" + size.height);
        }
        format = new CameraFormat(width, height, framesPerSecond);
        WebcamDevice dev = webcam.getDevice();
        bufferAccess = dev instanceof WebcamDevice.BufferAccess;
        if (bufferAccess) {
            // Exactly one frame: sarxos's native device rejects a target with more room left than a frame.
            rgbStride = size.width * 3;
            rgb = new byte[rgbStride * size.height];
            rgbBuffer = ByteBuffer.wrap(rgb);
        } else {
            images = new ImageToI420();
        }
        frame = VideoFrame.black(width, height, 0);
        return null;
    }

    /** The grab loop; returns why the camera was lost, or {@code null} when asked to stop. */
    private DeviceProblem capture() {
        long period = 1_000_000_000L / framesPerSecond;
        long due = System.nanoTime();
        int failedInRow = 0;
        while (running) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            Throwable error = null;
            boolean grabbed;
            try {
                grabbed = grab();
            } catch (Throwable t) {
                grabbed = false;
                error = t;
            }
            long now = System.nanoTime();
            if (!running) {
                return null;
            }
            if (grabbed) {
                failedInRow = 0;
                deliver(now);
            } else if (++failedInRow >= MAX_FAILED_GRABS) {
                return DeviceProblem.lost(device, MAX_FAILED_GRABS + " grabs in a row failed, the last with "
                        + (error == null ? "no image" : CameraErrors.describe(error)));
            }
            due += period;
            if (now - due > period) {
                // More than a frame behind (a slow driver, a paused VM): start afresh rather than burst.
                due = now;
            }
        }
        return null;
    }

    /** One frame into {@link #frame}; {@code false} when the camera gave none. */
    private boolean grab() {
        if (bufferAccess) {
            rgbBuffer.clear();
            System.arraycopy(SENTINEL, 0, rgb, rgb.length - SENTINEL.length, SENTINEL.length);
            webcam.getImageBytes(rgbBuffer);
            // sarxos returns nothing when the webcam is closed or disposed, and the native device copies without
            // moving the buffer's position: the sentinel tells whether anything arrived.
            if (!webcam.isOpen() || sentinelIntact()) {
                return false;
            }
            ColorConversion.rgb24ToI420(rgb, 0, rgbStride, frame);
            return true;
        }
        BufferedImage image = webcam.getImage();
        return image != null && images.convert(image, frame);
    }

    private boolean sentinelIntact() {
        int at = rgb.length - SENTINEL.length;
        for (int i = 0; i < SENTINEL.length; i++) {
            if (rgb[at + i] != SENTINEL[i]) {
                return false;
            }
        }
        return true;
    }

    private void deliver(long timestampNanos) {
        frames++;
        lastActivityNanos = timestampNanos;
        if (lastFrameNanos != 0) {
            double instant = 1e9 / Math.max(1, timestampNanos - lastFrameNanos);
            double fps = measuredFps;
            measuredFps = fps == 0 ? instant : fps + (instant - fps) / 8;
        }
        lastFrameNanos = timestampNanos;
        VideoSink s = sink;
        if (s != null) {
            try {
                s.onVideoFrame(frame.withTimestamp(timestampNanos));
            } catch (RuntimeException e) {
                // A sink's bug must not stop the camera; the next frame goes out as usual.
            }
        }
    }

    /** Closes the webcam once (capture thread, or the closer when that thread is stuck) and frees it for others. */
    private void closeWebcam() {
        if (!webcamClosed.compareAndSet(false, true)) {
            return;
        }
        try {
            webcam.close();
        } catch (Throwable t) {
            // Closing a failed camera may fail too; there is nothing more to release.
        }
        IN_USE.remove(webcam);
    }

    // ---- any thread ----

    @Override
    public void setSink(VideoSink sink) {
        this.sink = sink;
    }

    @Override
    public DeviceInfo device() {
        return device;
    }

    /** The format being captured: the webcam's actual size (even) at the rate asked for. */
    public CameraFormat format() {
        return format;
    }

    /** Frames delivered so far. */
    public long framesCaptured() {
        return frames;
    }

    /** Frames per second actually delivered, smoothed over the last several frames; 0 before the second frame. */
    public double measuredFps() {
        return measuredFps;
    }

    @Override
    public long lastActivityNanos() {
        return lastActivityNanos;
    }

    @Override
    public DeviceProblem failure() {
        return failure;
    }

    /**
     * Stops capturing and closes the webcam. Waits up to {@value #CLOSE_WAIT_MILLIS} ms for the capture thread; if it
     * is stuck in a driver call, closes the webcam from a helper thread (which may release the call) and waits for
     * that at most {@value #CLOSER_WAIT_MILLIS} ms more, then gives up. Idempotent; from the sink (the capture
     * thread itself) it only asks the thread to stop.
     */
    @Override
    public void close() {
        if (!closeRequested.compareAndSet(false, true)) {
            return;
        }
        running = false;
        if (Thread.currentThread() == thread) {
            return;
        }
        LockSupport.unpark(thread);
        boolean interrupted = false;
        try {
            thread.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (thread.isAlive() && !webcamClosed.get()) {
            Thread closer = new Thread(this::closeWebcam, "parley-camera-close[" + device.name() + "]");
            closer.setDaemon(true);
            closer.start();
            try {
                if (!interrupted) {
                    closer.join(CLOSER_WAIT_MILLIS);
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "CameraCapture[" + device.name() + " " + format + ", " + frames + " frames]";
    }
}
