/**
 * The media types every module meets through: {@link dev.parley.rtc.media.AudioFrame} (48 kHz PCM16, mono or
 * stereo, 10 or 20 ms) and {@link dev.parley.rtc.media.VideoFrame} (I420), and the push interfaces
 * {@link dev.parley.rtc.media.AudioSource}/{@link dev.parley.rtc.media.AudioSink} and
 * {@link dev.parley.rtc.media.VideoSource}/{@link dev.parley.rtc.media.VideoSink}.
 *
 * <p>Frames flow one way, capture -> engine -> wire -> engine -> ui; capture implements the sources, the engine
 * implements sinks for what it sends and sources for what it receives, the ui implements sinks.
 *
 * <p><b>Ownership, for both frame types:</b> a frame wraps its sample or pixel arrays without copying, and a
 * frame handed to a sink is only <em>lent</em> for the duration of the {@code onFrame} call: the source may
 * reuse the arrays for its next frame as soon as the call returns. A sink that needs the frame later (a queue,
 * the "latest frame" slot of a video pane) keeps {@code frame.copy()} (or copies into a buffer it owns with
 * {@code copyInto}). Sinks never write into a lent frame.
 */
package dev.parley.rtc.media;
