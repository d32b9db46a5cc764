package dev.parley.capture.camera;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.sarxos.webcam.Webcam;
import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamDriver;
import com.github.sarxos.webcam.WebcamException;
import dev.parley.capture.DeviceInfo;
import dev.parley.capture.DeviceKind;
import dev.parley.capture.OpenResult;
import dev.parley.capture.synthetic.TestPatternDevice;
import dev.parley.capture.synthetic.TestPatternDriver;
import java.io.File;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CameraDevicesTest {

    @BeforeEach
    void installParleyFirst() {
        ParleyWebcamDriver.install();
    }

    @AfterEach
    void restore() {
        Webcam.setDriver(new ParleyWebcamDriver());
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    @Test
    void theRealNativeDriverOnThisMachineListsQuicklyAndNeverThrows() {
        // A fresh driver: its first listing runs sarxos's native discovery (BridJ, libv4l) from scratch.
        Webcam.setDriver(new ParleyWebcamDriver());

        long start = System.nanoTime();
        List<DeviceInfo> hardware = CameraDevices.hardwareOnly().devices();
        long firstMillis = millisSince(start);
        start = System.nanoTime();
        List<DeviceInfo> all = CameraDevices.withTestPattern().devices();
        long secondMillis = millisSince(start);

        assertThat(firstMillis).isLessThan(5000);
        assertThat(secondMillis).isLessThan(2000);
        assertThat(hardware).allMatch(d -> !d.synthetic() && d.kind() == DeviceKind.CAMERA);
        File[] videoNodes = new File("/dev").listFiles((dir, name) -> name.startsWith("video"));
        if (videoNodes == null || videoNodes.length == 0) {
            // CI and this machine have no camera: no hardware camera may be made up.
            assertThat(hardware).isEmpty();
        }
        assertThat(all).endsWith(TestPatternDevice.INFO).containsAll(hardware).hasSize(hardware.size() + 1);
    }

    @Test
    void theTestPatternOffersItsThreeSizesAtItsRate() {
        CameraDevices cameras = CameraDevices.withTestPattern();

        assertThat(cameras.formats(TestPatternDevice.INFO)).containsExactly(new CameraFormat(320, 240, 30),
                new CameraFormat(640, 480, 30), new CameraFormat(1280, 720, 30));
        assertThat(cameras.formats(DeviceInfo.of(DeviceKind.CAMERA, "Gone Cam", "Gone Cam"))).isEmpty();
    }

    @Test
    void aNativeDriverThatCannotLoadOrThrowsNeverHidesTheTestPattern() {
        ParleyWebcamDriver unloadable = new ParleyWebcamDriver(() -> {
            throw new UnsatisfiedLinkError("libOpenIMAJGrabber.so: libv4l2.so.0: cannot open shared object file");
        }, new TestPatternDriver(), 300);
        ParleyWebcamDriver failing = new ParleyWebcamDriver(() -> new WebcamDriver() {
            @Override
            public List<WebcamDevice> getDevices() {
                throw new WebcamException("Cannot execute task", new IllegalStateException("grabber broke"));
            }

            @Override
            public boolean isThreadSafe() {
                return false;
            }
        }, new TestPatternDriver(), 300);

        assertThat(unloadable.getDevices()).singleElement().isInstanceOf(TestPatternDevice.class);
        assertThat(failing.getDevices()).singleElement().isInstanceOf(TestPatternDevice.class);

        Webcam.setDriver(failing);
        assertThat(CameraDevices.withTestPattern().devices()).containsExactly(TestPatternDevice.INFO);
        assertThat(CameraDevices.hardwareOnly().devices()).isEmpty();
    }

    @Test
    void aStuckNativeDriverIsWaitedForBrieflyAndNotCalledAgainWhileStuck() {
        CountDownLatch unstick = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        FakeCamera usb = new FakeCamera.Buffered("USB Cam /dev/video0");
        WebcamDriver stuck = new WebcamDriver() {
            @Override
            public List<WebcamDevice> getDevices() {
                calls.incrementAndGet();
                try {
                    unstick.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return List.of(usb);
            }

            @Override
            public boolean isThreadSafe() {
                return false;
            }
        };
        ParleyWebcamDriver driver = new ParleyWebcamDriver(() -> stuck, new TestPatternDriver(), 300);
        try {
            long start = System.nanoTime();
            List<WebcamDevice> first = driver.getDevices();
            List<WebcamDevice> second = driver.getDevices();

            assertThat(millisSince(start)).isLessThan(1500);
            assertThat(first).singleElement().isInstanceOf(TestPatternDevice.class);
            assertThat(second).singleElement().isInstanceOf(TestPatternDevice.class);
            assertThat(calls).hasValue(1);
        } finally {
            unstick.countDown();
        }

        List<WebcamDevice> after = driver.getDevices();

        assertThat(after).hasSize(2);
        assertThat(calls).hasValue(1);
        // Not thread-safe natively: wrapped so its calls go through sarxos's processor thread.
        assertThat(after.get(0)).isInstanceOf(SerializedDevice.class);
        assertThat(((SerializedDevice) after.get(0)).delegate()).isSameAs(usb);
        assertThat(after.get(0)).isInstanceOf(WebcamDevice.BufferAccess.class);
        assertThat(after.get(1)).isInstanceOf(TestPatternDevice.class);
    }

    @Test
    void whileTheNativeDriverIsStuckItsLastCamerasStayListed() {
        FakeCamera usb = new FakeCamera.Buffered("USB Cam /dev/video0");
        CountDownLatch unstick = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        WebcamDriver sometimesStuck = new WebcamDriver() {
            @Override
            public List<WebcamDevice> getDevices() {
                if (calls.incrementAndGet() > 1) {
                    try {
                        unstick.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return List.of(usb);
            }

            @Override
            public boolean isThreadSafe() {
                return true;
            }
        };
        ParleyWebcamDriver driver = new ParleyWebcamDriver(() -> sometimesStuck, new TestPatternDriver(), 200);
        try {
            assertThat(driver.getDevices()).hasSize(2).first().isSameAs(usb);

            // Stuck now: the camera is not taken for unplugged (sarxos would dispose its webcam).
            assertThat(driver.getDevices()).hasSize(2).first().isSameAs(usb);
        } finally {
            unstick.countDown();
        }
    }

    @Test
    void aNativeCameraIsDrivenOnSarxosProcessorThreadAndTheTestPatternOnTheCaptureThread() throws Exception {
        FakeCamera usb = new FakeCamera.Buffered("USB Cam /dev/video1");
        TestPatternDriver testPattern = new TestPatternDriver();
        Webcam.setDriver(new ParleyWebcamDriver(() -> FakeCamera.driver(false, List.of(usb)), testPattern, 1000));
        DeviceInfo info = DeviceInfo.of(DeviceKind.CAMERA, usb.name, usb.name);
        assertThat(CameraDevices.withTestPattern().devices()).containsExactly(info, TestPatternDevice.INFO);

        CameraCapture native1 = CameraCapture.open(info, CameraFormat.DEFAULT).deviceOrNull();
        CameraCapture synthetic = CameraCapture.open(TestPatternDevice.INFO, CameraFormat.DEFAULT).deviceOrNull();
        try {
            long deadline = System.nanoTime() + 2_000_000_000L;
            while ((native1.framesCaptured() < 3 || synthetic.framesCaptured() < 3) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(native1.framesCaptured()).isGreaterThanOrEqualTo(3);
            assertThat(synthetic.framesCaptured()).isGreaterThanOrEqualTo(3);
            assertThat(usb.openedOn).startsWith("atomic-processor");
            assertThat(usb.grabbedOn).startsWith("atomic-processor");
        } finally {
            native1.close();
            synthetic.close();
        }
        assertThat(usb.isOpen()).isFalse();
    }

    @Test
    void camerasPluggedInOrOutShowUpAtTheNextListing() throws Exception {
        FakeCamera a = new FakeCamera.Buffered("Cam A /dev/video0");
        FakeCamera b = new FakeCamera.Buffered("Cam B /dev/video2");
        List<WebcamDevice> present = new CopyOnWriteArrayList<>(List.of(a));
        Webcam.setDriver(FakeCamera.driver(true, present));
        CameraDevices cameras = CameraDevices.hardwareOnly();
        DeviceInfo infoA = DeviceInfo.of(DeviceKind.CAMERA, a.name, a.name);
        DeviceInfo infoB = DeviceInfo.of(DeviceKind.CAMERA, b.name, b.name);
        assertThat(cameras.devices()).containsExactly(infoA);
        CameraCapture capture = CameraCapture.open(infoA, CameraFormat.DEFAULT).deviceOrNull();

        present.add(b);
        assertThat(cameras.devices()).containsExactly(infoA, infoB);
        present.remove(a);
        assertThat(cameras.devices()).containsExactly(infoB);

        // sarxos disposed the webcam of the camera that left: its capture notices and reports it lost.
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (capture.failure() == null && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(capture.failure()).isNotNull();
        assertThat(CameraCapture.open(infoA, CameraFormat.DEFAULT)).isInstanceOf(OpenResult.Failed.class);
        capture.close();
    }
}
