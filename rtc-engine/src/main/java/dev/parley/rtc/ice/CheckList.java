package dev.parley.rtc.ice;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The check list of one data stream (RFC 8445 section 6.1.2): pairs ordered by priority, redundant ones
 * pruned, a cap on size, foundations unfrozen in the order the RFC gives, and a triggered-check queue that
 * goes before ordinary checks. Used only on the agent's network thread.
 */
public final class CheckList {

    /** RFC 8445 section 6.1.2.5: a limit keeps a hostile peer's candidate flood from exhausting us. */
    public static final int MAX_PAIRS = 100;

    private final List<CandidatePair> pairs = new ArrayList<>();
    private final Deque<CandidatePair> triggered = new ArrayDeque<>();
    private boolean controlling;

    public CheckList(boolean controlling) {
        this.controlling = controlling;
    }

    public List<CandidatePair> pairs() {
        return List.copyOf(pairs);
    }

    /**
     * Pairs the new candidate with every candidate of the other side of the same component, adds what is
     * not redundant, keeps the list sorted and capped, and returns the pairs added.
     */
    public List<CandidatePair> add(Candidate local, List<Candidate> remotes) {
        List<CandidatePair> added = new ArrayList<>();
        for (Candidate remote : remotes) {
            addPair(local, remote).ifPresent(added::add);
        }
        return added;
    }

    /** Adds the pair of one local and one remote candidate, unless redundant or unusable. */
    public Optional<CandidatePair> addPair(Candidate local, Candidate remote) {
        if (local.component() != remote.component() || remote.isUnresolved()
                || !sameFamily(local, remote) || !local.transport().equalsIgnoreCase(remote.transport())) {
            return Optional.empty();
        }
        // RFC 8445 section 6.1.2.4: a pair is formed from the local base, never a server-reflexive address.
        Candidate sendingFrom = local.type() == CandidateType.SERVER_REFLEXIVE ? asHost(local) : local;
        CandidatePair pair = new CandidatePair(sendingFrom, remote, controlling);
        for (int i = 0; i < pairs.size(); i++) {
            CandidatePair existing = pairs.get(i);
            if (existing.sameRouteAs(pair)) {
                if (existing.priority() >= pair.priority() || existing.state() != PairState.FROZEN
                        && existing.state() != PairState.WAITING) {
                    return Optional.empty();
                }
                pairs.remove(i);
                break;
            }
        }
        pairs.add(pair);
        pairs.sort(Comparator.comparingLong(CandidatePair::priority).reversed());
        if (pairs.size() > MAX_PAIRS) {
            CandidatePair dropped = pairs.remove(pairs.size() - 1);
            if (dropped == pair) {
                return Optional.empty();
            }
        }
        unfreezeInitial();
        return Optional.of(pair);
    }

    /** A server-reflexive candidate is checked from its base, which is a host candidate (section 6.1.2.4). */
    private static Candidate asHost(Candidate srflx) {
        return new Candidate(srflx.foundation(), srflx.component(), srflx.transport(), srflx.priority(),
                srflx.base(), CandidateType.HOST, null, srflx.base());
    }

    private static boolean sameFamily(Candidate a, Candidate b) {
        return a.address().getAddress() != null && b.address().getAddress() != null
                && a.address().getAddress().getClass() == b.address().getAddress().getClass();
    }

    /**
     * RFC 8445 section 6.1.2.6: per foundation, the pair with the lowest component and highest priority
     * starts WAITING when no pair of that foundation is already under way.
     */
    private void unfreezeInitial() {
        Set<String> active = new HashSet<>();
        for (CandidatePair p : pairs) {
            if (p.state() != PairState.FROZEN) {
                active.add(p.foundation());
            }
        }
        for (CandidatePair p : pairs) {
            if (p.state() == PairState.FROZEN && active.add(p.foundation())) {
                p.state(PairState.WAITING);
            }
        }
    }

    /** Queues a triggered check (RFC 8445 section 7.3.1.4), ahead of ordinary checks. */
    public void trigger(CandidatePair pair) {
        if (!triggered.contains(pair)) {
            triggered.add(pair);
        }
        // A succeeded pair may be checked again: that is how the controlling agent nominates it.
        if (pair.state() != PairState.IN_PROGRESS) {
            pair.state(PairState.WAITING);
        }
    }

    /**
     * The next pair to check at this pacing tick (RFC 8445 section 6.1.4.2): a triggered one, else the
     * highest-priority WAITING one, else the highest-priority FROZEN one (unfrozen now); empty when none.
     */
    public Optional<CandidatePair> next() {
        CandidatePair t;
        while ((t = triggered.poll()) != null) {
            if (t.state() == PairState.WAITING && pairs.contains(t)) {
                t.state(PairState.IN_PROGRESS);
                return Optional.of(t);
            }
        }
        for (PairState wanted : new PairState[] {PairState.WAITING, PairState.FROZEN}) {
            for (CandidatePair p : pairs) {
                if (p.state() == wanted) {
                    p.state(PairState.IN_PROGRESS);
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** The pair's check must be sent again (after a role conflict, RFC 8445 section 7.2.5.1). */
    public void retry(CandidatePair pair) {
        pair.state(PairState.WAITING);
        trigger(pair);
    }

    /** A check succeeded: its foundation's frozen pairs start waiting (RFC 8445 section 7.2.5.3.3). */
    public void succeeded(CandidatePair pair) {
        pair.state(PairState.SUCCEEDED);
        pair.markValid();
        for (CandidatePair p : pairs) {
            if (p.state() == PairState.FROZEN && p.foundation().equals(pair.foundation())) {
                p.state(PairState.WAITING);
            }
        }
    }

    public void failed(CandidatePair pair) {
        pair.state(PairState.FAILED);
    }

    /** After a role conflict was repaired: every pair priority is recomputed and the order restored. */
    public void roleChanged(boolean nowControlling) {
        controlling = nowControlling;
        for (CandidatePair p : pairs) {
            p.updatePriority(nowControlling);
        }
        pairs.sort(Comparator.comparingLong(CandidatePair::priority).reversed());
    }

    /** The pair for this local base and remote address, if checked or listed. */
    public Optional<CandidatePair> find(java.net.InetSocketAddress localBase, java.net.InetSocketAddress remote) {
        for (CandidatePair p : pairs) {
            if (p.local().base().equals(localBase) && p.remote().address().equals(remote)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The best valid pair, nominated first, for sending media. */
    public Optional<CandidatePair> selected() {
        CandidatePair best = null;
        for (CandidatePair p : pairs) {
            if (p.valid() && (best == null || p.nominated() && !best.nominated())) {
                best = p;
            }
        }
        return Optional.ofNullable(best);
    }

    /** True when every pair has finished and none succeeded: the stream has failed. */
    public boolean allFailed() {
        return !pairs.isEmpty() && pairs.stream().allMatch(p -> p.state() == PairState.FAILED);
    }
}
