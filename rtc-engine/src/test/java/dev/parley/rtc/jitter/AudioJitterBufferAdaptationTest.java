package dev.parley.rtc.jitter;

import static dev.parley.rtc.jitter.Playout.MS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AudioJitterBufferAdaptationTest {

    private static final int PACKETS = 1500; // 30 s
    private static final byte[][] TONE = ToneStream.packets(PACKETS);

    /** Seeded uniform 0-60 ms extra delay on a 10 ms path: packets up to three apart overtake each other. */
    private static Playout jittery(long seed) {
        Random random = new Random(seed);
        Playout net = new Playout();
        for (int i = 0; i < PACKETS; i++) {
            net.send(TONE, i, 30_000, 1234, 10 * MS + (long) (random.nextDouble() * 60 * MS));
        }
        return net;
    }

    @Test
    void targetDelayGrowsAboveTheJitterAndConcealmentStopsOnceAdapted() {
        for (long seed = 1; seed <= 3; seed++) {
            // Start at the minimum delay, so the buffer has to grow to meet the jitter.
            AudioJitterBuffer buffer = new AudioJitterBuffer(new AudioJitterConfig(1, ToneStream.N, 50, 20, 400, 20,
                    200));
            // Stop while packets still flow, so the delay figures describe the running stream.
            Playout.Result r = jittery(seed).run(buffer, PACKETS - 10, 11 * MS);
            AudioJitterStats s = buffer.stats();
            // RFC 3550 jitter of uniform 0-60 ms delays is about 20 ms; the p95 of the spread is about 57 ms;
            // the target is max(p95, 3 J) + 20 ms.
            assertThat(s.jitterMs()).isBetween(15.0, 25.0);
            assertThat(s.targetDelayMs()).isBetween(65.0, 95.0);
            assertThat(s.targetDelayMs()).isGreaterThan(3 * s.jitterMs());
            // The buffer level (time to the newest packet) runs below the transit-based target by about the mean
            // extra delay of the newest packet, but has grown well above the 20 ms it started at.
            assertThat(s.currentDelayMs()).isGreaterThan(30);
            // Every packet is accounted for.
            assertThat(s.packetsReceived()).isGreaterThan(PACKETS - 20);
            assertThat(s.packetsDuplicate() + s.packetsOverflow() + s.packetsFarJump() + s.resyncs()).isZero();
            // Adapted after the first 5 s: the last 25 s play (almost) without concealment and stay a tone.
            int late = 0;
            int concealedLate = 0;
            for (int f = 250; f < PACKETS - 20; f++) {
                if (r.kinds()[f] != PlayoutKind.DECODED) {
                    concealedLate++;
                }
                assertThat(r.toneShare(f)).as("seed %d frame %d %s", seed, f, r.kinds()[f]).isGreaterThan(0.3);
            }
            assertThat(concealedLate).as("non-decoded frames after adaptation").isLessThanOrEqualTo(12);
            assertThat(s.packetsLate()).isLessThan(PACKETS / 50);
            assertThat(s.framesDecoded()).isGreaterThan(PACKETS * 97L / 100);
        }
    }

    @Test
    void targetFallsBackWhenTheJitterCalmsDown() {
        Random random = new Random(7);
        Playout net = new Playout();
        for (int i = 0; i < PACKETS; i++) {
            long jitter = i < 500 ? (long) (random.nextDouble() * 80 * MS) : 0;
            net.send(TONE, i, 0, 0, 10 * MS + jitter);
        }
        AudioJitterBuffer buffer = new AudioJitterBuffer(AudioJitterConfig.defaults(1));
        net.run(buffer, 500, 5 * MS);
        double jittery = buffer.stats().targetDelayMs();
        assertThat(jittery).isGreaterThan(80);
        Playout calm = new Playout();
        for (int i = 500; i < PACKETS; i++) {
            calm.send(TONE, i, 0, 0, 10 * MS);
        }
        calm.run(buffer, PACKETS - 500 + 10, 500 * Playout.FRAME_NANOS + 5 * MS);
        AudioJitterStats s = buffer.stats();
        assertThat(s.targetDelayMs()).isEqualTo(20);
        assertThat(s.jitterMs()).isLessThan(1);
    }
}
