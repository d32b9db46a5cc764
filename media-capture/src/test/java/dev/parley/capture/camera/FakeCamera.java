package dev.parley.capture.camera;

import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamDriver;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scriptable sarxos device for failure tests: a solid colour at 320x240 or 640x480, which can refuse to open, start
 * failing (throwing or giving nothing) after some frames, or block in a grab until released.
 */
class FakeCamera implements WebcamDevice {

    /** What grabs do once {@link #failAfter} frames have been given. */
    enum Failure { THROW, NULL, BLOCK }

    final String name;
    volatile RuntimeException openError;
    volatile int failAfter = Integer.MAX_VALUE;
    volatile Failure failure = Failure.THROW;
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger grabs = new AtomicInteger();
    volatile Color colour = new Color(200, 40, 40);
    volatile String openedOn;
    volatile String grabbedOn;
    private volatile Dimension size = new Dimension(320, 240);
    private volatile boolean open;

    FakeCamera(String name) {
        this.name = name;
    }

    /** A sarxos driver that lists the given devices; thread-safe, so grabs run on the caller's thread. */
    static WebcamDriver driver(WebcamDevice... devices) {
        return driver(true, Arrays.asList(devices));
    }

    /** A sarxos driver listing whatever {@code devices} holds at the time (a list the test may change). */
    static WebcamDriver driver(boolean threadSafe, List<WebcamDevice> devices) {
        return new WebcamDriver() {
            @Override
            public List<WebcamDevice> getDevices() {
                return List.copyOf(devices);
            }

            @Override
            public boolean isThreadSafe() {
                return threadSafe;
            }
        };
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Dimension[] getResolutions() {
        return new Dimension[] {new Dimension(320, 240), new Dimension(640, 480)};
    }

    @Override
    public Dimension getResolution() {
        return size;
    }

    @Override
    public void setResolution(Dimension size) {
        this.size = size;
    }

    @Override
    public BufferedImage getImage() {
        if (!nextGrabSucceeds()) {
            return null;
        }
        BufferedImage image = new BufferedImage(size.width, size.height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, size.width, size.height);
        g.dispose();
        return image;
    }

    /** Counts the grab and plays the scripted failure; {@code true} when a picture should be given. */
    boolean nextGrabSucceeds() {
        grabbedOn = Thread.currentThread().getName();
        if (grabs.incrementAndGet() <= failAfter) {
            return true;
        }
        switch (failure) {
            case THROW -> throw new IllegalStateException("VIDIOC_DQBUF: No such device (ENODEV)");
            case BLOCK -> {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    /** The largest size the camera really delivers: asked for more, it settles on this when opened. */
    volatile Dimension largest = new Dimension(1920, 1080);

    @Override
    public void open() {
        RuntimeException e = openError;
        if (e != null) {
            throw e;
        }
        if (size.width > largest.width || size.height > largest.height) {
            size = largest;
        }
        openedOn = Thread.currentThread().getName();
        open = true;
    }

    @Override
    public void close() {
        open = false;
    }

    @Override
    public void dispose() {
        close();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /** The same camera with buffer access (R, G, B bytes copied to the target's position, as sarxos's native one). */
    static final class Buffered extends FakeCamera implements WebcamDevice.BufferAccess {

        Buffered(String name) {
            super(name);
        }

        @Override
        public ByteBuffer getImageBytes() {
            ByteBuffer b = ByteBuffer.allocate(getResolution().width * getResolution().height * 3);
            getImageBytes(b);
            return b;
        }

        @Override
        public void getImageBytes(ByteBuffer target) {
            if (!nextGrabSucceeds()) {
                return;
            }
            int pixels = getResolution().width * getResolution().height;
            ByteBuffer view = target.duplicate();
            Color c = colour;
            for (int i = 0; i < pixels; i++) {
                view.put((byte) c.getRed()).put((byte) c.getGreen()).put((byte) c.getBlue());
            }
        }
    }
}
