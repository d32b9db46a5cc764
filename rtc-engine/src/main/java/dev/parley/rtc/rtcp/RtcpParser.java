package dev.parley.rtc.rtcp;

import dev.parley.rtc.net.NetworkOrder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses an RTCP datagram (RFC 3550 §6.1 compound, or RFC 5506 reduced-size: any first packet is accepted).
 *
 * <p>Framing errors (version, a length that runs past the datagram, bad padding) stop the walk and fail the whole
 * datagram with {@link RtcpParseException}: after one the following offsets mean nothing. A well-framed packet whose
 * body is malformed is skipped and counted in {@link RtcpCompound#skipped()}. Nothing else is ever thrown, and
 * nothing is allocated beyond what the datagram's own bytes can describe.
 */
public final class RtcpParser {
    private RtcpParser() {
    }

    public static RtcpCompound parse(byte[] b) throws RtcpParseException {
        return parse(b, 0, b == null ? 0 : b.length);
    }

    public static RtcpCompound parse(byte[] b, int off, int len) throws RtcpParseException {
        Wire.require(b != null && off >= 0 && len >= 0 && off <= b.length - len, "bad slice");
        Wire.require(len >= Wire.HEADER, "shorter than an RTCP header");
        List<RtcpPacket> packets = new ArrayList<>();
        int skipped = 0;
        int p = off;
        int end = off + len;
        while (p < end) {
            Wire.require(end - p >= Wire.HEADER, "trailing bytes after packet " + packets.size());
            int first = NetworkOrder.u8(b, p);
            Wire.require(first >>> 6 == 2, "RTCP version is not 2");
            int pt = NetworkOrder.u8(b, p + 1);
            int size = 4 * (NetworkOrder.u16(b, p + 2) + 1); // RFC 3550 §6.4.1: length in 32-bit words minus one
            Wire.require(size <= end - p, "RTCP length runs past the datagram");
            int bodyEnd = p + size;
            if ((first & 0x20) != 0) {
                int pad = NetworkOrder.u8(b, bodyEnd - 1); // RFC 3550 §6.4.1: last octet counts the padding
                Wire.require(pad > 0 && pad <= size - Wire.HEADER, "bad RTCP padding count " + pad);
                bodyEnd -= pad;
            }
            try {
                packets.add(parseOne(pt, first & 0x1f, b, p + Wire.HEADER, bodyEnd));
            } catch (RtcpParseException | IllegalArgumentException e) {
                skipped++; // a model constructor refusing a parsed value is also a malformed body
            }
            p += size;
        }
        return new RtcpCompound(packets, skipped);
    }

    private static RtcpPacket parseOne(int pt, int count, byte[] b, int off, int end) throws RtcpParseException {
        switch (pt) {
            case RtcpPacket.SR:
                return SenderReport.parse(count, b, off, end);
            case RtcpPacket.RR:
                return ReceiverReport.parse(count, b, off, end);
            case RtcpPacket.SDES:
                return SourceDescription.parse(count, b, off, end);
            case RtcpPacket.BYE:
                return Bye.parse(count, b, off, end);
            case RtcpPacket.RTPFB:
                Wire.require(end - off >= 8, "feedback without SSRCs"); // RFC 4585 §6.1
                if (count == GenericNack.FORMAT) {
                    return GenericNack.parse(b, off, end);
                }
                if (count == TransportCcFeedback.FORMAT) {
                    return TransportCcFeedback.parse(b, off, end);
                }
                break;
            case RtcpPacket.PSFB:
                Wire.require(end - off >= 8, "feedback without SSRCs");
                if (count == PictureLossIndication.FORMAT) {
                    return PictureLossIndication.parse(b, off, end);
                }
                if (count == FullIntraRequest.FORMAT) {
                    return FullIntraRequest.parse(b, off, end);
                }
                if (count == Remb.FORMAT && Remb.matches(b, off, end)) {
                    return Remb.parse(b, off, end);
                }
                break;
            default:
                break;
        }
        int bodyLen = (end - off) & ~3; // padding removal can leave a ragged end; keep whole words
        return new UnknownRtcpPacket(pt, count, Arrays.copyOfRange(b, off, off + bodyLen));
    }
}
