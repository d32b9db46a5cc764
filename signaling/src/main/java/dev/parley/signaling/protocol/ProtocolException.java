package dev.parley.signaling.protocol;

/** A message that breaks the protocol: carries the error code and a sentence a person understands. */
public final class ProtocolException extends Exception {

    private final ErrorCode code;
    private final String ref;

    public ProtocolException(ErrorCode code, String message, String ref) {
        super(message, null, false, false);
        this.code = code;
        this.ref = ref;
    }

    public ErrorCode code() {
        return code;
    }

    /** The {@code type} of the message that failed, when it was known. */
    public String ref() {
        return ref;
    }
}
