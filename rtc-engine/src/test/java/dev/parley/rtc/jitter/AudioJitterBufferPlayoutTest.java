package dev.parley.rtc.jitter;

import static dev.parley.rtc.jitter.Playout.MS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.rtc.codec.opus.OpusPackets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AudioJitterBufferPlayoutTest {

    private static final byte[][] TONE = ToneStream.packets(300);

    private static AudioJitterBuffer buffer() {
        return new AudioJitterBuffer(AudioJitterConfig.defaults(1));
    }

    /** Index of the first frame of the given kind, or -1. */
    private static int first(Playout.Result r, PlayoutKind kind) {
        for (int i = 0; i < r.kinds().length; i++) {
            if (r.kinds()[i] == kind) {
                return i;
            }
        }
        return -1;
    }

    private static Playout.Result steady(AudioJitterBuffer buffer, int packets, int firstSeq, long firstTs,
                                         int... lost) {
        Playout net = new Playout();
        outer:
        for (int i = 0; i < packets; i++) {
            for (int l : lost) {
                if (l == i) {
                    continue outer;
                }
            }
            net.send(TONE, i, firstSeq, firstTs, 5 * MS);
        }
        return net.run(buffer, packets + 20, 3 * MS);
    }

    /**
     * Where the drift correction cuts a clean stream that starts with {@link #steady}'s timing: the first fill waits
     * the initial 60 ms target and starts with 4 packets (80 ms); the target falls to 20 ms after 10 arrivals. The
     * lowest level of the first 25-pull window (80 ms) and of the second (60 ms) is over target + 1 frame (40 ms),
     * so each window ends with a cut; from then on the buffer holds 40 ms and nothing more is cut.
     */
    private static Integer[] driftCuts(int start) {
        int window = AudioJitterBuffer.DRIFT_WINDOW;
        return new Integer[] {start + window - 1, start + 2 * window - 1};
    }

    private static void assertContinuousTone(Playout.Result r, int from, int to) {
        for (int f = from; f < to; f++) {
            assertThat(r.toneShare(f)).as("440 Hz share of frame %d (%s)", f, r.kinds()[f]).isGreaterThan(0.5);
            assertThat(r.rms(f)).as("rms of frame %d", f).isGreaterThan(1000);
        }
    }

    @Test
    void inOrderWithoutLossPlaysEveryPacketOnceAndContinuously() {
        AudioJitterBuffer buffer = buffer();
        Playout.Result r = steady(buffer, 250, 1000, 123_456, new int[0]);
        int start = first(r, PlayoutKind.DECODED);
        // Silence while the first fill waits the initial 60 ms target, then 248 decoded frames in a row: every
        // packet but the two the drift correction cuts (each cut frame decodes the skipped packet, then plays the
        // next one, so it is a decoded frame too).
        assertThat(start).isBetween(3, 4);
        for (int f = 0; f < start; f++) {
            assertThat(r.kinds()[f]).isEqualTo(PlayoutKind.SILENCE);
        }
        assertThat(r.skipFrames()).containsExactly(driftCuts(start));
        for (int f = start; f < start + 248; f++) {
            assertThat(r.kinds()[f]).as("frame %d", f).isEqualTo(PlayoutKind.DECODED);
        }
        assertContinuousTone(r, start + 3, start + 248);
        AudioJitterStats s = buffer.stats();
        assertThat(s.packetsReceived()).isEqualTo(250);
        assertThat(s.framesDecoded()).isEqualTo(248);
        assertThat(s.framesSkipped()).isEqualTo(2);
        assertThat(s.framesFecRecovered()).isZero();
        assertThat(s.packetsLate() + s.packetsDuplicate() + s.packetsOverflow() + s.packetsFarJump()).isZero();
        // After the stream ends: 200 ms of concealment, then silence.
        assertThat(s.framesConcealed()).isEqualTo(10);
        assertThat(s.framesStretched()).isEqualTo(10);
        assertThat(r.kinds()[r.kinds().length - 1]).isEqualTo(PlayoutKind.SILENCE);
        assertThat(s.jitterMs()).isLessThan(0.01);
        assertThat(s.targetDelayMs()).isEqualTo(20);
        assertThat(s.framesPulled()).isEqualTo(270);
    }

    @Test
    void sequenceAndTimestampWrapAroundAreSeamless() {
        AudioJitterBuffer buffer = buffer();
        // Sequence numbers 65436..65535, 0..99; timestamps wrap half-way too.
        Playout.Result r = steady(buffer, 200, 65_436, 0xFFFF_FFFFL - 100L * ToneStream.N, new int[0]);
        AudioJitterStats s = buffer.stats();
        // Every packet but the two the drift correction cuts, as in the in-order test.
        assertThat(s.framesDecoded()).isEqualTo(198);
        assertThat(s.framesSkipped()).isEqualTo(2);
        assertThat(s.packetsLate() + s.packetsOverflow() + s.packetsFarJump() + s.resyncs()).isZero();
        int start = first(r, PlayoutKind.DECODED);
        assertThat(r.skipFrames()).containsExactly(driftCuts(start));
        for (int f = start; f < start + 198; f++) {
            assertThat(r.kinds()[f]).isEqualTo(PlayoutKind.DECODED);
        }
        assertContinuousTone(r, start + 3, start + 198);
        assertThat(s.jitterMs()).isLessThan(0.01);
    }

    @Test
    void singleLossesAreRebuiltFromTheNextPacketsFec() {
        List<Integer> lost = new ArrayList<>();
        for (int i = 30; i + 1 < 280 && lost.size() < 10; i++) {
            if (OpusPackets.hasFec(TONE[i + 1], 0, TONE[i + 1].length)) {
                lost.add(i);
                i += 20;
            }
        }
        assertThat(lost).hasSize(10);
        AudioJitterBuffer buffer = buffer();
        Playout.Result r = steady(buffer, 280, 7, 0, lost.stream().mapToInt(Integer::intValue).toArray());
        AudioJitterStats s = buffer.stats();
        assertThat(s.framesFecRecovered()).isEqualTo(10);
        assertThat(s.framesConcealed()).isEqualTo(s.framesStretched()); // only the tail after the stream ends
        int start = first(r, PlayoutKind.DECODED);
        // The drift correction's first cut comes as in the in-order test. Its second waits: at the pull where a lost
        // packet would have been the newest, the newest is the one before (the level looks a frame lower, as for a
        // late packet), and a window holding one sees 40 ms at its lowest and cuts nothing. The losses come every
        // 21..25 packets from 32 to 233, so windows 2 to 10 each hold one; window 11 is clean and ends with the cut.
        // A cut never touches a lost packet or its FEC: all 10 are rebuilt.
        assertThat(lost.get(lost.size() - 1)).isEqualTo(233);
        assertThat(r.skipFrames()).containsExactly(start + AudioJitterBuffer.DRIFT_WINDOW - 1,
                start + 11 * AudioJitterBuffer.DRIFT_WINDOW - 1);
        assertThat(s.framesSkipped()).isEqualTo(2);
        assertThat(s.framesDecoded()).isEqualTo(280 - 10 - 2);
        assertThat(r.count(PlayoutKind.FEC_RECOVERED)).isEqualTo(10);
        assertContinuousTone(r, start + 3, start + 278);
    }

    @Test
    void burstLossIsConcealedThenDecodingResumes() {
        int[] burst = {100, 101, 102, 103, 104, 105, 106, 107};
        AudioJitterBuffer buffer = buffer();
        Playout.Result r = steady(buffer, 250, 40_000, 99, burst);
        AudioJitterStats s = buffer.stats();
        int start = first(r, PlayoutKind.DECODED);
        // By the burst the drift correction has cut its two frames (as in the in-order test): the buffer holds
        // 40 ms, so packet 100's turn comes 98 frames after the start. Nothing arrives during the burst: the buffer
        // runs dry and stretches 7 frames until packet 108 arrives; those stand for packets 100..106, and 107 is
        // rebuilt from 108's FEC when it has some, else concealed. No delay is added and nothing more is cut.
        assertThat(r.skipFrames()).containsExactly(driftCuts(start));
        int fec = OpusPackets.hasFec(TONE[108], 0, TONE[108].length) ? 1 : 0;
        int burstStart = start + 98;
        for (int f = burstStart; f < burstStart + 7; f++) {
            assertThat(r.kinds()[f]).as("frame %d", f).isEqualTo(PlayoutKind.CONCEALED);
        }
        assertThat(r.kinds()[burstStart + 7]).isEqualTo(fec == 1 ? PlayoutKind.FEC_RECOVERED : PlayoutKind.CONCEALED);
        assertThat(r.toneShare(burstStart)).isGreaterThan(0.5); // concealment continues the tone
        int after = burstStart + 8;
        for (int f = after; f < after + 142; f++) {
            assertThat(r.kinds()[f]).as("frame %d", f).isEqualTo(PlayoutKind.DECODED);
        }
        assertContinuousTone(r, after + 2, after + 142);
        assertThat(s.framesDecoded()).isEqualTo(250 - 8 - 2);
        assertThat(s.framesSkipped()).isEqualTo(2);
        assertThat(s.framesFecRecovered()).isEqualTo(fec);
        // The burst, and 200 ms after the stream ends; all of it stretched playout (the buffer was dry).
        assertThat(s.framesConcealed()).isEqualTo(8 - fec + 10);
        assertThat(s.framesStretched()).isEqualTo(7 + 10);
    }

    @Test
    void aGapLongerThanTheConcealmentLimitFallsSilentAndRefills() {
        int[] gap = new int[20]; // 400 ms
        for (int i = 0; i < gap.length; i++) {
            gap[i] = 100 + i;
        }
        AudioJitterBuffer buffer = buffer();
        Playout.Result r = steady(buffer, 250, 5, 0, gap);
        AudioJitterStats s = buffer.stats();
        int start = first(r, PlayoutKind.DECODED);
        // The drift correction's two cuts (as in the in-order test) bring packet 100's turn to start + 98.
        assertThat(r.skipFrames()).containsExactly(driftCuts(start));
        int gapStart = start + 98;
        for (int f = gapStart; f < gapStart + 10; f++) {
            assertThat(r.kinds()[f]).isEqualTo(PlayoutKind.CONCEALED);
        }
        assertThat(r.kinds()[gapStart + 10]).isEqualTo(PlayoutKind.SILENCE);
        assertThat(s.framesDecoded()).isEqualTo(250 - 20 - 2);
        int resumed = first(java.util.Arrays.copyOfRange(r.kinds(), gapStart, r.kinds().length));
        // Packet 120 arrives 2 ms after a pull; the refill waits the 20 ms target (two pulls) and starts with
        // packets 120 and 121 (40 ms), the delay the drift correction had already brought the buffer to: packet 120
        // plays 20 frames after packet 100 would have, exactly the gap, and nothing more is cut.
        assertThat(resumed).isEqualTo(20);
        assertContinuousTone(r, gapStart + resumed + 2, gapStart + resumed + 120);
    }

    private static int first(PlayoutKind[] kinds) {
        for (int i = 0; i < kinds.length; i++) {
            if (kinds[i] == PlayoutKind.DECODED) {
                return i;
            }
        }
        return -1;
    }
}
