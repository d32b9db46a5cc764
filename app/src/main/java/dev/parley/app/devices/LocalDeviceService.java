package dev.parley.app.devices;

import dev.parley.capture.DeviceInfo;
import dev.parley.capture.DeviceKind;
import dev.parley.capture.DeviceListener;
import dev.parley.capture.DeviceNotice;
import dev.parley.capture.RunningDevice;
import dev.parley.capture.local.LocalMedia;
import dev.parley.rtc.media.VideoSource;
import dev.parley.ui.devices.DeviceEvents;
import dev.parley.ui.devices.DeviceOption;
import dev.parley.ui.devices.DeviceService;
import java.util.List;
import java.util.function.Consumer;

/**
 * The window's {@link DeviceService} over the capture module's {@link LocalMedia}: pickers list the device catalog,
 * choices go to the failovers, the preview is a branch of the camera, device switches become sentences.
 */
public final class LocalDeviceService implements DeviceService {

    private final LocalMedia media;
    private final VideoFanOut camera = new VideoFanOut();
    private final VideoSource preview = camera.branch();
    private volatile Consumer<DeviceNotice> noticeListener = n -> { };
    private volatile DeviceEvents events = new DeviceEvents() {
        @Override
        public void onDevicesChanged(DeviceOption.Kind kind) {
        }

        @Override
        public void onDeviceSwitched(DeviceOption.Kind kind, DeviceOption now, String sentence) {
        }
    };

    public LocalDeviceService(LocalMedia media) {
        this.media = media;
        media.camera().setSink(camera);
        media.onNotice(this::noticed);
        media.catalog().addListener(new DeviceListener() {
            @Override
            public void onDeviceAdded(DeviceInfo device) {
                events.onDevicesChanged(kindOf(device.kind()));
            }

            @Override
            public void onDeviceRemoved(DeviceInfo device) {
                events.onDevicesChanged(kindOf(device.kind()));
            }
        });
    }

    /** Another consumer of the camera's frames (the engine's video track). */
    public VideoSource cameraBranch() {
        return camera.branch();
    }

    @Override
    public void setEvents(DeviceEvents next) {
        events = next;
    }

    @Override
    public List<DeviceOption> devices(DeviceOption.Kind kind) {
        return media.catalog().devices(kindOf(kind)).stream().map(LocalDeviceService::optionOf).toList();
    }

    @Override
    public DeviceOption selected(DeviceOption.Kind kind) {
        RunningDevice current = switch (kind) {
            case CAMERA -> media.camera().failover().current();
            case MICROPHONE -> media.microphone().failover().current();
            case SPEAKER -> media.speaker().current();
        };
        return current == null ? null : optionOf(current.device());
    }

    @Override
    public void select(DeviceOption option) {
        DeviceInfo device = infoOf(option);
        switch (option.kind()) {
            case CAMERA -> media.camera().failover().select(device);
            case MICROPHONE -> media.microphone().failover().select(device);
            case SPEAKER -> media.speaker().select(device);
        }
    }

    @Override
    public VideoSource preview() {
        return preview;
    }

    @Override
    public double microphoneLevelDbfs() {
        return media.microphoneLevel().peakDbfs();
    }

    /** Also told of every device switch (the call shows a problem as a banner). */
    public void setNoticeListener(Consumer<DeviceNotice> listener) {
        noticeListener = listener == null ? n -> { } : listener;
    }

    private void noticed(DeviceNotice notice) {
        noticeListener.accept(notice);
        events.onDeviceSwitched(kindOf(notice.kind()), notice.to() == null ? null : optionOf(notice.to()),
                notice.message());
    }

    static DeviceOption optionOf(DeviceInfo device) {
        return new DeviceOption(kindOf(device.kind()), device.id(), device.name(), device.synthetic());
    }

    private DeviceInfo infoOf(DeviceOption option) {
        DeviceKind kind = kindOf(option.kind());
        return media.catalog().devices(kind).stream().filter(d -> d.id().equals(option.id())).findFirst()
                .orElse(new DeviceInfo(option.id(), option.name(), kind, option.synthetic()));
    }

    static DeviceOption.Kind kindOf(DeviceKind kind) {
        return switch (kind) {
            case CAMERA -> DeviceOption.Kind.CAMERA;
            case MICROPHONE -> DeviceOption.Kind.MICROPHONE;
            case SPEAKER -> DeviceOption.Kind.SPEAKER;
        };
    }

    static DeviceKind kindOf(DeviceOption.Kind kind) {
        return switch (kind) {
            case CAMERA -> DeviceKind.CAMERA;
            case MICROPHONE -> DeviceKind.MICROPHONE;
            case SPEAKER -> DeviceKind.SPEAKER;
        };
    }
}
