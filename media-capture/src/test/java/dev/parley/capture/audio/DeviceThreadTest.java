package dev.parley.capture.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class DeviceThreadTest {

    @Test
    void stopWakesTheDeviceThreadAndWaitsForIt() {
        CountDownLatch line = new CountDownLatch(1);
        Thread device = DeviceThread.start("parley-test-device", () -> {
            try {
                line.await(); // a blocking read, until the line is stopped
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(device.isDaemon()).isTrue();
        assertThat(DeviceThread.stop(device, line::countDown, "parley-test-close", 1_000)).isTrue();
        assertThat(device.isAlive()).isFalse();
    }

    @Test
    void aThreadStuckInItsDriverIsAbandonedAfterTheTimeout() throws Exception {
        AtomicBoolean release = new AtomicBoolean();
        CountDownLatch stuckWaker = new CountDownLatch(1);
        Thread device = DeviceThread.start("parley-test-stuck", () -> {
            while (!release.get()) { // ignores unpark and interrupt, as a native call would
                Thread.onSpinWait();
            }
        });
        long start = System.nanoTime();
        boolean ended = DeviceThread.stop(device, () -> {
            try {
                stuckWaker.await(); // stopping the line blocks too (the driver holds its lock)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "parley-test-close", 300);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(ended).isFalse();
        assertThat(millis).isBetween(250L, 800L);
        release.set(true);
        stuckWaker.countDown();
        device.join(1_000);
        assertThat(device.isAlive()).isFalse();
    }
}
