/**
 * W3C {@code getStats()}-shaped reports (https://www.w3.org/TR/webrtc-stats/): one {@link dev.parley.rtc.stats.RtcStats}
 * per object (outbound-rtp, inbound-rtp, remote-inbound-rtp, candidate-pair, transport, codec), keyed by id, with the
 * member names the spec uses so a report reads like chrome://webrtc-internals.
 */
package dev.parley.rtc.stats;
