package dev.parley.ui.lobby;

import dev.parley.rtc.media.VideoSource;
import dev.parley.ui.devices.DeviceEvents;
import dev.parley.ui.devices.DeviceOption;
import dev.parley.ui.devices.DeviceOption.Kind;
import dev.parley.ui.devices.DeviceService;
import dev.parley.ui.settings.UserSettings;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The camera, microphone and speaker pickers, the self-preview and the microphone meter. A pick the person makes goes
 * to the {@link DeviceService} and is remembered; lists reload when devices come and go; a switch the app made by
 * itself (a device unplugged) moves the picker and is told in {@link #statusProperty()} but does not change what is
 * remembered, so the person's own choice comes back when the device does.
 */
public final class DevicesViewModel implements DeviceEvents {

    private final DeviceService service;
    private final RememberedSettings settings;
    private final Executor uiThread;
    private final Map<Kind, ObservableList<DeviceOption>> options = new EnumMap<>(Kind.class);
    private final Map<Kind, ObjectProperty<DeviceOption>> selected = new EnumMap<>(Kind.class);
    private final ReadOnlyObjectWrapper<VideoSource> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final LevelMeterModel meter = new LevelMeterModel();
    // True while the model itself moves a picker (reload, a switch by the app): no select() back to the service.
    private boolean updating;

    DevicesViewModel(DeviceService service, RememberedSettings settings, Executor uiThread) {
        this.service = Objects.requireNonNull(service);
        this.settings = settings;
        this.uiThread = uiThread;
        for (Kind kind : Kind.values()) {
            options.put(kind, FXCollections.observableArrayList());
            ObjectProperty<DeviceOption> property = new SimpleObjectProperty<>(this, kind.name().toLowerCase(java.util.Locale.ROOT));
            property.addListener((obs, old, now) -> picked(kind, now));
            selected.put(kind, property);
        }
        for (Kind kind : Kind.values()) {
            reload(kind);
            restoreRemembered(kind);
        }
        refreshPreview();
        service.setEvents(this);
    }

    /** The devices of a kind, in the service's order. */
    public ObservableList<DeviceOption> options(Kind kind) {
        return options.get(kind);
    }

    /** The device in use for a kind; setting it (the picker) switches to it and remembers it. */
    public ObjectProperty<DeviceOption> selectedProperty(Kind kind) {
        return selected.get(kind);
    }

    /** The chosen camera's frames for the self-preview, or null when there is no camera. */
    public ReadOnlyObjectProperty<VideoSource> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** The latest device news for a person ("The camera was unplugged; showing a test pattern."), or "". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public LevelMeterModel meter() {
        return meter;
    }

    /** Reads the microphone level once into the meter (the view's timer calls this about 20 times a second). */
    public void pollMicrophone(long nanoTime) {
        double dbfs;
        try {
            dbfs = service.microphoneLevelDbfs();
        } catch (RuntimeException e) {
            dbfs = Double.NaN;
        }
        meter.sample(dbfs, nanoTime);
    }

    @Override
    public void onDevicesChanged(Kind kind) {
        uiThread.execute(() -> reload(kind));
    }

    @Override
    public void onDeviceSwitched(Kind kind, DeviceOption now, String sentence) {
        uiThread.execute(() -> {
            if (sentence != null && !sentence.isBlank()) {
                status.set(sentence);
            }
            if (now != null && options.get(kind).stream().noneMatch(o -> o.id().equals(now.id()))) {
                reload(kind);
            } else {
                show(kind, now);
            }
            if (kind == Kind.CAMERA) {
                refreshPreview();
            }
        });
    }

    private void reload(Kind kind) {
        List<DeviceOption> present = List.copyOf(service.devices(kind));
        updating = true;
        try {
            options.get(kind).setAll(present);
        } finally {
            updating = false;
        }
        show(kind, service.selected(kind));
        if (kind == Kind.CAMERA) {
            refreshPreview();
        }
    }

    /** Shows {@code device} in the picker without asking the service for it. */
    private void show(Kind kind, DeviceOption device) {
        DeviceOption listed = device == null ? null : options.get(kind).stream()
                .filter(o -> o.id().equals(device.id())).findFirst().orElse(device);
        updating = true;
        try {
            selected.get(kind).set(listed);
        } finally {
            updating = false;
        }
    }

    /** At start: the device remembered from last time, when it is here and the app chose another. */
    private void restoreRemembered(Kind kind) {
        String id = rememberedId(settings.get(), kind);
        if (id.isEmpty()) {
            return;
        }
        DeviceOption current = selected.get(kind).get();
        if (current != null && current.id().equals(id)) {
            return;
        }
        options.get(kind).stream().filter(o -> o.id().equals(id)).findFirst().ifPresent(o -> {
            service.select(o);
            show(kind, o);
        });
    }

    private void picked(Kind kind, DeviceOption option) {
        if (updating || option == null) {
            return;
        }
        DeviceOption inUse = service.selected(kind);
        if (inUse == null || !inUse.id().equals(option.id())) {
            service.select(option);
        }
        settings.update(s -> remember(s, kind, option.id()));
        if (kind == Kind.CAMERA) {
            refreshPreview();
        }
    }

    private void refreshPreview() {
        preview.set(service.preview());
    }

    static String rememberedId(UserSettings s, Kind kind) {
        return switch (kind) {
            case CAMERA -> s.cameraId();
            case MICROPHONE -> s.microphoneId();
            case SPEAKER -> s.speakerId();
        };
    }

    static UserSettings remember(UserSettings s, Kind kind, String id) {
        return switch (kind) {
            case CAMERA -> s.withDevices(id, s.microphoneId(), s.speakerId());
            case MICROPHONE -> s.withDevices(s.cameraId(), id, s.speakerId());
            case SPEAKER -> s.withDevices(s.cameraId(), s.microphoneId(), id);
        };
    }
}
