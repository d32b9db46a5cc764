package dev.parley.signaling.client;

/** The signaling server could not be reached or refused the connection; the message is fit to show a person. */
public final class SignalingException extends Exception {
    public SignalingException(String message, Throwable cause) {
        super(message, cause);
    }
}
