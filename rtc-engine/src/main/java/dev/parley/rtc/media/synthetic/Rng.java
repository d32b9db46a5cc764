package dev.parley.rtc.media.synthetic;

/**
 * SplitMix64, a small fast generator whose whole state is one long. The clips reseed it from (clip seed, frame
 * index) before each frame, so any frame renders the same whatever was rendered before it.
 */
final class Rng {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    Rng(long seed) {
        state = seed;
    }

    /** Restarts the sequence for one (seed, stream) pair; different streams give unrelated sequences. */
    void reseed(long seed, long stream) {
        state = mix(seed ^ mix(stream * GOLDEN_GAMMA + 0x632BE59BD9B4E019L));
    }

    long next() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (next() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [from, to). */
    double range(double from, double to) {
        return from + (to - from) * nextDouble();
    }

    /** Uniform in [0, bound), for small bounds (the modulo bias is below 2^-32). */
    int nextInt(int bound) {
        return (int) ((next() >>> 1) % bound);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
