package dev.parley.capture;

import dev.parley.rtc.media.VideoSink;
import dev.parley.rtc.media.VideoSource;

/**
 * The camera a call sends: one {@link VideoSource} whose frames come from whichever camera works now (see
 * {@link DeviceFailover}), so the engine's track never changes when a camera is unplugged or replaced. Frames from a
 * camera that is no longer current are dropped, never mixed in.
 */
public final class FailoverVideoSource implements VideoSource, AutoCloseable {

    private final DeviceFailover<VideoCaptureDevice> failover;
    private volatile VideoSink sink;

    public FailoverVideoSource(DeviceCatalog catalog, DeviceOpener<? extends VideoCaptureDevice> opener,
                               DeviceInfo fallback) {
        this.failover = new DeviceFailover<>(DeviceKind.CAMERA, catalog, opener, fallback, this::attach);
    }

    private void attach(VideoCaptureDevice device) {
        device.setSink(frame -> {
            VideoSink s = sink;
            if (s != null && failover.current() == device) {
                s.onVideoFrame(frame);
            }
        });
    }

    @Override
    public void setSink(VideoSink next) {
        sink = next;
    }

    /** Chooses the camera ({@link DeviceFailover#select}), reports switches, tells which one is in use. */
    public DeviceFailover<VideoCaptureDevice> failover() {
        return failover;
    }

    @Override
    public void close() {
        failover.close();
    }
}
