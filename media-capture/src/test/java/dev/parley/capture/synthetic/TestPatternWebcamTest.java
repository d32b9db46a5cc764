package dev.parley.capture.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.sarxos.webcam.Webcam;
import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamDriver;
import dev.parley.rtc.media.ColorConversion;
import dev.parley.rtc.media.VideoFrame;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The test pattern through sarxos's own API, as any sarxos user (and Parley's capture) meets it. */
class TestPatternWebcamTest {

    private WebcamDriver previous;
    private final List<Webcam> opened = new ArrayList<>();

    @BeforeEach
    void useTestPatternDriver() {
        previous = Webcam.getDriver();
        Webcam.setDriver(new TestPatternDriver());
    }

    @AfterEach
    void restoreSarxos() {
        for (Webcam w : opened) {
            w.close();
        }
        Webcam.setDriver(previous);
    }

    private Webcam testPattern() throws Exception {
        List<Webcam> webcams = Webcam.getWebcams(2000);
        assertThat(webcams).hasSize(1);
        Webcam webcam = webcams.get(0);
        opened.add(webcam);
        return webcam;
    }

    @Test
    void discoveryListsOneTestPatternWithItsThreeSizes() throws Exception {
        Webcam webcam = testPattern();

        assertThat(webcam.getName()).isEqualTo("Test pattern");
        assertThat(webcam.getDevice()).isInstanceOf(TestPatternDevice.class);
        assertThat(webcam.getViewSizes()).containsExactly(
                new Dimension(320, 240), new Dimension(640, 480), new Dimension(1280, 720));
        assertThat(webcam.getViewSize()).isEqualTo(new Dimension(640, 480));
    }

    @Test
    void opensAtTheSizeSetAndClosesAgainReleasingTheLock() throws Exception {
        Webcam webcam = testPattern();
        webcam.setViewSize(new Dimension(320, 240));

        assertThat(webcam.open()).isTrue();
        assertThat(webcam.isOpen()).isTrue();
        assertThat(webcam.getLock().isLocked()).isTrue();
        assertThat(webcam.getLock().getLockFile()).exists();
        BufferedImage image = webcam.getImage();
        assertThat(image.getWidth()).isEqualTo(320);
        assertThat(image.getHeight()).isEqualTo(240);
        assertThatThrownBy(() -> webcam.setViewSize(new Dimension(640, 480)))
                .isInstanceOf(IllegalStateException.class);

        assertThat(webcam.close()).isTrue();
        assertThat(webcam.isOpen()).isFalse();
        assertThat(webcam.getLock().isLocked()).isFalse();
        assertThat(webcam.getLock().getLockFile()).doesNotExist();
        assertThat(webcam.getImage()).isNull();
    }

