package dev.parley.rtc.cc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.rtc.rtcp.RtcpCompound;
import dev.parley.rtc.rtcp.RtcpPacket;
import dev.parley.rtc.rtcp.RtcpParser;
import dev.parley.rtc.rtcp.RtcpWriter;
import dev.parley.rtc.rtcp.TransportCcFeedback;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TransportFeedbackGeneratorTest {
    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;
    /** Half a 250 µs tick: the rounding error of one reported arrival. */
    private static final long HALF_TICK_NANOS = 125_000;

    /** Encodes with RtcpWriter, parses with RtcpParser, and returns what the parser saw. */
    private static List<TransportCcFeedback> overTheWire(List<TransportCcFeedback> feedback) throws Exception {
        if (feedback.isEmpty()) {
            return feedback;
        }
        byte[] wire = RtcpWriter.encode(feedback);
        RtcpCompound c = RtcpParser.parse(wire);
        assertThat(c.skipped()).isZero();
        assertThat(c.packets()).containsExactlyElementsOf(feedback);
        List<TransportCcFeedback> out = new ArrayList<>();
        for (RtcpPacket p : c.packets()) {
            out.add((TransportCcFeedback) p);
        }
        return out;
    }

    private static void assertArrival(TransportCcFeedback fb, int index, long arrivalNanos) {
        assertThat(fb.received(index)).as("seq %d received", fb.sequenceNumber(index)).isTrue();
        long reported = fb.arrivalTimesMicros()[index] * 1000;
        assertThat(Math.abs(reported - arrivalNanos)).as("seq %d arrival", fb.sequenceNumber(index))
                .isLessThanOrEqualTo(HALF_TICK_NANOS);
    }

    @Test
    void reportsLossAndArrivalTimes() throws Exception {
        TransportFeedbackGenerator g = new TransportFeedbackGenerator();
        assertThat(g.build(1, 2)).isEmpty();
        long[] arrival = new long[120];
        for (int seq = 100; seq < 120; seq++) {
            arrival[seq] = SECOND + (seq - 100) * 3_300_000L + (seq % 3) * 70_000L;
            if (seq != 105 && seq != 106) {
                g.onPacket(seq, arrival[seq]);
            }
        }
        assertThat(g.hasUnreported()).isTrue();
        List<TransportCcFeedback> fbs = overTheWire(g.build(0x11, 0x22));
        assertThat(fbs).hasSize(1);
        TransportCcFeedback fb = fbs.get(0);
        assertThat(fb.senderSsrc()).isEqualTo(0x11);
        assertThat(fb.mediaSsrc()).isEqualTo(0x22);
        assertThat(fb.baseSequence()).isEqualTo(100);
        assertThat(fb.statusCount()).isEqualTo(20);
        assertThat(fb.receivedCount()).isEqualTo(18);
        assertThat(fb.feedbackPacketCount()).isZero();
        assertThat(fb.referenceTime()).isEqualTo(15); // floor(1 s / 64 ms)
        for (int i = 0; i < 20; i++) {
            int seq = 100 + i;
            if (seq == 105 || seq == 106) {
                assertThat(fb.received(i)).isFalse();
            } else {
                assertArrival(fb, i, arrival[seq]);
            }
        }
        assertThat(g.hasUnreported()).isFalse();
        assertThat(g.build(0x11, 0x22)).isEmpty();

        g.onPacket(120, 2 * SECOND);
        g.onPacket(121, 2 * SECOND + MS);
        TransportCcFeedback next = overTheWire(g.build(0x11, 0x22)).get(0);
        assertThat(next.baseSequence()).isEqualTo(120);
        assertThat(next.statusCount()).isEqualTo(2);
        assertThat(next.feedbackPacketCount()).isEqualTo(1);
        assertArrival(next, 0, 2 * SECOND);
        assertArrival(next, 1, 2 * SECOND + MS);
    }

    @Test
    void reorderedArrivalsGetNegativeDeltas() throws Exception {
        TransportFeedbackGenerator g = new TransportFeedbackGenerator();
        int[] order = {0, 1, 3, 2, 5, 4};
        Map<Integer, Long> arrival = new HashMap<>();
        for (int i = 0; i < order.length; i++) {
            long t = 10 * SECOND + i * 4 * MS + 17_000;
            arrival.put(order[i], t);
            g.onPacket(order[i], t);
        }
        TransportCcFeedback fb = overTheWire(g.build(1, 2)).get(0);
        assertThat(fb.statusCount()).isEqualTo(6);
        for (int seq = 0; seq < 6; seq++) {
            assertArrival(fb, seq, arrival.get(seq));
        }
        assertThat(fb.symbol(3)).isEqualTo(TransportCcFeedback.LARGE_DELTA);
        assertThat(fb.deltaTicks(3)).isEqualTo(-16); // 3 arrived 4 ms before 2
        assertThat(fb.symbol(5)).isEqualTo(TransportCcFeedback.LARGE_DELTA);
    }

    @Test
    void aPacketArrivingAfterItWasReportedLostIsReportedAgain() throws Exception {
        TransportFeedbackGenerator g = new TransportFeedbackGenerator();
        g.onPacket(0, SECOND);
        g.onPacket(1, SECOND + MS);
        g.onPacket(3, SECOND + 2 * MS);
        TransportCcFeedback first = overTheWire(g.build(1, 2)).get(0);
        assertThat(first.statusCount()).isEqualTo(4);
        assertThat(first.received(2)).isFalse();

        g.onPacket(2, SECOND + 3 * MS);
        g.onPacket(4, SECOND + 4 * MS);
        TransportCcFeedback second = overTheWire(g.build(1, 2)).get(0);
        assertThat(second.baseSequence()).isEqualTo(2); // starts before where the last one ended
        assertThat(second.statusCount()).isEqualTo(3);
        assertArrival(second, 0, SECOND + 3 * MS);
        assertArrival(second, 1, SECOND + 2 * MS);
        assertArrival(second, 2, SECOND + 4 * MS);
    }

    @Test
    void duplicatesAndPacketsOlderThanTheWindowAreDroppedAndCounted() throws Exception {
        TransportFeedbackGenerator g = new TransportFeedbackGenerator(16, 256);
        for (int seq = 0; seq <= 40; seq++) {
            g.onPacket(seq, seq * MS);
        }
        overTheWire(g.build(1, 2));
        g.onPacket(40, SECOND);
        g.onPacket(30, SECOND);
        assertThat(g.duplicates()).isEqualTo(2);
        g.onPacket(24, SECOND); // 40 - 15 = 25 is the oldest still held
        assertThat(g.droppedLate()).isEqualTo(1);
        assertThat(g.hasUnreported()).isFalse();
        assertThatThrownBy(() -> new TransportFeedbackGenerator(15, 256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransportFeedbackGenerator(16, 63)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDeltaOverSixteenBitsStartsANewPacket() throws Exception {
        TransportFeedbackGenerator g = new TransportFeedbackGenerator();
        long t0 = 500 * MS + 123_456;
        g.onPacket(0, t0);
        g.onPacket(5, t0 + 9 * SECOND); // 36000 ticks after seq 0, with 4 losses in between
        g.onPacket(6, t0 + 9 * SECOND + MS);
        g.onPacket(7, t0 + 9 * SECOND - 8300 * MS); // 8.301 s before seq 6: too far back for 16 bits
        List<TransportCcFeedback> fbs = overTheWire(g.build(1, 2));
        assertThat(fbs).hasSize(3);
        assertThat(fbs.get(0).baseSequence()).isZero();
        assertThat(fbs.get(0).statusCount()).isEqualTo(1); // ends at its last received packet
        assertArrival(fbs.get(0), 0, t0);
        assertThat(fbs.get(1).baseSequence()).isEqualTo(1);
        assertThat(fbs.get(1).statusCount()).isEqualTo(6); // the 4 losses, then 5 and 6
        assertArrival(fbs.get(1), 4, t0 + 9 * SECOND);
        assertArrival(fbs.get(1), 5, t0 + 9 * SECOND + MS);
        assertThat(fbs.get(2).baseSequence()).isEqualTo(7);
        assertArrival(fbs.get(2), 0, t0 + 9 * SECOND - 8300 * MS);
        assertThat(fbs.get(0).feedbackPacketCount()).isZero();
        assertThat(fbs.get(1).feedbackPacketCount()).isEqualTo(1);
        assertThat(fbs.get(2).feedbackPacketCount()).isEqualTo(2);
    }

    @Test
    void sequenceNumbersWrap() throws Exception {
        TransportFeedbackGenerator g = new TransportFeedbackGenerator();
        int seq = 65530;
        for (int i = 0; i < 12; i++, seq = (seq + 1) & 0xffff) {
            if (seq != 65533) {
                g.onPacket(seq, SECOND + i * MS);
            }
        }
        TransportCcFeedback fb = overTheWire(g.build(1, 2)).get(0);
        assertThat(fb.baseSequence()).isEqualTo(65530);
        assertThat(fb.statusCount()).isEqualTo(12);
        assertThat(fb.received(3)).isFalse();
        assertThat(fb.sequenceNumber(11)).isEqualTo(5);
        assertArrival(fb, 11, SECOND + 11 * MS);
        g.onPacket(65535, 2 * SECOND); // a duplicate across the wrap, not a new packet 65536 behind
        g.onPacket(6, 2 * SECOND);
        TransportCcFeedback next = overTheWire(g.build(1, 2)).get(0);
        assertThat(next.baseSequence()).isEqualTo(6);
        assertThat(next.statusCount()).isEqualTo(1);
        assertThat(g.duplicates()).isEqualTo(1);
    }

    @Test
    void feedbackIsSplitToFitTheSizeBudgetAndCountsWrapAt256() throws Exception {
        int budget = 96;
        TransportFeedbackGenerator g = new TransportFeedbackGenerator(4096, budget);
        Map<Integer, Long> arrival = new HashMap<>();
        long t = SECOND;
        for (int seq = 0; seq < 1000; seq++) {
            t += seq % 2 == 0 ? 70 * MS : 100_000; // a large delta, then a small one
            if (seq % 5 != 3) {
                g.onPacket(seq, t);
                arrival.put(seq, t);
            }
        }
        List<TransportCcFeedback> fbs = overTheWire(g.build(1, 2));
        assertThat(fbs.size()).isGreaterThan(10);
        int expectedBase = 0;
        for (int j = 0; j < fbs.size(); j++) {
            TransportCcFeedback fb = fbs.get(j);
            assertThat(fb.encodedLength()).isLessThanOrEqualTo(budget);
            assertThat(fb.baseSequence()).isEqualTo(expectedBase);
            assertThat(fb.feedbackPacketCount()).isEqualTo(j & 0xff);
            for (int i = 0; i < fb.statusCount(); i++) {
                int seq = fb.sequenceNumber(i);
                if (arrival.containsKey(seq)) {
                    assertArrival(fb, i, arrival.get(seq));
                } else {
                    assertThat(fb.received(i)).isFalse();
                }
            }
            expectedBase += fb.statusCount();
        }
        assertThat(expectedBase).isEqualTo(1000);

        int count = fbs.size();
        for (int i = 0; i < 300; i++) {
            g.onPacket(1000 + i, 100 * SECOND + i * MS);
            TransportCcFeedback fb = g.build(1, 2).get(0);
            assertThat(fb.feedbackPacketCount()).isEqualTo((count + i) & 0xff);
        }
    }

    @Test
    void longLossRunsAndJumpsStayWithinTheBudgetAndTheWindow() throws Exception {
        TransportFeedbackGenerator g = new TransportFeedbackGenerator(8192, 1024);
        g.onPacket(0, SECOND);
        g.onPacket(5000, SECOND + MS);
        List<TransportCcFeedback> fbs = overTheWire(g.build(1, 2));
        int next = 0;
        for (TransportCcFeedback fb : fbs) {
            assertThat(fb.baseSequence()).isEqualTo(next);
            assertThat(fb.encodedLength()).isLessThanOrEqualTo(1024);
            next += fb.statusCount();
        }
        assertThat(next).isEqualTo(5001);
        assertThat(fbs.size()).isBetween(3, 4); // 0 alone, then thousands of losses per packet, then 5000
        TransportCcFeedback last = fbs.get(fbs.size() - 1);
        assertArrival(last, last.statusCount() - 1, SECOND + MS);

        // a jump past the window: the oldest unreported sequence numbers fall out and are never reported
        g.onPacket(5001 + 20000, 2 * SECOND);
        fbs = overTheWire(g.build(1, 2));
        assertThat(fbs.get(0).baseSequence()).isEqualTo(5001 + 20000 - 8191);
        int total = 0;
        for (TransportCcFeedback fb : fbs) {
            total += fb.statusCount();
        }
        assertThat(total).isEqualTo(8192);
    }

    @Test
    void randomLossReorderingAndGapsAreReproducedByTheLastReportOfEachPacket() throws Exception {
        Random rnd = new Random(0x7cc_9e2L);
        for (int round = 0; round < 20; round++) {
            TransportFeedbackGenerator g = new TransportFeedbackGenerator(8192, 200 + rnd.nextInt(1000));
            int n = 3000;
            int start = rnd.nextInt(65536);
            boolean[] delivered = new boolean[n];
            long[] arrivalOf = new long[n];
            // delivery order: shuffle within small windows; 10% lost
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                order.add(i);
            }
            for (int i = 0; i < n; i++) {
                int j = Math.min(n - 1, i + rnd.nextInt(4));
                Collections.swap(order, i, j);
            }
            long t = rnd.nextInt(1000) * SECOND;
            Map<Integer, Integer> lastReportIndex = new HashMap<>();
            Map<Integer, TransportCcFeedback> lastReport = new HashMap<>();
            int firstArrived = -1;
            int highestArrived = -1;
            for (int k = 0; k < n; k++) {
                int i = order.get(k);
                t += rnd.nextInt(200) == 0 ? 9 * SECOND : rnd.nextInt(3 * (int) MS);
                if (rnd.nextInt(10) == 0) {
                    continue;
                }
                if (firstArrived < 0) {
                    firstArrived = i;
                }
                highestArrived = Math.max(highestArrived, i);
                delivered[i] = true;
                arrivalOf[i] = t;
                g.onPacket(start + i, t);
                if (rnd.nextInt(40) == 0) {
                    collect(overTheWire(g.build(7, 8)), lastReport, lastReportIndex);
                }
            }
            collect(overTheWire(g.build(7, 8)), lastReport, lastReportIndex);
            for (int i = 0; i < n; i++) {
                int seq = (start + i) & 0xffff;
                TransportCcFeedback fb = lastReport.get(seq);
                if (fb == null) {
                    // never reported: lost, and before the first packet to arrive or after the highest one
                    assertThat(delivered[i]).isFalse();
                    assertThat(i < firstArrived || i > highestArrived).isTrue();
                    continue;
                }
                int index = lastReportIndex.get(seq);
                if (delivered[i]) {
                    assertArrival(fb, index, arrivalOf[i]);
                } else {
                    assertThat(fb.received(index)).isFalse();
                }
            }
        }
    }

    private static void collect(List<TransportCcFeedback> fbs, Map<Integer, TransportCcFeedback> last,
            Map<Integer, Integer> index) {
        for (TransportCcFeedback fb : fbs) {
            for (int i = 0; i < fb.statusCount(); i++) {
                last.put(fb.sequenceNumber(i), fb);
                index.put(fb.sequenceNumber(i), i);
            }
        }
    }

    @Test
    void randomArrivalsNeverThrowAndEveryPacketIsValid() throws Exception {
        Random rnd = new Random(0xf022_7ccL);
        for (int round = 0; round < 200; round++) {
            int capacity = 16 + rnd.nextInt(16384 - 16 + 1);
            int budget = 64 + rnd.nextInt(round % 10 == 0 ? 65536 - 64 + 1 : 1500);
            TransportFeedbackGenerator g = new TransportFeedbackGenerator(capacity, budget);
            Map<Integer, Set<Long>> arrivals = new HashMap<>();
            int seq = rnd.nextInt(65536);
            long t = (long) rnd.nextInt(1 << 20) * MS;
            int events = 1 + rnd.nextInt(round % 10 == 0 ? 5_000 : 400);
            for (int e = 0; e < events; e++) {
                int kind = rnd.nextInt(1000);
                int s = kind < 2 ? rnd.nextInt(65536) // anywhere
                        : kind < 4 ? seq + rnd.nextInt(20_000) // a jump
                        : kind < 200 ? seq - rnd.nextInt(50) // late or duplicate
                        : seq + rnd.nextInt(3);
                s &= 0xffff;
                if (kind >= 200) {
                    seq = s;
                }
                t += kind >= 200 && kind < 250 ? rnd.nextInt(20) * SECOND : rnd.nextInt(5 * (int) MS);
                g.onPacket(s, t);
                arrivals.computeIfAbsent(s, x -> new HashSet<>()).add(t);
                if (rnd.nextInt(30) == 0) {
                    check(overTheWire(g.build(rnd.nextInt(), rnd.nextInt())), budget, arrivals);
                }
            }
            check(overTheWire(g.build(1, 2)), budget, arrivals);
            assertThat(g.hasUnreported()).isFalse();
        }
    }

    private static void check(List<TransportCcFeedback> fbs, int budget, Map<Integer, Set<Long>> arrivals) {
        for (int j = 0; j < fbs.size(); j++) {
            TransportCcFeedback fb = fbs.get(j);
            assertThat(fb.encodedLength()).isLessThanOrEqualTo(budget);
            if (j > 0) {
                TransportCcFeedback prev = fbs.get(j - 1);
                assertThat(fb.baseSequence()).isEqualTo((prev.baseSequence() + prev.statusCount()) & 0xffff);
            }
            long[] reported = fb.arrivalTimesMicros();
            for (int i = 0; i < fb.statusCount(); i++) {
                if (fb.received(i)) {
                    long r = reported[i] * 1000;
                    boolean matches = false;
                    for (long a : arrivals.get(fb.sequenceNumber(i))) {
                        matches |= Math.abs(a - r) <= HALF_TICK_NANOS;
                    }
                    if (!matches) {
                        assertThat(arrivals.get(fb.sequenceNumber(i))).as("seq %d reported at %d ns",
                                fb.sequenceNumber(i), r).isEmpty();
                    }
                }
            }
        }
    }
}
