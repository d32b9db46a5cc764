package dev.parley.rtc.rtcp;

import dev.parley.rtc.net.NetworkOrder;

import java.util.List;

/** Receiver report (RFC 3550 §6.4.2): the reporter's SSRC and up to 31 report blocks. */
public record ReceiverReport(int ssrc, List<ReportBlock> reports) implements RtcpPacket {
    public ReceiverReport {
        reports = ReportBlocks.check(reports);
    }

    static ReceiverReport parse(int count, byte[] b, int off, int end) throws RtcpParseException {
        Wire.require(end - off >= 4, "RR without SSRC");
        return new ReceiverReport(NetworkOrder.i32(b, off), ReportBlocks.read(b, off + 4, end, count));
    }

    @Override
    public int packetType() {
        return RR;
    }

    @Override
    public int encodedLength() {
        return 8 + ReportBlock.LENGTH * reports.size();
    }

    @Override
    public int writeTo(byte[] dst, int off) {
        int n = encodedLength();
        Wire.header(dst, off, reports.size(), RR, n);
        NetworkOrder.put32(dst, off + 4, ssrc);
        ReportBlocks.write(reports, dst, off + 8);
        return n;
    }
}
