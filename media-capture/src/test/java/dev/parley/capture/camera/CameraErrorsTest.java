package dev.parley.capture.camera;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.sarxos.webcam.WebcamException;
import com.github.sarxos.webcam.WebcamLockException;
import dev.parley.capture.DeviceInfo;
import dev.parley.capture.DeviceKind;
import dev.parley.capture.DeviceProblem;
import dev.parley.capture.DeviceProblem.Kind;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Samples of what sarxos and the platforms' camera stacks actually throw or say. */
class CameraErrorsTest {

    private static final DeviceInfo C920 = DeviceInfo.of(DeviceKind.CAMERA, "HD Pro Webcam C920 /dev/video0",
            "HD Pro Webcam C920 /dev/video0");

    private static Kind kindOf(Throwable t) {
        return CameraErrors.classify(C920, t).kind();
    }

    /** How sarxos's processor thread hands a driver's exception back. */
    private static WebcamException fromProcessor(Throwable driverError) {
        return new WebcamException("Cannot execute task", driverError);
    }

    @Test
    void sarxosLockHeldByAnotherProgramIsBusy() {
        DeviceProblem problem = CameraErrors.classify(C920,
                new WebcamLockException("Webcam HD Pro Webcam C920 /dev/video0 has already been locked"));

        assertThat(problem.kind()).isEqualTo(Kind.CAMERA_BUSY);
        assertThat(problem.device()).isEqualTo(C920);
        assertThat(problem.message()).contains("HD Pro Webcam C920").contains("in use by another program");
        assertThat(problem.detail()).isEqualTo(
                "WebcamLockException: Webcam HD Pro Webcam C920 /dev/video0 has already been locked");
    }

    @Test
    void busyDevicesOnEachPlatformAreBusy() {
        assertThat(kindOf(fromProcessor(new RuntimeException("VIDIOC_STREAMON: Device or resource busy"))))
                .isEqualTo(Kind.CAMERA_BUSY);
        assertThat(kindOf(new RuntimeException("Cannot open '/dev/video0': 16, EBUSY"))).isEqualTo(Kind.CAMERA_BUSY);
        assertThat(kindOf(new WebcamException("IMFMediaSource::Start failed: The requested resource is in use. "
                + "(HRESULT 0x800700AA)"))).isEqualTo(Kind.CAMERA_BUSY);
    }

    @Test
    void refusedAccessOnEachPlatformIsPermissionDenied() {
        assertThat(kindOf(new RuntimeException("open /dev/video0: Permission denied (errno 13)")))
                .isEqualTo(Kind.CAMERA_PERMISSION_DENIED);
        assertThat(kindOf(fromProcessor(new RuntimeException("v4l2_open: EACCES"))))
                .isEqualTo(Kind.CAMERA_PERMISSION_DENIED);
        assertThat(kindOf(new WebcamException("AVCaptureDevice: the application is not authorized to use the camera")))
                .isEqualTo(Kind.CAMERA_PERMISSION_DENIED);
        assertThat(kindOf(new WebcamException("MFCreateDeviceSource failed: Access is denied. (HRESULT 0x80070005)")))
                .isEqualTo(Kind.CAMERA_PERMISSION_DENIED);
        assertThat(kindOf(new SecurityException("Camera access denied by policy")))
                .isEqualTo(Kind.CAMERA_PERMISSION_DENIED);
    }

    @Test
    void aRefusedSizeIsFormatUnsupported() {
        assertThat(kindOf(new IllegalArgumentException("Incorrect dimension [1920x1080] possible ones are [176x144] "
                + "[320x240] [640x480] "))).isEqualTo(Kind.FORMAT_UNSUPPORTED);
        assertThat(kindOf(new WebcamException("Different size obtained vs requested - [1280x720] vs [640x480]")))
                .isEqualTo(Kind.FORMAT_UNSUPPORTED);
    }

    @Test
    void aVanishedDeviceIsNoCamera() {
        assertThat(kindOf(fromProcessor(new RuntimeException("VIDIOC_QUERYCAP: No such device"))))
                .isEqualTo(Kind.NO_CAMERA);
        assertThat(kindOf(new RuntimeException("Cannot open '/dev/video1': 2, No such file or directory")))
                .isEqualTo(Kind.NO_CAMERA);
    }

    @Test
    void aMissingNativeLibraryIsADriverFailureNotAMissingCamera() {
        Throwable noLibv4l = new WebcamException(new ExecutionException(new UnsatisfiedLinkError(
                "/tmp/BridJExtractedLibraries42/libOpenIMAJGrabber.so: libv4l2.so.0: cannot open shared object file: "
                        + "No such file or directory")));

        DeviceProblem problem = CameraErrors.classify(C920, noLibv4l);

        assertThat(problem.kind()).isEqualTo(Kind.DEVICE_FAILED);
        assertThat(problem.detail()).contains("UnsatisfiedLinkError").contains("libv4l2.so.0");
    }

    @Test
    void anythingElseIsAFailedCamera() {
        assertThat(kindOf(fromProcessor(new WebcamException("Cannot start native grabber!"))))
                .isEqualTo(Kind.DEVICE_FAILED);
        DeviceProblem npe = CameraErrors.classify(C920, new NullPointerException());
        assertThat(npe.kind()).isEqualTo(Kind.DEVICE_FAILED);
        assertThat(npe.detail()).isEqualTo("NullPointerException");
    }

    @Test
    void theDetailIsOneBoundedLineWithoutStackFrames() {
        Throwable chain = new RuntimeException("level 0");
        for (int i = 1; i < 100; i++) {
            chain = new RuntimeException("level " + i, chain);
        }

        String detail = CameraErrors.describe(fromProcessor(chain));

        assertThat(detail).startsWith("WebcamException: Cannot execute task; caused by RuntimeException: level 99")
                .doesNotContain("\n").doesNotContain("\tat ");
        assertThat(detail.length()).isLessThanOrEqualTo(503);
        assertThat(CameraErrors.describe(null)).isEmpty();
    }
}
