/**
 * STUN (RFC 8489): message codec, attributes, integrity and fingerprint, client transactions.
 *
 * <p>Decoding takes hostile bytes: {@link dev.parley.rtc.stun.StunDecoder#decode(byte[], int, int)} returns a
 * {@link dev.parley.rtc.stun.StunMessage} or throws the checked {@link dev.parley.rtc.stun.StunParseException};
 * it never throws an unchecked exception and never allocates more than the datagram it was given.
 * {@link dev.parley.rtc.stun.StunDecoder#isStun(byte[], int, int)} is the cheap RFC 7983 classifier.
 *
 * <p>{@link dev.parley.rtc.stun.StunTransactions} runs client transactions (RFC 8489 §6.2.1 retransmissions)
 * without threads of its own: the owner's network thread calls {@code start}, {@code onResponse} and
 * {@code poll(now)} and sleeps until {@code nextDeadlineNanos()}. Nothing in this package is thread-safe;
 * everything is confined to that one thread.
 *
 * <p>TURN (RFC 8656) reuses this codec: its method and attribute numbers are defined here, its XOR address
 * attributes decode as {@link dev.parley.rtc.stun.StunAttribute.XorAddress}, and its other attributes are kept as
 * {@link dev.parley.rtc.stun.StunAttribute.Raw} values for the {@code turn} package to interpret.
 */
package dev.parley.rtc.stun;
