/**
 * SDP (RFC 8866) for WebRTC: a lossless model ({@link dev.parley.rtc.sdp.Sdp}, {@link dev.parley.rtc.sdp.MediaDescription},
 * verbatim {@link dev.parley.rtc.sdp.Attribute}s), a bounded parser for untrusted text
 * ({@link dev.parley.rtc.sdp.SdpParser}), a CRLF writer ({@link dev.parley.rtc.sdp.SdpWriter}), typed readers for the
 * attributes WebRTC needs, and JSEP (RFC 8829) offer/answer helpers.
 *
 * <p>Error policy: attributes whose misreading would break the call or security (fingerprint, setup, rtpmap, mid,
 * group, extmap, ssrc, ssrc-group, msid, ice-ufrag, ice-pwd, rtcp, sctp-port) fail the parse with a line number.
 * {@code a=candidate}, {@code a=fmtp} and {@code a=rtcp-fb} are kept verbatim and read leniently: a bad candidate is
 * reported by {@code MediaDescription.invalidCandidates()} and otherwise ignored, as RFC 8839 §5.1 allows.
 */
package dev.parley.rtc.sdp;
