package dev.parley.signaling.server;

/** The server could not start; the message says why in plain words. */
public final class SignalingServerException extends RuntimeException {
    public SignalingServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
