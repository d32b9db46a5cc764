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
        // Silence while the first fill waits the initial 60 ms target, then 250 decoded frames in a row.
        assertThat(start).isBetween(3, 4);
        for (int f = 0; f < start; f++) {
            assertThat(r.kinds()[f]).isEqualTo(PlayoutKind.SILENCE);
        }
        for (int f = start; f < start + 250; f++) {
            assertThat(r.kinds()[f]).as("frame %d", f).isEqualTo(PlayoutKind.DECODED);
        }
        assertContinuousTone(r, start + 3, start + 250);
        AudioJitterStats s = buffer.stats();
        assertThat(s.packetsReceived()).isEqualTo(250);
        assertThat(s.framesDecoded()).isEqualTo(250);
        assertThat(s.framesSkipped()).isZero();
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
        assertThat(s.framesDecoded()).isEqualTo(200);
        assertThat(s.packetsLate() + s.packetsOverflow() + s.packetsFarJump() + s.resyncs()).isZero();
        int start = first(r, PlayoutKind.DECODED);
        for (int f = start; f < start + 200; f++) {
            assertThat(r.kinds()[f]).isEqualTo(PlayoutKind.DECODED);
        }
        assertContinuousTone(r, start + 3, start + 200);
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
        assertThat(s.framesDecoded()).isEqualTo(270);
        assertThat(s.framesConcealed()).isEqualTo(s.framesStretched()); // only the tail after the stream ends
        assertThat(s.framesSkipped()).isZero();
        int start = first(r, PlayoutKind.DECODED);
        assertThat(r.count(PlayoutKind.FEC_RECOVERED)).isEqualTo(10);
        assertContinuousTone(r, start + 3, start + 280);
    }

    @Test
    void burstLossIsConcealedThenDecodingResumes() {
        int[] burst = {100, 101, 102, 103, 104, 105, 106, 107};
        AudioJitterBuffer buffer = buffer();
        Playout.Result r = steady(buffer, 250, 40_000, 99, burst);
        AudioJitterStats s = buffer.stats();
        int start = first(r, PlayoutKind.DECODED);
        int burstStart = start + 100;
        // Nothing arrives during the burst, so the buffer runs dry and conceals (stretching); when packet 108
        // arrives, those stretched frames stand for the first lost packets, and only the rest are concealed (the
        // last from 108's FEC when it has some) or, since the buffer holds more than its target, one of them
        // is skipped: no delay is added.
        int fec = OpusPackets.hasFec(TONE[108], 0, TONE[108].length) ? 1 : 0;
        int burstFrames = 8 - (int) s.framesSkipped();
        assertThat(s.framesSkipped()).isLessThanOrEqualTo(1);
        for (int f = burstStart; f < burstStart + burstFrames - fec; f++) {
            assertThat(r.kinds()[f]).as("frame %d", f).isEqualTo(PlayoutKind.CONCEALED);
        }
        assertThat(r.count(PlayoutKind.FEC_RECOVERED)).isEqualTo(fec);
        assertThat(r.toneShare(burstStart)).isGreaterThan(0.5); // concealment continues the tone
        int after = burstStart + burstFrames;
        for (int f = after; f < after + 142; f++) {
            assertThat(r.kinds()[f]).as("frame %d", f).isEqualTo(PlayoutKind.DECODED);
        }
        assertContinuousTone(r, after + 2, after + 142);
        assertThat(s.framesDecoded()).isEqualTo(242);
        assertThat(s.framesFecRecovered()).isEqualTo(fec);
        // The burst, and 200 ms after the stream ends.
        assertThat(s.framesConcealed()).isEqualTo(burstFrames - fec + 10);
        assertThat(s.framesStretched()).isBetween(10L + 3, 10L + 8);
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
        int gapStart = start + 100;
        for (int f = gapStart; f < gapStart + 10; f++) {
            assertThat(r.kinds()[f]).isEqualTo(PlayoutKind.CONCEALED);
        }
        assertThat(r.kinds()[gapStart + 10]).isEqualTo(PlayoutKind.SILENCE);
        assertThat(s.framesDecoded()).isEqualTo(230);
        int resumed = first(java.util.Arrays.copyOfRange(r.kinds(), gapStart, r.kinds().length));
        // Packet 120 arrives 320 ms after packet 100 would have played; the refill waits only the 20 ms target
        // (the initial fill waited 60 ms), so playout resumes 18 frames on, 60 ms less delayed than before.
        assertThat(resumed).isEqualTo(18);
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
