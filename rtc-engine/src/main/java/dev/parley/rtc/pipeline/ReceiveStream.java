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

    /** The bound SSRC's statistics, or null before a packet or a signalled SSRC bound one. */
    public final ReceptionStatistics statistics() {
        return statistics;
    }
}
