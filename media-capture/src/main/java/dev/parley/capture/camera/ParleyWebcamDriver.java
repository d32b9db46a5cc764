package dev.parley.capture.camera;

import com.github.sarxos.webcam.Webcam;
import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamDriver;
import com.github.sarxos.webcam.ds.buildin.WebcamDefaultDriver;
import dev.parley.capture.synthetic.TestPatternDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The one sarxos driver Parley installs: the real cameras of sarxos's native default driver, then the
 * {@link TestPatternDriver}'s "Test pattern". The native driver may be absent, broken or stuck (no libv4l, a driver
 * that hangs): its listing runs on a helper thread and is waited for at most {@value #NATIVE_WAIT_MILLIS} ms, and
 * whatever it throws is caught, so it never hides the test pattern. While a native listing is stuck, the native
 * cameras last seen stand in for it and the next listing waits for the same call again rather than start another;
 * after a failure there are no native cameras and the native driver rests for {@value #NATIVE_RETRY_MILLIS} ms.
 *
 * <p>The driver calls itself thread-safe: native devices are wrapped ({@link SerializedDevice}) so their calls still
 * go through sarxos's processor thread, and the test pattern serialises itself.
 *
 * <p>Threads: any thread may list devices; the native listing runs on "parley-camera-native-discovery", a daemon
 * thread that ends when idle.
 */
public final class ParleyWebcamDriver implements WebcamDriver {

    static final long NATIVE_WAIT_MILLIS = 1500;
    static final long NATIVE_RETRY_MILLIS = 10_000;

    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private final Supplier<? extends WebcamDriver> nativeFactory;
    private final TestPatternDriver testPattern;
    private final long nativeWaitMillis;
    private final ThreadPoolExecutor nativeLister;

    // Only touched on the native-discovery thread (one at a time).
    private volatile WebcamDriver nativeDriver;

    // Guarded by this.
    private Future<List<WebcamDevice>> nativeListing;
    private List<WebcamDevice> lastNative = List.of();
    private long nativeRestUntilNanos;
    private boolean resting;

    /** sarxos's native default driver and a 30 fps test pattern. */
    public ParleyWebcamDriver() {
        this(WebcamDefaultDriver::new, new TestPatternDriver(), NATIVE_WAIT_MILLIS);
    }

    /**
     * With another native driver (tests: one that fails or hangs), whose devices are wrapped unless it is
     * thread-safe, and another bound on the wait for its listing.
     */
    ParleyWebcamDriver(Supplier<? extends WebcamDriver> nativeFactory, TestPatternDriver testPattern,
                       long nativeWaitMillis) {
        this.nativeFactory = nativeFactory;
        this.testPattern = testPattern;
        this.nativeWaitMillis = nativeWaitMillis;
        this.nativeLister = new ThreadPoolExecutor(1, 1, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "parley-camera-native-discovery");
            t.setDaemon(true);
            return t;
        });
        nativeLister.allowCoreThreadTimeOut(true);
    }

    /**
     * Makes this driver sarxos's driver, once per JVM; later calls do nothing, so a driver a test sets afterwards
     * stays. Parley's camera code calls it before it touches sarxos.
     */
    public static void install() {
        if (INSTALLED.compareAndSet(false, true)) {
            Webcam.setDriver(new ParleyWebcamDriver());
        }
    }

    /** The test-pattern half. */
    public TestPatternDriver testPattern() {
        return testPattern;
    }

    /** Native cameras first, then the test pattern. Never throws; waits at most {@value #NATIVE_WAIT_MILLIS} ms. */
    @Override
    public List<WebcamDevice> getDevices() {
        List<WebcamDevice> all = new ArrayList<>(nativeDevices());
        try {
            all.addAll(testPattern.getDevices());
        } catch (RuntimeException e) {
            // Cannot happen with our own driver; a listing must not fail for it anyway.
        }
        return all;
    }

    private synchronized List<WebcamDevice> nativeDevices() {
        if (resting && System.nanoTime() - nativeRestUntilNanos < 0) {
            return List.of();
        }
        resting = false;
        if (nativeListing == null) {
            nativeListing = nativeLister.submit(this::listNative);
        }
        try {
            lastNative = nativeListing.get(nativeWaitMillis, TimeUnit.MILLISECONDS);
            nativeListing = null;
        } catch (TimeoutException e) {
            // Still stuck: the next listing waits for this same call again. Meanwhile the cameras last seen are
            // taken as still there: "stuck" is not "unplugged", and sarxos would dispose the webcams of cameras that
            // left through the very processor thread that is stuck.
        } catch (ExecutionException e) {
            nativeListing = null;
            lastNative = List.of();
            resting = true;
            nativeRestUntilNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(NATIVE_RETRY_MILLIS);
        } catch (InterruptedException e) {
            // sarxos interrupts its discovery thread when its own timeout runs out.
            Thread.currentThread().interrupt();
        }
        return lastNative;
    }

    /** On the native-discovery thread. */
    private List<WebcamDevice> listNative() {
        if (nativeDriver == null) {
            nativeDriver = nativeFactory.get();
        }
        WebcamDriver driver = nativeDriver;
        List<WebcamDevice> wrapped = new ArrayList<>();
        for (WebcamDevice device : driver.getDevices()) {
            wrapped.add(driver.isThreadSafe() ? device : SerializedDevice.wrap(device));
        }
        return wrapped;
    }

    @Override
    public boolean isThreadSafe() {
        return true;
    }

    @Override
    public String toString() {
        return "ParleyWebcamDriver[native + test pattern]";
    }
}
