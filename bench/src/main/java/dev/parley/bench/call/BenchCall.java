package dev.parley.bench.call;

import dev.parley.rtc.media.synthetic.SyntheticVideoSource;
import java.util.List;

/**
 * A connected two-party call carrying the benchmark's media both ways, whichever stack runs it: the benchmark
 * measures it only through its {@link Direction}s. Closing it ends the media and both connections.
 */
interface BenchCall extends AutoCloseable {

    /** The stack's name in the report. */
    String name();

    /** The two directions, a to b first. */
    List<Direction> directions();

    @Override
    void close();

    /** Reads one direction's video stats from both ends. */
    @FunctionalInterface
    interface StatsProbe {
        DirectionCounters read() throws Exception;
    }

    /**
     * One direction of the call: the sender's camera, what the receiver's video and audio sinks got, and the stats
     * of the sender's outbound and the receiver's inbound video.
     */
    record Direction(String label, SyntheticVideoSource camera, StampedVideo video, AudioCounter audio,
                     StatsProbe stats) {
    }
}
