package dev.parley.bench.call;

/**
 * The audio one receiver's remote track delivered: seconds of it (samples per channel over their rate) and the
 * energy of its first channel, so the report can show it was the tone and not silence. Thread-safe: the receiver's
 * playout thread adds, the benchmark thread reads.
 */
final class AudioCounter {

    private double seconds;
    private double sumSquares;
    private long samples;

    /** {@code frames} samples per channel at {@code rate}; {@code firstChannel} gives sample i of the first channel. */
    synchronized void add(int frames, int rate, java.util.function.IntUnaryOperator firstChannel) {
        if (frames <= 0 || rate <= 0) {
            return;
        }
        seconds += frames / (double) rate;
        for (int i = 0; i < frames; i++) {
            double s = firstChannel.applyAsInt(i);
            sumSquares += s * s;
        }
        samples += frames;
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(seconds, sumSquares, samples);
    }

    record Snapshot(double seconds, double sumSquares, long samples) {

        Snapshot minus(Snapshot earlier) {
            return new Snapshot(seconds - earlier.seconds, sumSquares - earlier.sumSquares, samples - earlier.samples);
        }

        /** Root mean square of the first channel, in PCM16 units; 0 when nothing came. */
        double rms() {
            return samples == 0 ? 0 : Math.sqrt(sumSquares / samples);
        }
    }
}
