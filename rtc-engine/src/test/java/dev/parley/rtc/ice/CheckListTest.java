package dev.parley.rtc.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckListTest {

    private static InetSocketAddress at(String ip, int port) {
        return new InetSocketAddress(ip, port);
    }

    private static Candidate host(String foundation, String ip, int port, int localPref) {
        return new Candidate(foundation, 1, "udp", Priorities.candidate(CandidateType.HOST, localPref, 1),
                at(ip, port), CandidateType.HOST, null, null);
    }

    private static Candidate remote(String foundation, String ip, int port, CandidateType type, int localPref) {
        return Candidate.remote(foundation, 1, "udp", Priorities.candidate(type, localPref, 1), at(ip, port), type, null);
    }

    @Test
    void pairsAreSortedByPriorityAndOneOfEachFoundationStartsWaiting() {
        CheckList list = new CheckList(true);
        Candidate l1 = host("1", "10.0.0.1", 5000, 65_535);
        Candidate l2 = host("2", "10.0.0.2", 5000, 60_000);
        List<Candidate> remotes = List.of(remote("a", "10.0.1.1", 6000, CandidateType.HOST, 65_535),
                remote("b", "198.51.100.7", 7000, CandidateType.SERVER_REFLEXIVE, 65_535));
        list.add(l1, remotes);
        list.add(l2, remotes);
        List<CandidatePair> pairs = list.pairs();
        assertThat(pairs).hasSize(4);
        for (int i = 1; i < pairs.size(); i++) {
            assertThat(pairs.get(i - 1).priority()).isGreaterThanOrEqualTo(pairs.get(i).priority());
        }
        assertThat(pairs.get(0).local()).isEqualTo(l1);
        assertThat(pairs.get(0).remote().type()).isEqualTo(CandidateType.HOST);
        assertThat(pairs).allMatch(p -> p.state() == PairState.WAITING);
    }

    @Test
    void samefoundationPairsWaitFrozenUntilOneSucceeds() {
        CheckList list = new CheckList(false);
        Candidate local = host("1", "10.0.0.1", 5000, 65_535);
        CandidatePair first = list.addPair(local, remote("a", "10.0.1.1", 6000, CandidateType.HOST, 65_535)).orElseThrow();
        CandidatePair second = list.addPair(local, remote("a", "10.0.1.1", 6001, CandidateType.HOST, 60_000)).orElseThrow();
        assertThat(first.state()).isEqualTo(PairState.WAITING);
        assertThat(second.state()).isEqualTo(PairState.FROZEN);
        assertThat(list.next()).contains(first);
        assertThat(first.state()).isEqualTo(PairState.IN_PROGRESS);
        list.succeeded(first);
        assertThat(second.state()).isEqualTo(PairState.WAITING);
        assertThat(list.selected()).contains(first);
    }

    @Test
    void triggeredChecksGoFirst() {
        CheckList list = new CheckList(true);
        Candidate local = host("1", "10.0.0.1", 5000, 65_535);
        CandidatePair high = list.addPair(local, remote("a", "10.0.1.1", 6000, CandidateType.HOST, 65_535)).orElseThrow();
        CandidatePair low = list.addPair(local, remote("b", "10.0.1.2", 6000, CandidateType.HOST, 100)).orElseThrow();
        list.trigger(low);
        assertThat(list.next()).contains(low);
        assertThat(list.next()).contains(high);
        assertThat(list.next()).isEmpty();
    }

    @Test
    void serverReflexiveLocalsArePrunedAgainstTheirHostBase() {
        CheckList list = new CheckList(true);
        Candidate host = host("1", "10.0.0.1", 5000, 65_535);
        Candidate srflx = new Candidate("9", 1, "udp", Priorities.candidate(CandidateType.SERVER_REFLEXIVE, 65_535, 1),
                at("203.0.113.9", 40000), CandidateType.SERVER_REFLEXIVE, at("10.0.0.1", 5000), at("10.0.0.1", 5000));
        Candidate r = remote("a", "10.0.1.1", 6000, CandidateType.HOST, 65_535);
        assertThat(list.addPair(host, r)).isPresent();
        assertThat(list.addPair(srflx, r)).as("same base, same remote: redundant").isEmpty();
        assertThat(list.pairs()).hasSize(1);
    }

    @Test
    void unusablePairsAreNotFormed() {
        CheckList list = new CheckList(true);
        Candidate v4 = host("1", "10.0.0.1", 5000, 65_535);
        assertThat(list.addPair(v4, remote("a", "2001:db8::1", 6000, CandidateType.HOST, 1))).isEmpty();
        assertThat(list.addPair(v4, Candidate.remote("m", 1, "udp", 100,
                InetSocketAddress.createUnresolved("3aba6b8b-659b-4d17-972c-43baa2d20dbb.local", 5000),
                CandidateType.HOST, null))).isEmpty();
        assertThat(list.addPair(v4, Candidate.remote("c", 2, "udp", 100, at("10.0.1.1", 6000), CandidateType.HOST, null)))
                .isEmpty();
        assertThat(list.addPair(v4, Candidate.remote("t", 1, "tcp", 100, at("10.0.1.1", 6000), CandidateType.HOST, null)))
                .isEmpty();
    }

    @Test
    void aCandidateFloodIsCappedAtOneHundredPairsKeepingTheBest() {
        CheckList list = new CheckList(true);
        Candidate local = host("1", "10.0.0.1", 5000, 65_535);
        List<Candidate> flood = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            flood.add(remote("f" + i, "10.0." + (i / 250) + "." + (i % 250 + 1), 6000 + i, CandidateType.HOST, i + 1));
        }
        list.add(local, flood);
        assertThat(list.pairs()).hasSize(CheckList.MAX_PAIRS);
        assertThat(list.pairs().get(0).remote().foundation()).isEqualTo("f499");
    }

    @Test
    void aRoleChangeRecomputesPriorities() {
        CheckList list = new CheckList(true);
        Candidate local = host("1", "10.0.0.1", 5000, 65_535);
        CandidatePair p = list.addPair(local, remote("a", "10.0.1.1", 6000, CandidateType.SERVER_REFLEXIVE, 10)).orElseThrow();
        long asControlling = p.priority();
        list.roleChanged(false);
        assertThat(p.priority()).isEqualTo(asControlling - 1);
    }
}
