package dev.parley.rtc.nack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Seeded randomized checks: a reference model for the generator, and hostile input for everything. */
class NackFuzzTest {
    private static final long MS = 1_000_000L;

    /**
     * A lossy, reordering, duplicating channel across the 16-bit wrap, checked step by step against a set of the
     * missing extended sequence numbers kept from the true packet indices (no overflow or age limit reached).
     */
    @Test
    void matchesAReferenceModelOnALossyReorderingChannel() {
        Random rnd = new Random(0x4585_0001L);
        for (int run = 0; run < 20; run++) {
            int base = 65_536 - 500 - rnd.nextInt(1000);
            int n = 3000;
            List<Integer> arrivals = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (rnd.nextInt(100) < 6) {
                    continue; // lost
                }
                arrivals.add(i);
                if (rnd.nextInt(100) < 2) {
                    arrivals.add(i); // duplicated
                }
            }
            for (int i = 0; i + 1 < arrivals.size(); i++) {
                if (rnd.nextInt(100) < 10) { // delayed by a few places
                    int j = Math.min(arrivals.size() - 1, i + 1 + rnd.nextInt(6));
                    arrivals.add(j, arrivals.remove(i));
                }
            }

            NackGenerator g = new NackGenerator(NackConfig.defaults());
            TreeSet<Integer> missing = new TreeSet<>();
            Set<Integer> nacked = new HashSet<>();
            long expectRecovered = 0;
            int newest = -1;
            int[] out = new int[1000];
            long now = 0;
            for (int i : arrivals) {
                now += MS;
                g.onPacket((base + i) & 0xffff, false, false, now);
                if (newest < 0) {
                    newest = i;
                } else if (i > newest) {
                    for (int m = newest + 1; m < i; m++) {
                        missing.add(m);
                    }
                    newest = i;
                } else if (missing.remove(i) && nacked.contains(i)) {
                    expectRecovered++;
                }
                assertThat(g.missingCount()).isEqualTo(missing.size());
                if (rnd.nextInt(3) == 0) {
                    int k = g.collect(now, 1000_000 * MS, out); // an RTT so long that only first NACKs come out
                    Set<Integer> fresh = new HashSet<>();
                    for (int m : missing) {
                        if (!nacked.contains(m)) {
                            fresh.add((base + m) & 0xffff);
                            nacked.add(m);
                        }
                    }
                    Set<Integer> got = new HashSet<>();
                    for (int x = 0; x < k; x++) {
                        got.add(out[x]);
                    }
                    assertThat(got).isEqualTo(fresh);
                }
            }
            assertThat(g.recovered()).isEqualTo(expectRecovered);
            assertThat(g.nackedPackets()).isEqualTo(nacked.size());
            assertThat(g.resets()).isZero();
            assertThat(g.keyFrameRequests()).isZero();
        }
    }

    /** Random sequence numbers (small steps, reordering, wild jumps), times and RTTs: invariants hold, no throw. */
    @Test
    void generatorSurvivesRandomSequences() {
        Random rnd = new Random(0x4585_0002L);
        NackConfig config = new NackConfig(200, 5, 3000, 20 * MS, rnd.nextInt(3) * 10 * MS);
        NackGenerator g = new NackGenerator(config);
        int[] out = new int[64];
        int seq = rnd.nextInt(65536);
        long now = rnd.nextLong();
        for (int i = 0; i < 200_000; i++) {
            int kind = rnd.nextInt(1000);
            int s;
            if (kind < 800) {
                seq = (seq + 1 + (rnd.nextInt(10) == 0 ? rnd.nextInt(50) : 0)) & 0xffff;
                s = seq;
            } else if (kind < 950) {
                s = (seq - rnd.nextInt(300)) & 0xffff;
            } else if (kind < 996) {
                seq = (seq + rnd.nextInt(5000)) & 0xffff;
                s = seq;
            } else {
                s = rnd.nextInt(); // any int, also outside 16 bits
            }
            now += rnd.nextInt(3 * (int) MS);
            g.onPacket(s, rnd.nextInt(50) == 0, rnd.nextInt(10) == 0, now);
            assertThat(g.missingCount()).isBetween(0, config.maxListSize());
            if (rnd.nextInt(4) == 0) {
                long rtt = rnd.nextInt(10) == 0 ? rnd.nextLong() : rnd.nextInt(300) * MS;
                g.nextDueNanos(rtt);
                int k = g.collect(now, rtt, out);
                assertThat(k).isBetween(0, out.length);
                for (int x = 0; x < k; x++) {
                    assertThat(out[x]).isBetween(0, 0xffff);
                }
            }
            g.takeKeyFrameRequest();
        }
        assertThat(g.nackedPackets()).isPositive();
        assertThat(g.recovered()).isPositive();
        assertThat(g.givenUp()).isPositive();
        assertThat(g.resets()).isPositive();
    }

    /** Garbage, mutated packets and wild offsets into the history, the packetizer and the unwrapper. */
    @Test
    void packetHandlersSurviveGarbage() {
        Random rnd = new Random(0x4588_0003L);
        TestPackets gen = new TestPackets(rnd);
        RetransmissionHistory history = new RetransmissionHistory(64, 1000 * MS);
        RtxPacketizer packetizer = new RtxPacketizer(97, 42, 0);
        RtxUnwrapper unwrapper = new RtxUnwrapper();
        byte[] a = new byte[1600];
        byte[] b = new byte[1700];
        int ok = 0;
        for (int i = 0; i < 30_000; i++) {
            byte[] in;
            if (rnd.nextBoolean()) {
                in = gen.next(rnd.nextInt(65536), 96).wire();
                for (int f = rnd.nextInt(4); f > 0; f--) {
                    in[rnd.nextInt(in.length)] ^= (byte) (1 << rnd.nextInt(8));
                }
            } else {
                in = new byte[rnd.nextInt(64)];
                rnd.nextBytes(in);
            }
            int off = rnd.nextInt(8) == 0 ? rnd.nextInt(40) - 20 : 0;
            int len = rnd.nextInt(8) == 0 ? rnd.nextInt(in.length + 40) - 20 : in.length - Math.max(off, 0);
            long now = i * MS;
            history.record(in, off, len, now);
            int r = history.retransmit(rnd.nextInt(), now, rnd.nextInt(100) * MS, a, rnd.nextInt(200) - 20);
            assertThat(r).isBetween(-1, RetransmissionHistory.MAX_PACKET_LENGTH);
            int w = packetizer.wrap(in, off, len, b, rnd.nextInt(50) - 5);
            assertThat(w).isBetween(-1, b.length);
            int u = unwrapper.unwrap(in, off, len, 96, 7, a, rnd.nextInt(50) - 5);
            assertThat(u).isBetween(-1, a.length);
            ok += u > 0 ? 1 : 0;
        }
        assertThat(ok).isPositive();
        assertThat(unwrapper.malformedPackets()).isPositive();
        assertThat(history.retransmittedPackets()).isPositive();
    }

    /** Jumps of every size and steady traffic allocate nothing: the tables are fixed by the configuration. */
    @Test
    void hugeJumpsAllocateNothing() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());

        NackGenerator g = new NackGenerator(NackConfig.defaults());
        Random rnd = new Random(0x4585_0004L);
        int[] seqs = new int[100_000];
        for (int i = 0; i < seqs.length; i++) {
            seqs[i] = rnd.nextInt(4) == 0 ? rnd.nextInt(65536) : i;
        }
        int[] out = new int[500];
        run(g, seqs, out); // warm up
        long tid = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(tid);
        run(g, seqs, out);
        long allocated = threads.getThreadAllocatedBytes(tid) - before;
        assertThat(allocated).isLessThan(4096);
        assertThat(g.resets()).isPositive();
    }

    private static void run(NackGenerator g, int[] seqs, int[] out) {
        for (int i = 0; i < seqs.length; i++) {
            g.onPacket(seqs[i], (i & 63) == 0, false, i * MS);
            if ((i & 7) == 0) {
                g.collect(i * MS, 50 * MS, out);
            }
        }
    }
}
