package dev.parley.rtc.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Client transactions driven by a fake clock, as the network thread's event loop would drive them. */
class StunTransactionsTest {
    private static final InetSocketAddress SERVER = new InetSocketAddress("192.0.2.10", 3478);
    private static final InetSocketAddress MAPPED = new InetSocketAddress("198.51.100.4", 61000);
    private static final byte[] KEY = StunCredentials.shortTermKey("ice-password-0123456789");

    private long now = 1_000_000_000L; // arbitrary origin: the manager must only use differences
    private final List<Long> sendTimesMs = new ArrayList<>();
    private final List<byte[]> sent = new ArrayList<>();
    private final StunTransactions.Sender sender = (message, destination) -> {
        assertThat(destination).isEqualTo(SERVER);
        sendTimesMs.add(elapsedMs());
        sent.add(message);
    };
    private final long origin = now;

    private long elapsedMs() {
        return TimeUnit.NANOSECONDS.toMillis(now - origin);
    }

    private StunTransactions manager(StunTransactionConfig config) {
        return new StunTransactions(config, () -> now);
    }

    /** Jumps the fake clock to each deadline in turn, polling, until idle or {@code limitMs}. */
    private void runUntilIdle(StunTransactions tx, long limitMs) {
        while (tx.nextDeadlineNanos() != Long.MAX_VALUE && elapsedMs() <= limitMs) {
            now = Math.max(now, tx.nextDeadlineNanos());
            tx.poll();
        }
    }

    private static StunMessage bindingRequest() {
        return StunMessage.request(StunMethod.BINDING).add(StunAttribute.username("a:b")).build();
    }

    private static StunMessage decode(byte[] wire) throws StunParseException {
        return StunDecoder.decode(wire);
    }

    @Test
    void udpScheduleIsRfc8489Exactly() {
        StunTransactions tx = manager(StunTransactionConfig.udp());
        CompletableFuture<StunTransactionOutcome> f =
                tx.start(StunEncoder.plain().encode(bindingRequest()), SERVER, sender);

        runUntilIdle(tx, 100_000);

        // RFC 8489 §6.2.1: sends at 0, 500, 1500, 3500, 7500, 15500, 31500 ms; timeout at 39500 ms.
        assertThat(sendTimesMs).containsExactly(0L, 500L, 1500L, 3500L, 7500L, 15500L, 31500L);
        assertThat(f).isCompletedWithValueMatching(o -> o instanceof StunTransactionOutcome.Timeout t
                && t.requestsSent() == 7 && t.elapsedNanos() == Duration.ofMillis(39_500).toNanos());
        assertThat(elapsedMs()).isEqualTo(39_500L);
        assertThat(tx.activeCount()).isZero();
        assertThat(sent).allSatisfy(b -> assertThat(b).isEqualTo(sent.get(0)));
    }

    @Test
    void nothingHappensBeforeADeadline() {
        StunTransactions tx = manager(StunTransactionConfig.udp());
        tx.start(StunEncoder.plain().encode(bindingRequest()), SERVER, sender);
        assertThat(tx.nextDeadlineNanos() - origin).isEqualTo(Duration.ofMillis(500).toNanos());

        now += Duration.ofMillis(499).toNanos();
        tx.poll();
        assertThat(sendTimesMs).containsExactly(0L);
        now += Duration.ofMillis(1).toNanos();
        tx.poll();
        assertThat(sendTimesMs).containsExactly(0L, 500L);
        assertThat(tx.nextDeadlineNanos() - origin).isEqualTo(Duration.ofMillis(1500).toNanos());
    }

    @Test
    void perRequestRtoAndReliableConfig() {
        StunTransactions ice = manager(StunTransactionConfig.udp());
        ice.start(StunEncoder.plain().encode(bindingRequest()), SERVER, sender,
                StunRequestOptions.defaults().withRto(Duration.ofMillis(100)));
        runUntilIdle(ice, 100_000);
        assertThat(sendTimesMs).containsExactly(0L, 100L, 300L, 700L, 1500L, 3100L, 6300L);
        assertThat(elapsedMs()).isEqualTo(6300L + 1600L);

        sendTimesMs.clear();
        long start = elapsedMs();
        StunTransactions tcp = manager(StunTransactionConfig.reliable());
        CompletableFuture<StunTransactionOutcome> f =
                tcp.start(StunEncoder.plain().encode(bindingRequest()), SERVER, sender);
        runUntilIdle(tcp, 1_000_000);
        assertThat(sendTimesMs).containsExactly(start); // RFC 8489 §6.2.2: no retransmission over TCP
        assertThat(elapsedMs() - start).isEqualTo(39_500L);
        assertThat(f.join()).isInstanceOf(StunTransactionOutcome.Timeout.class);
    }

