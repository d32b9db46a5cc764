package dev.parley.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeviceFailoverTest {

    private static final long STALL = 3_000_000_000L;
    private static final DeviceInfo PATTERN = DeviceInfo.synthetic(DeviceKind.CAMERA, "test-pattern", "Test pattern");

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final FakeDevices cameras = new FakeDevices(now::get);
    private final DeviceCatalog catalog = new DeviceCatalog(Map.of(DeviceKind.CAMERA, cameras));
    private final List<DeviceNotice> notices = new CopyOnWriteArrayList<>();
    private final DeviceInfo builtIn = FakeDevices.camera("built-in");
    private final DeviceInfo usb = FakeDevices.camera("usb");
    private DeviceFailover<FakeCamera> failover;

    private DeviceFailover<FakeCamera> failover(DeviceInfo fallback) {
        failover = new DeviceFailover<>(DeviceKind.CAMERA, catalog, cameras, fallback, c -> { }, now::get, STALL);
        failover.onNotice(notices::add);
        return failover;
    }

    @AfterEach
    void close() {
        if (failover != null) {
            failover.close();
        }
    }

    @Test
    void opensTheChosenCameraAndTellsWhichOneIsUsed() throws Exception {
        cameras.plug(builtIn);
        cameras.plug(usb);
        catalog.pollNow();
        DeviceNotice notice = failover(PATTERN).select(usb).get(2, TimeUnit.SECONDS);
        assertThat(notice.to()).isEqualTo(usb);
        assertThat(notice.problem()).isNull();
        assertThat(failover.current().device()).isEqualTo(usb);
        assertThat(notice.message()).contains("Camera usb");
    }

    @Test
    void aBusyCameraIsReportedAndTheNextOneIsUsed() throws Exception {
        cameras.plug(builtIn);
        cameras.plug(usb);
        catalog.pollNow();
        cameras.refuse(usb, DeviceProblem.cameraBusy(usb, "EBUSY"));
        DeviceNotice notice = failover(PATTERN).select(usb).get(2, TimeUnit.SECONDS);
        assertThat(notice.problem().kind()).isEqualTo(DeviceProblem.Kind.CAMERA_BUSY);
        assertThat(notice.to()).isEqualTo(builtIn);
        assertThat(notice.message()).contains("in use by another program").contains("Camera built-in");
    }

    @Test
    void aCameraThatFailsMidCallIsReplacedByTheNextAndClosed() throws Exception {
        cameras.plug(usb);
        cameras.plug(builtIn);
        catalog.pollNow();
        failover(PATTERN).select(usb).get(2, TimeUnit.SECONDS);
        FakeCamera first = failover.current();

        first.fail(DeviceProblem.lost(usb, "read error"));
        failover.checkNow();

        assertThat(first.closed).isTrue();
        assertThat(failover.current().device()).isEqualTo(builtIn);
        DeviceNotice last = notices.get(notices.size() - 1);
        assertThat(last.from()).isEqualTo(usb);
        assertThat(last.to()).isEqualTo(builtIn);
        assertThat(last.problem().kind()).isEqualTo(DeviceProblem.Kind.DEVICE_LOST);
        assertThat(last.message()).contains("stopped working or was unplugged").contains("Switched to \"Camera built-in\"");
    }

    @Test
    void aCameraWhoseThreadIsStuckIsTreatedAsLost() throws Exception {
        cameras.plug(usb);
        catalog.pollNow();
        failover(PATTERN).select(usb).get(2, TimeUnit.SECONDS);
        FakeCamera stuck = failover.current();
        now.addAndGet(STALL / 2);
        stuck.emit(now.get());
        now.addAndGet(STALL - 1);
        failover.checkNow();
        assertThat(failover.current()).as("still within the stall limit").isSameAs(stuck);

        now.addAndGet(2);
        failover.checkNow();
        assertThat(stuck.closed).isTrue();
        assertThat(failover.current().device()).as("no other camera: the test pattern").isEqualTo(PATTERN);
        assertThat(notices.get(notices.size() - 1).problem().detail()).contains("no activity");
    }

    @Test
    void anUnpluggedCameraFallsBackToTheTestPatternAndComesBackWhenPluggedIn() throws Exception {
        cameras.plug(usb);
        catalog.pollNow();
        failover(PATTERN).select(usb).get(2, TimeUnit.SECONDS);
        FakeCamera first = failover.current();

        cameras.unplug(usb);
        catalog.pollNow();
        awaitCurrent(PATTERN);
        assertThat(first.closed).isTrue();

        cameras.plug(usb);
        catalog.pollNow();
        awaitCurrent(usb);
        DeviceNotice back = notices.get(notices.size() - 1);
        assertThat(back.problem()).isNull();
        assertThat(back.from()).isEqualTo(PATTERN);
        assertThat(back.message()).isEqualTo("Now using the camera \"Camera usb\".");
        assertThat(cameras.opened).filteredOn(c -> c.device().equals(PATTERN)).allMatch(c -> c.closed);
    }

    @Test
    void onTheFallbackWithNoPreferenceAnyRealCameraThatAppearsIsUsed() throws Exception {
        catalog.pollNow();
        DeviceNotice first = failover(PATTERN).select(null).get(2, TimeUnit.SECONDS);
        assertThat(first.to()).isEqualTo(PATTERN);
        assertThat(first.problem().kind()).as("the person learns why").isEqualTo(DeviceProblem.Kind.NO_CAMERA);
        assertThat(first.message()).startsWith("No camera found.").endsWith("Switched to \"Test pattern\".");

        cameras.plug(builtIn);
        catalog.pollNow();
        awaitCurrent(builtIn);
    }

    @Test
    void aTestPatternChosenOnPurposeIsKeptWhenACameraAppears() throws Exception {
        catalog.pollNow();
        failover(PATTERN).select(PATTERN).get(2, TimeUnit.SECONDS);
        cameras.plug(builtIn);
        catalog.pollNow();
        failover.checkNow(); // the add was queued before this pass
        assertThat(failover.current().device()).isEqualTo(PATTERN);
    }

    @Test
    void withNothingLeftThePersonIsToldThereIsNoCamera() throws Exception {
        catalog.pollNow();
        DeviceNotice notice = failover(null).select(null).get(2, TimeUnit.SECONDS);
        assertThat(notice.to()).isNull();
        assertThat(notice.problem().kind()).isEqualTo(DeviceProblem.Kind.NO_CAMERA);
        assertThat(notice.message()).contains("No camera found").endsWith("No camera is available now.");
        assertThat(failover.current()).isNull();
    }

    @Test
    void anOpenerThatThrowsIsAProblemNotACrash() throws Exception {
        cameras.plug(usb);
        catalog.pollNow();
        failover = new DeviceFailover<>(DeviceKind.CAMERA, catalog, d -> {
            throw new IllegalStateException("native crash");
        }, null, c -> { }, now::get, STALL);
        DeviceNotice notice = failover.select(usb).get(2, TimeUnit.SECONDS);
        assertThat(notice.to()).isNull();
        assertThat(notice.problem().kind()).isEqualTo(DeviceProblem.Kind.DEVICE_FAILED);
    }

    @Test
    void closingClosesTheCameraAndEndsTheThread() throws Exception {
        cameras.plug(usb);
        catalog.pollNow();
        failover(PATTERN).select(usb).get(2, TimeUnit.SECONDS);
        FakeCamera camera = failover.current();
        failover.close();
        assertThat(camera.closed).isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (DeviceCatalogTest.threadsNamed("parley-camera-failover") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(DeviceCatalogTest.threadsNamed("parley-camera-failover")).isZero();
        failover = null;
    }

    private void awaitCurrent(DeviceInfo expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (System.nanoTime() < deadline) {
            FakeCamera c = failover.current();
            if (c != null && c.device().equals(expected)) {
                return;
            }
            Thread.sleep(5);
        }
        assertThat(failover.current()).extracting(c -> c == null ? null : c.device()).isEqualTo(expected);
    }
}
