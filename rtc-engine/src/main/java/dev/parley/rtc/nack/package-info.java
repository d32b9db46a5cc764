/**
 * Loss repair by retransmission: generic NACK (RFC 4585 §6.2.1) and RTX (RFC 4588).
 *
 * <p>Send side: {@link dev.parley.rtc.nack.RetransmissionHistory} keeps a copy of each recently sent packet of one
 * media SSRC; when a NACK arrives the network thread takes the packet back out and
 * {@link dev.parley.rtc.nack.RtxPacketizer} rewrites it onto the RTX stream. Receive side:
 * {@link dev.parley.rtc.nack.RtxUnwrapper} turns an RTX packet back into the original media packet, and
 * {@link dev.parley.rtc.nack.NackGenerator} watches the media sequence numbers (originals and restored ones) and
 * says which ones to NACK, when to retry, when to give up and when only a keyframe will help.
 *
 * <p>Everything here takes hostile input without throwing: a bad packet gives -1 and a counter, and every table is
 * sized by configuration, never by what arrives.
 */
package dev.parley.rtc.nack;
