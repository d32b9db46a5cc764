package dev.parley.rtc.pipeline;

import dev.parley.rtc.rtcp.ReceptionStatistics;

/**
 * What every receive stream has: its m= section and the statistics of the SSRC the demultiplexer bound to it (a new
 * SSRC, from a peer that restarted its sender, starts them over).
 */
public abstract class ReceiveStream {

    private final MediaSection section;
    private final int clockRate;
    private volatile ReceptionStatistics statistics;
    private volatile boolean ended;

    ReceiveStream(MediaSection section, int clockRate) {
        this.section = section;
        this.clockRate = clockRate;
    }

    public final MediaSection section() {
        return section;
    }

    /** Network thread: the SSRC this stream receives from now on. */
    public final void bind(int ssrc) {
        ReceptionStatistics s = statistics;
        if (s == null || s.ssrc() != ssrc) {
            statistics = new ReceptionStatistics(ssrc, clockRate);
        }
    }

    /** Network thread: the peer said BYE for this stream's SSRC (RFC 3550 §6.6): nothing more will come. */
    public void onBye() {
        ended = true;
    }

    /** Whether the peer ended the stream (W3C: the remote track's readyState "ended"). */
    public final boolean ended() {
        return ended;
    }

    /** The bound SSRC's statistics, or null before a packet or a signalled SSRC bound one. */
    public final ReceptionStatistics statistics() {
        return statistics;
    }
}
