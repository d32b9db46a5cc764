package dev.parley.ui.video;

import static dev.parley.ui.video.TestFrames.BLUE;
import static dev.parley.ui.video.TestFrames.GREEN;
import static dev.parley.ui.video.TestFrames.RED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.rtc.media.VideoFrame;
import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * How frames flow through a video pane: only the newest is shown when the JavaFX thread falls behind, nothing after
 * a source is detached, and nothing is allocated per frame.
 */
class VideoPaneFlowTest extends VideoPaneFixture {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @ParameterizedTest
    @EnumSource(VideoPresentation.class)
    void aBurstWhileTheFxThreadIsBusyShowsOnlyTheNewestFrame(VideoPresentation mode) throws Exception {
        show(mode, 320, 240);
        source.push(TestFrames.solid(320, 240, GREEN));
        awaitPresented(1);
        VideoFrame[] burst = new VideoFrame[20];
        int[] colours = new int[burst.length];
        for (int i = 0; i < burst.length; i++) {
            colours[i] = 0xff000000 | (i * 12) << 16 | (200 - i * 8) << 8 | 60;
            burst[i] = TestFrames.solid(320, 240, colours[i]);
        }
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Platform.runLater(() -> {
            busy.countDown();
            awaitQuietly(release);
        });
        assertThat(busy.await(5, TimeUnit.SECONDS)).isTrue();
        for (VideoFrame f : burst) {
            source.push(f);
        }
        long before = pane.framesPresented();
        release.countDown();
        awaitPresented(before + 1);
        // Let any backlog show itself: a queue would keep presenting for many pulses.
        for (int i = 0; i < 5; i++) {
            Thread.sleep(20);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(pane.framesDelivered()).isEqualTo(1 + burst.length);
        assertThat(pane.framesPresented() - before).as("presented after the burst").isEqualTo(1);
        Image shot = snapshot();
        int newest = colours[colours.length - 1];
        assertThat(TestFrames.near(shot, 160, 120, newest, TOLERANCE)).as(TestFrames.describe(shot, 160, 120))
                .isTrue();
    }

    @Test
    void aSlowFxThreadGetsFewerFramesThanDeliveredAndNoBacklog() throws Exception {
        show(VideoPresentation.PULSE, 320, 240);
        VideoFrame a = TestFrames.solid(320, 240, RED);
        VideoFrame b = TestFrames.solid(320, 240, BLUE);
        // Keep the JavaFX thread busy 45 ms out of every ~50 for 0.6 s while the source pushes at ~500 fps.
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(600);
        CountDownLatch hogDone = new CountDownLatch(1);
        Runnable[] hog = new Runnable[1];
        hog[0] = () -> {
            sleepQuietly(45);
            if (System.nanoTime() < end) {
                Platform.runLater(hog[0]);
            } else {
                hogDone.countDown();
            }
        };
        Platform.runLater(hog[0]);
        int pushed = 0;
        while (System.nanoTime() < end) {
            source.push(pushed % 2 == 0 ? a : b);
            pushed++;
            Thread.sleep(2);
        }
        source.push(TestFrames.solid(320, 240, GREEN));
        pushed++;
        assertThat(hogDone.await(5, TimeUnit.SECONDS)).isTrue();
        long atRelease = pane.framesPresented();
        for (int i = 0; i < 5; i++) {
            Thread.sleep(20);
            WaitForAsyncUtils.waitForFxEvents();
        }
        long settled = pane.framesPresented();
        assertThat(pane.framesDelivered()).isEqualTo(pushed);
        assertThat(settled).as("presented of %d delivered", pushed).isLessThan(pushed / 4).isGreaterThan(0);
        assertThat(settled - atRelease).as("frames presented once the JavaFX thread was free again")
                .isLessThanOrEqualTo(1);
        Image shot = snapshot();
        assertThat(TestFrames.near(shot, 160, 120, GREEN, TOLERANCE)).as(TestFrames.describe(shot, 160, 120))
                .isTrue();
    }

    @ParameterizedTest
    @EnumSource(VideoPresentation.class)
    void afterSetSourceNullNothingIsPresented(VideoPresentation mode) throws Exception {
        show(mode, 320, 240);
        source.push(TestFrames.solid(320, 240, RED));
        awaitPresented(1);
        var sink = source.lastAttached();
        fx(() -> pane.setSource(null));
        assertThat(source.sink()).as("the pane detached from its source").isNull();
        // A frame that was on its way when the pane detached arrives afterwards.
        sink.onVideoFrame(TestFrames.solid(320, 240, GREEN));
        awaitFxIdle();
        Thread.sleep(100);
        awaitFxIdle();
        assertThat(pane.framesPresented()).isEqualTo(1);
        assertThat(pane.framesDelivered()).isEqualTo(1);
        assertThat(pane.getVideoSize()).isNull();
        Image shot = snapshot();
        assertThat(TestFrames.near(shot, 160, 120, LIGHT_LETTERBOX, 2)).as(TestFrames.describe(shot, 160, 120))
                .isTrue();
    }

    @Test
    void switchingSourcesShowsOnlyTheNewOne() throws Exception {
        show(VideoPresentation.PULSE, 320, 240);
        source.push(TestFrames.solid(320, 240, RED));
        awaitPresented(1);
        var oldSink = source.lastAttached();
        ManualVideoSource other = new ManualVideoSource();
        fx(() -> pane.setSource(other));
        assertThat(source.sink()).isNull();
        oldSink.onVideoFrame(TestFrames.solid(320, 240, GREEN));
        other.push(TestFrames.solid(320, 240, BLUE));
        awaitPresented(2);
        awaitFxIdle();
        Thread.sleep(100);
        awaitFxIdle();
        assertThat(pane.framesPresented()).isEqualTo(2);
        Image shot = snapshot();
        assertThat(TestFrames.near(shot, 160, 120, BLUE, TOLERANCE)).as(TestFrames.describe(shot, 160, 120)).isTrue();
    }

    @Test
    void steadyPlaybackAllocatesNothingOnTheSourceThread() throws Exception {
        show(VideoPresentation.PULSE, 320, 240);
        VideoFrame a = TestFrames.solid(640, 480, RED);
        VideoFrame b = TestFrames.solid(640, 480, BLUE);
        for (int i = 0; i < 30; i++) {
            source.push(i % 2 == 0 ? a : b);
            Thread.sleep(3);
        }
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long presented0 = pane.framesPresented();
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 120; i++) {
            source.push(i % 2 == 0 ? a : b);
            Thread.sleep(3);
        }
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertThat(pane.framesPresented()).as("frames kept being shown meanwhile").isGreaterThan(presented0);
        // One 640x480 picture is 1.2 MB: a buffer per frame, or even a small object per frame, would show here.
        assertThat(allocated).as("bytes allocated pushing 120 frames").isLessThan(4096);
    }

    @Test
    void theSharedPulseSleepsWhenFramesStopAndWakesForTheNextFrame() throws Exception {
        show(VideoPresentation.PULSE, 320, 240);
        source.push(TestFrames.solid(320, 240, RED));
        awaitPresented(1);
        // Half a second of pulses without frames, and the timer stops asking JavaFX for pulses.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> PulsePresenter.get().isSleeping());
        source.push(TestFrames.solid(320, 240, BLUE));
        awaitPresented(2);
        Image shot = snapshot();
        assertThat(TestFrames.near(shot, 160, 120, BLUE, TOLERANCE)).as(TestFrames.describe(shot, 160, 120)).isTrue();
    }

}
