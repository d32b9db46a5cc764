package dev.parley.rtc.rtcp;

import dev.parley.rtc.net.NetworkOrder;

import java.util.List;

/** Sender report (RFC 3550 §6.4.1): sender info (NTP, RTP timestamp, counts) and up to 31 report blocks. */
public record SenderReport(int ssrc, long ntpTimestamp, long rtpTimestamp, long packetCount, long octetCount,
        List<ReportBlock> reports) implements RtcpPacket {
    public SenderReport {
        reports = ReportBlocks.check(reports);
    }

    static SenderReport parse(int count, byte[] b, int off, int end) throws RtcpParseException {
        Wire.require(end - off >= 24, "SR shorter than its sender info");
        long ntp = NetworkOrder.u32(b, off + 4) << 32 | NetworkOrder.u32(b, off + 8);
        return new SenderReport(NetworkOrder.i32(b, off), ntp, NetworkOrder.u32(b, off + 12), NetworkOrder.u32(b, off + 16),
                NetworkOrder.u32(b, off + 20), ReportBlocks.read(b, off + 24, end, count));
    }

    @Override
    public int packetType() {
        return SR;
    }

    @Override
    public int encodedLength() {
        return 28 + ReportBlock.LENGTH * reports.size();
    }

    @Override
    public int writeTo(byte[] dst, int off) {
        int n = encodedLength();
        Wire.header(dst, off, reports.size(), SR, n);
        NetworkOrder.put32(dst, off + 4, ssrc);
        NetworkOrder.put32(dst, off + 8, ntpTimestamp >>> 32);
        NetworkOrder.put32(dst, off + 12, ntpTimestamp);
        NetworkOrder.put32(dst, off + 16, rtpTimestamp);
        NetworkOrder.put32(dst, off + 20, packetCount);
        NetworkOrder.put32(dst, off + 24, octetCount);
        ReportBlocks.write(reports, dst, off + 28);
        return n;
    }
}