    @Test
    void successResponseMatchesByTransactionIdAndStopsRetransmission() throws Exception {
        StunTransactions tx = manager(StunTransactionConfig.udp());
        StunMessage request = bindingRequest();
        CompletableFuture<StunTransactionOutcome> f = tx.start(StunEncoder.plain().encode(request), SERVER, sender);
        now += Duration.ofMillis(500).toNanos();
        tx.poll();
        now += Duration.ofMillis(120).toNanos();

        StunMessage other = decode(StunResponses.bindingSuccess(bindingRequest(), MAPPED, null));
        assertThat(tx.onResponse(other, SERVER)).isFalse();
        assertThat(tx.unmatchedResponses()).isEqualTo(1);
        assertThat(f).isNotDone();

        StunMessage response = decode(StunResponses.bindingSuccess(request, MAPPED, null));
        assertThat(tx.onResponse(response, SERVER)).isTrue();
        StunTransactionOutcome.Success s = (StunTransactionOutcome.Success) f.join();
        assertThat(s.response().xorMappedAddress()).contains(MAPPED);
        assertThat(s.from()).isEqualTo(SERVER);
        assertThat(s.requestsSent()).isEqualTo(2);
        assertThat(s.elapsedNanos()).isEqualTo(Duration.ofMillis(620).toNanos());
        assertThat(tx.activeCount()).isZero();
        assertThat(tx.nextDeadlineNanos()).isEqualTo(Long.MAX_VALUE);

        // A duplicate (retransmitted) response finds nothing.
        assertThat(tx.onResponse(response, SERVER)).isFalse();
        runUntilIdle(tx, 100_000);
        assertThat(sendTimesMs).containsExactly(0L, 500L);
    }

    @Test
    void errorResponseCarriesItsCode() throws Exception {
        StunTransactions tx = manager(StunTransactionConfig.udp());
        StunMessage request = bindingRequest();
        CompletableFuture<StunTransactionOutcome> f = tx.start(StunEncoder.plain().encode(request), SERVER, sender);

        tx.onResponse(decode(StunResponses.error(request, 487, null)), SERVER);

        assertThat(f.join()).isInstanceOfSatisfying(StunTransactionOutcome.ErrorResponse.class,
                e -> assertThat(e.error()).isEqualTo(new StunAttribute.ErrorCode(487, "Role Conflict")));
    }

    @Test
    void responsesThatFailIntegrityAreDroppedAndTheTransactionContinues() throws Exception {
        StunTransactions tx = manager(StunTransactionConfig.udp());
        StunMessage request = bindingRequest();
        CompletableFuture<StunTransactionOutcome> f = tx.start(StunEncoder.plain().withIntegrity(KEY).encode(request),
                SERVER, sender, StunRequestOptions.defaults().withResponseKey(KEY));

        assertThat(tx.onResponse(decode(StunResponses.bindingSuccess(request, MAPPED, null)), SERVER)).isFalse();
        assertThat(tx.onResponse(decode(StunResponses.bindingSuccess(request, MAPPED,
                StunCredentials.shortTermKey("forged"))), SERVER)).isFalse();
        assertThat(tx.onResponse(decode(StunResponses.error(request, 400, null)), SERVER)).isFalse();
        byte[] badFingerprint = StunResponses.bindingSuccess(request, MAPPED, KEY);
        badFingerprint[badFingerprint.length - 1] ^= 1;
        assertThat(tx.onResponse(decode(badFingerprint), SERVER)).isFalse();
        assertThat(tx.rejectedResponses()).isEqualTo(4);
        assertThat(f).isNotDone();

        assertThat(tx.onResponse(decode(StunResponses.bindingSuccess(request, MAPPED, KEY)), SERVER)).isTrue();
        assertThat(f.join()).isInstanceOf(StunTransactionOutcome.Success.class);
    }

    @Test
    void longTermChallengesMayArriveUnauthenticated() throws Exception {
        StunTransactions tx = manager(StunTransactionConfig.udp());
        StunMessage request = StunMessage.request(StunMethod.ALLOCATE).build();
        CompletableFuture<StunTransactionOutcome> f = tx.start(StunEncoder.plain().encode(request), SERVER, sender,
                StunRequestOptions.defaults().withResponseKey(KEY).allowingUnauthenticatedErrors());

        assertThat(tx.onResponse(decode(StunResponses.error(request, 401, null)), SERVER)).isTrue();
        assertThat(f.join()).isInstanceOfSatisfying(StunTransactionOutcome.ErrorResponse.class,
                e -> assertThat(e.error().code()).isEqualTo(401));
    }

    @Test
    void successWithUnknownComprehensionRequiredAttributeFails() throws Exception {
        StunTransactions tx = manager(StunTransactionConfig.udp());
        StunMessage request = bindingRequest();
        CompletableFuture<StunTransactionOutcome> f = tx.start(StunEncoder.plain().encode(request), SERVER, sender);
        StunMessage odd = StunMessage.responseTo(request, StunClass.SUCCESS_RESPONSE)
                .add(new StunAttribute.Raw(0x7ABC, new byte[4])).build();

        assertThat(tx.onResponse(decode(StunEncoder.plain().encode(odd)), SERVER)).isTrue();
        assertThat(f.join()).isInstanceOf(StunTransactionOutcome.Failed.class);
    }

