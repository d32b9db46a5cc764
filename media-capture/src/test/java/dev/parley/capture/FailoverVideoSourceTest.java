package dev.parley.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FailoverVideoSourceTest {

    @Test
    void framesComeFromTheCurrentCameraOnlyAcrossASwitch() throws Exception {
        FakeDevices cameras = new FakeDevices(System::nanoTime);
        DeviceInfo a = FakeDevices.camera("a");
        DeviceInfo b = FakeDevices.camera("b");
        cameras.plug(a);
        cameras.plug(b);
        DeviceCatalog catalog = new DeviceCatalog(Map.of(DeviceKind.CAMERA, cameras));
        catalog.pollNow();
        List<Long> received = new CopyOnWriteArrayList<>();
        try (FailoverVideoSource source = new FailoverVideoSource(catalog, cameras, null)) {
            source.setSink(f -> received.add(f.timestampNanos()));
            source.failover().select(a).get(2, TimeUnit.SECONDS);
            FakeCamera first = (FakeCamera) source.failover().current();
            first.emit(1);
            first.emit(2);

            source.failover().select(b).get(2, TimeUnit.SECONDS);
            FakeCamera second = (FakeCamera) source.failover().current();
            assertThat(second.device()).isEqualTo(b);
            first.closed = false; // a late frame from a camera already replaced...
            first.emit(99);
            second.emit(3);

            assertThat(received).as("...is dropped").containsExactly(1L, 2L, 3L);
        }
    }
}
