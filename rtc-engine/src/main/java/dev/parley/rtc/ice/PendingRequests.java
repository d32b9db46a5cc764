package dev.parley.rtc.ice;

import dev.parley.rtc.net.EventLoop;
import dev.parley.rtc.net.UdpSocket;
import dev.parley.rtc.stun.StunMessage;
import dev.parley.rtc.stun.TransactionId;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Outstanding STUN requests of one agent, retransmitted on the agent's own loop with a doubling timeout
 * (RFC 8489 section 6.2.1) — timers, not threads. Used only on the loop thread.
 */
final class PendingRequests {

    /** Bounds state a peer could make us hold by answering slowly. */
    static final int MAX_PENDING = 512;

    /** What happens when a request is answered or given up. */
    interface Outcome {
        void answered(StunMessage response, InetSocketAddress from, UdpSocket socket);

        void timedOut();
    }

    private final class Entry {
        final UdpSocket socket;
        final InetSocketAddress to;
        final byte[] wire;
        final Outcome outcome;
        final byte[] key;
        final int attempts;
        int sent;
        long rtoMillis;
        EventLoop.Timer timer;

        Entry(UdpSocket socket, InetSocketAddress to, byte[] wire, byte[] key, Outcome outcome, long rtoMillis,
              int attempts) {
            this.socket = socket;
            this.to = to;
            this.wire = wire;
            this.key = key;
            this.outcome = outcome;
            this.rtoMillis = rtoMillis;
            this.attempts = attempts;
        }
    }

    private final EventLoop loop;
    private final Map<TransactionId, Entry> entries = new HashMap<>();

    PendingRequests(EventLoop loop) {
        this.loop = loop;
    }

    /**
     * Sends {@code wire} now and again after rto, 2 rto, 4 rto… for {@code attempts} sends in all, then
     * waits one more doubled rto before {@link Outcome#timedOut}. Returns false when too many are pending.
     */
    boolean send(TransactionId id, UdpSocket socket, InetSocketAddress to, byte[] wire, byte[] integrityKey,
                 Duration rto, int attempts, Outcome outcome) {
        if (entries.size() >= MAX_PENDING) {
            return false;
        }
        Entry e = new Entry(socket, to, wire, integrityKey, outcome, Math.max(10, rto.toMillis()), Math.max(1, attempts));
        entries.put(id, e);
        transmit(id, e);
        return true;
    }

    private void transmit(TransactionId id, Entry e) {
        e.socket.send(e.wire, 0, e.wire.length, e.to);
        e.sent++;
        long wait = e.rtoMillis;
        e.rtoMillis *= 2;
        e.timer = loop.schedule(() -> {
            if (entries.get(id) != e) {
                return;
            }
            if (e.sent < e.attempts) {
                transmit(id, e);
            } else {
                entries.remove(id);
                e.outcome.timedOut();
            }
        }, wait, TimeUnit.MILLISECONDS);
    }

    /** The integrity key the request with this id was sent with, for verifying its response; null if unknown. */
    byte[] keyFor(TransactionId id) {
        Entry e = entries.get(id);
        return e == null ? null : e.key;
    }

    /** Where the request with this id was sent, for the symmetric-address check; null if unknown. */
    InetSocketAddress destinationOf(TransactionId id) {
        Entry e = entries.get(id);
        return e == null ? null : e.to;
    }

    /** Hands a response to its request's outcome; false when no request is waiting for it. */
    boolean complete(StunMessage response, InetSocketAddress from, UdpSocket socket) {
        Entry e = entries.remove(response.transactionId());
        if (e == null) {
            return false;
        }
        e.timer.cancel();
        e.outcome.answered(response, from, socket);
        return true;
    }

    void cancelAll() {
        for (Entry e : new ArrayList<>(entries.values())) {
            if (e.timer != null) {
                e.timer.cancel();
            }
        }
        entries.clear();
    }

    int size() {
        return entries.size();
    }
}
