package dev.parley.capture.camera;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.sarxos.webcam.Webcam;
import dev.parley.capture.DeviceProblem;
import dev.parley.capture.OpenResult;
import dev.parley.capture.synthetic.TestPatternDevice;
import dev.parley.capture.synthetic.TestPatternStamp;
import dev.parley.rtc.media.VideoFrame;
import dev.parley.rtc.media.VideoSink;
import dev.parley.rtc.media.synthetic.FrameStamp;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link CameraCapture} of the test pattern through Parley's own sarxos driver, as the app uses it. */
class CameraCaptureTest {

    private final List<CameraCapture> captures = new ArrayList<>();

    @BeforeEach
    void parleyDriver() {
        ParleyWebcamDriver.install();
        if (!(Webcam.getDriver() instanceof ParleyWebcamDriver)) {
            Webcam.setDriver(new ParleyWebcamDriver());
        }
    }

    @AfterEach
    void closeAll() {
        captures.forEach(CameraCapture::close);
    }

    private CameraCapture open(CameraFormat format) {
        OpenResult<CameraCapture> result = CameraCapture.open(TestPatternDevice.INFO, format);
        assertThat(result.problemOrNull()).isNull();
        CameraCapture capture = result.deviceOrNull();
        captures.add(capture);
        return capture;
    }

    /** Keeps what it needs of each frame in arrays made up front, so it allocates nothing on the capture thread. */
    private static final class RecordingSink implements VideoSink {
        final long[] timestamps = new long[64];
        final int[] numbers = new int[64];
        final int[] latencies = new int[64];
        volatile int count;
        volatile int width;
        volatile int height;
        volatile long threadId;

        @Override
        public void onVideoFrame(VideoFrame frame) {
            int i = count;
            if (i < timestamps.length) {
                timestamps[i] = frame.timestampNanos();
                numbers[i] = FrameStamp.read(frame, 0);
                int captured = FrameStamp.read(frame, 1);
                latencies[i] = captured < 0 ? -1 : TestPatternStamp.latencyMillis(captured, System.currentTimeMillis());
            }
            width = frame.width();
            height = frame.height();
            threadId = Thread.currentThread().getId();
            count = i + 1;
        }

        void awaitFrames(int n, long timeoutMillis) throws InterruptedException {
            long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
            while (count < n && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(count).as("frames delivered").isGreaterThanOrEqualTo(n);
        }

        /** Frames per second between frame {@code from} and frame {@code to}, from their timestamps. */
        double fps(int from, int to) {
            return (to - from) * 1e9 / (timestamps[to] - timestamps[from]);
        }
    }

    private static long allocatedBytes(long threadId) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return threads.getThreadAllocatedBytes(threadId);
    }

    @Test
    void vgaAt30DeliversStampedFramesAtTheRateWithoutPerFrameGarbage() throws Exception {
        CameraCapture capture = open(CameraFormat.DEFAULT);
        RecordingSink sink = new RecordingSink();
        capture.setSink(sink);

        sink.awaitFrames(6, 2000);
        long allocatedBefore = allocatedBytes(sink.threadId);
        long framesBefore = capture.framesCaptured();
        sink.awaitFrames(40, 3000);
        long allocatedAfter = allocatedBytes(sink.threadId);
        long framesAfter = capture.framesCaptured();

        assertThat(capture.format()).isEqualTo(new CameraFormat(640, 480, 30));
        assertThat(sink.width).isEqualTo(640);
        assertThat(sink.height).isEqualTo(480);
        assertThat(sink.fps(5, 35)).isBetween(24.0, 36.0);
        assertThat(capture.measuredFps()).isBetween(24.0, 36.0);
        for (int i = 1; i < 40; i++) {
            assertThat(sink.timestamps[i]).isGreaterThan(sink.timestamps[i - 1]);
            assertThat(sink.numbers[i]).isGreaterThan(sink.numbers[i - 1]);
            assertThat(sink.latencies[i]).isBetween(0, 200);
        }
        // A frame is 460 KB of I420 (its smallest plane 77 KB) and 920 KB of RGB: a buffer allocated per frame would
        // show by far. What is left is the frame's timestamped view and sarxos's task objects per grab (~200 bytes on
        // JDK 17, ~1.4 KB on JDK 25, where sarxos's synchronisation allocates more).
        long perFrame = (allocatedAfter - allocatedBefore) / Math.max(1, framesAfter - framesBefore);
        assertThat(perFrame).as("bytes allocated per frame on the capture thread").isLessThan(16 * 1024);
        assertThat(capture.lastActivityNanos()).isGreaterThanOrEqualTo(sink.timestamps[39]);
        assertThat(capture.failure()).isNull();
    }

