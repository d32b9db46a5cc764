package dev.parley.rtc.jitter;

import static dev.parley.rtc.jitter.Playout.MS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.rtc.media.AudioFrame;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AudioJitterBufferHostileInputTest {

    private static final byte[][] TONE = ToneStream.packets(200);

    @Test
    void duplicatesLateAndGarbageSequenceNumbersAreCountedAndPlayoutGoesOn() {
        AudioJitterBuffer b = new AudioJitterBuffer(AudioJitterConfig.defaults(1));
        long t = 0;
        assertThat(b.insert(100, 0, TONE[0], t)).isEqualTo(InsertOutcome.STORED);
        assertThat(b.insert(100, 0, TONE[0], t)).isEqualTo(InsertOutcome.DUPLICATE);
        assertThat(b.insert(101, 960, TONE[1], t)).isEqualTo(InsertOutcome.STORED);
        assertThat(b.insert(30_000, 960, TONE[2], t)).isEqualTo(InsertOutcome.FAR_JUMP);
        assertThat(b.insert(101 + 60, 960, TONE[2], t)).isEqualTo(InsertOutcome.OVERFLOW);
        assertThat(b.insert(102, 2 * 960, TONE[2], t)).isEqualTo(InsertOutcome.STORED);
        assertThat(b.insert(103, 3 * 960, null, t)).isEqualTo(InsertOutcome.INVALID);
        assertThat(b.insert(103, 3 * 960, new byte[0], t)).isEqualTo(InsertOutcome.INVALID);
        assertThat(b.insert(103, 3 * 960, new byte[2000], t)).isEqualTo(InsertOutcome.INVALID);
        assertThat(b.insert(103, 3 * 960, TONE[3], 5, TONE[3].length, t)).isEqualTo(InsertOutcome.INVALID);
        for (int f = 0; f < 6; f++) {
            b.pull(60 * MS + f * 20 * MS);
        }
        // 100, 101, 102 played (then the buffer ran dry): 100 again is a duplicate, 99 is late.
        assertThat(b.insert(100, 0, TONE[0], 100 * MS)).isEqualTo(InsertOutcome.DUPLICATE);
        assertThat(b.insert(99, 0, TONE[0], 100 * MS)).isEqualTo(InsertOutcome.LATE);
        AudioJitterStats s = b.stats();
        assertThat(s.packetsReceived()).isEqualTo(12);
        assertThat(s.packetsDuplicate()).isEqualTo(2);
        assertThat(s.packetsLate()).isEqualTo(1);
        assertThat(s.packetsFarJump()).isEqualTo(1);
        assertThat(s.packetsOverflow()).isEqualTo(1);
        assertThat(s.packetsInvalid()).isEqualTo(4);
        assertThat(s.resyncs()).isZero();
        assertThat(s.framesDecoded()).isEqualTo(3);
    }

    @Test
    void theCallersBufferIsCopied() {
        AudioJitterBuffer b = new AudioJitterBuffer(AudioJitterConfig.defaults(1));
        byte[] reused = TONE[0].clone();
        b.insert(1, 0, reused, 0);
        java.util.Arrays.fill(reused, (byte) 0x55);
        b.pull(100 * MS);
        assertThat(b.lastKind()).isEqualTo(PlayoutKind.DECODED);
    }

    @Test
    void aStreamThatReallyJumpsIsFollowedAfterThreePackets() {
        AudioJitterBuffer b = new AudioJitterBuffer(AudioJitterConfig.defaults(1));
        Playout net = new Playout();
        for (int i = 0; i < 50; i++) {
            net.send(TONE, i, 1000, 0, 5 * MS);
        }
        for (int i = 50; i < 150; i++) {
            // The sender restarted: sequence numbers and timestamps jump.
            net.add(new Playout.Arrival(20_000 + i, 7_000_000L + 960L * i, TONE[i], i * 20 * MS + 5 * MS));
        }
        Playout.Result r = net.run(b, 160, 3 * MS);
        AudioJitterStats s = b.stats();
        assertThat(s.resyncs()).isEqualTo(1);
        assertThat(s.packetsFarJump() + s.packetsOverflow()).isEqualTo(2);
        // 50 old packets, and the new stream but the two that looked like garbage: each is played, flushed (what a
        // fill passes over) or cut by the drift correction. Both streams start deeper than their target: each fill
        // waits the initial 60 ms (4 packets), then the target falls to 20 ms, and the end of every 25-pull window
        // whose lowest level is over 40 ms cuts a frame. The old stream has one (frame 28: from 80 ms to 60 ms); the
        // resync at frame 53 ends its second window early. The new stream fills from frame 56 and has two
        // (frames 80 and 105), then holds 40 ms.
        assertThat(r.skipFrames()).containsExactly(28, 80, 105);
        assertThat(s.framesSkipped()).isEqualTo(3);
        assertThat(s.framesDecoded() + s.packetsFlushed() + s.framesSkipped()).isEqualTo(148);
        for (int f = 56; f < 56 + 98 - 2; f++) {
            assertThat(r.kinds()[f]).as("frame %d", f).isEqualTo(PlayoutKind.DECODED);
        }
    }

    @Test
    void scatteredGarbageNeverResyncsALiveStream() {
        AudioJitterBuffer b = new AudioJitterBuffer(AudioJitterConfig.defaults(1));
        Random random = new Random(11);
        Playout net = new Playout();
        for (int i = 0; i < 200; i++) {
            net.send(TONE, i, 500, 0, 5 * MS);
            byte[] junk = new byte[1 + random.nextInt(100)];
            random.nextBytes(junk);
            net.add(new Playout.Arrival(500 + 1000 + random.nextInt(60_000), random.nextInt(), junk,
                    i * 20 * MS + 6 * MS));
        }
        Playout.Result r = net.run(b, 210, 3 * MS);
        AudioJitterStats s = b.stats();
        assertThat(s.resyncs()).isZero();
        // Every packet is played but the two frames the drift correction cuts from the initial 80 ms (frames 28
        // and 53, the ends of the first two 25-pull windows, as in AudioJitterBufferPlayoutTest): the garbage
        // never enters the buffer, so it changes nothing.
        assertThat(r.skipFrames()).containsExactly(28, 53);
        assertThat(s.framesDecoded()).isEqualTo(198);
        assertThat(s.framesSkipped()).isEqualTo(2);
        assertThat(s.packetsFarJump() + s.packetsOverflow() + s.packetsLate()).isEqualTo(200);
    }

    @Test
    void seededFuzzNeverThrowsAndCountsEveryPacket() {
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            AudioJitterBuffer b = new AudioJitterBuffer(seed % 2 == 0 ? AudioJitterConfig.defaults(1)
                    : new AudioJitterConfig(2, AudioFrame.SAMPLES_PER_10_MS, 50, 20, 400, 60, 100));
            long now = random.nextLong();
            int seq = random.nextInt(65_536);
            long ts = random.nextInt();
            for (int i = 0; i < 3000; i++) {
                int kind = random.nextInt(6);
                byte[] payload;
                if (kind == 0) {
                    payload = TONE[random.nextInt(TONE.length)].clone();
                    payload[random.nextInt(payload.length)] ^= (byte) (1 << random.nextInt(8));
                } else if (kind == 1) {
                    payload = TONE[random.nextInt(TONE.length)];
                } else {
                    payload = new byte[random.nextInt(kind == 5 ? 2000 : 80)];
                    random.nextBytes(payload);
                }
                seq = random.nextInt(4) == 0 ? random.nextInt(65_536) : (seq + random.nextInt(5) - 1) & 0xffff;
                ts = random.nextInt(4) == 0 ? random.nextLong() : ts + 960;
                long arrival = now + (random.nextInt(10) == 0 ? random.nextLong() : random.nextInt(100) * MS);
                int offset = random.nextInt(8) == 0 ? random.nextInt(10) - 5 : 0;
                int length = payload.length - Math.max(0, offset) + (random.nextInt(8) == 0 ? 3 : 0);
                b.insert(seq, ts, payload, offset, length, arrival);
                if (random.nextInt(2) == 0) {
                    now += b.config().frameMs() * MS;
                    AudioFrame f = b.pull(now);
                    assertThat(f.samplesPerChannel()).isEqualTo(b.config().frameSamples());
                }
            }
            AudioJitterStats s = b.stats();
            assertThat(s.packetsReceived()).isEqualTo(3000);
            assertThat(s.framesPulled()).isEqualTo(s.framesDecoded() + s.framesFecRecovered() + s.framesConcealed()
                    + s.framesSilence());
            assertThat(s.bufferedPackets()).isBetween(0, 50);
            assertThat(s.targetDelayMs()).isBetween(20.0, 400.0);
        }
    }
}
