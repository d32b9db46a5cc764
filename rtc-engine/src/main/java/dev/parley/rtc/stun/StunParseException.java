package dev.parley.rtc.stun;

/** Bytes that are not a well-formed STUN message; the message says what was wrong, for counting and logs. */
public final class StunParseException extends Exception {
    public StunParseException(String message) {
        super(message);
    }

    // Parse failures are expected traffic on a hostile network, so skip the stack trace cost.
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
