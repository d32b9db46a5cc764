package dev.parley.capture.synthetic;

import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamDriver;
import java.util.List;

/**
 * A sarxos {@link WebcamDriver} with one device, the {@link TestPatternDevice} "Test pattern", so the test pattern
 * goes through the real {@code com.github.sarxos.webcam.Webcam} API (discovery, view sizes, open, grab, lock, close)
 * with no native code: {@code Webcam.setDriver(new TestPatternDriver())}, or as part of Parley's composite driver.
 *
 * <p>The driver keeps its device from one listing to the next (sarxos tells devices apart by name); when sarxos has
 * disposed it (a driver change disposes every listed webcam), the next listing brings a fresh one. Thread-safe: the
 * device serialises its own grabs, so sarxos need not funnel its calls through its processor thread.
 */
public final class TestPatternDriver implements WebcamDriver {

    private final int framesPerSecond;
    private TestPatternDevice device;

    /** A test pattern at {@value TestPatternDevice#DEFAULT_FPS} frames per second. */
    public TestPatternDriver() {
        this(TestPatternDevice.DEFAULT_FPS);
    }

    /** A test pattern at {@code framesPerSecond} (1 to 120). */
    public TestPatternDriver(int framesPerSecond) {
        this.framesPerSecond = framesPerSecond;
        this.device = new TestPatternDevice(framesPerSecond);
    }

    /** The current device (the one the next listing returns). */
    public synchronized TestPatternDevice device() {
        if (device.isDisposed()) {
            device = new TestPatternDevice(framesPerSecond);
        }
        return device;
    }

    @Override
    public List<WebcamDevice> getDevices() {
        return List.of(device());
    }

    @Override
    public boolean isThreadSafe() {
        return true;
    }

    @Override
    public String toString() {
        return "TestPatternDriver[" + framesPerSecond + " fps]";
    }
}
