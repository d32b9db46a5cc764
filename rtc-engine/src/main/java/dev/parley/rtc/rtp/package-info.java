/**
 * RTP packets (RFC 3550) and header extensions (RFC 8285), for the hot path.
 *
 * <p>{@link dev.parley.rtc.rtp.RtpPacket} is a reusable, non-copying view over a byte array: {@code wrap} checks
 * every length (CSRCs, extension, padding) and returns an {@link dev.parley.rtc.rtp.RtpParseStatus}; it never
 * throws for hostile bytes and never allocates. {@link dev.parley.rtc.rtp.HeaderExtensionReader} walks the
 * one-byte and two-byte element forms; {@link dev.parley.rtc.rtp.RtpPacketWriter} and
 * {@link dev.parley.rtc.rtp.HeaderExtensionSet} write packets into a caller's buffer, choosing the form.
 * Typed element helpers: {@link dev.parley.rtc.rtp.SdesMid}, {@link dev.parley.rtc.rtp.AbsSendTime},
 * {@link dev.parley.rtc.rtp.TransportSequenceNumber}, {@link dev.parley.rtc.rtp.AudioLevel}. Wrap-aware
 * arithmetic: {@link dev.parley.rtc.rtp.SequenceNumbers}, {@link dev.parley.rtc.rtp.SequenceUnwrapper},
 * {@link dev.parley.rtc.rtp.Timestamps}, {@link dev.parley.rtc.rtp.TimestampUnwrapper}.
 *
 * <p>Nothing here is thread-safe; instances are confined to the network thread that owns them.
 */
package dev.parley.rtc.rtp;
