/**
 * SRTP and SRTCP (RFC 3711) with the DTLS-SRTP protection profiles SRTP_AES128_CM_HMAC_SHA1_80/_32
 * (RFC 5764 §4.1.2) and SRTP_AEAD_AES_128_GCM/_256_GCM (RFC 7714).
 *
 * <p>Entry points: {@link dev.parley.rtc.srtp.SrtpSession#outbound} gives an
 * {@link dev.parley.rtc.srtp.SrtpOutboundSession} (protect with our write key) and
 * {@link dev.parley.rtc.srtp.SrtpSession#inbound} an {@link dev.parley.rtc.srtp.SrtpInboundSession} (unprotect
 * with the peer's write key). Both work in place on the caller's buffer, return the new length or a negative
 * {@link dev.parley.rtc.srtp.SrtpError} code, count every drop, and never throw for packet content. They are
 * owned by one network thread and are not thread-safe. {@link dev.parley.rtc.srtp.SrtpKeyingMaterial} turns the
 * DTLS exporter output (RFC 5764 §4.2) into the two sessions.
 *
 * <p>Inside: {@code SrtpKdf} derives session keys (RFC 3711 §4.3, kdr = 0); {@code SrtpTransform} has two
 * implementations, {@code AesCmHmacTransform} (AES-CM keystream from an ECB cipher over counter blocks, HMAC-SHA1
 * over MessageDigest, both allocation-free) and {@code AesGcmTransform} (JCE AES/GCM/NoPadding);
 * {@code SsrcState} holds ROC estimation (RFC 3711 Appendix A) and the {@code ReplayWindow}s; {@code SsrcTable}
 * bounds the number of SSRC contexts.
 */
package dev.parley.rtc.srtp;
