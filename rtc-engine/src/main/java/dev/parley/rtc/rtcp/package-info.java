/**
 * RTCP (RFC 3550 §6) and its WebRTC feedback messages: SR, RR, SDES, BYE, generic NACK and PLI (RFC 4585), FIR
 * (RFC 5104), REMB, transport-cc feedback; reduced-size packets (RFC 5506); NTP time and RTT helpers.
 *
 * <p>{@link dev.parley.rtc.rtcp.RtcpParser#parse(byte[], int, int)} takes hostile bytes: it returns an
 * {@link dev.parley.rtc.rtcp.RtcpCompound} (with malformed packets skipped and counted) or throws the checked
 * {@link dev.parley.rtc.rtcp.RtcpParseException} when the framing itself is broken; it never throws anything
 * else, and every count it reads is bounded by the bytes present or a fixed cap. Each
 * {@link dev.parley.rtc.rtcp.RtcpPacket} writes itself; {@link dev.parley.rtc.rtcp.RtcpWriter} writes a list.
 */
package dev.parley.rtc.rtcp;
