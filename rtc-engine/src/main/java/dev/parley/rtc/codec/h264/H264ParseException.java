package dev.parley.rtc.codec.h264;

/** Bytes that are not a well-formed H.264 structure (bitstream, NAL unit, parameter set, RTP payload). */
public final class H264ParseException extends Exception {
    public H264ParseException(String message) {
        super(message);
    }

    // Malformed input is expected traffic on a hostile network, so skip the stack trace cost.
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
