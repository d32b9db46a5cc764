package dev.parley.rtc.sdp;

/**
 * A session description could not be read. The message is a sentence a person can act on; {@link #lineNumber()}
 * is the 1-based line it refers to, or 0 when the problem is the text as a whole (too large, truncated).
 */
public final class SdpParseException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int lineNumber;

    public SdpParseException(int lineNumber, String sentence) {
        super(lineNumber > 0 ? "SDP line " + lineNumber + ": " + sentence : "SDP: " + sentence);
        this.lineNumber = lineNumber;
    }

    /** For a defect inside the parser itself: still a refusal for the caller, with the cause kept for diagnosis. */
    SdpParseException(int lineNumber, String sentence, Throwable cause) {
        this(lineNumber, sentence);
        initCause(cause);
    }

    /** 1-based line number, 0 when the error concerns the whole description. */
    public int lineNumber() {
        return lineNumber;
    }
}
