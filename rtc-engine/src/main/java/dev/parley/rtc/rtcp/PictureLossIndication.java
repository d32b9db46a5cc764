package dev.parley.rtc.rtcp;

import dev.parley.rtc.net.NetworkOrder;

/** Picture Loss Indication (RFC 4585 §6.3.1): PSFB FMT 1, no FCI. */
public record PictureLossIndication(int senderSsrc, int mediaSsrc) implements RtcpPacket {
    public static final int FORMAT = 1;

    static PictureLossIndication parse(byte[] b, int off, int end) {
        return new PictureLossIndication(NetworkOrder.i32(b, off), NetworkOrder.i32(b, off + 4));
    }

    @Override
    public int packetType() {
        return PSFB;
    }

    @Override
    public int encodedLength() {
        return 12;
    }

    @Override
    public int writeTo(byte[] dst, int off) {
        Wire.header(dst, off, FORMAT, PSFB, 12);
        NetworkOrder.put32(dst, off + 4, senderSsrc);
        NetworkOrder.put32(dst, off + 8, mediaSsrc);
        return 12;
    }
}