    @Test
    void responseWithAnotherMethodIsDropped() throws Exception {
        StunTransactions tx = manager(StunTransactionConfig.udp());
        StunMessage request = bindingRequest();
        tx.start(StunEncoder.plain().encode(request), SERVER, sender);
        StunMessage wrong = StunMessage.builder(StunMethod.ALLOCATE, StunClass.SUCCESS_RESPONSE)
                .transactionId(request.transactionId()).build();

        assertThat(tx.onResponse(decode(StunEncoder.plain().encode(wrong)), SERVER)).isFalse();
        assertThat(tx.activeCount()).isEqualTo(1);
    }

    @Test
    void concurrentTransactionsAreCappedNotQueued() {
        StunTransactions tx = manager(StunTransactionConfig.udp().withMaxConcurrent(3));
        List<CompletableFuture<StunTransactionOutcome>> futures = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            futures.add(tx.start(StunEncoder.plain().encode(bindingRequest()), SERVER, sender));
        }

        assertThat(futures.subList(0, 3)).allSatisfy(f -> assertThat(f).isNotDone());
        assertThat(futures.get(3).join()).isInstanceOfSatisfying(StunTransactionOutcome.Failed.class,
                r -> assertThat(r.reason()).contains("cap 3"));
        assertThat(sent).hasSize(3);
    }

    @Test
    void duplicatesNonRequestsCancelAndSendFailures() {
        StunTransactions tx = manager(StunTransactionConfig.udp());
        byte[] request = StunEncoder.plain().encode(bindingRequest());
        CompletableFuture<StunTransactionOutcome> first = tx.start(request, SERVER, sender);
        assertThat(tx.start(request, SERVER, sender).join()).isInstanceOf(StunTransactionOutcome.Failed.class);
        byte[] indication = StunEncoder.plain().encode(StunMessage.builder(StunMethod.BINDING, StunClass.INDICATION)
                .build());
        assertThat(tx.start(indication, SERVER, sender).join()).isInstanceOf(StunTransactionOutcome.Failed.class);
        assertThat(tx.start(new byte[3], SERVER, sender).join()).isInstanceOf(StunTransactionOutcome.Failed.class);

        assertThat(tx.cancel(bindingRequest().transactionId())).isFalse();
        tx.cancelAll();
        assertThat(first.join()).isEqualTo(new StunTransactionOutcome.Failed("cancelled", null));
        assertThat(tx.activeCount()).isZero();

        int[] calls = {0};
        StunTransactions.Sender flaky = (m, d) -> {
            if (++calls[0] == 2) {
                throw new IOException("Network is unreachable");
            }
        };
        CompletableFuture<StunTransactionOutcome> f = tx.start(request, SERVER, flaky);
        runUntilIdle(tx, 100_000);
        assertThat(f.join()).isInstanceOfSatisfying(StunTransactionOutcome.Failed.class,
                r -> assertThat(r.cause()).isInstanceOf(IOException.class));
        assertThat(calls[0]).isEqualTo(2);
    }

    @Test
    void ownerCancellingTheFutureDropsTheTransactionAtTheNextPoll() {
        StunTransactions tx = manager(StunTransactionConfig.udp());
        CompletableFuture<StunTransactionOutcome> f =
                tx.start(StunEncoder.plain().encode(bindingRequest()), SERVER, sender);
        f.cancel(false);
        now += 1;
        tx.poll();

        assertThat(tx.activeCount()).isZero();
        assertThat(sendTimesMs).containsExactly(0L);
    }

    @Test
    void completionStagesMayStartNewTransactionsFromInsidePoll() {
        StunTransactions tx = manager(StunTransactionConfig.udp().withInitialRto(Duration.ofMillis(10)));
        List<CompletableFuture<StunTransactionOutcome>> retries = new ArrayList<>();
        tx.start(StunEncoder.plain().encode(bindingRequest()), SERVER, sender)
                .thenAccept(o -> retries.add(tx.start(StunEncoder.plain().encode(bindingRequest()), SERVER, sender)));

        runUntilIdle(tx, 100_000);

        assertThat(retries).hasSize(1);
        assertThat(retries.get(0).join()).isInstanceOf(StunTransactionOutcome.Timeout.class);
        assertThat(sent).hasSize(14);
    }

    @Test
    void manyTransactionsCreateNoThreads() {
        int before = Thread.activeCount();
        StunTransactions tx = manager(StunTransactionConfig.udp());
        for (int i = 0; i < 200; i++) {
            tx.start(StunEncoder.plain().encode(bindingRequest()), SERVER, sender);
        }
        runUntilIdle(tx, 100_000);

        assertThat(Thread.activeCount()).isLessThanOrEqualTo(before);
        assertThat(sent).hasSize(200 * 7);
    }
}
