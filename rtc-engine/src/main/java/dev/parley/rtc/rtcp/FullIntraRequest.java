package dev.parley.rtc.rtcp;

import dev.parley.rtc.net.NetworkOrder;

import java.util.ArrayList;
import java.util.List;

/**
 * Full Intra Request (RFC 5104 §4.3.1): PSFB FMT 4, media source SSRC 0, one FCI entry per requested SSRC
 * with an 8-bit command sequence number.
 */
public record FullIntraRequest(int senderSsrc, List<Entry> entries) implements RtcpPacket {
    public static final int FORMAT = 4;
    public static final int MAX_ENTRIES = 256;

    public record Entry(int ssrc, int sequenceNumber) {
        public Entry {
            sequenceNumber &= 0xff;
        }
    }

    public FullIntraRequest {
        if (entries.isEmpty() || entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("a FIR holds 1.." + MAX_ENTRIES + " entries: " + entries.size());
        }
        entries = List.copyOf(entries);
    }

    public static FullIntraRequest of(int senderSsrc, int mediaSsrc, int sequenceNumber) {
        return new FullIntraRequest(senderSsrc, List.of(new Entry(mediaSsrc, sequenceNumber)));
    }

    static FullIntraRequest parse(byte[] b, int off, int end) throws RtcpParseException {
        int n = (end - off - 8) / 8;
        Wire.require(n >= 1, "FIR without entries");
        Wire.require(n <= MAX_ENTRIES, "FIR with " + n + " entries");
        List<Entry> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int p = off + 8 + 8 * i;
            entries.add(new Entry(NetworkOrder.i32(b, p), NetworkOrder.u8(b, p + 4)));
        }
        return new FullIntraRequest(NetworkOrder.i32(b, off), entries);
    }

    @Override
    public int packetType() {
        return PSFB;
    }

    @Override
    public int encodedLength() {
        return 12 + 8 * entries.size();
    }

    @Override
    public int writeTo(byte[] dst, int off) {
        int n = encodedLength();
        Wire.header(dst, off, FORMAT, PSFB, n);
        NetworkOrder.put32(dst, off + 4, senderSsrc);
        NetworkOrder.put32(dst, off + 8, 0); // RFC 5104 §4.3.1.2: media source SSRC SHALL be 0
        for (int i = 0; i < entries.size(); i++) {
            int p = off + 12 + 8 * i;
            NetworkOrder.put32(dst, p, entries.get(i).ssrc());
            NetworkOrder.put32(dst, p + 4, (long) entries.get(i).sequenceNumber() << 24);
        }
        return n;
    }
}
