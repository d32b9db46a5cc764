package dev.parley.rtc.stun;

import java.time.Duration;

/**
 * Retransmission parameters of RFC 8489 §6.2.1 and the cap on concurrent transactions.
 *
 * @param initialRtoNanos RTO before the first retransmission; doubles after each one
 * @param maxRequests     Rc: total requests sent, the first included
 * @param finalWaitRtos   Rm: after the last request, wait Rm times the initial RTO before timing out
 * @param maxConcurrent   transactions in flight at once; more are refused, never queued
 */
public record StunTransactionConfig(long initialRtoNanos, int maxRequests, int finalWaitRtos, int maxConcurrent) {

    public StunTransactionConfig {
        if (initialRtoNanos <= 0 || maxRequests < 1 || maxRequests > 16 || finalWaitRtos < 1 || maxConcurrent < 1) {
            throw new IllegalArgumentException("bad STUN transaction config: rto=" + initialRtoNanos + "ns Rc="
                    + maxRequests + " Rm=" + finalWaitRtos + " cap=" + maxConcurrent);
        }
    }

    /** RFC 8489 §6.2.1 over UDP: RTO 500 ms, Rc = 7, Rm = 16, so a timeout after 39.5 s. */
    public static StunTransactionConfig udp() {
        return new StunTransactionConfig(Duration.ofMillis(500).toNanos(), 7, 16, 256);
    }

    /** RFC 8489 §6.2.2 over TCP/TLS: one request, no retransmission, timeout Ti = 39.5 s. */
    public static StunTransactionConfig reliable() {
        return new StunTransactionConfig(Duration.ofMillis(39_500).toNanos(), 1, 1, 256);
    }

    public StunTransactionConfig withInitialRto(Duration rto) {
        return new StunTransactionConfig(rto.toNanos(), maxRequests, finalWaitRtos, maxConcurrent);
    }

    public StunTransactionConfig withMaxConcurrent(int cap) {
        return new StunTransactionConfig(initialRtoNanos, maxRequests, finalWaitRtos, cap);
    }
}
