package dev.parley.rtc.rtcp;

import java.util.List;

/**
 * The packets of one RTCP datagram, in order, and how many well-framed packets were skipped because their body
 * was malformed (counted, not fatal: the rest of the compound is still used).
 */
public record RtcpCompound(List<RtcpPacket> packets, int skipped) {
    public RtcpCompound {
        packets = List.copyOf(packets);
    }

    /** True unless the first packet is an SR or RR: a reduced-size (RFC 5506 §3.1) or otherwise non-compound packet. */
    public boolean reducedSize() {
        return packets.isEmpty() || !(packets.get(0) instanceof SenderReport || packets.get(0) instanceof ReceiverReport);
    }
}
