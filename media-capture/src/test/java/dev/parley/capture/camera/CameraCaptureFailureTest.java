package dev.parley.capture.camera;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.sarxos.webcam.Webcam;
import com.github.sarxos.webcam.WebcamDevice;
import dev.parley.capture.DeviceInfo;
import dev.parley.capture.DeviceKind;
import dev.parley.capture.DeviceProblem;
import dev.parley.capture.OpenResult;
import dev.parley.rtc.media.VideoFrame;
import java.awt.Dimension;
import java.io.DataOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cameras that refuse, break or hang: typed problems, ended threads, bounded close, sarxos left clean. */
class CameraCaptureFailureTest {

    private final List<CameraCapture> captures = new ArrayList<>();
    private final List<FakeCamera> cameras = new ArrayList<>();
    private final List<File> foreignLocks = new ArrayList<>();

    @BeforeEach
    void installParleyFirst() {
        // Parley's driver goes in once per JVM; installing it now keeps it from replacing the fakes below.
        ParleyWebcamDriver.install();
    }

    @AfterEach
    void restore() {
        captures.forEach(CameraCapture::close);
        cameras.forEach(c -> c.release.countDown());
        foreignLocks.forEach(File::delete);
        Webcam.setDriver(new ParleyWebcamDriver());
    }

    private <T extends FakeCamera> T use(T camera) {
        cameras.add(camera);
        Webcam.setDriver(FakeCamera.driver(camera));
        return camera;
    }

    private static DeviceInfo info(FakeCamera camera) {
        return DeviceInfo.of(DeviceKind.CAMERA, camera.name, camera.name);
    }

    private static Webcam webcamOf(FakeCamera camera) throws Exception {
        for (Webcam w : Webcam.getWebcams(1000)) {
            if (w.getDevice() == camera) {
                return w;
            }
        }
        throw new AssertionError("no webcam for " + camera.name);
    }

    private CameraCapture opened(FakeCamera camera) {
        OpenResult<CameraCapture> result = CameraCapture.open(info(camera), CameraFormat.DEFAULT);
        assertThat(result.problemOrNull()).isNull();
        captures.add(result.deviceOrNull());
        return result.deviceOrNull();
    }

    private DeviceProblem failedToOpen(FakeCamera camera) {
        OpenResult<CameraCapture> result = CameraCapture.open(info(camera), CameraFormat.DEFAULT);
        assertThat(result).isInstanceOf(OpenResult.Failed.class);
        return result.problemOrNull();
    }

