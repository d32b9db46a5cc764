package dev.parley.rtc.jitter;

import dev.parley.rtc.media.AudioFrame;

/**
 * Shape and limits of an {@link AudioJitterBuffer}.
 *
 * @param channels decoder output channels, 1 or 2
 * @param frameSamples samples per channel in one packet and in one pulled frame: 480 (10 ms) or 960 (20 ms)
 * @param capacityPackets how many packets ahead of the playout point are kept; later ones are dropped
 * @param minDelayMs lower clamp of the target delay
 * @param maxDelayMs upper clamp of the target delay; must leave one frame of room below the capacity
 * @param initialDelayMs target delay until enough arrivals have been measured
 * @param maxConcealMs how long concealment continues when the buffer has run dry before playout falls silent
 */
public record AudioJitterConfig(int channels, int frameSamples, int capacityPackets, int minDelayMs,
                                int maxDelayMs, int initialDelayMs, int maxConcealMs) {

    public AudioJitterConfig {
        if (channels != 1 && channels != 2) {
            throw new IllegalArgumentException("channels must be 1 or 2, was " + channels);
        }
        if (frameSamples != AudioFrame.SAMPLES_PER_10_MS && frameSamples != AudioFrame.SAMPLES_PER_20_MS) {
            throw new IllegalArgumentException("frameSamples must be 480 or 960, was " + frameSamples);
        }
        int frameMs = frameSamples * 1000 / AudioFrame.SAMPLE_RATE;
        if (capacityPackets < 4 || capacityPackets > 1000) {
            throw new IllegalArgumentException("capacityPackets must be in [4, 1000], was " + capacityPackets);
        }
        if (minDelayMs < 0 || minDelayMs > maxDelayMs || initialDelayMs < minDelayMs
                || initialDelayMs > maxDelayMs) {
            throw new IllegalArgumentException("need 0 <= minDelayMs <= initialDelayMs <= maxDelayMs");
        }
        if (maxDelayMs > (capacityPackets - 1) * frameMs) {
            throw new IllegalArgumentException("maxDelayMs " + maxDelayMs + " does not fit in " + capacityPackets
                    + " packets of " + frameMs + " ms");
        }
        if (maxConcealMs < frameMs) {
            throw new IllegalArgumentException("maxConcealMs must be at least one frame");
        }
    }

    /** 20 ms frames, 50 packets (1 s), target delay in [20, 400] ms starting at 60 ms, 200 ms of concealment. */
    public static AudioJitterConfig defaults(int channels) {
        return new AudioJitterConfig(channels, AudioFrame.SAMPLES_PER_20_MS, 50, 20, 400, 60, 200);
    }

    /** Duration of one frame in milliseconds. */
    public int frameMs() {
        return frameSamples * 1000 / AudioFrame.SAMPLE_RATE;
    }
}
