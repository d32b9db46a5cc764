package dev.parley.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class DeviceCatalogTest {

    private final FakeDevices cameras = new FakeDevices(System::nanoTime);
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final DeviceListener recorder = new DeviceListener() {
        @Override
        public void onDeviceAdded(DeviceInfo device) {
            events.add("+" + device.id());
        }

        @Override
        public void onDeviceRemoved(DeviceInfo device) {
            events.add("-" + device.id());
        }
    };

    @Test
    void aPollAnnouncesWhatWasPluggedInAndWhatWasUnplugged() {
        DeviceCatalog catalog = new DeviceCatalog(Map.of(DeviceKind.CAMERA, cameras));
        catalog.addListener(recorder);
        cameras.plug(FakeDevices.camera("a"));
        cameras.plug(FakeDevices.camera("b"));
        catalog.pollNow();
        assertThat(events).containsExactly("+a", "+b");
        assertThat(catalog.devices(DeviceKind.CAMERA)).extracting(DeviceInfo::id).containsExactly("a", "b");
        assertThat(catalog.devices(DeviceKind.MICROPHONE)).isEmpty();

        events.clear();
        catalog.pollNow();
        assertThat(events).as("nothing changed").isEmpty();

        cameras.unplug(FakeDevices.camera("a"));
        cameras.plug(FakeDevices.camera("c"));
        catalog.pollNow();
        assertThat(events).containsExactly("-a", "+c");
        assertThat(catalog.isPresent(FakeDevices.camera("a"))).isFalse();
        assertThat(catalog.isPresent(FakeDevices.camera("c"))).isTrue();
    }

    @Test
    void aProviderThatThrowsKeepsItsLastListAndABrokenListenerDoesNotSilenceTheOthers() {
        AtomicBoolean broken = new AtomicBoolean();
        DeviceProvider flaky = () -> {
            if (broken.get()) {
                throw new IllegalStateException("driver hiccup");
            }
            return cameras.devices();
        };
        DeviceCatalog catalog = new DeviceCatalog(Map.of(DeviceKind.CAMERA, flaky));
        catalog.addListener(new DeviceListener() {
            @Override
            public void onDeviceAdded(DeviceInfo device) {
                throw new IllegalStateException("bad listener");
            }

            @Override
            public void onDeviceRemoved(DeviceInfo device) {
                throw new IllegalStateException("bad listener");
            }
        });
        catalog.addListener(recorder);
        cameras.plug(FakeDevices.camera("a"));
        catalog.pollNow();
        assertThat(events).containsExactly("+a");

        broken.set(true);
        catalog.pollNow();
        assertThat(events).as("a hiccup is not an unplug").containsExactly("+a");
        assertThat(catalog.devices(DeviceKind.CAMERA)).extracting(DeviceInfo::id).containsExactly("a");
    }

    @Test
    void pollingOnItsOwnThreadNoticesAPlugAndStopsWhenClosed() throws Exception {
        DeviceCatalog catalog = new DeviceCatalog(Map.of(DeviceKind.CAMERA, cameras));
        catalog.addListener(recorder);
        catalog.start(20);
        cameras.plug(FakeDevices.camera("usb"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (!events.contains("+usb") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(events).contains("+usb");
        assertThat(threadsNamed("parley-device-catalog")).isEqualTo(1);

        catalog.close();
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (threadsNamed("parley-device-catalog") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(threadsNamed("parley-device-catalog")).isZero();
    }

    static long threadsNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).count();
    }
}
