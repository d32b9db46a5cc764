package dev.parley.rtc.testing;

/**
 * The decisions of one direction of an impaired link, as pure logic: feed it each datagram's size and send time (in
 * order) and it says whether the datagram is lost or when it is delivered, possibly twice. Given the same
 * {@link Impairment} (seed included) and the same inputs it returns the same decisions on every JVM: the random
 * numbers come from a SplitMix64 generator written here, not from a JDK class whose algorithm could change, and
 * every datagram consumes the same number of them whatever happens to it, so turning one stage on does not shift
 * the random choices of another.
 *
 * <p>Not thread-safe: one caller (the relay's I/O thread) per model.
 */
public final class ImpairmentModel {

    /** What happened to a datagram. */
    public enum Fate { DELIVERED, LOST_RANDOM, LOST_BURST, LOST_QUEUE }

    /**
     * One datagram's decision. Times are in the caller's nanosecond clock (the one the send times were given in).
     *
     * @param deliverAt   when to deliver it; meaningless when lost
     * @param duplicateAt when to deliver the second copy, or -1 when there is none
     * @param reordered   it was held back an extra delay so that later datagrams can overtake it
     */
    public record Decision(Fate fate, long deliverAt, long duplicateAt, boolean reordered) {

        public boolean dropped() {
            return fate != Fate.DELIVERED;
        }

        public boolean duplicated() {
            return duplicateAt >= 0;
        }

        /** How many copies reach the other side: 0, 1 or 2. */
        public int copies() {
            return dropped() ? 0 : duplicated() ? 2 : 1;
        }
    }

    private final Impairment config;
    private final long delayNanos;
    private final long jitterNanos;
    private final double sigmaNanos;
    private final long reorderNanos;
    private long state;
    private boolean bad;
    private long linkFreeAt = Long.MIN_VALUE;
    private long lastInOrder = Long.MIN_VALUE;

    public ImpairmentModel(Impairment config) {
        this.config = config;
        this.delayNanos = config.delay().toNanos();
        this.jitterNanos = config.jitter().toNanos();
        this.sigmaNanos = config.jitterSigma().toNanos();
        this.reorderNanos = config.reorderDelay().toNanos();
        this.state = config.seed();
    }

    public Impairment config() {
        return config;
    }

    /** True while the Gilbert–Elliott chain is in its bad state (after the last decision). */
    public boolean inBurst() {
        return bad;
    }

    /** Decides the fate of the next datagram, {@code size} bytes sent at {@code sentAt} nanoseconds. */
    public Decision decide(int size, long sentAt) {
        // Seven draws per datagram, always, in this order.
        double uLoss = nextDouble();
        double uTransition = nextDouble();
        double uBurst = nextDouble();
        double uJitter1 = nextDouble();
        double uJitter2 = nextDouble();
        double uReorder = nextDouble();
        double uDuplicate = nextDouble();

        bad = bad ? uTransition >= config.burstExit() : uTransition < config.burstEnter();
        if (bad && uBurst < config.burstLoss()) {
            return new Decision(Fate.LOST_BURST, -1, -1, false);
        }
        if (uLoss < config.loss()) {
            return new Decision(Fate.LOST_RANDOM, -1, -1, false);
        }

        long departure = sentAt;
        if (config.rateBytesPerSecond() > 0) {
            long free = Math.max(linkFreeAt, sentAt);
            double backlog = (free - sentAt) * (double) config.rateBytesPerSecond() / 1e9;
            if (backlog + size > config.queueBytes()) {
                return new Decision(Fate.LOST_QUEUE, -1, -1, false);
            }
            linkFreeAt = free + (long) Math.ceil(size * 1e9 / config.rateBytesPerSecond());
            departure = linkFreeAt;
        }

        long deliverAt = departure + Math.max(0, delayNanos + jitter(uJitter1, uJitter2));
        if (!config.jitterReorders()) {
            deliverAt = Math.max(deliverAt, lastInOrder);
        }
        boolean reordered = uReorder < config.reorder();
        if (reordered) {
            deliverAt += reorderNanos;
        } else {
            lastInOrder = Math.max(lastInOrder, deliverAt);
        }
        long duplicateAt = uDuplicate < config.duplicate() ? deliverAt : -1;
        return new Decision(Fate.DELIVERED, deliverAt, duplicateAt, reordered);
    }

    private long jitter(double u1, double u2) {
        if (jitterNanos == 0) {
            return 0;
        }
        double j;
        if (config.jitterShape() == Impairment.JitterShape.UNIFORM) {
            j = (2 * u1 - 1) * jitterNanos;
        } else {
            // Box–Muller; 1 - u1 is in (0, 1] so the logarithm is finite. StrictMath: bit-identical on every JVM.
            j = StrictMath.sqrt(-2 * StrictMath.log(1 - u1)) * StrictMath.cos(2 * Math.PI * u2) * sigmaNanos;
            j = Math.max(-jitterNanos, Math.min(jitterNanos, j));
        }
        return Math.round(j);
    }

    // SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", 2014).
    private long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    private double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }
}
