/**
 * Congestion control: the receive side's transport-wide feedback
 * ({@link dev.parley.rtc.cc.TransportFeedbackGenerator}), and the send side's bandwidth estimation (transport-cc,
 * delay- and loss-based), pacer and encoder adaptation.
 */
package dev.parley.rtc.cc;
