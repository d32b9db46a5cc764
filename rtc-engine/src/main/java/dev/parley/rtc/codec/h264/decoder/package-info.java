/**
 * Parley's H.264 decoder: {@link dev.parley.rtc.codec.h264.decoder.JcodecH264Decoder}, jcodec 0.2.5's decoder
 * behind {@link dev.parley.rtc.codec.VideoDecoder}.
 *
 * <p>jcodec does the pixel work (it is bit-exact with ffmpeg on Baseline streams with deblocking); this package
 * makes it safe on a lossy, hostile network. Parameter sets are parsed and bounded by Parley's own parsers before
 * jcodec sees them, slice headers are checked for lost reference pictures (frame_num gaps) and missing or foreign
 * slices, jcodec only ever gets copies of the caller's bytes (it unescapes in place), anything it throws becomes a
 * {@link dev.parley.rtc.codec.VideoDecodeResult.Failed}, and after a failure no delta frame is decoded until an
 * IDR, in a fresh jcodec decoder. Its output (samples stored minus 128) is turned into a cropped
 * {@link dev.parley.rtc.media.VideoFrame} in buffers reused from picture to picture.
 */
package dev.parley.rtc.codec.h264.decoder;
