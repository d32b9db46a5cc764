/**
 * The media pipeline of a peer connection: the send and receive chains between tracks and the transport, once offer
 * and answer agree ({@link dev.parley.rtc.pipeline.Negotiation} -> {@link dev.parley.rtc.pipeline.MediaSection}s ->
 * one {@link dev.parley.rtc.pipeline.MediaSession}). Each stage is its own class, tested alone.
 *
 * <pre>
 * SEND                                                     thread
 *  AudioSource -> RtpSender -> AudioSendStream               source's (10/20 ms clock)
 *                   20 ms gather -> Opus (FEC, DTX; loss% from RTCP) | G.711 -> RTP + mid/abs-send-time/
 *                   transport-cc/audio-level extensions -> PeerConnection.sendRtp
 *  VideoSource -> VideoTrackEncoder (newest frame wins)       source's -> encoder thread (one per track, shared by
 *                   H.264 encoder (keyframe on PLI/FIR, rate capped by REMB)            every connection sending it)
 *                -> VideoSendStream: RFC 6184 packetizer -> RTP + extensions -> RetransmissionHistory -> sendRtp
 *  PeerConnection.sendRtp/sendRtcp -> SRTP protect -> ICE selected pair -> UDP
 *
 * RECEIVE
 *  UDP -> RFC 7983 demux -> SRTP unprotect -> MediaSession.onRtp          network thread
 *    -> transport-cc arrival (TransportFeedbackGenerator)
 *    -> SSRC route (signalled, or learnt from the mid extension / payload type)
 *       audio: AudioReceiveStream -> ReceptionStatistics -> [RED] -> AudioJitterBuffer | G711PlayoutBuffer
 *              ==> playout thread, every 20 ms: Opus decode / FEC / PLC -> AudioSink
 *       video: [RtxUnwrapper] -> VideoReceiveStream -> ReceptionStatistics -> [RED, FEC placeholder]
 *              -> NackGenerator -> VideoFrameBuffer (waits for retransmissions, whole decodable frames only)
 *              ==> decoder thread: H.264 decode -> LipSync hold -> VideoSink
 *  SRTP unprotect -> MediaSession.onRtcp                                   network thread
 *    SR -> ReceptionStatistics (LSR, NTP/RTP map for LipSync); report blocks -> SenderStatistics (RTT, loss -> Opus)
 *    NACK -> VideoSendStream -> RetransmissionHistory -> RtxPacketizer -> sendRtp
 *    PLI/FIR -> VideoTrackEncoder keyframe;  REMB -> encoder cap;  transport-cc -> counted (congestion control: cc/)
 *
 * TIMERS (network thread)
 *  20 ms: NACKs, PLI/FIR (rate-limited), frame buffer deadlines;  100 ms: transport-cc feedback;
 *  0.5-1.5 s: SR per sent stream (RR when sending nothing) with report blocks, and SDES CNAME (RFC 3550 §6.2)
 * </pre>
 */
package dev.parley.rtc.pipeline;
