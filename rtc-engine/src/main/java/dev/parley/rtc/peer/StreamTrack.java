package dev.parley.rtc.peer;

import dev.parley.rtc.pipeline.ReceiveStream;

/** What both kinds of remote track answer from the receive stream behind them. */
abstract class StreamTrack {

    private final ReceiveStream stream;

    StreamTrack(ReceiveStream stream) {
        this.stream = stream;
    }

    /** The m= section it arrives on. */
    public final String mid() {
        return stream.section().mid();
    }

    /** Whether the peer ended it (RTCP BYE). */
    public final boolean ended() {
        return stream.ended();
    }
}
