package dev.parley.rtc.pipeline;

import java.util.concurrent.atomic.AtomicInteger;

/** The transport-wide sequence number counter of one connection: every RTP packet it sends takes the next one. */
public final class TransportSequence {
    private final AtomicInteger next = new AtomicInteger();

    public int next() {
        return next.getAndIncrement() & 0xFFFF;
    }
}
