package dev.parley.rtc.codec.g711;

import dev.parley.rtc.media.AudioFrame;

/**
 * Encodes 48 kHz {@link AudioFrame}s into G.711 payloads: stereo is downmixed to mono, the signal is decimated
 * to 8 kHz, and each sample becomes one byte (80 bytes per 10 ms, 160 per 20 ms). Stateful (the resampler's
 * history): one encoder per stream, on one thread. No allocation per frame.
 */
public final class G711Encoder {

    private final G711 law;
    private final Downsampler48To8 downsampler = new Downsampler48To8();
    private final short[] mono = new short[AudioFrame.SAMPLES_PER_20_MS];
    private final short[] narrow = new short[AudioFrame.SAMPLES_PER_20_MS / ResamplingFilter.FACTOR];

    public G711Encoder(G711 law) {
        this.law = law;
    }

    /** Payload bytes for a frame of this many samples per channel at 48 kHz. */
    public static int payloadLength(int samplesPerChannel) {
        return samplesPerChannel / ResamplingFilter.FACTOR;
    }

    /**
     * Encodes one frame into {@code out} from {@code outOffset}; returns the payload length.
     *
     * @throws IllegalArgumentException if {@code out} has no room for it
     */
    public int encode(AudioFrame frame, byte[] out, int outOffset) {
        int n = frame.samplesPerChannel();
        int length = payloadLength(n);
        if (outOffset < 0 || outOffset > out.length - length) {
            throw new IllegalArgumentException("need " + length + " bytes at offset " + outOffset);
        }
        short[] s = frame.samples();
        int off = frame.offset();
        short[] input = s;
        int inputOffset = off;
        if (frame.channels() == 2) {
            for (int i = 0; i < n; i++) {
                mono[i] = (short) ((s[off + 2 * i] + s[off + 2 * i + 1]) >> 1);
            }
            input = mono;
            inputOffset = 0;
        }
        downsampler.process(input, inputOffset, n, narrow, 0);
        law.encode(narrow, 0, out, outOffset, length);
        return length;
    }

    public G711 law() {
        return law;
    }
}
