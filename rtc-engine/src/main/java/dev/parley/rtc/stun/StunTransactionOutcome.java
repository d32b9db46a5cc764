package dev.parley.rtc.stun;

import java.net.InetSocketAddress;

/** How a client transaction ended. Futures complete normally with one of these, never exceptionally. */
public sealed interface StunTransactionOutcome {

    /** A success response arrived (and verified, if a response key was given). */
    record Success(StunMessage response, InetSocketAddress from, int requestsSent, long elapsedNanos)
            implements StunTransactionOutcome {
    }

    /** An error response arrived; {@code error} is its ERROR-CODE. */
    record ErrorResponse(StunMessage response, InetSocketAddress from, StunAttribute.ErrorCode error)
            implements StunTransactionOutcome {
    }

    /** No response after Rc requests and the final wait (RFC 8489 §6.2.1). */
    record Timeout(int requestsSent, long elapsedNanos) implements StunTransactionOutcome {
    }

    /** Refused, cancelled, unsendable or answered with something unusable; the reason is a sentence for logs. */
    record Failed(String reason, Throwable cause) implements StunTransactionOutcome {
    }
}
