package dev.parley.capture;

import dev.parley.rtc.media.VideoFrame;
import dev.parley.rtc.media.VideoSink;

/** A camera driven by the test: it emits a frame when told, fails or goes quiet when told. */
final class FakeCamera implements VideoCaptureDevice {

    private final DeviceInfo device;
    private final VideoFrame frame = VideoFrame.black(64, 48, 0);
    private volatile VideoSink sink;
    private volatile long lastActivity;
    private volatile DeviceProblem failure;
    volatile boolean closed;

    FakeCamera(DeviceInfo device, long openedNanos) {
        this.device = device;
        this.lastActivity = openedNanos;
    }

    void emit(long nowNanos) {
        lastActivity = nowNanos;
        VideoSink s = sink;
        if (s != null && !closed) {
            s.onVideoFrame(frame.withTimestamp(nowNanos));
        }
    }

    void fail(DeviceProblem problem) {
        failure = problem;
    }

    @Override
    public void setSink(VideoSink next) {
        sink = next;
    }

    @Override
    public DeviceInfo device() {
        return device;
    }

    @Override
    public long lastActivityNanos() {
        return lastActivity;
    }

    @Override
    public DeviceProblem failure() {
        return failure;
    }

    @Override
    public void close() {
        closed = true;
    }
}