    private static void awaitNoThread(String name, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (threadAlive(name) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(threadAlive(name)).as("thread " + name + " alive").isFalse();
    }

    private static boolean threadAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.isAlive() && t.getName().equals(name));
    }

    private static void awaitFailure(CameraCapture capture, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (capture.failure() == null && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    /** Y of a solid (200, 40, 40) picture in BT.601 limited range. */
    private static final int RED_LUMA = 16 + (int) Math.round(0.256788 * 200 + 0.504129 * 40 + 0.097906 * 40);

    @Test
    void aCameraBusyAtOpenIsReportedBusyAndLeavesNothingBehind() throws Exception {
        FakeCamera camera = use(new FakeCamera.Buffered("Busy Cam /dev/video3"));
        camera.openError = new IllegalStateException("Cannot open '/dev/video3': 16, Device or resource busy");

        DeviceProblem problem = failedToOpen(camera);

        assertThat(problem.kind()).isEqualTo(DeviceProblem.Kind.CAMERA_BUSY);
        assertThat(problem.device()).isEqualTo(info(camera));
        assertThat(problem.detail()).contains("Device or resource busy");
        awaitNoThread("parley-camera-capture[Busy Cam /dev/video3]", 1000);
        Webcam webcam = webcamOf(camera);
        assertThat(webcam.isOpen()).isFalse();
        assertThat(webcam.getLock().isLocked()).isFalse();
        assertThat(webcam.getLock().getLockFile()).doesNotExist();
    }

    @Test
    void aRefusedPermissionIsReportedAsSuch() throws Exception {
        FakeCamera camera = use(new FakeCamera.Buffered("Locked-down Cam /dev/video4"));
        camera.openError = new RuntimeException("open /dev/video4: Permission denied (errno 13)");

        DeviceProblem problem = failedToOpen(camera);

        assertThat(problem.kind()).isEqualTo(DeviceProblem.Kind.CAMERA_PERMISSION_DENIED);
        assertThat(webcamOf(camera).isOpen()).isFalse();
        // The camera opens once it is allowed: sarxos's state was reset by the failed attempt.
        camera.openError = null;
        assertThat(opened(camera).failure()).isNull();
    }

    @Test
    void aCameraAnotherProgramHoldsThroughSarxosLockIsBusy() throws Exception {
        FakeCamera camera = use(new FakeCamera.Buffered("Shared Cam /dev/video5"));
        File lock = webcamOf(camera).getLock().getLockFile();
        foreignLocks.add(lock);
        try (DataOutputStream out = new DataOutputStream(new FileOutputStream(lock))) {
            out.writeLong(System.currentTimeMillis());
        }

        DeviceProblem problem = failedToOpen(camera);

        assertThat(problem.kind()).isEqualTo(DeviceProblem.Kind.CAMERA_BUSY);
        assertThat(problem.detail()).contains("WebcamLockException");
        assertThat(camera.isOpen()).isFalse();
        assertThat(webcamOf(camera).isOpen()).isFalse();
        // The other program's lock is its own: Parley does not remove it.
        assertThat(lock).exists();
    }

    @Test
    void aCameraThatStartsThrowingMidCaptureIsLostAndItsThreadEnds() throws Exception {
        FakeCamera camera = use(new FakeCamera.Buffered("Flaky Cam /dev/video6"));
        camera.failAfter = 10;
        AtomicInteger frames = new AtomicInteger();
        int[] luma = new int[1];
        CameraCapture capture = opened(camera);
        capture.setSink(frame -> {
            frames.incrementAndGet();
            luma[0] = frame.y()[100 * frame.strideY() + 100] & 0xFF;
        });

        awaitFailure(capture, 3000);

        assertThat(capture.failure()).isNotNull();
        assertThat(capture.failure().kind()).isEqualTo(DeviceProblem.Kind.DEVICE_LOST);
        assertThat(capture.failure().detail()).contains("No such device");
        assertThat(capture.framesCaptured()).isEqualTo(10);
        // Frames flow from the open on: the first may have gone out before the sink was set.
        assertThat(frames.get()).isBetween(8, 10);
        assertThat(luma[0]).isBetween(RED_LUMA - 2, RED_LUMA + 2);
        awaitNoThread("parley-camera-capture[Flaky Cam /dev/video6]", 1000);
        assertThat(webcamOf(camera).isOpen()).isFalse();
        capture.close();
        assertThat(capture.failure().kind()).isEqualTo(DeviceProblem.Kind.DEVICE_LOST);
    }

    @Test
    void aCameraWithoutBufferAccessIsReadThroughItsImagesAndLostWhenTheyStop() throws Exception {
        FakeCamera camera = use(new FakeCamera("Image-only Cam"));
        camera.failAfter = 5;
        camera.failure = FakeCamera.Failure.NULL;
        VideoFrame[] last = new VideoFrame[1];
        CameraCapture capture = opened(camera);
        capture.setSink(frame -> last[0] = frame.copy());

        awaitFailure(capture, 3000);

        assertThat(capture.failure()).isNotNull();
        assertThat(capture.failure().kind()).isEqualTo(DeviceProblem.Kind.DEVICE_LOST);
        assertThat(capture.framesCaptured()).isEqualTo(5);
        assertThat(last[0].width()).isEqualTo(640);
        assertThat(last[0].y()[200 * last[0].strideY() + 300] & 0xFF).isBetween(RED_LUMA - 2, RED_LUMA + 2);
        awaitNoThread("parley-camera-capture[Image-only Cam]", 1000);
    }

    @Test
    void closeReturnsPromptlyEvenWhenAGrabNeverReturns() throws Exception {
        FakeCamera camera = use(new FakeCamera.Buffered("Frozen Cam /dev/video7"));
        camera.failAfter = 3;
        camera.failure = FakeCamera.Failure.BLOCK;
        CameraCapture capture = opened(camera);
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (camera.grabs.get() <= 3 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(camera.grabs.get()).isEqualTo(4);

        long start = System.nanoTime();
        capture.close();
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(tookMillis).isBetween(CameraCapture.CLOSE_WAIT_MILLIS - 50, 1500L);
        // The helper closed the webcam even though the capture thread is still stuck in the driver.
        assertThat(webcamOf(camera).isOpen()).isFalse();
        assertThat(capture.failure()).isNull();
        camera.release.countDown();
        awaitNoThread("parley-camera-capture[Frozen Cam /dev/video7]", 1000);
    }

    @Test
    void aSinkThatThrowsDoesNotStopTheCamera() throws Exception {
        FakeCamera camera = use(new FakeCamera.Buffered("Cam With A Bad Sink"));
        CameraCapture capture = opened(camera);
        capture.setSink(frame -> {
            throw new IllegalStateException("bug in a sink");
        });

        long deadline = System.nanoTime() + 2_000_000_000L;
        while (capture.framesCaptured() < 5 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }

        assertThat(capture.framesCaptured()).isGreaterThanOrEqualTo(5);
        assertThat(capture.failure()).isNull();
    }

    @Test
    void hdIsAskedOfAHardwareCameraAndHadWhereAvailable() throws Exception {
        FakeCamera hd = use(new FakeCamera.Buffered("HD Cam /dev/video8"));
        assertThat(new CameraDevices(false).formats(info(hd))).extracting(CameraFormat::width)
                .as("sarxos lists only the small sizes").containsExactly(320, 640);
        assertThat(framesAt(hd, CameraFormat.HD)).isEqualTo("1280x720");

        FakeCamera vga = use(new FakeCamera.Buffered("VGA Cam /dev/video9"));
        vga.largest = new Dimension(640, 480);
        assertThat(framesAt(vga, CameraFormat.HD)).as("the camera's best, adopted").isEqualTo("640x480");
    }

    private String framesAt(FakeCamera camera, CameraFormat wanted) throws Exception {
        OpenResult<CameraCapture> result = CameraCapture.open(info(camera), wanted);
        assertThat(result.problemOrNull()).isNull();
        CameraCapture capture = result.deviceOrNull();
        captures.add(capture);
        CompletableFuture<String> size = new CompletableFuture<>();
        capture.setSink(f -> size.complete(f.width() + "x" + f.height()));
        String delivered = size.get(3, TimeUnit.SECONDS);
        assertThat(capture.format().width() + "x" + capture.format().height()).isEqualTo(delivered);
        capture.close();
        return delivered;
    }

    @Test
    void aCameraThatIsNotThereIsNoCamera() {
        use(new FakeCamera.Buffered("Some Cam"));

        OpenResult<CameraCapture> result = CameraCapture.open(
                DeviceInfo.of(DeviceKind.CAMERA, "Unplugged Cam /dev/video9", "Unplugged Cam"), CameraFormat.DEFAULT);

        assertThat(result.problemOrNull().kind()).isEqualTo(DeviceProblem.Kind.NO_CAMERA);
    }

    @Test
    void aDeviceInfoOfAnotherKindOfCameraIsNotConfusedWithIt() throws Exception {
        WebcamDevice camera = use(new FakeCamera.Buffered("test-pattern"));

        // A hardware camera that happens to be called "test-pattern" is not the synthetic one.
        OpenResult<CameraCapture> result = CameraCapture.open(
                DeviceInfo.synthetic(DeviceKind.CAMERA, "test-pattern", "Test pattern"), CameraFormat.DEFAULT);

        assertThat(result.problemOrNull().kind()).isEqualTo(DeviceProblem.Kind.NO_CAMERA);
        assertThat(camera.isOpen()).isFalse();
    }
}
