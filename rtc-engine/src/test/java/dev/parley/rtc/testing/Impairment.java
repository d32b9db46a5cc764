package dev.parley.rtc.testing;

import java.time.Duration;

/**
 * What one direction of a {@link UdpImpairmentRelay} does to the datagrams crossing it; {@link ImpairmentModel} turns
 * it into per-datagram decisions. Every random choice comes from {@code seed}, so a test that fixes the seed gets the
 * same decisions every run. Use one instance per direction (give the two directions different seeds, or the two
 * directions lose the same packet indices).
 *
 * <p>The stages, in the order a datagram meets them:
 * <ol>
 *   <li>loss: independent random loss ({@code loss}) and Gilbert–Elliott burst loss: a two-state chain that moves
 *       good→bad with {@code burstEnter} and bad→good with {@code burstExit} per datagram and drops with
 *       {@code burstLoss} in the bad state (none in the good state). Bad runs last 1/{@code burstExit} datagrams on
 *       average.</li>
 *   <li>rate limit (when {@code rateBytesPerSecond > 0}): a FIFO bottleneck serialising {@code size} bytes at that
 *       rate; a datagram that would find more than {@code queueBytes} already waiting is dropped (drop-tail).</li>
 *   <li>delay {@code delay} plus jitter: uniform in ±{@code jitter}, or normal with standard deviation
 *       {@code jitterSigma} cut to ±{@code jitter}. Unless {@code jitterReorders}, a datagram is never delivered
 *       before the previous in-order one (jitter from queues, not from route flapping).</li>
 *   <li>reordering: with probability {@code reorder} a datagram is held back {@code reorderDelay} more, so those
 *       sent after it overtake it.</li>
 *   <li>duplication: with probability {@code duplicate} it is delivered twice (same time, back to back).</li>
 * </ol>
 */
public record Impairment(double loss, double burstEnter, double burstExit, double burstLoss,
                         Duration delay, Duration jitter, JitterShape jitterShape, Duration jitterSigma,
                         boolean jitterReorders, double reorder, Duration reorderDelay, double duplicate,
                         long rateBytesPerSecond, int queueBytes, long seed) {

    /** How jitter is drawn. */
    public enum JitterShape { UNIFORM, NORMAL }

    public Impairment {
        probability("loss", loss);
        probability("burstEnter", burstEnter);
        probability("burstExit", burstExit);
        probability("burstLoss", burstLoss);
        probability("reorder", reorder);
        probability("duplicate", duplicate);
        nonNegative("delay", delay);
        nonNegative("jitter", jitter);
        nonNegative("jitterSigma", jitterSigma);
        nonNegative("reorderDelay", reorderDelay);
        if (jitterShape == null) {
            throw new IllegalArgumentException("jitterShape");
        }
        if (burstEnter > 0 && burstExit == 0) {
            throw new IllegalArgumentException("burstExit must be > 0 when bursts can start");
        }
        if (rateBytesPerSecond < 0 || queueBytes < 0) {
            throw new IllegalArgumentException("rate and queue must be >= 0");
        }
    }

    /** A perfect link: every datagram delivered once, at once. */
    public static Impairment none() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The same impairment with another seed: for the other direction of a relay. */
    public Impairment withSeed(long newSeed) {
        return toBuilder().seed(newSeed).build();
    }

    /** Mean fraction of datagrams lost before the rate limiter (random and burst loss together). */
    public double expectedLoss() {
        double bad = burstEnter == 0 ? 0 : burstEnter / (burstEnter + burstExit);
        return 1 - (1 - loss) * (1 - bad * burstLoss);
    }

    private static void probability(String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " must be a probability: " + p);
        }
    }

    private static void nonNegative(String name, Duration d) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be >= 0: " + d);
        }
    }

    /** Builds an {@link Impairment}; everything starts off (no loss, no delay), seed 1. */
    public static final class Builder {
        private double loss;
        private double burstEnter;
        private double burstExit = 1;
        private double burstLoss = 1;
        private Duration delay = Duration.ZERO;
        private Duration jitter = Duration.ZERO;
        private JitterShape jitterShape = JitterShape.UNIFORM;
        private Duration jitterSigma = Duration.ZERO;
        private boolean jitterReorders;
        private double reorder;
        private Duration reorderDelay = Duration.ZERO;
        private double duplicate;
        private long rateBytesPerSecond;
        private int queueBytes = Integer.MAX_VALUE;
        private long seed = 1;

        private Builder() {
        }

        private Builder(Impairment i) {
            loss = i.loss;
            burstEnter = i.burstEnter;
            burstExit = i.burstExit;
            burstLoss = i.burstLoss;
            delay = i.delay;
            jitter = i.jitter;
            jitterShape = i.jitterShape;
            jitterSigma = i.jitterSigma;
            jitterReorders = i.jitterReorders;
            reorder = i.reorder;
            reorderDelay = i.reorderDelay;
            duplicate = i.duplicate;
            rateBytesPerSecond = i.rateBytesPerSecond;
            queueBytes = i.queueBytes;
            seed = i.seed;
        }

        /** Independent random loss. */
        public Builder loss(double probability) {
            loss = probability;
            return this;
        }

        /** Gilbert–Elliott burst loss: p(good→bad), p(bad→good), loss probability in the bad state. */
        public Builder burstLoss(double goodToBad, double badToGood, double lossInBad) {
            burstEnter = goodToBad;
            burstExit = badToGood;
            burstLoss = lossInBad;
            return this;
        }

        public Builder delay(Duration base) {
            delay = base;
            return this;
        }

        /** Uniform jitter in ±{@code bound} around the delay. */
        public Builder jitterUniform(Duration bound) {
            jitter = bound;
            jitterShape = JitterShape.UNIFORM;
            return this;
        }

        /** Normal jitter with standard deviation {@code sigma}, cut to ±{@code bound}. */
        public Builder jitterNormal(Duration sigma, Duration bound) {
            jitter = bound;
            jitterSigma = sigma;
            jitterShape = JitterShape.NORMAL;
            return this;
        }

        /** Let jitter alone reorder datagrams (netem's behaviour); off by default. */
        public Builder jitterReorders(boolean reorders) {
            jitterReorders = reorders;
            return this;
        }

        /** With {@code probability}, hold a datagram back {@code extra} beyond its delay. */
        public Builder reorder(double probability, Duration extra) {
            reorder = probability;
            reorderDelay = extra;
            return this;
        }

        public Builder duplicate(double probability) {
            duplicate = probability;
            return this;
        }

        /** A bottleneck of {@code bytesPerSecond} with a drop-tail queue of {@code maxQueuedBytes}. */
        public Builder rateLimit(long bytesPerSecond, int maxQueuedBytes) {
            rateBytesPerSecond = bytesPerSecond;
            queueBytes = maxQueuedBytes;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Impairment build() {
            return new Impairment(loss, burstEnter, burstExit, burstLoss, delay, jitter, jitterShape, jitterSigma,
                    jitterReorders, reorder, reorderDelay, duplicate, rateBytesPerSecond, queueBytes, seed);
        }
    }
}