    @Test
    void refusesASizeItDoesNotOffer() throws Exception {
        Webcam webcam = testPattern();

        assertThatThrownBy(() -> webcam.setViewSize(new Dimension(800, 600)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> webcam.getDevice().setResolution(new Dimension(800, 600)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deliversAtItsFrameRateWithIncreasingStampsAndAFreshCaptureTime() throws Exception {
        Webcam webcam = testPattern();
        webcam.setViewSize(new Dimension(640, 480));
        webcam.open();
        VideoFrame frame = VideoFrame.black(640, 480, 0);

        webcam.getImage();
        long start = System.nanoTime();
        int previousNumber = -1;
        for (int i = 0; i < 30; i++) {
            BufferedImage image = webcam.getImage();
            long shownAt = System.currentTimeMillis();
            byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            ColorConversion.bgr24ToI420(bgr, 0, 640 * 3, frame);
            TestPatternStamp stamp = TestPatternStamp.read(frame);
            assertThat(stamp).isNotNull();
            assertThat(stamp.frameNumber()).isGreaterThan(previousNumber);
            assertThat(stamp.latencyMillis(shownAt)).isBetween(0, 100);
            previousNumber = stamp.frameNumber();
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        // 30 frames at 30 fps take 1 s.
        assertThat(seconds).isBetween(0.8, 1.2);
        assertThat(webcam.getFPS()).isBetween(24.0, 36.0);
    }

    @Test
    void aSlowerConfiguredRateIsKept() throws Exception {
        Webcam.setDriver(new TestPatternDriver(15));
        Webcam webcam = testPattern();
        webcam.setViewSize(new Dimension(320, 240));
        webcam.open();
        ByteBuffer target = ByteBuffer.allocate(320 * 240 * 3);

        webcam.getImageBytes(target);
        long start = System.nanoTime();
        for (int i = 0; i < 15; i++) {
            webcam.getImageBytes(target);
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(seconds).isBetween(0.8, 1.2);
    }

    @Test
    void bufferAccessGivesRgbBytesAndLeavesTheTargetPositionAlone() throws Exception {
        Webcam webcam = testPattern();
        webcam.setViewSize(new Dimension(320, 240));
        webcam.open();
        ByteBuffer target = ByteBuffer.allocate(320 * 240 * 3);
        VideoFrame frame = VideoFrame.black(320, 240, 0);

        webcam.getImageBytes(target);
        assertThat(target.position()).isZero();
        ColorConversion.rgb24ToI420(target.array(), 0, 320 * 3, frame);
        TestPatternStamp first = TestPatternStamp.read(frame);

        ByteBuffer own = webcam.getImageBytes();
        assertThat(own.remaining()).isEqualTo(320 * 240 * 3);
        byte[] copy = new byte[own.remaining()];
        own.get(copy);
        ColorConversion.rgb24ToI420(copy, 0, 320 * 3, frame);
        TestPatternStamp second = TestPatternStamp.read(frame);

        assertThat(first).isNotNull();
        assertThat(second).isNotNull();
        assertThat(second.framesSince(first)).isEqualTo(1);
    }

    @Test
    void rgbBytesAndTheImageAgreeOnColourOrder() throws Exception {
        Webcam webcam = testPattern();
        webcam.setViewSize(new Dimension(320, 240));
        webcam.open();

        BufferedImage image = webcam.getImage();
        ByteBuffer rgb = webcam.getImageBytes();

        // Two consecutive frames: shapes move a few pixels, the gradient under them stays. Its bottom-right corner
        // is clearly more blue than red, so a swapped byte order would show.
        double[] fromImage = new double[3];
        double[] fromBytes = new double[3];
        int n = 0;
        for (int row = 140; row < 230; row++) {
            for (int x = 170; x < 310; x++, n++) {
                int argb = image.getRGB(x, row);
                fromImage[0] += argb >> 16 & 0xFF;
                fromImage[1] += argb >> 8 & 0xFF;
                fromImage[2] += argb & 0xFF;
                int at = (row * 320 + x) * 3;
                for (int c = 0; c < 3; c++) {
                    fromBytes[c] += rgb.get(at + c) & 0xFF;
                }
            }
        }
        for (int c = 0; c < 3; c++) {
            fromImage[c] /= n;
            fromBytes[c] /= n;
            assertThat(fromBytes[c]).isCloseTo(fromImage[c], org.assertj.core.data.Offset.offset(8.0));
        }
        assertThat(fromImage[2] - fromImage[0]).isGreaterThan(20);
        assertThat(fromBytes[2] - fromBytes[0]).isGreaterThan(20);
    }

    @Test
    void aDisposedDeviceIsReplacedAtTheNextListing() {
        TestPatternDriver driver = new TestPatternDriver();
        WebcamDevice first = driver.getDevices().get(0);
        assertThat(driver.getDevices().get(0)).isSameAs(first);

        first.dispose();

        assertThatThrownBy(first::open).isInstanceOf(RuntimeException.class);
        assertThat(driver.getDevices().get(0)).isNotSameAs(first);
    }
}
