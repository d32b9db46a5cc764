package dev.parley.app.devices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.capture.DeviceCatalog;
import dev.parley.capture.DeviceInfo;
import dev.parley.capture.DeviceKind;
import dev.parley.capture.DeviceProvider;
import dev.parley.capture.camera.CameraDevices;
import dev.parley.capture.camera.CameraFormat;
import dev.parley.capture.local.LocalMedia;
import dev.parley.capture.synthetic.SyntheticMicrophone;
import dev.parley.ui.devices.DeviceEvents;
import dev.parley.ui.devices.DeviceOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The window's device pickers over the capture module: synthetic devices only (this machine has none real). */
class LocalDeviceServiceTest {

    @Test
    void pickersListTheCatalogChoicesReachTheDevicesAndThePreviewSharesTheCamera() throws Exception {
        List<DeviceInfo> speakers = new CopyOnWriteArrayList<>();
        DeviceProvider speakerProvider = () -> new ArrayList<>(speakers);
        DeviceCatalog catalog = new DeviceCatalog(Map.of(DeviceKind.CAMERA, CameraDevices.withTestPattern(),
                DeviceKind.MICROPHONE, SyntheticMicrophone.provider(), DeviceKind.SPEAKER, speakerProvider));
        catalog.pollNow();
        List<String> events = new CopyOnWriteArrayList<>();
        try (LocalMedia media = new LocalMedia(catalog, CameraFormat.DEFAULT)) {
            LocalDeviceService service = new LocalDeviceService(media);
            service.setEvents(new DeviceEvents() {
                @Override
                public void onDevicesChanged(DeviceOption.Kind kind) {
                    events.add("changed " + kind);
                }

                @Override
                public void onDeviceSwitched(DeviceOption.Kind kind, DeviceOption now, String sentence) {
                    events.add(kind + " -> " + (now == null ? "none" : now.name()));
                }
            });
            assertThat(service.devices(DeviceOption.Kind.CAMERA)).extracting(DeviceOption::name)
                    .containsExactly("Test pattern");
            assertThat(service.devices(DeviceOption.Kind.MICROPHONE)).extracting(DeviceOption::name)
                    .containsExactly("Test tone", "Speech sample", "Silence");

            AtomicInteger previewFrames = new AtomicInteger();
            AtomicInteger trackFrames = new AtomicInteger();
            service.preview().setSink(f -> previewFrames.incrementAndGet());
            service.cameraBranch().setSink(f -> trackFrames.incrementAndGet());
            media.select(null, null, null).get();
            service.select(service.devices(DeviceOption.Kind.MICROPHONE).get(0));

            long deadline = System.currentTimeMillis() + 3000;
            while ((previewFrames.get() < 10 || service.microphoneLevelDbfs() < -30)
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertThat(previewFrames.get()).isGreaterThanOrEqualTo(10);
            assertThat(trackFrames.get()).as("the call's track gets the same frames").isGreaterThanOrEqualTo(9);
            assertThat(service.microphoneLevelDbfs()).as("the test tone on the meter").isGreaterThan(-30);
            assertThat(service.selected(DeviceOption.Kind.MICROPHONE).name()).isEqualTo("Test tone");
            assertThat(service.selected(DeviceOption.Kind.SPEAKER).synthetic()).as("no speaker: the silent one")
                    .isTrue();
            assertThat(events).contains("CAMERA -> Test pattern", "MICROPHONE -> Test tone");

            speakers.add(DeviceInfo.of(DeviceKind.SPEAKER, "usb", "USB headset"));
            catalog.pollNow();
            assertThat(events).contains("changed SPEAKER");
        }
    }
}
