package dev.parley.rtc.ice;

/** A local and a remote candidate to check together; mutable state belongs to the agent's network thread. */
public final class CandidatePair {

    private final Candidate local;
    private final Candidate remote;
    private long priority;
    private PairState state = PairState.FROZEN;
    private boolean nominated;
    private boolean valid;

    CandidatePair(Candidate local, Candidate remote, boolean controlling) {
        this.local = local;
        this.remote = remote;
        updatePriority(controlling);
    }

    /** After a role change the pair priority is recomputed (RFC 8445 section 7.3.1.1). */
    void updatePriority(boolean controlling) {
        priority = controlling ? Priorities.pair(local.priority(), remote.priority())
                : Priorities.pair(remote.priority(), local.priority());
    }

    public Candidate local() {
        return local;
    }

    public Candidate remote() {
        return remote;
    }

    public long priority() {
        return priority;
    }

    public PairState state() {
        return state;
    }

    void state(PairState next) {
        state = next;
    }

    public boolean nominated() {
        return nominated;
    }

    void nominate() {
        nominated = true;
    }

    /** In the valid list: a check on it succeeded (RFC 8445 section 7.2.5.3.2). */
    public boolean valid() {
        return valid;
    }

    void markValid() {
        valid = true;
    }

    /** Pairs of the same local foundation and remote foundation unfreeze together. */
    String foundation() {
        return local.foundation() + ':' + remote.foundation();
    }

    /** Redundant pairs share a local base and a remote address (RFC 8445 section 6.1.2.4). */
    boolean sameRouteAs(CandidatePair other) {
        return local.base().equals(other.local.base()) && remote.address().equals(other.remote.address())
                && local.component() == other.local.component();
    }

    @Override
    public String toString() {
        return local.type().sdpName() + "->" + remote.type().sdpName() + " " + state + (nominated ? " nominated" : "");
    }

    private volatile long currentRoundTripNanos = -1;
    private volatile long totalRoundTripNanos;
    private volatile long responsesReceived;

    /** A consent check on this pair was answered after {@code nanos} (W3C currentRoundTripTime). Network thread. */
    void recordRoundTrip(long nanos) {
        currentRoundTripNanos = nanos;
        totalRoundTripNanos += nanos;
        responsesReceived++;
    }

    /** The round-trip time of the last answered consent check, or -1 before one. */
    public long currentRoundTripNanos() {
        return currentRoundTripNanos;
    }

    public long totalRoundTripNanos() {
        return totalRoundTripNanos;
    }

    public long responsesReceived() {
        return responsesReceived;
    }
}
