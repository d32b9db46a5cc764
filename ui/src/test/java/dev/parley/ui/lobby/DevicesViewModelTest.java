package dev.parley.ui.lobby;

import static dev.parley.ui.lobby.FakeDeviceService.CAM_BUILT_IN;
import static dev.parley.ui.lobby.FakeDeviceService.CAM_PATTERN;
import static dev.parley.ui.lobby.FakeDeviceService.CAM_USB;
import static dev.parley.ui.lobby.FakeDeviceService.MIC_BUILT_IN;
import static dev.parley.ui.lobby.FakeDeviceService.MIC_HEADSET;
import static dev.parley.ui.lobby.FakeDeviceService.SPK_BUILT_IN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.rtc.media.VideoSource;
import dev.parley.ui.devices.DeviceOption;
import dev.parley.ui.devices.DeviceOption.Kind;
import dev.parley.ui.settings.UserSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Device pickers, preview and meter without a stage. */
class DevicesViewModelTest {

    private final FakeRoomService rooms = new FakeRoomService();
    private final FakeDeviceService service = new FakeDeviceService(false);
    private final MemorySettingsStore store = new MemorySettingsStore();
    private final List<Runnable> uiQueue = new ArrayList<>();

    private DevicesViewModel open(boolean queued) {
        LobbyViewModel lobby = new LobbyViewModel(rooms, service, store, queued ? uiQueue::add : Runnable::run,
                Runnable::run);
        return lobby.devices();
    }

    @Test
    void thePickersListTheDevicesAndShowTheOnesInUse() {
        DevicesViewModel model = open(false);
        assertThat(model.options(Kind.CAMERA)).containsExactly(CAM_BUILT_IN, CAM_USB, CAM_PATTERN);
        assertThat(model.options(Kind.MICROPHONE)).hasSize(3);
        assertThat(model.options(Kind.SPEAKER)).hasSize(2);
        assertThat(model.selectedProperty(Kind.CAMERA).get()).isEqualTo(CAM_BUILT_IN);
        assertThat(model.selectedProperty(Kind.SPEAKER).get()).isEqualTo(SPK_BUILT_IN);
        assertThat(service.selections).as("showing is not choosing").isEmpty();
        assertThat(store.saves).isEmpty();
        assertThat(service.events).isSameAs(model);
    }

    @Test
    void choosingADeviceSwitchesToItAndRemembersOnlyThatKind() {
        store.save(UserSettings.DEFAULTS.withDevices("", "mic-1", "spk-1"));
        DevicesViewModel model = open(false);
        VideoSource before = model.previewProperty().get();
        model.selectedProperty(Kind.CAMERA).set(CAM_USB);
        assertThat(service.selections).containsExactly(CAM_USB);
        assertThat(store.stored().cameraId()).isEqualTo("cam-2");
        assertThat(store.stored().microphoneId()).isEqualTo("mic-1");
        assertThat(store.stored().speakerId()).isEqualTo("spk-1");
        assertThat(model.previewProperty().get()).as("the preview follows the camera").isNotNull()
                .isNotSameAs(before);

        model.selectedProperty(Kind.MICROPHONE).set(MIC_HEADSET);
        assertThat(service.selections).containsExactly(CAM_USB, MIC_HEADSET);
        assertThat(store.stored().withDevices("", "", "")).isEqualTo(UserSettings.DEFAULTS);
        assertThat(store.stored().microphoneId()).isEqualTo("mic-2");
        assertThat(store.stored().cameraId()).isEqualTo("cam-2");
    }

    @Test
    void theRememberedDeviceIsUsedAgainAtStartWhenItIsThere() {
        store.save(UserSettings.DEFAULTS.withDevices("cam-2", "gone-mic", ""));
        store.saves.clear();
        DevicesViewModel model = open(false);
        assertThat(service.selections).containsExactly(CAM_USB);
        assertThat(model.selectedProperty(Kind.CAMERA).get()).isEqualTo(CAM_USB);
        assertThat(model.selectedProperty(Kind.MICROPHONE).get()).as("a missing one is left to the app")
                .isEqualTo(MIC_BUILT_IN);
        assertThat(store.stored().microphoneId()).as("and still remembered for when it returns")
                .isEqualTo("gone-mic");
    }

    @Test
    void listsReloadWhenDevicesComeAndGoOnTheUiThread() {
        DevicesViewModel model = open(true);
        DeviceOption newCam = new DeviceOption(Kind.CAMERA, "cam-3", "Studio Camera", false);
        service.plugIn(newCam);
        assertThat(model.options(Kind.CAMERA)).as("not before the UI thread runs it").doesNotContain(newCam);
        runUiQueue();
        assertThat(model.options(Kind.CAMERA)).containsExactly(newCam, CAM_BUILT_IN, CAM_USB, CAM_PATTERN);
        assertThat(model.selectedProperty(Kind.CAMERA).get()).isEqualTo(CAM_BUILT_IN);
        assertThat(service.selections).isEmpty();
    }

    @Test
    void aSwitchTheAppMadeMovesThePickerAndSaysWhyButIsNotRemembered() {
        store.save(UserSettings.DEFAULTS.withDevices("cam-1", "", ""));
        store.saves.clear();
        DevicesViewModel model = open(false);
        VideoSource before = model.previewProperty().get();
        service.unplug(CAM_BUILT_IN, CAM_PATTERN, "The camera was unplugged; showing a test pattern.");
        assertThat(model.options(Kind.CAMERA)).containsExactly(CAM_USB, CAM_PATTERN);
        assertThat(model.selectedProperty(Kind.CAMERA).get()).isEqualTo(CAM_PATTERN);
        assertThat(model.statusProperty().get()).isEqualTo("The camera was unplugged; showing a test pattern.");
        assertThat(model.previewProperty().get()).isNotSameAs(before);
        assertThat(service.selections).as("the app chose; nothing is chosen back").isEmpty();
        assertThat(store.saves).as("the person's own choice stays remembered").isEmpty();
    }

    @Test
    void aSwitchToADeviceNotYetListedReloadsTheList() {
        DevicesViewModel model = open(false);
        DeviceOption bt = new DeviceOption(Kind.SPEAKER, "bt", "Bluetooth Headphones", false);
        service.lists.get(Kind.SPEAKER).add(bt);
        service.inUse.put(Kind.SPEAKER, bt);
        service.events.onDeviceSwitched(Kind.SPEAKER, bt, "Headphones connected.");
        assertThat(model.options(Kind.SPEAKER)).contains(bt);
        assertThat(model.selectedProperty(Kind.SPEAKER).get()).isEqualTo(bt);
    }

    @Test
    void theMeterReadsTheMicrophone() {
        DevicesViewModel model = open(false);
        service.scriptLevels(-100, -30, 0);
        model.pollMicrophone(0);
        assertThat(model.meter().levelProperty().get()).isZero();
        model.pollMicrophone(50_000_000L);
        assertThat(model.meter().levelProperty().get()).isEqualTo(0.5);
        model.pollMicrophone(100_000_000L);
        assertThat(model.meter().levelProperty().get()).isEqualTo(1.0);
        assertThat(model.meter().clippingProperty().get()).isTrue();
        service.level = () -> {
            throw new IllegalStateException("microphone gone");
        };
        model.pollMicrophone(150_000_000L);
        assertThat(model.meter().levelProperty().get()).as("a failing read falls like silence").isLessThan(1.0);
    }

    private void runUiQueue() {
        while (!uiQueue.isEmpty()) {
            uiQueue.remove(0).run();
        }
    }
}
