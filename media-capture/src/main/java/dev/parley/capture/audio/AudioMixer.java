package dev.parley.capture.audio;

import dev.parley.rtc.media.AudioFrame;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sums the remote participants' audio into one 20 ms mono block for the {@link Speaker}, through a limiter so that
 * several loud voices together never clip.
 *
 * <p>The limiter looks {@value #LOOKAHEAD_SAMPLES} samples (1 ms) ahead: the output is the sum delayed by that much,
 * and the gain is already down when a peak arrives (in effect an instant attack, but reached in a smooth 1 ms ramp
 * instead of a step, so there is no hard clipping and no flat-topped wave). For each sample the gain needed to keep it
 * under the ceiling ({@value #CEILING} = about -0.45 dBFS) is known; the applied gain is the moving average, over 1 ms,
 * of the lowest needed gain in the 1 ms ahead, which is provably never above what any sample needs. It recovers
 * towards 1 with a {@value #RELEASE_MS} ms time constant and is exactly 1 when nothing needs limiting: a sum that fits
 * passes bit for bit, only delayed by {@link #LATENCY_SAMPLES} samples.
 *
 * <p>An input that throws, returns {@code null}, or returns anything but a 20 ms mono frame contributes silence to
 * that block and is counted in {@link #rejectedFrames()}; it never breaks the mix.
 *
 * <p>Threads: {@link #add}/{@link #remove} from any thread (the input list is an immutable array swapped under a
 * lock); {@link #mix} from one thread only, the speaker's, and it allocates nothing.
 */
public final class AudioMixer {

    /** One source of playout audio, pulled once per mix; {@code RemoteAudioTrack::pull} is one. */
    @FunctionalInterface
    public interface PlayoutInput {
        /** The next 20 ms mono frame, lent until the next call; {@code null} counts as silence. */
        AudioFrame pull(long nowNanos);
    }

    /** Samples in one mixed block: 20 ms at 48 kHz, mono. */
    public static final int BLOCK_SAMPLES = AudioFrame.SAMPLES_PER_20_MS;
    /** The limiter's look-ahead, and so the delay of the output behind the inputs. */
    public static final int LATENCY_SAMPLES = 48;
    static final int LOOKAHEAD_SAMPLES = LATENCY_SAMPLES;
    static final int CEILING = 31_129;
    static final int RELEASE_MS = 80;

    private static final double RELEASE_COEFF =
            1 - Math.exp(-1000.0 / (RELEASE_MS * (double) AudioFrame.SAMPLE_RATE));
    private static final double SNAP_TO_UNITY = 1e-4;
    private static final PlayoutInput[] NONE = new PlayoutInput[0];

    private final Object lock = new Object();
    private volatile PlayoutInput[] inputs = NONE;
    private final AtomicLong rejected = new AtomicLong();

    // x and need hold LOOKAHEAD samples from the previous block, then this block: index i of the output is x[i].
    private final int[] x = new int[LOOKAHEAD_SAMPLES + BLOCK_SAMPLES];
    private final double[] need = new double[LOOKAHEAD_SAMPLES + BLOCK_SAMPLES];
    // released gains: LOOKAHEAD - 1 from the previous block, then this block's.
    private final double[] released = new double[LOOKAHEAD_SAMPLES - 1 + BLOCK_SAMPLES];
    private double lastReleased = 1.0;
    private volatile double gain = 1.0;

    public AudioMixer() {
        Arrays.fill(need, 1.0);
        Arrays.fill(released, 1.0);
    }

    /** Adds an input (from any thread); adding the same one twice mixes it twice. */
    public void add(PlayoutInput input) {
        if (input == null) {
            throw new IllegalArgumentException("input is null");
        }
        synchronized (lock) {
            PlayoutInput[] now = inputs;
            PlayoutInput[] next = Arrays.copyOf(now, now.length + 1);
            next[now.length] = input;
            inputs = next;
        }
    }

    /** Removes one occurrence of {@code input} (compared by identity); false when it was not there. */
    public boolean remove(PlayoutInput input) {
        synchronized (lock) {
            PlayoutInput[] now = inputs;
            for (int i = 0; i < now.length; i++) {
                if (now[i] == input) {
                    PlayoutInput[] next = new PlayoutInput[now.length - 1];
                    System.arraycopy(now, 0, next, 0, i);
                    System.arraycopy(now, i + 1, next, i, now.length - i - 1);
                    inputs = next;
                    return true;
                }
            }
            return false;
        }
    }

    public int inputCount() {
        return inputs.length;
    }

    /** Frames that counted as silence because their input threw, returned null or returned a wrong shape. */
    public long rejectedFrames() {
        return rejected.get();
    }

    /** The limiter's gain at the end of the last block: 1 when nothing is being limited. */
    public double gain() {
        return gain;
    }

    /**
     * Pulls every input once and writes the next {@value #BLOCK_SAMPLES} mixed samples (20 ms mono) into
     * {@code out[0..960)}. One thread only (the speaker's).
     */
    public void mix(short[] out, long nowNanos) {
        if (out.length < BLOCK_SAMPLES) {
            throw new IllegalArgumentException("out must hold " + BLOCK_SAMPLES + " samples, has " + out.length);
        }
        final int la = LOOKAHEAD_SAMPLES;
        // Shift the look-ahead tails of the previous block to the front.
        System.arraycopy(x, BLOCK_SAMPLES, x, 0, la);
        System.arraycopy(need, BLOCK_SAMPLES, need, 0, la);
        System.arraycopy(released, BLOCK_SAMPLES, released, 0, la - 1);
        Arrays.fill(x, la, la + BLOCK_SAMPLES, 0);
        for (PlayoutInput input : inputs) {
            addInput(input, nowNanos);
        }
        for (int i = la; i < la + BLOCK_SAMPLES; i++) {
            int a = Math.abs(x[i]);
            need[i] = a <= CEILING ? 1.0 : (double) CEILING / a;
        }
        for (int i = 0; i < BLOCK_SAMPLES; i++) {
            double lowest = need[i];
            for (int k = 1; k <= la; k++) {
                lowest = Math.min(lowest, need[i + k]);
            }
            double r = lastReleased + (1.0 - lastReleased) * RELEASE_COEFF;
            if (1.0 - r < SNAP_TO_UNITY) {
                r = 1.0;
            }
            r = Math.min(r, lowest);
            lastReleased = r;
            released[la - 1 + i] = r;
            double sum = 0;
            for (int k = 0; k < la; k++) {
                sum += released[i + k];
            }
            double g = sum / la;
            int sample = x[i];
            if (g < 1.0) {
                sample = (int) Math.round(sample * g);
            }
            // Never reached by construction (|x| * g <= CEILING); guards rounding only.
            out[i] = (short) Math.max(-32768, Math.min(32767, sample));
            if (i == BLOCK_SAMPLES - 1) {
                gain = g;
            }
        }
    }

    private void addInput(PlayoutInput input, long nowNanos) {
        AudioFrame frame;
        try {
            frame = input.pull(nowNanos);
        } catch (RuntimeException e) {
            rejected.incrementAndGet();
            return;
        }
        if (frame == null || frame.channels() != 1 || frame.samplesPerChannel() != BLOCK_SAMPLES) {
            rejected.incrementAndGet();
            return;
        }
        short[] s = frame.samples();
        int off = frame.offset();
        int la = LOOKAHEAD_SAMPLES;
        for (int i = 0; i < BLOCK_SAMPLES; i++) {
            x[la + i] += s[off + i];
        }
    }
}
