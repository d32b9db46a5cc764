package dev.parley.rtc.jitter;

import static dev.parley.rtc.jitter.Playout.MS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parley.rtc.codec.opus.OpusDecoder;
import dev.parley.rtc.codec.opus.OpusPackets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The drift correction: a buffer that stays deeper than it needs sheds the excess, one frame per window at most. */
class AudioJitterBufferDriftTest {

    private static final int PACKETS = 1500; // 30 s
    private static final byte[][] TONE = ToneStream.packets(PACKETS);
    private static final int N = ToneStream.N;
    private static final int WINDOW = AudioJitterBuffer.DRIFT_WINDOW;

    /**
     * Packet {@code i} sent at {@code i * 20 ms}, arriving 5 ms later, but packets 5..9 held back until packet 10
     * arrives: right after playout starts the buffer runs dry for 100 ms, as under a CPU stall.
     */
    private static Playout drySpellAtStart() {
        Playout net = new Playout();
        for (int i = 0; i < PACKETS; i++) {
            long arrival = (i >= 5 && i < 10 ? 10 : i) * Playout.FRAME_NANOS + 5 * MS;
            net.add(new Playout.Arrival(i, (long) i * N, TONE[i], arrival));
        }
        return net;
    }

    /** Every packet on time (5 ms after sending) but those in {@code lost}. */
    private static Playout steady(int packets, int... lost) {
        Playout net = new Playout();
        for (int i = 0; i < packets; i++) {
            final int seq = i;
            if (Arrays.stream(lost).noneMatch(l -> l == seq)) {
                net.send(TONE, i, 0, 0, 5 * MS);
            }
        }
        return net;
    }

    /** Packet {@code i} arriving 40 ms after sending, give or take a seeded uniform 30 ms. */
    private static Playout jittered(long seed) {
        Random random = new Random(seed);
        Playout net = new Playout();
        for (int i = 0; i < PACKETS; i++) {
            net.send(TONE, i, 0, 0, 40 * MS + (long) ((random.nextDouble() * 60 - 30) * MS));
        }
        return net;
    }

    private static int firstDecoded(Playout.Result r) {
        for (int f = 0; f < r.kinds().length; f++) {
            if (r.kinds()[f] == PlayoutKind.DECODED) {
                return f;
            }
        }
        return -1;
    }

    /**
     * The PCM a reference decoder produces when fed every packet in order, the way the buffer's pulls say: silence
     * stays zero, a concealed frame is the decoder's PLC, a decoded frame decodes the next packet, and at a skip
     * the packet passed over is first decoded and thrown away if {@code decodeSkipped}, else never seen.
     * Only for lossless streams, where every skip is a cut.
     */
    private static short[] replay(Playout.Result r, boolean decodeSkipped) {
        OpusDecoder ref = new OpusDecoder(1);
        short[] out = new short[r.pcm().length];
        short[] discarded = new short[N];
        int next = 0;
        for (int f = 0; f < r.kinds().length; f++) {
            switch (r.kinds()[f]) {
                case SILENCE -> {
                }
                case CONCEALED -> ref.conceal(out, f * N, N);
                case DECODED -> {
                    if (r.skips()[f]) {
                        if (decodeSkipped) {
                            ref.decode(TONE[next], 0, TONE[next].length, discarded, 0);
                        }
                        next++;
                    }
                    ref.decode(TONE[next], 0, TONE[next].length, out, f * N);
                    next++;
                }
                default -> throw new AssertionError("unexpected " + r.kinds()[f] + " at frame " + f);
            }
        }
        return out;
    }

    private static boolean sameFrame(short[] a, short[] b, int frame) {
        return Arrays.equals(a, frame * N, (frame + 1) * N, b, frame * N, (frame + 1) * N);
    }