    @Test
    void hdAt15DeliversHdFramesAtFifteenPerSecond() throws Exception {
        CameraCapture capture = open(new CameraFormat(1280, 720, 15));
        List<TestPatternStamp> stamps = new ArrayList<>();
        RecordingSink sink = new RecordingSink();
        capture.setSink(frame -> {
            if (stamps.size() < 19) {
                stamps.add(TestPatternStamp.read(frame));
            }
            sink.onVideoFrame(frame);
        });

        sink.awaitFrames(19, 3000);

        assertThat(capture.format()).isEqualTo(new CameraFormat(1280, 720, 15));
        assertThat(sink.width).isEqualTo(1280);
        assertThat(sink.height).isEqualTo(720);
        assertThat(sink.fps(3, 18)).isBetween(12.0, 18.0);
        List<TestPatternStamp> first = new ArrayList<>(stamps.subList(0, 19));
        assertThat(first).doesNotContainNull();
        for (int i = 1; i < first.size(); i++) {
            assertThat(sink.timestamps[i]).isGreaterThan(sink.timestamps[i - 1]);
            assertThat(first.get(i).framesSince(first.get(i - 1))).isEqualTo(1);
        }
        // The pattern runs at 30 fps and stamps the time it draws a frame: at 15 fps the capture takes one frame per
        // two device periods, so the capture stamps lie 66.7 ms apart on average (a single one may be late while
        // the code is still being compiled; the cadence does not shift for it).
        int span = TestPatternStamp.latencyMillis(first.get(6).captureMillis(), first.get(18).captureMillis());
        assertThat(span / 12.0).isBetween(55.0, 80.0);
    }

    @Test
    void closeEndsTheThreadAndReleasesTheCamera() throws Exception {
        CameraCapture capture = open(new CameraFormat(320, 240, 30));
        RecordingSink sink = new RecordingSink();
        capture.setSink(sink);
        sink.awaitFrames(2, 2000);
        assertThat(captureThreads()).hasSize(1);

        long start = System.nanoTime();
        capture.close();

        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(500);
        assertThat(captureThreads()).isEmpty();
        assertThat(CameraDevices.find(TestPatternDevice.INFO).isOpen()).isFalse();
        assertThat(capture.failure()).isNull();
        long frames = capture.framesCaptured();
        Thread.sleep(100);
        assertThat(capture.framesCaptured()).isEqualTo(frames);

        CameraCapture again = open(new CameraFormat(320, 240, 30));
        RecordingSink sink2 = new RecordingSink();
        again.setSink(sink2);
        sink2.awaitFrames(2, 2000);
        again.close();
        assertThat(captureThreads()).isEmpty();
    }

    @Test
    void aSecondCaptureOfTheSameCameraIsBusyUntilTheFirstCloses() {
        CameraCapture first = open(CameraFormat.DEFAULT);

        OpenResult<CameraCapture> second = CameraCapture.open(TestPatternDevice.INFO, CameraFormat.DEFAULT);

        assertThat(second.problemOrNull()).isNotNull();
        assertThat(second.problemOrNull().kind()).isEqualTo(DeviceProblem.Kind.CAMERA_BUSY);
        assertThat(first.failure()).isNull();
        first.close();
        open(CameraFormat.DEFAULT).close();
    }

    @Test
    void opensTheClosestSizeTheTestPatternOffers() {
        CameraCapture big = open(new CameraFormat(1920, 1080, 30));
        assertThat(big.format()).isEqualTo(new CameraFormat(1280, 720, 30));
        big.close();

        CameraCapture middle = open(new CameraFormat(800, 600, 24));
        assertThat(middle.format()).isEqualTo(new CameraFormat(640, 480, 24));
        middle.close();
    }

    private static List<Thread> captureThreads() {
        List<Thread> found = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t.getName().equals("parley-camera-capture[Test pattern]")) {
                found.add(t);
            }
        }
        return found;
    }
}
