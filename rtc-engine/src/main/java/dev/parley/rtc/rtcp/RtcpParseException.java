package dev.parley.rtc.rtcp;

/** Bytes that are not well-formed RTCP; the message says what was wrong, for counting and logs. */
public final class RtcpParseException extends Exception {
    public RtcpParseException(String message) {
        super(message);
    }

    // Parse failures are expected traffic on a hostile network, so skip the stack trace cost.
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
