package dev.parley.rtc.rtcp;

import java.util.ArrayList;
import java.util.List;

/** Reading and writing the report block list shared by SR and RR (RFC 3550 §6.4.1: RC is 5 bits, at most 31). */
final class ReportBlocks {
    static final int MAX = 31;

    private ReportBlocks() {
    }

    static List<ReportBlock> read(byte[] b, int off, int end, int count) throws RtcpParseException {
        Wire.require(end - off >= count * ReportBlock.LENGTH, "report count " + count + " runs past the packet");
        List<ReportBlock> blocks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            blocks.add(ReportBlock.read(b, off + i * ReportBlock.LENGTH));
        }
        return List.copyOf(blocks);
    }

    static List<ReportBlock> check(List<ReportBlock> blocks) {
        if (blocks.size() > MAX) {
            throw new IllegalArgumentException("at most 31 report blocks per packet: " + blocks.size());
        }
        return List.copyOf(blocks);
    }

    static int write(List<ReportBlock> blocks, byte[] dst, int off) {
        for (ReportBlock r : blocks) {
            r.write(dst, off);
            off += ReportBlock.LENGTH;
        }
        return off;
    }
}
