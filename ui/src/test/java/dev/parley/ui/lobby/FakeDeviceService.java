package dev.parley.ui.lobby;

import dev.parley.rtc.media.VideoSink;
import dev.parley.rtc.media.VideoSource;
import dev.parley.rtc.media.synthetic.SyntheticVideoSource;
import dev.parley.ui.devices.DeviceEvents;
import dev.parley.ui.devices.DeviceOption;
import dev.parley.ui.devices.DeviceOption.Kind;
import dev.parley.ui.devices.DeviceService;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.DoubleSupplier;

/**
 * Two cameras, two microphones and a speaker (each list ending in a synthetic stand-in), a preview that is either a
 * plain object or a real {@link SyntheticVideoSource#vga30()}, and a scripted microphone level; records what was
 * selected.
 */
final class FakeDeviceService implements DeviceService {

    static final DeviceOption CAM_BUILT_IN = new DeviceOption(Kind.CAMERA, "cam-1", "Built-in Camera", false);
    static final DeviceOption CAM_USB = new DeviceOption(Kind.CAMERA, "cam-2", "USB Webcam C920", false);
    static final DeviceOption CAM_PATTERN = new DeviceOption(Kind.CAMERA, "pattern", "Test pattern", true);
    static final DeviceOption MIC_BUILT_IN = new DeviceOption(Kind.MICROPHONE, "mic-1", "Built-in Microphone", false);
    static final DeviceOption MIC_HEADSET = new DeviceOption(Kind.MICROPHONE, "mic-2", "Headset Microphone", false);
    static final DeviceOption MIC_SILENCE = new DeviceOption(Kind.MICROPHONE, "silence", "Silence", true);
    static final DeviceOption SPK_BUILT_IN = new DeviceOption(Kind.SPEAKER, "spk-1", "Built-in Speakers", false);
    static final DeviceOption SPK_SILENT = new DeviceOption(Kind.SPEAKER, "silent", "No sound", true);

    final Map<Kind, List<DeviceOption>> lists = new EnumMap<>(Kind.class);
    final Map<Kind, DeviceOption> inUse = new EnumMap<>(Kind.class);
    final List<DeviceOption> selections = new CopyOnWriteArrayList<>();
    volatile DeviceEvents events;
    volatile DoubleSupplier level = () -> -100;
    private final Map<String, VideoSource> previews = new HashMap<>();
    private final boolean realVideo;
    private final List<SyntheticVideoSource> opened = new ArrayList<>();

    /** @param realVideo previews are running test patterns (close them with {@link #close()}) */
    FakeDeviceService(boolean realVideo) {
        this.realVideo = realVideo;
        lists.put(Kind.CAMERA, new ArrayList<>(List.of(CAM_BUILT_IN, CAM_USB, CAM_PATTERN)));
        lists.put(Kind.MICROPHONE, new ArrayList<>(List.of(MIC_BUILT_IN, MIC_HEADSET, MIC_SILENCE)));
        lists.put(Kind.SPEAKER, new ArrayList<>(List.of(SPK_BUILT_IN, SPK_SILENT)));
        inUse.put(Kind.CAMERA, CAM_BUILT_IN);
        inUse.put(Kind.MICROPHONE, MIC_BUILT_IN);
        inUse.put(Kind.SPEAKER, SPK_BUILT_IN);
    }

    /** A level script: each poll answers the next value, the last one repeating. */
    void scriptLevels(double... dbfs) {
        int[] next = {0};
        level = () -> dbfs[Math.min(next[0]++, dbfs.length - 1)];
    }

    void unplug(DeviceOption device, DeviceOption fallback, String sentence) {
        lists.get(device.kind()).remove(device);
        if (inUse.get(device.kind()).equals(device)) {
            inUse.put(device.kind(), fallback);
            events.onDeviceSwitched(device.kind(), fallback, sentence);
        }
        events.onDevicesChanged(device.kind());
    }

    void plugIn(DeviceOption device) {
        lists.get(device.kind()).add(0, device);
        events.onDevicesChanged(device.kind());
    }

    @Override
    public void setEvents(DeviceEvents events) {
        this.events = events;
    }

    @Override
    public List<DeviceOption> devices(Kind kind) {
        return List.copyOf(lists.get(kind));
    }

    @Override
    public DeviceOption selected(Kind kind) {
        return inUse.get(kind);
    }

    @Override
    public void select(DeviceOption option) {
        selections.add(option);
        inUse.put(option.kind(), option);
    }

    @Override
    public synchronized VideoSource preview() {
        DeviceOption camera = inUse.get(Kind.CAMERA);
        if (camera == null) {
            return null;
        }
        return previews.computeIfAbsent(camera.id(), id -> {
            if (!realVideo) {
                return new StillPreview(id);
            }
            SyntheticVideoSource source = SyntheticVideoSource.vga30();
            opened.add(source);
            return source;
        });
    }

    @Override
    public double microphoneLevelDbfs() {
        return level.getAsDouble();
    }

    /** A preview that sends nothing, one per camera; remembers who listens. */
    static final class StillPreview implements VideoSource {
        final String cameraId;
        volatile VideoSink sink;

        StillPreview(String cameraId) {
            this.cameraId = cameraId;
        }

        @Override
        public void setSink(VideoSink sink) {
            this.sink = sink;
        }
    }

    synchronized void close() {
        opened.forEach(SyntheticVideoSource::close);
    }
}
