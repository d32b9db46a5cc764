package dev.parley.rtc.dtls;

/** The DTLS handshake failed; the message says why in words a person can act on. */
public final class DtlsException extends Exception {
    public DtlsException(String message, Throwable cause) {
        super(message, cause);
    }
}