    @Test
    void aBufferLeftDeepByADrySpellShedsTheExcessAndSettlesAtTargetPlusOneFrame() {
        AudioJitterBuffer buffer = new AudioJitterBuffer(AudioJitterConfig.defaults(1));
        int frames = PACKETS - 10; // stop while packets still flow
        Playout.Result r = drySpellAtStart().run(buffer, frames, 3 * MS);
        int start = firstDecoded(r);
        // The fill (initial 60 ms target) starts with packets 0..3; packet 4 arrives, then nothing for 100 ms: after
        // packet 4 the buffer runs dry for two pulls (concealed, stretching playout by 40 ms), then packets 5..10
        // are all there: 6 frames, 120 ms deep, where a 20 ms target needs 40.
        assertThat(r.kinds()[start + 5]).isEqualTo(PlayoutKind.CONCEALED);
        assertThat(r.kinds()[start + 6]).isEqualTo(PlayoutKind.CONCEALED);
        int deep = start + 7;
        // bufferedPackets is counted after the pull took its packet: level - 1.
        assertThat(r.stats()[deep].bufferedPackets()).isEqualTo(5);
        assertThat(r.stats()[deep + 10].bufferedPackets()).isEqualTo(5);

        // Four cuts take it from 120 ms to 40 ms, each at the end of a 25-pull window, at most one a window. The
        // first window holds the dry pulls (level 0) and cuts nothing; the estimator's target, raised by the
        // held-back packets, then falls back to 20 ms within a few seconds, and the cuts follow it down.
        List<Integer> cuts = r.skipFrames();
        assertThat(cuts).hasSize(4);
        for (int i = 0; i < cuts.size(); i++) {
            assertThat((cuts.get(i) - start + 1) % WINDOW).as("cut %d at frame %d", i, cuts.get(i)).isZero();
            assertThat(cuts.get(i)).isGreaterThanOrEqualTo(start + 2 * WINDOW - 1);
        }
        assertThat(cuts.get(3)).as("converged within 3 s").isLessThan(start + 6 * WINDOW);
        // Each cut lowers the level by one frame and nothing else changes it: 6 frames before the first, 2 after
        // the last, for the remaining 26 s.
        int level = 6;
        for (int f = deep; f < frames; f++) {
            if (r.skips()[f]) {
                level--;
            }
            assertThat(r.stats()[f].bufferedPackets()).as("frame %d", f).isEqualTo(level - 1);
        }
        assertThat(level).isEqualTo(2);
        AudioJitterStats end = r.stats()[frames - 1];
        assertThat(end.targetDelayMs()).isCloseTo(20, within(1e-9));
        assertThat(end.currentDelayMs()).isCloseTo(end.targetDelayMs() + 20, within(1e-6));

        // The audio: after the dry spell every frame is a decoded packet, cut frames included, and no concealment
        // ever follows a cut; the tone runs on through the cuts.
        for (int f = deep; f < frames; f++) {
            assertThat(r.kinds()[f]).as("frame %d", f).isEqualTo(PlayoutKind.DECODED);
            assertThat(r.toneShare(f)).as("440 Hz share of frame %d", f).isGreaterThan(0.5);
            assertThat(r.rms(f)).as("rms of frame %d", f).isGreaterThan(1000);
        }
        assertThat(end.framesConcealed()).isEqualTo(2);
        assertThat(end.framesStretched()).isEqualTo(2);
        assertThat(end.framesSkipped()).isEqualTo(4);
        assertThat(end.framesDecoded()).isEqualTo((long) frames - start - 2);

        // A cut decodes the packet it skips before playing the next one (the decoder's state stays continuous):
        // the played audio is, sample for sample, what a decoder fed every packet in order produces. A plain skip
        // would not be: the frame after it decodes differently without its predecessor.
        short[] continuous = replay(r, true);
        short[] plainSkips = replay(r, false);
        for (int f = 0; f < frames; f++) {
            assertThat(sameFrame(r.pcm(), continuous, f)).as("frame %d as decoded in order", f).isTrue();
        }
        for (int cut : cuts) {
            assertThat(sameFrame(r.pcm(), plainSkips, cut)).as("cut frame %d after a plain skip", cut).isFalse();
        }
    }

    @Test
    void noCutWhileAPacketIsMissingOrJustRebuilt() {
        AudioJitterConfig config = AudioJitterConfig.defaults(1);
        // Steady arrivals: the first fill starts with 4 packets (80 ms), the target falls to 20 ms after 10
        // arrivals, and with no loss the ends of the first two windows cut (80 -> 60 -> 40 ms).
        AudioJitterBuffer clean = new AudioJitterBuffer(config);
        Playout.Result r = steady(300).run(clean, 280, 3 * MS);
        int start = firstDecoded(r);
        assertThat(start).isEqualTo(4);
        assertThat(r.skipFrames()).containsExactly(start + WINDOW - 1, start + 2 * WINDOW - 1);

        // Packet 26 lost, and packet 27 carries no FEC for it. The first window ends at the pull that plays 24
        // with 24, 25, 27 buffered: a gap, so no cut. At 26's turn the loss rule skips it instead of concealing it
        // (the level is over target + 1 frame): one frame shorter without cutting audio. That shrink starts a
        // new window, whose end cuts once more; the level then holds at 40 ms. Nothing is concealed.
        assertThat(OpusPackets.hasFec(TONE[27], 0, TONE[27].length)).isFalse();
        AudioJitterBuffer gap = new AudioJitterBuffer(config);
        r = steady(300, 26).run(gap, 280, 3 * MS);
        assertThat(r.skipFrames()).containsExactly(start + 26, start + 26 + WINDOW);
        assertThat(gap.stats().framesConcealed() + gap.stats().framesFecRecovered()).isZero();
        assertThat(gap.stats().framesDecoded()).isEqualTo(280 - start);
        assertThat(gap.stats().bufferedPackets()).isEqualTo(1);

        // Packet 23 lost; packet 24 carries its FEC. 23 is rebuilt at the pull before the first window's end, so
        // that window ends right after loss handling and cuts nothing; the next two windows each cut.
        assertThat(OpusPackets.hasFec(TONE[24], 0, TONE[24].length)).isTrue();
        AudioJitterBuffer rebuilt = new AudioJitterBuffer(config);
        r = steady(300, 23).run(rebuilt, 280, 3 * MS);
        assertThat(r.kinds()[start + 23]).isEqualTo(PlayoutKind.FEC_RECOVERED);
        assertThat(r.skipFrames()).containsExactly(start + 2 * WINDOW - 1, start + 3 * WINDOW - 1);
        assertThat(rebuilt.stats().framesFecRecovered()).isEqualTo(1);
        assertThat(rebuilt.stats().framesConcealed()).isZero();
    }

