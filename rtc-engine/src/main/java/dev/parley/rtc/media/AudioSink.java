package dev.parley.rtc.media;

/** Receives audio frames pushed by an {@link AudioSource}. */
@FunctionalInterface
public interface AudioSink {

    /**
     * Called on the source's thread, once per frame, in capture order. The frame is lent for the duration of the
     * call only (keep {@link AudioFrame#copy()} if needed later); return quickly, audio runs on a 10–20 ms clock.
     */
    void onAudioFrame(AudioFrame frame);
}
