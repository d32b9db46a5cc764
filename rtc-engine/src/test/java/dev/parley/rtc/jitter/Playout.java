package dev.parley.rtc.jitter;

import dev.parley.rtc.media.AudioFrame;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A deterministic network and playout clock around one buffer: no real time, every instant is given. */
final class Playout {

    static final long MS = 1_000_000L;
    static final long FRAME_NANOS = 20 * MS;

    /** One packet on the wire. */
    record Arrival(int seq, long timestamp, byte[] payload, long arrivalNanos) {
    }

    /**
     * What playout produced: the concatenated PCM, each frame's kind, whether the buffer dropped a frame
     * ({@code framesSkipped} grew) at that pull, and the buffer's stats right after each pull.
     */
    record Result(short[] pcm, PlayoutKind[] kinds, boolean[] skips, AudioJitterStats[] stats) {
        int count(PlayoutKind kind) {
            int c = 0;
            for (PlayoutKind k : kinds) {
                if (k == kind) {
                    c++;
                }
            }
            return c;
        }

        /** The frames at which the buffer dropped one, in order. */
        List<Integer> skipFrames() {
            List<Integer> frames = new ArrayList<>();
            for (int f = 0; f < skips.length; f++) {
                if (skips[f]) {
                    frames.add(f);
                }
            }
            return frames;
        }

        double toneShare(int frame) {
            return ToneStream.toneShare(pcm, frame * ToneStream.N, ToneStream.N);
        }

        double rms(int frame) {
            return ToneStream.rms(pcm, frame * ToneStream.N, ToneStream.N);
        }
    }

    private final List<Arrival> arrivals = new ArrayList<>();

    /** Packet {@code i} of {@code packets}, sent at {@code i * 20 ms}, arriving {@code delayNanos} later. */
    Playout send(byte[][] packets, int i, int firstSeq, long firstTimestamp, long delayNanos) {
        arrivals.add(new Arrival((firstSeq + i) & 0xffff, (firstTimestamp + (long) i * ToneStream.N) & 0xffffffffL,
                packets[i], i * FRAME_NANOS + delayNanos));
        return this;
    }

    Playout add(Arrival a) {
        arrivals.add(a);
        return this;
    }

    /**
     * Pulls {@code frames} frames, the first at {@code phaseNanos}, then every 20 ms; before each pull every
     * packet that has arrived by then is inserted, in arrival order.
     */
    Result run(AudioJitterBuffer buffer, int frames, long phaseNanos) {
        arrivals.sort(Comparator.comparingLong(Arrival::arrivalNanos));
        short[] pcm = new short[frames * ToneStream.N];
        PlayoutKind[] kinds = new PlayoutKind[frames];
        boolean[] skips = new boolean[frames];
        AudioJitterStats[] stats = new AudioJitterStats[frames];
        long skipped = buffer.stats().framesSkipped();
        int next = 0;
        for (int f = 0; f < frames; f++) {
            long now = phaseNanos + f * FRAME_NANOS;
            while (next < arrivals.size() && arrivals.get(next).arrivalNanos() <= now) {
                Arrival a = arrivals.get(next++);
                buffer.insert(a.seq(), a.timestamp(), a.payload(), a.arrivalNanos());
            }
            AudioFrame frame = buffer.pull(now);
            System.arraycopy(frame.samples(), frame.offset(), pcm, f * ToneStream.N, frame.sampleCount());
            kinds[f] = buffer.lastKind();
            stats[f] = buffer.stats();
            skips[f] = stats[f].framesSkipped() > skipped;
            skipped = stats[f].framesSkipped();
        }
        return new Result(pcm, kinds, skips, stats);
    }
}
