/**
 * Jitter buffers between the depacketizer and the decoder.
 *
 * <p>{@link dev.parley.rtc.jitter.AudioJitterBuffer}: one incoming Opus stream. The network thread inserts
 * payloads by RTP sequence number and timestamp; the playout clock pulls one 10 or 20 ms
 * {@link dev.parley.rtc.media.AudioFrame} per tick: a decoded packet, a lost packet rebuilt from the next one's
 * in-band FEC, Opus packet loss concealment, or silence. Its target delay follows the measured jitter
 * ({@link dev.parley.rtc.jitter.DelayEstimator}: RFC 3550 §6.4.1 jitter and a windowed 95th percentile of
 * transit time), and it reaches that target by stretching with concealment when it runs dry and by dropping
 * one frame at a time when it holds too much. Counters: {@link dev.parley.rtc.jitter.AudioJitterStats}.
 *
 * <p>{@link dev.parley.rtc.jitter.VideoFrameBuffer}: one incoming H.264 stream. The network thread inserts RTP
 * payloads (after RTX unwrapping) and polls whole access units ({@link dev.parley.rtc.jitter.AssembledFrame}) in
 * decode order, only when they are complete and decodable (a keyframe, or contiguous with the last frame handed
 * out). An incomplete frame waits a bounded time for NACK retransmissions, then is given up, the chain breaks and a
 * keyframe request is raised. Counters: {@link dev.parley.rtc.jitter.VideoFrameBufferStats}.
 */
package dev.parley.rtc.jitter;
