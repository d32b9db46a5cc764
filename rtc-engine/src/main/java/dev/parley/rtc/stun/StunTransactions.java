package dev.parley.rtc.stun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * STUN client transactions (RFC 8489 §6.2, §6.3) without a thread of their own. The owner's network thread
 * calls {@link #start}, hands every received response to {@link #onResponse}, and calls {@link #poll()} when
 * {@link #nextDeadlineNanos()} is reached (its event loop's select timeout, or a task on a
 * {@code ScheduledExecutorService} it owns). Retransmissions and timeouts happen inside {@code poll}.
 *
 * <p>Not thread-safe: confine to one thread. Futures complete on that thread, so their dependent stages run
 * there too and must not block. Nothing here throws out of {@code onResponse} or {@code poll}.
 */
public final class StunTransactions {

    /** Writes one datagram (or stream message) to the destination. */
    @FunctionalInterface
    public interface Sender {
        void send(byte[] message, InetSocketAddress destination) throws IOException;
    }

    private final StunTransactionConfig config;
    private final LongSupplier nanoClock;
    private final Map<TransactionId, Transaction> active = new HashMap<>();
    private long unmatchedResponses;
    private long rejectedResponses;

    /** @param nanoClock monotonic time in nanoseconds ({@code System::nanoTime}; a fake one in tests) */
    public StunTransactions(StunTransactionConfig config, LongSupplier nanoClock) {
        this.config = config;
        this.nanoClock = nanoClock;
    }

    public CompletableFuture<StunTransactionOutcome> start(byte[] request, InetSocketAddress destination,
                                                           Sender sender) {
        return start(request, destination, sender, StunRequestOptions.defaults());
    }

    /**
     * Sends {@code request} (an encoded STUN request, integrity already applied) now and schedules its
     * retransmissions. The future completes when a response matches, the transaction times out, or it fails.
     */
    public CompletableFuture<StunTransactionOutcome> start(byte[] request, InetSocketAddress destination,
                                                           Sender sender, StunRequestOptions options) {
        CompletableFuture<StunTransactionOutcome> future = new CompletableFuture<>();
        if (!StunDecoder.isStun(request, 0, request.length)
                || StunMethod.classOf(AttributeCodec.readShort(request, 0)) != StunClass.REQUEST) {
            return failed(future, "not an encoded STUN request");
        }
        TransactionId id = TransactionId.copyOf(request, 8);
        if (active.containsKey(id)) {
            return failed(future, "transaction " + id + " is already in flight");
        }
        if (active.size() >= config.maxConcurrent()) {
            return failed(future, "too many STUN transactions in flight (cap " + config.maxConcurrent() + ")");
        }
        long rto = options.rtoNanos() > 0 ? options.rtoNanos() : config.initialRtoNanos();
        Transaction tx = new Transaction(id, request.clone(), destination, sender, options, rto, future,
                nanoClock.getAsLong());
        active.put(id, tx);
        transmit(tx, tx.startedAt);
        return future;
    }

    /**
     * Offers a received message. Returns true if it completed a transaction. Responses that match nothing, or
     * fail the integrity or fingerprint checks, are dropped and counted, and the transaction keeps waiting.
     */
    public boolean onResponse(StunMessage response, InetSocketAddress from) {
        if (!response.messageClass().isResponse()) {
            return false;
        }
        Transaction tx = active.get(response.transactionId());
        if (tx == null) {
            unmatchedResponses++;
            return false;
        }
        if (!acceptable(tx, response)) {
            rejectedResponses++;
            return false;
        }
        active.remove(tx.id);
        long elapsed = nanoClock.getAsLong() - tx.startedAt;
        if (response.messageClass() == StunClass.ERROR_RESPONSE) {
            StunAttribute.ErrorCode error = response.errorCode().orElse(null);
            tx.future.complete(error != null
                    ? new StunTransactionOutcome.ErrorResponse(response, from, error)
                    : new StunTransactionOutcome.Failed("error response without ERROR-CODE", null));
        } else if (!response.unknownComprehensionRequired().isEmpty()) {
            // RFC 8489 §6.3.1: unknown comprehension-required attributes in a success response fail it.
            tx.future.complete(new StunTransactionOutcome.Failed("success response with unknown "
                    + "comprehension-required attributes " + response.unknownComprehensionRequired(), null));
        } else {
            tx.future.complete(new StunTransactionOutcome.Success(response, from, tx.sent, elapsed));
        }
        return true;
    }

    /** Retransmits and times out whatever is due by the clock's current time. */
    public void poll() {
        long now = nanoClock.getAsLong();
        List<Transaction> due = new ArrayList<>();
        for (Transaction tx : active.values()) {
            if (tx.deadline - now <= 0 || tx.future.isDone()) {
                due.add(tx);
            }
        }
        // Completing a future runs the caller's stages, which may start new transactions: iterate a copy.
        for (Transaction tx : due) {
            if (tx.future.isDone()) {
                active.remove(tx.id); // cancelled by its owner
            } else if (tx.sent < config.maxRequests()) {
                transmit(tx, now);
            } else {
                active.remove(tx.id);
                tx.future.complete(new StunTransactionOutcome.Timeout(tx.sent, now - tx.startedAt));
            }
        }
    }

    /** When {@link #poll()} next has work, in the clock's time base; {@code Long.MAX_VALUE} when idle. */
    public long nextDeadlineNanos() {
        long next = Long.MAX_VALUE;
        for (Transaction tx : active.values()) {
            next = Math.min(next, tx.deadline);
        }
        return next;
    }

    /** Ends a transaction without waiting; its future completes with {@code Failed("cancelled")}. */
    public boolean cancel(TransactionId id) {
        Transaction tx = active.remove(id);
        if (tx == null) {
            return false;
        }
        tx.future.complete(new StunTransactionOutcome.Failed("cancelled", null));
        return true;
    }

    /** Cancels everything, e.g. when the peer connection closes. */
    public void cancelAll() {
        for (TransactionId id : List.copyOf(active.keySet())) {
            cancel(id);
        }
    }

    public int activeCount() {
        return active.size();
    }

    /** Responses whose transaction id matched nothing in flight (late, duplicate or forged). */
    public long unmatchedResponses() {
        return unmatchedResponses;
    }

    /** Matched responses dropped for a bad or missing MESSAGE-INTEGRITY, bad FINGERPRINT or wrong method. */
    public long rejectedResponses() {
        return rejectedResponses;
    }

    private boolean acceptable(Transaction tx, StunMessage response) {
        if (response.method() != tx.method) {
            return false;
        }
        if (StunIntegrity.verifyFingerprint(response) == StunIntegrity.Result.MISMATCH) {
            return false;
        }
        byte[] key = tx.options.responseKey();
        if (key == null) {
            return true;
        }
        // RFC 8489 §9.1.4: check the strongest integrity present; an absent or failing one drops the response.
        StunIntegrity.Result result = response.has(StunAttributeType.MESSAGE_INTEGRITY_SHA256)
                ? StunIntegrity.verifyMessageIntegritySha256(response, key)
                : StunIntegrity.verifyMessageIntegrity(response, key);
        if (result == StunIntegrity.Result.ABSENT) {
            return response.messageClass() == StunClass.ERROR_RESPONSE && tx.options.allowUnauthenticatedErrors();
        }
        return result == StunIntegrity.Result.VALID;
    }

    /** RFC 8489 §6.2.1: RTO doubles after each send; after the Rc-th, wait Rm times the initial RTO. */
    private void transmit(Transaction tx, long now) {
        try {
            tx.sender.send(tx.request, tx.destination);
        } catch (IOException | UncheckedIOException e) {
            active.remove(tx.id);
            tx.future.complete(new StunTransactionOutcome.Failed("could not send the STUN request to "
                    + tx.destination + ": " + e.getMessage(), e));
            return;
        }
        tx.sent++;
        tx.deadline = now + (tx.sent < config.maxRequests()
                ? tx.initialRto << (tx.sent - 1)
                : tx.initialRto * config.finalWaitRtos());
    }

    private static CompletableFuture<StunTransactionOutcome> failed(CompletableFuture<StunTransactionOutcome> f,
                                                                    String reason) {
        f.complete(new StunTransactionOutcome.Failed(reason, null));
        return f;
    }

    private static final class Transaction {
        final TransactionId id;
        final int method;
        final byte[] request;
        final InetSocketAddress destination;
        final Sender sender;
        final StunRequestOptions options;
        final long initialRto;
        final CompletableFuture<StunTransactionOutcome> future;
        final long startedAt;
        int sent;
        long deadline;

        Transaction(TransactionId id, byte[] request, InetSocketAddress destination, Sender sender,
                    StunRequestOptions options, long initialRto, CompletableFuture<StunTransactionOutcome> future,
                    long startedAt) {
            this.id = id;
            this.method = StunMethod.methodOf(AttributeCodec.readShort(request, 0));
            this.request = request;
            this.destination = destination;
            this.sender = sender;
            this.options = options;
            this.initialRto = initialRto;
            this.future = future;
            this.startedAt = startedAt;
        }
    }
}
