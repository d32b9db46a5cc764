package dev.parley.rtc.jitter;

/**
 * A snapshot of an {@link AudioJitterBuffer}'s counters. Packet counters count {@code insert} calls by outcome;
 * frame counters count {@code pull} results.
 *
 * @param packetsReceived every insert call
 * @param packetsDuplicate sequence number already buffered or played
 * @param packetsLate arrived after its turn to play
 * @param packetsOverflow beyond the capacity ahead of the playout point
 * @param packetsFarJump sequence jumps too large to be reordering
 * @param packetsInvalid no payload, bad slice or oversized
 * @param packetsFlushed buffered packets thrown away when the buffer resynchronised
 * @param resyncs times the buffer restarted at a new sequence number
 * @param framesPulled every pull call
 * @param framesDecoded frames that are a decoded packet (played)
 * @param framesFecRecovered lost frames rebuilt from in-band FEC
 * @param framesConcealed frames of packet loss concealment, including those standing in for corrupt packets
 * @param packetsCorrupt packets the decoder rejected (their frames are also in framesConcealed)
 * @param framesSilence frames of silence (before the first packet, while filling, after a long gap)
 * @param framesStretched concealment frames inserted without consuming a packet because the buffer ran dry
 * @param framesSkipped frames dropped to shrink the delay (a missing packet not concealed, or a decoded one)
 * @param bufferedPackets packets waiting now
 * @param currentDelayMs smoothed buffer level: time from the playout point to the newest packet
 * @param targetDelayMs the delay the buffer steers towards
 * @param jitterMs RFC 3550 §6.4.1 interarrival jitter
 */
public record AudioJitterStats(long packetsReceived, long packetsDuplicate, long packetsLate, long packetsOverflow,
                               long packetsFarJump, long packetsInvalid, long packetsFlushed, long resyncs,
                               long framesPulled, long framesDecoded, long framesFecRecovered,
                               long framesConcealed, long packetsCorrupt, long framesSilence, long framesStretched,
                               long framesSkipped, int bufferedPackets, double currentDelayMs, double targetDelayMs,
                               double jitterMs) {
}
