package dev.parley.capture.camera;

import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamException;
import com.github.sarxos.webcam.WebcamTask;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;

/**
 * A device of a driver that is not thread-safe (sarxos's native one), wrapped so that its driver calls (open, close,
 * dispose, grabs) still run on sarxos's single processor thread, as that driver requires, while Parley's composite
 * driver can call itself thread-safe. That keeps the test pattern off the processor thread: a native call stuck
 * there can no longer stall the test pattern Parley falls back to. Plain getters (name, sizes, state) are fields of
 * the native device and are called directly.
 */
class SerializedDevice implements WebcamDevice, WebcamDevice.FPSSource {

    private static final int OPEN = 0;
    private static final int CLOSE = 1;
    private static final int DISPOSE = 2;
    private static final int IMAGE = 3;
    private static final int BYTES = 4;
    private static final int BYTES_INTO = 5;

    final WebcamDevice delegate;

    SerializedDevice(WebcamDevice delegate) {
        this.delegate = delegate;
    }

    /** The wrapper for {@code device}: one with buffer access when the device has it. */
    static SerializedDevice wrap(WebcamDevice device) {
        return device instanceof BufferAccess ? new WithBufferAccess(device) : new SerializedDevice(device);
    }

    /** The wrapped native device. */
    WebcamDevice delegate() {
        return delegate;
    }

    @Override
    public String getName() {
        return delegate.getName();
    }

    @Override
    public Dimension[] getResolutions() {
        return delegate.getResolutions();
    }

    @Override
    public Dimension getResolution() {
        return delegate.getResolution();
    }

    @Override
    public void setResolution(Dimension size) {
        delegate.setResolution(size);
    }

    @Override
    public boolean isOpen() {
        return delegate.isOpen();
    }

    @Override
    public double getFPS() {
        return delegate instanceof FPSSource f ? f.getFPS() : 0;
    }

    @Override
    public BufferedImage getImage() {
        return new Call(delegate, IMAGE, null).run().image;
    }

    @Override
    public void open() {
        new Call(delegate, OPEN, null).run();
    }

    @Override
    public void close() {
        new Call(delegate, CLOSE, null).run();
    }

    @Override
    public void dispose() {
        new Call(delegate, DISPOSE, null).run();
    }

    @Override
    public String toString() {
        return delegate.toString();
    }

    /** For native devices that expose their frame buffer. */
    static final class WithBufferAccess extends SerializedDevice implements BufferAccess {

        WithBufferAccess(WebcamDevice delegate) {
            super(delegate);
        }

        @Override
        public ByteBuffer getImageBytes() {
            return new Call(delegate, BYTES, null).run().bytes;
        }

        @Override
        public void getImageBytes(ByteBuffer target) {
            new Call(delegate, BYTES_INTO, target).run();
        }
    }

    /** One driver call, handed to sarxos's processor thread ({@code threadSafe = false}) and waited for. */
    private static final class Call extends WebcamTask {

        private final int operation;
        private final ByteBuffer target;
        private BufferedImage image;
        private ByteBuffer bytes;

        Call(WebcamDevice device, int operation, ByteBuffer target) {
            super(false, device);
            this.operation = operation;
            this.target = target;
        }

        /** @throws WebcamException what the driver threw, as the cause */
        Call run() {
            try {
                process();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WebcamException("interrupted while waiting for the camera driver", e);
            }
            return this;
        }

        @Override
        protected void handle() {
            WebcamDevice device = getDevice();
            switch (operation) {
                case OPEN -> device.open();
                case CLOSE -> device.close();
                case DISPOSE -> device.dispose();
                case IMAGE -> image = device.getImage();
                case BYTES -> bytes = ((BufferAccess) device).getImageBytes();
                case BYTES_INTO -> ((BufferAccess) device).getImageBytes(target);
                default -> throw new IllegalStateException("unknown call " + operation);
            }
        }
    }
}
