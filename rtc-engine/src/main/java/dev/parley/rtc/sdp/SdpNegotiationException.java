package dev.parley.rtc.sdp;

/** A well-formed remote description that Parley cannot answer; the message is a sentence for logs and the UI. */
public final class SdpNegotiationException extends Exception {
    private static final long serialVersionUID = 1L;

    public SdpNegotiationException(String sentence) {
        super(sentence);
    }
}
