package dev.parley.rtc.media;

/**
 * Pushes audio frames to one registered sink (microphone, tone generator, a decoded remote track). Fan-out to
 * several consumers is the caller's business.
 */
public interface AudioSource {

    /**
     * Registers the sink that receives every following frame, replacing the previous one; {@code null} detaches.
     * Safe to call from any thread; a frame being delivered while the sink changes goes to the old or the new sink.
     */
    void setSink(AudioSink sink);
}
