/**
 * Parley's H.264 decoders behind {@link dev.parley.rtc.codec.VideoDecoder}. The receive path uses
 * {@link dev.parley.rtc.codec.h264.decoder.FallbackH264Decoder}: Parley's own
 * {@link dev.parley.rtc.codec.h264.decoder.ParleyH264Decoder} (Constrained Baseline and the CAVLC subset of Main:
 * I and P slices, every partition, several slices and reference frames, deblocking idc 0/1/2; bit-exact with ffmpeg,
 * 3-5x faster than jcodec), and, only for a stream it reports unsupported (CABAC, interlace, weighted prediction,
 * long-term references, FMO, ...), {@link dev.parley.rtc.codec.h264.decoder.JcodecH264Decoder}, jcodec 0.2.5's
 * decoder made safe for a lossy, hostile network, until the next new SPS.
 *
 * <p>Both keep the same contract: parameter sets parsed and bounded by Parley's own parsers, slice headers checked
 * for lost reference pictures and missing or foreign slices, any error a
 * {@link dev.parley.rtc.codec.VideoDecodeResult.Failed} (never a half-decoded picture) after which no delta frame is
 * decoded until an IDR, and the cropped {@link dev.parley.rtc.media.VideoFrame} in buffers reused from picture to
 * picture.
 */
package dev.parley.rtc.codec.h264.decoder;
