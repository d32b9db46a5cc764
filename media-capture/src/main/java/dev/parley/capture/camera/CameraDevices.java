package dev.parley.capture.camera;

import com.github.sarxos.webcam.Webcam;
import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamDiscoveryService;
import dev.parley.capture.DeviceInfo;
import dev.parley.capture.DeviceKind;
import dev.parley.capture.DeviceProvider;
import dev.parley.capture.synthetic.TestPatternDevice;
import java.awt.Dimension;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * The cameras sarxos sees, as {@link DeviceInfo}s: hardware cameras with their sarxos name as id and name, and, when
 * asked for, the test pattern ({@link TestPatternDevice#INFO}). It installs {@link ParleyWebcamDriver} on first use.
 *
 * <p>The first listing runs sarxos's discovery, later ones ask sarxos's discovery service to scan again (so cameras
 * plugged in or out show up at the next poll; sarxos disposes the webcam of a camera that left). Listing takes at most
 * a few seconds (sarxos's own timeout, {@value #DISCOVERY_TIMEOUT_MILLIS} ms, over Parley's driver, which gives up on a
 * stuck native driver after {@value ParleyWebcamDriver#NATIVE_WAIT_MILLIS} ms) and never throws: no camera, no
 * libv4l or a failing driver give an empty list (or the test pattern alone).
 *
 * <p>Threads: any thread; listings are serialised.
 */
public final class CameraDevices implements DeviceProvider {

    static final long DISCOVERY_TIMEOUT_MILLIS = 3000;

    private static final Object DISCOVERY_LOCK = new Object();
    /** The discovery service the last listing completed on (guarded by DISCOVERY_LOCK); each driver has its own. */
    private static WebcamDiscoveryService discovered;

    private final boolean includeTestPattern;

    /** @param includeTestPattern whether {@link #devices()} lists the test pattern after the hardware cameras */
    public CameraDevices(boolean includeTestPattern) {
        this.includeTestPattern = includeTestPattern;
    }

    /** Hardware cameras, then the test pattern. */
    public static CameraDevices withTestPattern() {
        return new CameraDevices(true);
    }

    /** Hardware cameras only. */
    public static CameraDevices hardwareOnly() {
        return new CameraDevices(false);
    }

    public boolean includesTestPattern() {
        return includeTestPattern;
    }

    @Override
    public List<DeviceInfo> devices() {
        List<DeviceInfo> all = new ArrayList<>();
        for (Webcam webcam : webcams()) {
            DeviceInfo info = infoOf(webcam);
            if (includeTestPattern || !info.synthetic()) {
                all.add(info);
            }
        }
        return List.copyOf(all);
    }

    /**
     * The formats {@code device} offers, smallest first: each size sarxos lists for it at its frame rate (the test
     * pattern's own; 30 for hardware, whose rate sarxos does not report). Empty when the device is not present.
     */
    public List<CameraFormat> formats(DeviceInfo device) {
        Webcam webcam = find(device);
        return webcam == null ? List.of() : formatsOf(webcam);
    }

    /** How Parley names a sarxos webcam. */
    static DeviceInfo infoOf(Webcam webcam) {
        if (webcam.getDevice() instanceof TestPatternDevice) {
            return TestPatternDevice.INFO;
        }
        return DeviceInfo.of(DeviceKind.CAMERA, webcam.getName(), webcam.getName());
    }

    static List<CameraFormat> formatsOf(Webcam webcam) {
        WebcamDevice device = webcam.getDevice();
        int fps = device instanceof TestPatternDevice t ? t.frameRate() : CameraFormat.DEFAULT.fps();
        List<CameraFormat> formats = new ArrayList<>();
        try {
            add(formats, webcam.getViewSizes(), fps);
            add(formats, webcam.getCustomViewSizes(), fps);
        } catch (RuntimeException e) {
            // A driver that cannot tell its sizes offers none; opening then tries the size asked for.
        }
        formats.sort(Comparator.comparingLong(f -> (long) f.width() * f.height()));
        return List.copyOf(formats);
    }

    private static void add(List<CameraFormat> formats, Dimension[] sizes, int fps) {
        if (sizes == null) {
            return;
        }
        for (Dimension d : sizes) {
            if (d == null || d.width < 2 || d.height < 2 || (d.width & 1) != 0 || (d.height & 1) != 0) {
                continue;
            }
            CameraFormat f = new CameraFormat(d.width, d.height, fps);
            if (!formats.contains(f)) {
                formats.add(f);
            }
        }
    }

    /** The present webcam {@code device} names, or {@code null}. Never throws. */
    static Webcam find(DeviceInfo device) {
        for (Webcam webcam : webcams()) {
            DeviceInfo info = infoOf(webcam);
            if (info.id().equals(device.id()) && info.synthetic() == device.synthetic()) {
                return webcam;
            }
        }
        return null;
    }

    /** sarxos's current webcams, looked for again; empty when discovery fails or times out. Never throws. */
    static List<Webcam> webcams() {
        try {
            ParleyWebcamDriver.install();
            synchronized (DISCOVERY_LOCK) {
                WebcamDiscoveryService service = Webcam.getDiscoveryService();
                if (service == discovered) {
                    // Only once a discovery completed: scan() would otherwise wait for one without a timeout.
                    service.scan();
                }
                List<Webcam> webcams = Webcam.getWebcams(DISCOVERY_TIMEOUT_MILLIS);
                discovered = service;
                return webcams;
            }
        } catch (TimeoutException | RuntimeException | LinkageError e) {
            return List.of();
        }
    }
}
