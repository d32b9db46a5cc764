package dev.parley.app;

import dev.parley.app.call.LocalTracks;
import dev.parley.app.call.RoomCallService;
import dev.parley.app.devices.LocalDeviceService;
import dev.parley.app.room.SignalingRoomService;
import dev.parley.capture.DeviceInfo;
import dev.parley.capture.DeviceKind;
import dev.parley.capture.camera.CameraFormat;
import dev.parley.capture.local.LocalMedia;
import dev.parley.rtc.peer.IceServer;
import dev.parley.rtc.peer.IceTransportPolicy;
import dev.parley.rtc.peer.RtcConfiguration;
import dev.parley.ui.ParleyServices;
import dev.parley.ui.settings.PrivacyMode;
import dev.parley.ui.settings.SettingsStore;
import dev.parley.ui.settings.UserSettings;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Everything the desktop window talks to, assembled: the signaling room service, the person's devices (capture's
 * {@link LocalMedia}), their settings, and for each room entered a {@link RoomCallService} sending the chosen camera and
 * microphone to everyone in it and playing them all on the chosen speaker.
 */
public final class DesktopServices implements AutoCloseable {

    private final SignalingRoomService rooms;
    private final LocalMedia media;
    private final LocalDeviceService devices;
    private final SettingsStore settings;
    private final AtomicReference<RoomCallService> call = new AtomicReference<>();

    public DesktopServices(URI server, SettingsStore settings) {
        this.settings = settings;
        this.rooms = new SignalingRoomService(server);
        this.media = LocalMedia.system(CameraFormat.DEFAULT);
        this.devices = new LocalDeviceService(media);
        UserSettings remembered = settings.load();
        media.select(remembered(DeviceKind.CAMERA, remembered.cameraId()),
                remembered(DeviceKind.MICROPHONE, remembered.microphoneId()),
                remembered(DeviceKind.SPEAKER, remembered.speakerId()));
        rooms.setStatusListener((sentence, healthy) -> {
            RoomCallService current = call.get();
            if (current != null) {
                current.signalingStatus(healthy);
            }
        });
        devices.setNoticeListener(notice -> {
            RoomCallService current = call.get();
            if (current != null && notice.problem() != null) {
                current.deviceNotice(notice.message());
            }
        });
        rooms.setCallStarter((room, rejoined, previous) -> {
            RoomCallService current = call.get();
            // Back after a signaling reconnect: the same call goes on (its mesh re-offers to everyone).
            return rejoined && current != null ? current.mesh() : startCall(room).mesh();
        });
    }

    private DeviceInfo remembered(DeviceKind kind, String id) {
        return id.isEmpty() ? null
                : media.catalog().devices(kind).stream().filter(d -> d.id().equals(id)).findFirst().orElse(null);
    }

    private RoomCallService startCall(String room) {
        RoomCallService old = call.get();
        if (old != null) {
            old.close();
        }
        PrivacyMode privacy = settings.load().privacy();
        RoomCallService next = new RoomCallService(room,
                new LocalTracks(devices.cameraBranch(), media.microphone(), RtcConfiguration.DEFAULT_VIDEO_BITRATE),
                rooms.meshSignaling(), media.mixer(), devices.cameraBranch(),
                servers -> configuration(servers, privacy), rooms::leaveRoom);
        call.set(next);
        return next;
    }

    /** The connection settings: the ICE servers the signaling server handed out, and the person's privacy choice. */
    static RtcConfiguration configuration(List<dev.parley.signaling.protocol.IceServer> servers, PrivacyMode privacy) {
        // Loopback candidates included: two Parley windows on one computer can call each other; they reveal nothing.
        RtcConfiguration c = RtcConfiguration.loopback().withIceServers(servers.stream()
                .map(s -> new IceServer(s.urls(), s.username(), s.credential())).toList());
        return privacy == PrivacyMode.RELAY_ONLY ? c.withIceTransportPolicy(IceTransportPolicy.RELAY) : c;
    }

    /** What the window is handed. */
    public ParleyServices services() {
        return new ParleyServices(rooms, call::get, devices, settings);
    }

    public SignalingRoomService rooms() {
        return rooms;
    }

    @Override
    public void close() {
        RoomCallService c = call.getAndSet(null);
        if (c != null) {
            c.close();
        }
        rooms.close();
        media.close();
    }
}
