package dev.parley.rtc.jitter;

import dev.parley.rtc.testing.Signals;

import dev.parley.rtc.codec.opus.OpusEncoder;
import dev.parley.rtc.codec.opus.OpusFormat;
import dev.parley.rtc.media.AudioFrame;
import java.util.Arrays;

/** A 440 Hz tone encoded into 20 ms Opus packets, and the measurement the tests make on played audio. */
final class ToneStream {

    static final int N = AudioFrame.SAMPLES_PER_20_MS;
    static final double HZ = 440;

    private ToneStream() {
    }

    /**
     * {@code count} packets of a mono 440 Hz tone at 32 kbit/s, 20% expected loss (so SILK codes in-band FEC),
     * DTX off. A slow tremolo keeps Opus's voice activity detector from taking the steady tone for noise, which
     * would stop the FEC.
     */
    static byte[][] packets(int count) {
        OpusEncoder enc = new OpusEncoder(1);
        enc.setDtx(false);
        enc.setBitrate(32_000);
        enc.setPacketLossPercent(20);
        short[] pcm = new short[N];
        byte[] buf = new byte[OpusFormat.MAX_FRAME_BYTES];
        byte[][] out = new byte[count][];
        for (int f = 0; f < count; f++) {
            for (int i = 0; i < N; i++) {
                int n = f * N + i;
                double tremolo = 0.6 + 0.4 * Math.sin(2 * Math.PI * 3 * n / 48_000.0);
                pcm[i] = (short) Math.round(9000 * tremolo * Math.sin(2 * Math.PI * HZ * n / 48_000.0));
            }
            int len = enc.encode(AudioFrame.wrap(pcm, 1, 0), buf, 0);
            out[f] = Arrays.copyOf(buf, len);
        }
        return out;
    }

    /** Share of the frame's energy at 440 Hz (Goertzel), 0..~1; 0 for a silent frame. */
    static double toneShare(short[] x, int from, int n) {
        return Signals.goertzelShare(x, from, n, HZ, 48_000);
    }

    static double rms(short[] x, int from, int n) {
        return Signals.rms(x, from, n);
    }
}
