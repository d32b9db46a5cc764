package dev.parley.ui.call;

import dev.parley.rtc.media.VideoSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A call service that records what the call screen asked and lets a test send events as the app would. */
final class FakeCallService implements CallService {

    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile CallEvents events;
    volatile VideoSource self;

    FakeCallService() {
        this(null);
    }

    FakeCallService(VideoSource self) {
        this.self = self;
    }

    @Override
    public void setEvents(CallEvents events) {
        this.events = events;
    }

    @Override
    public String roomCode() {
        return "7mq2k-xd41r";
    }

    @Override
    public String shareLink() {
        return "parley://join/7mq2k-xd41r";
    }

    @Override
    public void setMicrophoneMuted(boolean muted) {
        calls.add("mic muted=" + muted);
    }

    @Override
    public void setCameraEnabled(boolean enabled) {
        calls.add("camera enabled=" + enabled);
    }

    @Override
    public VideoSource selfView() {
        return self;
    }

    @Override
    public void leave() {
        calls.add("leave");
    }

    /** A second of stats as the app would report it. */
    static CallStats stats(long t, double kbps, double loss, double rtt, double fps) {
        return new CallStats(t, kbps, kbps * 0.9, loss, rtt, fps, 12, 3, 640, 480, "H264", "opus", "host/srflx");
    }
}
