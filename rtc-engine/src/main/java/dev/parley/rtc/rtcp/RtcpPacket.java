package dev.parley.rtc.rtcp;

/**
 * One RTCP packet of a compound packet (RFC 3550 §6.1), parsed or to be written. Every kind knows its
 * encoded length and writes itself, common header included.
 */
public sealed interface RtcpPacket permits SenderReport, ReceiverReport, SourceDescription, Bye, GenericNack,
        PictureLossIndication, FullIntraRequest, Remb, TransportCcFeedback, UnknownRtcpPacket {
    /** RFC 3550 §12.1 / RFC 4585 §6.1 packet types. */
    int SR = 200;
    int RR = 201;
    int SDES = 202;
    int BYE = 203;
    int APP = 204;
    int RTPFB = 205;
    int PSFB = 206;
    int XR = 207;

    int packetType();

    /** Bytes {@link #writeTo} writes: a multiple of 4. */
    int encodedLength();

    /** Writes the packet at {@code off}; returns {@link #encodedLength()}. Caller bugs throw IllegalArgumentException. */
    int writeTo(byte[] dst, int off);
}