    @Test
    void jitteredArrivalsAreNeverCutIntoADrySpell() {
        for (long seed = 1; seed <= 3; seed++) {
            // Arrivals spread over 60 ms: the target (p95 + a frame, about 80 ms) holds the buffer's level well
            // below target + 1 frame at the window's lowest, so nothing is cut and nothing ever runs dry.
            AudioJitterBuffer buffer = new AudioJitterBuffer(AudioJitterConfig.defaults(1));
            Playout.Result r = jittered(seed).run(buffer, PACKETS - 10, 3 * MS);
            AudioJitterStats s = buffer.stats();
            assertThat(s.targetDelayMs()).as("seed %d", seed).isBetween(70.0, 110.0);
            assertThat(r.skipFrames()).as("seed %d", seed).isEmpty();
            assertThat(s.framesConcealed() + s.framesStretched()).as("seed %d", seed).isZero();
            assertThat(s.packetsLate()).as("seed %d", seed).isZero();

            // The same arrivals with a 200 ms stall at 10 s (packets 500..509 held until packet 510's time): the
            // buffer runs dry and stretches, and when they all arrive it is some 100 ms deeper than before. The cuts
            // (the drift correction's, and the hard margin's) shed that, and never cut it into another dry spell:
            // every frame after the stall is decoded and no packet comes too late.
            Playout stalled = new Playout();
            Random random = new Random(seed);
            long released = 510 * Playout.FRAME_NANOS + 40 * MS;
            for (int i = 0; i < PACKETS; i++) {
                long arrival = i * Playout.FRAME_NANOS + 40 * MS + (long) ((random.nextDouble() * 60 - 30) * MS);
                stalled.add(new Playout.Arrival(i, (long) i * N, TONE[i], i >= 500 && i < 510
                        ? Math.max(arrival, released) : arrival));
            }
            AudioJitterBuffer buffer2 = new AudioJitterBuffer(AudioJitterConfig.defaults(1));
            int frames = PACKETS - 10;
            r = stalled.run(buffer2, frames, 3 * MS);
            int afterStall = (int) ((released - 3 * MS) / Playout.FRAME_NANOS) + 1; // the first pull that has them
            for (int f = firstDecoded(r); f < frames; f++) {
                if (f < 495 || f >= afterStall) {
                    assertThat(r.kinds()[f]).as("seed %d frame %d", seed, f).isEqualTo(PlayoutKind.DECODED);
                }
            }
            s = buffer2.stats();
            assertThat(s.packetsLate()).as("seed %d", seed).isZero();
            // Cuts come only after the stall, and shed no more than it added (a frame for each stretched one).
            List<Integer> cuts = r.skipFrames();
            assertThat(s.framesStretched()).as("seed %d", seed).isBetween(5L, 8L);
            assertThat(cuts).as("seed %d", seed).hasSizeBetween(3, (int) s.framesStretched())
                    .allMatch(f -> f >= afterStall);
            double deepest = meanLevelMs(r, afterStall, afterStall + 10);
            double settled = meanLevelMs(r, frames - 250, frames);
            assertThat(settled).as("seed %d", seed).isLessThan(deepest - 60);
        }
    }

    /** Mean buffer level (packets waiting, and the one just played) over frames {@code [from, to)}, in ms. */
    private static double meanLevelMs(Playout.Result r, int from, int to) {
        double sum = 0;
        for (int f = from; f < to; f++) {
            sum += (r.stats()[f].bufferedPackets() + 1) * 20.0;
        }
        return sum / (to - from);
    }
}
