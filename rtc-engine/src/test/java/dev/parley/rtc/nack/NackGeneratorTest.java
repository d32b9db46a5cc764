package dev.parley.rtc.nack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class NackGeneratorTest {
    private static final long MS = 1_000_000L;
    private static final long RTT = 100 * MS;

    private final int[] out = new int[2000];

    private static NackGenerator generator() {
        return new NackGenerator(NackConfig.defaults());
    }

    private static NackGenerator generator(int maxListSize, int maxRetries, int maxPacketAge, long delay) {
        return new NackGenerator(new NackConfig(maxListSize, maxRetries, maxPacketAge, 20 * MS, delay));
    }

    private int[] collect(NackGenerator g, long now, long rtt) {
        return Arrays.copyOf(out, g.collect(now, rtt, out));
    }

    private static void receive(NackGenerator g, long now, int... seqs) {
        for (int s : seqs) {
            g.onPacket(s, false, false, now);
        }
    }

    @Test
    void nothingIsMissingAtFirstOrInOrder() {
        NackGenerator g = generator();
        receive(g, 0, 500, 501, 502, 503);
        assertThat(collect(g, 0, RTT)).isEmpty();
        assertThat(g.missingCount()).isZero();
        assertThat(g.nextDueNanos(RTT)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aGapIsNackedAtOnce() {
        NackGenerator g = generator();
        receive(g, 0, 1);
        receive(g, 5 * MS, 5);
        assertThat(g.nextDueNanos(RTT)).isEqualTo(5 * MS);
        assertThat(collect(g, 5 * MS, RTT)).containsExactly(2, 3, 4);
        assertThat(g.nackedPackets()).isEqualTo(3);
        assertThat(collect(g, 5 * MS, RTT)).as("not again within an RTT").isEmpty();
    }

    @Test
    void retriesFollowTheRttWithAFloor() {
        NackGenerator g = generator();
        receive(g, 0, 10, 12);
        assertThat(collect(g, 0, RTT)).containsExactly(11);
        assertThat(g.nextDueNanos(RTT)).isEqualTo(RTT);
        assertThat(collect(g, RTT - 1, RTT)).isEmpty();
        assertThat(collect(g, RTT, RTT)).containsExactly(11);
        assertThat(g.retries()).isEqualTo(1);

        // A tiny RTT does not make retries faster than the 20 ms floor.
        assertThat(g.nextDueNanos(MS)).isEqualTo(RTT + 20 * MS);
        assertThat(collect(g, RTT + 19 * MS, MS)).isEmpty();
        assertThat(collect(g, RTT + 20 * MS, MS)).containsExactly(11);
        assertThat(g.retries()).isEqualTo(2);
        assertThat(g.nackedPackets()).isEqualTo(1);
    }

    @Test
    void givesUpAfterMaxRetries() {
        NackGenerator g = generator(1000, 3, 10_000, 0);
        receive(g, 0, 0, 2);
        List<Integer> sends = new ArrayList<>();
        for (long t = 0; t <= 10 * RTT; t += RTT) {
            for (int s : collect(g, t, RTT)) {
                sends.add(s);
            }
            if (t == 2 * RTT) {
                assertThat(g.missingCount()).as("kept after the last NACK, an answer may still come").isOne();
            }
        }
        assertThat(sends).containsExactly(1, 1, 1);
        assertThat(g.givenUp()).isOne();
        assertThat(g.missingCount()).isZero();
        assertThat(g.nackedPackets()).isOne();
        assertThat(g.retries()).isEqualTo(2);

        receive(g, 20 * RTT, 1);
        assertThat(g.recovered()).isZero();
        assertThat(g.duplicates()).isOne();
    }

    @Test
    void aNackedPacketThatArrivesCountsAsRecovered() {
        NackGenerator g = generator();
        receive(g, 0, 100, 104);
        assertThat(collect(g, 0, RTT)).containsExactly(101, 102, 103);
        g.onPacket(102, false, true, 30 * MS);
        g.onPacket(101, false, false, 31 * MS);
        assertThat(g.recovered()).isEqualTo(2);
        assertThat(g.recoveredArrivals()).isOne();
        assertThat(g.missingCount()).isOne();
        assertThat(collect(g, RTT, RTT)).containsExactly(103);
        g.onPacket(102, false, true, RTT);
        assertThat(g.duplicates()).isOne();
        assertThat(g.recovered()).isEqualTo(2);
    }

    @Test
    void reorderedPacketsFillHolesBeforeTheyAreNacked() {
        NackGenerator g = generator();
        receive(g, 0, 10, 13, 12, 11, 14);
        assertThat(collect(g, 0, RTT)).isEmpty();
        assertThat(g.lateArrivals()).isEqualTo(2);
        assertThat(g.recovered()).isZero();
        assertThat(g.nackedPackets()).isZero();
    }

    @Test
    void theReorderingDelayHoldsBackTheFirstNack() {
        NackGenerator g = generator(1000, 10, 10_000, 15 * MS);
        receive(g, 0, 10, 12);
        assertThat(g.nextDueNanos(RTT)).isEqualTo(15 * MS);
        assertThat(collect(g, 14 * MS, RTT)).isEmpty();
        receive(g, 14 * MS, 14);
        assertThat(collect(g, 15 * MS, RTT)).containsExactly(11);
        assertThat(collect(g, 29 * MS, RTT)).containsExactly(13);
        receive(g, 29 * MS, 11); // the NACKed one
        assertThat(g.recovered()).isOne();
    }

    @Test
    void wrapsFrom65535To0() {
        NackGenerator g = generator();
        receive(g, 0, 65533, 65534, 2);
        assertThat(collect(g, 0, RTT)).containsExactly(65535, 0, 1);
        receive(g, MS, 0);
        assertThat(g.recovered()).isOne();
        assertThat(collect(g, RTT, RTT)).containsExactly(65535, 1);
        receive(g, RTT, 65535, 1, 3);
        assertThat(g.missingCount()).isZero();
        assertThat(g.recovered()).isEqualTo(3);
        receive(g, RTT, 65534); // an old duplicate from before the wrap
        assertThat(g.duplicates()).isOne();
        assertThat(g.missingCount()).isZero();
    }

    @Test
    void collectFillsAtMostTheOutputAndKeepsTheRest() {
        NackGenerator g = generator();
        receive(g, 0, 0, 6);
        int[] small = new int[2];
        assertThat(g.collect(0, RTT, small)).isEqualTo(2);
        assertThat(small).containsExactly(1, 2);
        assertThat(g.collect(0, RTT, small)).isEqualTo(2);
        assertThat(small).containsExactly(3, 4);
        assertThat(g.collect(0, RTT, small)).isEqualTo(1);
        assertThat(small[0]).isEqualTo(5);
        assertThat(g.collect(0, RTT, new int[0])).isZero();
        assertThat(g.nackedPackets()).isEqualTo(5);
    }

    @Test
    void overflowClearsTheListAndAsksForAKeyFrameOnce() {
        NackGenerator g = generator(10, 10, 10_000, 0);
        receive(g, 0, 0, 5); // 4 missing
        receive(g, 0, 13); // 7 more: 11 > 10
        assertThat(g.missingCount()).isZero();
        assertThat(g.takeKeyFrameRequest()).isTrue();
        assertThat(g.takeKeyFrameRequest()).isFalse();
        assertThat(g.keyFrameRequests()).isOne();
        assertThat(g.dropped()).isEqualTo(4);
        receive(g, 0, 15);
        assertThat(collect(g, 0, RTT)).containsExactly(14);
        assertThat(g.takeKeyFrameRequest()).isFalse();
    }

    @Test
    void overflowDropsWhatIsOlderThanAKeyFrameFirst() {
        NackGenerator g = generator(10, 10, 10_000, 0);
        receive(g, 0, 0, 6); // 1..5 missing
        g.onPacket(8, true, false, 0); // keyframe starts at 8; 7 missing
        receive(g, 0, 14); // 9..13: 11 entries would not fit, but from the keyframe on only 5 remain
        assertThat(g.takeKeyFrameRequest()).isFalse();
        assertThat(collect(g, 0, RTT)).containsExactly(9, 10, 11, 12, 13);
        assertThat(g.dropped()).isEqualTo(6);
    }

    @Test
    void aKeyFrameAfterAHugeGapNeedsNoOtherKeyFrame() {
        NackGenerator g = generator(10, 10, 10_000, 0);
        receive(g, 0, 0, 3);
        g.onPacket(500, true, false, 0);
        assertThat(g.takeKeyFrameRequest()).isFalse();
        assertThat(g.missingCount()).isZero();
        receive(g, 0, 502);
        assertThat(collect(g, 0, RTT)).containsExactly(501);
    }

    @Test
    void entriesOlderThanMaxPacketAgeAreDropped() {
        NackGenerator g = generator(1000, 10, 100, 0);
        receive(g, 0, 0, 5); // 1..4 missing
        receive(g, 0, 104); // 6..103 missing; 1..3 are now more than 100 behind
        int[] nacks = collect(g, 0, RTT);
        assertThat(nacks).hasSize(1 + 98);
        assertThat(nacks[0]).isEqualTo(4);
        assertThat(nacks[1]).isEqualTo(6);
        assertThat(g.dropped()).isEqualTo(3);
    }

    @Test
    void aHugeJumpRestartsWithoutFloodingTheList() {
        NackGenerator g = generator();
        receive(g, 0, 100, 103);
        receive(g, MS, 100 + 20_000);
        assertThat(g.resets()).isOne();
        assertThat(g.missingCount()).isZero();
        assertThat(g.takeKeyFrameRequest()).isTrue();
        receive(g, MS, 20_102);
        assertThat(collect(g, MS, RTT)).containsExactly(20_101);

        // A jump back by more than maxPacketAge (a sender restart) restarts too.
        receive(g, 2 * MS, 5_000, 5_002);
        assertThat(g.resets()).isEqualTo(2);
        assertThat(collect(g, 2 * MS, RTT)).containsExactly(5_001);

        // A restart on a keyframe needs no other keyframe.
        g.takeKeyFrameRequest();
        g.onPacket(40_000, true, false, 3 * MS);
        assertThat(g.resets()).isEqualTo(3);
        assertThat(g.takeKeyFrameRequest()).isFalse();
    }

    @Test
    void gapsOfEveryLengthUpToTheAgeStayBounded() {
        NackGenerator g = generator();
        int seq = 0;
        for (int jump = 1; jump <= 10_000; jump += 37) {
            seq = (seq + jump) & 0xffff;
            receive(g, 0, seq);
            assertThat(g.missingCount()).isLessThanOrEqualTo(1000);
        }
        assertThat(g.resets()).isZero();
        assertThat(g.keyFrameRequests()).isPositive();
    }

    @Test
    void nextDueNanosSaturates() {
        NackGenerator g = generator();
        receive(g, Long.MAX_VALUE - 10, 1, 3);
        assertThat(collect(g, Long.MAX_VALUE - 10, RTT)).containsExactly(2);
        assertThat(g.nextDueNanos(RTT)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void rejectsBadConfiguration() {
        assertThatThrownBy(() -> new NackConfig(0, 10, 10_000, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NackConfig(100_000, 10, 10_000, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NackConfig(1000, 0, 10_000, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NackConfig(1000, 10, 40_000, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NackConfig(1000, 10, 10_000, -1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
