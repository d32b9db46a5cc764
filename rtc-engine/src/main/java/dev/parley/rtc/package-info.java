/**
 * Parley's pure-Java RTC engine: SDP, ICE/STUN/TURN, DTLS-SRTP, RTP/RTCP, FEC, codecs, congestion control.
 * One sub-package per mechanism (shared/ARCHITECTURE.md); it knows no UI, no device and no JSON.
 */
package dev.parley.rtc;
