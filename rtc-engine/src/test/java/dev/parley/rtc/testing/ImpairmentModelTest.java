package dev.parley.rtc.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.parley.rtc.testing.ImpairmentModel.Decision;
import dev.parley.rtc.testing.ImpairmentModel.Fate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The statistics of {@link ImpairmentModel} with fixed seeds: the rates it promises are the rates it gives. */
class ImpairmentModelTest {

    private static final long MS = 1_000_000L;

    /** Runs {@code n} datagrams of {@code size} bytes sent every {@code gapNanos}. */
    private static List<Decision> run(Impairment impairment, int n, int size, long gapNanos) {
        ImpairmentModel model = new ImpairmentModel(impairment);
        List<Decision> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(model.decide(size, i * gapNanos));
        }
        return out;
    }

    private static double fraction(List<Decision> decisions, java.util.function.Predicate<Decision> p) {
        return decisions.stream().filter(p).count() / (double) decisions.size();
    }

    @Test
    void noImpairmentDeliversEverythingOnceAtOnce() {
        List<Decision> d = run(Impairment.none(), 10_000, 1_200, MS);
        for (int i = 0; i < d.size(); i++) {
            assertThat(d.get(i)).isEqualTo(new Decision(Fate.DELIVERED, i * MS, -1, false));
        }
    }

    @Test
    void randomLossOfFivePercentIsFivePercentOverAHundredThousandPackets() {
        for (long seed : new long[] {1, 42, 2024}) {
            List<Decision> d = run(Impairment.builder().loss(0.05).seed(seed).build(), 100_000, 200, MS);
            assertThat(fraction(d, Decision::dropped)).as("seed %d", seed).isCloseTo(0.05, within(0.005));
            assertThat(d).filteredOn(Decision::dropped).allMatch(x -> x.fate() == Fate.LOST_RANDOM);
        }
    }

    @Test
    void burstLossComesInRunsWhoseMeanLengthIsOneOverTheExitProbability() {
        // p(good->bad) = 1 %, p(bad->good) = 25 %, everything lost in the bad state: runs of 4 on average,
        // a stationary loss of 0.01 / 0.26 = 3.85 %.
        Impairment gilbert = Impairment.builder().burstLoss(0.01, 0.25, 1.0).seed(7).build();
        List<Decision> d = run(gilbert, 200_000, 200, MS);
        List<Integer> runs = lossRuns(d);
        double meanRun = runs.stream().mapToInt(Integer::intValue).average().orElseThrow();
        assertThat(meanRun).isCloseTo(4.0, within(0.2));
        assertThat(fraction(d, Decision::dropped)).isCloseTo(gilbert.expectedLoss(), within(0.004));
        assertThat(runs.stream().mapToInt(Integer::intValue).max().orElseThrow()).as("geometric tail").isGreaterThan(15);

        // The same average loss as independent loss has far shorter runs: bursts are what the model adds.
        double random = lossRuns(run(Impairment.builder().loss(gilbert.expectedLoss()).seed(7).build(), 200_000, 200, MS))
                .stream().mapToInt(Integer::intValue).average().orElseThrow();
        assertThat(random).isLessThan(1.1);
    }

    private static List<Integer> lossRuns(List<Decision> d) {
        List<Integer> runs = new ArrayList<>();
        int run = 0;
        for (Decision x : d) {
            if (x.dropped()) {
                run++;
            } else if (run > 0) {
                runs.add(run);
                run = 0;
            }
        }
        return runs;
    }

    @Test
    void partialLossInTheBadStateAndRandomLossAddUpAsExpected() {
        Impairment both = Impairment.builder().loss(0.02).burstLoss(0.02, 0.2, 0.5).seed(99).build();
        List<Decision> d = run(both, 200_000, 200, MS);
        assertThat(fraction(d, Decision::dropped)).isCloseTo(both.expectedLoss(), within(0.005));
        assertThat(d).anyMatch(x -> x.fate() == Fate.LOST_BURST).anyMatch(x -> x.fate() == Fate.LOST_RANDOM);
    }

    @Test
    void uniformJitterStaysWithinItsBoundsAndCentresOnTheDelay() {
        Impairment imp = Impairment.builder().delay(Duration.ofMillis(20)).jitterUniform(Duration.ofMillis(10))
                .jitterReorders(true).seed(3).build();
        List<Decision> d = run(imp, 50_000, 200, MS);
        double[] delays = delays(d, MS);
        assertThat(min(delays)).isGreaterThanOrEqualTo(10 * MS).isLessThan(10.1 * MS);
        assertThat(max(delays)).isLessThanOrEqualTo(30 * MS).isGreaterThan(29.9 * MS);
        assertThat(mean(delays)).isCloseTo(20.0 * MS, within(0.1 * MS));
        // Uniform on [-10, 10] ms has a standard deviation of 10 / sqrt(3) ms.
        assertThat(std(delays)).isCloseTo(10 * MS / Math.sqrt(3), within(0.1 * MS));
        assertThat(outOfOrder(d)).as("netem-like jitter reorders").isPositive();
    }

    @Test
    void normalJitterHasItsSigmaAndIsCutAtItsBound() {
        Impairment imp = Impairment.builder().delay(Duration.ofMillis(50))
                .jitterNormal(Duration.ofMillis(5), Duration.ofMillis(15)).jitterReorders(true).seed(11).build();
        double[] delays = delays(run(imp, 50_000, 200, MS), MS);
        assertThat(min(delays)).isGreaterThanOrEqualTo(35 * MS);
        assertThat(max(delays)).isLessThanOrEqualTo(65 * MS);
        assertThat(mean(delays)).isCloseTo(50.0 * MS, within(0.1 * MS));
        // Cutting at 3 sigma removes 0.27 % of the mass: the deviation stays within 2 % of sigma.
        assertThat(std(delays)).isCloseTo(5.0 * MS, within(0.1 * MS));
    }

    @Test
    void jitterKeepsOrderUnlessAskedToReorderAndStillRespectsItsUpperBound() {
        Impairment imp = Impairment.builder().delay(Duration.ofMillis(20)).jitterUniform(Duration.ofMillis(10))
                .seed(3).build();
        List<Decision> d = run(imp, 20_000, 200, MS / 2);
        assertThat(outOfOrder(d)).isZero();
        assertThat(max(delays(d, MS / 2))).isLessThanOrEqualTo(30 * MS);
        assertThat(min(delays(d, MS / 2))).isGreaterThanOrEqualTo(10 * MS);
    }

    @Test
    void reorderingHoldsBackTheExpectedShareAndLaterPacketsOvertakeIt() {
        Impairment imp = Impairment.builder().delay(Duration.ofMillis(5)).reorder(0.1, Duration.ofMillis(10))
                .seed(5).build();
        List<Decision> d = run(imp, 100_000, 200, MS);
        assertThat(fraction(d, Decision::reordered)).isCloseTo(0.1, within(0.005));
        // Packets 1 ms apart held back 10 ms: every held-back packet arrives after at least one later packet.
        assertThat(outOfOrder(d) / (double) d.size()).isCloseTo(0.1, within(0.005));
        for (int i = 0; i < d.size(); i++) {
            long expected = i * MS + 5 * MS + (d.get(i).reordered() ? 10 * MS : 0);
            assertThat(d.get(i).deliverAt()).isEqualTo(expected);
        }
    }

    @Test
    void duplicationCopiesTheExpectedShare() {
        List<Decision> d = run(Impairment.builder().duplicate(0.03).loss(0.1).seed(8).build(), 100_000, 200, MS);
        long delivered = d.stream().filter(x -> !x.dropped()).count();
        long duplicated = d.stream().filter(Decision::duplicated).count();
        assertThat(duplicated / (double) delivered).isCloseTo(0.03, within(0.003));
        assertThat(d).filteredOn(Decision::duplicated).allMatch(x -> x.duplicateAt() == x.deliverAt() && !x.dropped());
        assertThat(d.stream().mapToInt(Decision::copies).sum()).isEqualTo(delivered + duplicated);
    }

    @Test
    void rateLimitSerialisesAndDropsWhatOverflowsTheQueue() {
        // 1 MB/s: 1 000 datagrams of 1 000 bytes sent at once leave 1 ms apart.
        Impairment imp = Impairment.builder().rateLimit(1_000_000, Integer.MAX_VALUE).build();
        List<Decision> d = run(imp, 1_000, 1_000, 0);
        for (int i = 0; i < d.size(); i++) {
            assertThat(d.get(i).deliverAt()).isEqualTo((i + 1) * MS);
        }
        // With 10 kB of queue, a burst of 100 gets 10 through.
        List<Decision> small = run(Impairment.builder().rateLimit(1_000_000, 10_000).build(), 100, 1_000, 0);
        assertThat(small.stream().filter(x -> !x.dropped()).count()).isEqualTo(10);
        assertThat(small).filteredOn(Decision::dropped).allMatch(x -> x.fate() == Fate.LOST_QUEUE);
        // Sent slower than the rate, nothing queues.
        List<Decision> paced = run(Impairment.builder().rateLimit(1_000_000, 10_000).build(), 100, 1_000, 2 * MS);
        assertThat(paced).noneMatch(Decision::dropped);
        assertThat(delays(paced, 2 * MS)).containsOnly(1.0 * MS);
    }

    @Test
    void theSameSeedGivesTheSameDecisionsAndAnotherSeedDoesNot() {
        Impairment.Builder everything = Impairment.builder().loss(0.05).burstLoss(0.01, 0.3, 0.8)
                .delay(Duration.ofMillis(20)).jitterNormal(Duration.ofMillis(4), Duration.ofMillis(10))
                .reorder(0.02, Duration.ofMillis(15)).duplicate(0.01).rateLimit(500_000, 50_000);
        List<Decision> first = run(everything.seed(123).build(), 20_000, 700, MS);
        List<Decision> second = run(everything.seed(123).build(), 20_000, 700, MS);
        List<Decision> other = run(everything.seed(124).build(), 20_000, 700, MS);
        assertThat(second).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        // Pinned: the fates of seed 123's first 200 datagrams and the sum of all delivery times never change
        // (no JDK random class is involved), on JDK 17 as on 25.
        StringBuilder fates = new StringBuilder();
        for (Decision x : first.subList(0, 200)) {
            fates.append(x.dropped() ? 'x' : x.reordered() ? 'r' : x.duplicated() ? 'd' : '.');
        }
        assertThat(fates.toString()).isEqualTo(PINNED_FATES);
        assertThat(first.stream().filter(x -> !x.dropped()).mapToLong(Decision::deliverAt).sum())
                .isEqualTo(PINNED_SUM);
    }

    private static final String PINNED_FATES = ".........................................rx.....r........r......d...................x"
            + "............r........x............x.....x.............x........d..............d........r..............."
            + "......d.x...";
    private static final long PINNED_SUM = 144_604_248_372_740L;

    @Test
    void invalidSettingsAreRefused() {
        assertThatThrownBy(() -> Impairment.builder().loss(1.5).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Impairment.builder().delay(Duration.ofMillis(-1)).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Impairment.builder().burstLoss(0.1, 0, 1).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Impairment.none().withSeed(9).seed()).isEqualTo(9);
        assertThat(Impairment.none().expectedLoss()).isZero();
    }

    /** Delivery minus send time of the delivered datagrams, sent {@code gap} nanoseconds apart. */
    private static double[] delays(List<Decision> d, long gap) {
        double[] out = new double[(int) d.stream().filter(x -> !x.dropped()).count()];
        int k = 0;
        for (int i = 0; i < d.size(); i++) {
            if (!d.get(i).dropped()) {
                out[k++] = d.get(i).deliverAt() - i * gap;
            }
        }
        return out;
    }

    /** How many delivered datagrams arrive after some datagram sent later than them (the overtaken ones). */
    private static int outOfOrder(List<Decision> d) {
        int late = 0;
        long[] minAfter = new long[d.size() + 1];
        minAfter[d.size()] = Long.MAX_VALUE;
        for (int i = d.size() - 1; i >= 0; i--) {
            long t = d.get(i).dropped() ? Long.MAX_VALUE : d.get(i).deliverAt();
            minAfter[i] = Math.min(minAfter[i + 1], t);
        }
        for (int i = 0; i < d.size(); i++) {
            if (!d.get(i).dropped() && minAfter[i + 1] < d.get(i).deliverAt()) {
                late++;
            }
        }
        return late;
    }

    private static double min(double[] x) {
        return java.util.Arrays.stream(x).min().orElseThrow();
    }

    private static double max(double[] x) {
        return java.util.Arrays.stream(x).max().orElseThrow();
    }

    private static double mean(double[] x) {
        return java.util.Arrays.stream(x).average().orElseThrow();
    }

    private static double std(double[] x) {
        double m = mean(x);
        return Math.sqrt(java.util.Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / x.length);
    }
}
