package dev.parley.rtc.stun;

import java.time.Duration;

/**
 * Per-request options of {@link StunTransactions#start}.
 *
 * @param rtoNanos                 initial RTO for this request, or 0 for the manager's default (ICE sets its own,
 *                                 RFC 8445 §14.3)
 * @param responseKey              when set, responses must carry a MESSAGE-INTEGRITY(-SHA256) that verifies with
 *                                 this key, or they are dropped as if never received (RFC 8489 §9.1.4)
 * @param allowUnauthenticatedErrors accept error responses that carry no integrity at all, as the long-term
 *                                 mechanism needs for its 401/438 challenges (RFC 8489 §9.2.5); ICE leaves it off
 */
public record StunRequestOptions(long rtoNanos, byte[] responseKey, boolean allowUnauthenticatedErrors) {

    public StunRequestOptions {
        if (rtoNanos < 0) {
            throw new IllegalArgumentException("negative RTO");
        }
        responseKey = responseKey == null ? null : responseKey.clone();
    }

    @Override
    public byte[] responseKey() {
        return responseKey == null ? null : responseKey.clone();
    }

    public static StunRequestOptions defaults() {
        return new StunRequestOptions(0, null, false);
    }

    public StunRequestOptions withRto(Duration rto) {
        return new StunRequestOptions(rto.toNanos(), responseKey, allowUnauthenticatedErrors);
    }

    public StunRequestOptions withResponseKey(byte[] key) {
        return new StunRequestOptions(rtoNanos, key, allowUnauthenticatedErrors);
    }

    public StunRequestOptions allowingUnauthenticatedErrors() {
        return new StunRequestOptions(rtoNanos, responseKey, true);
    }
}
