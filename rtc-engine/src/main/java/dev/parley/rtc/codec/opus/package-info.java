/**
 * Opus (RFC 6716) through Concentus, the pure-Java port of libopus, with the RTP payload facts of RFC 7587.
 *
 * <p>{@link dev.parley.rtc.codec.opus.OpusEncoder} turns 10 or 20 ms {@link dev.parley.rtc.media.AudioFrame}s
 * into packets (48 kHz, VOIP application, in-band FEC and DTX on; bitrate, loss percentage and complexity can be
 * changed from any thread while it runs). {@link dev.parley.rtc.codec.opus.OpusDecoder} turns packets back into
 * PCM, conceals lost frames (PLC), recovers a lost frame from the next packet's in-band FEC, and treats hostile
 * packets as losses: it reports {@link dev.parley.rtc.codec.opus.OpusDecodeStatus#CORRUPT}, conceals, counts, and
 * never throws for packet content. {@link dev.parley.rtc.codec.opus.OpusPackets} reads what the jitter buffer needs
 * from a packet without decoding it; {@link dev.parley.rtc.codec.opus.OpusFormat} holds the SDP/RTP constants.
 *
 * <p>Neither codec object is thread-safe beyond the setters documented as such: one audio thread encodes, one
 * decodes.
 */
package dev.parley.rtc.codec.opus;
