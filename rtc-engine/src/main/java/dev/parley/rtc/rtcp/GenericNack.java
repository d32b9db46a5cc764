package dev.parley.rtc.rtcp;

import dev.parley.rtc.net.NetworkOrder;

import dev.parley.rtc.rtp.SequenceNumbers;
import java.util.ArrayList;
import java.util.List;

/** Generic NACK (RFC 4585 §6.2.1): RTPFB FMT 1, items of a lost packet id (PID) and a 16-bit mask (BLP). */
public record GenericNack(int senderSsrc, int mediaSsrc, List<Item> items) implements RtcpPacket {
    public static final int FORMAT = 1;
    /** More items than this in one packet are refused (a 1500-byte datagram holds about 370). */
    public static final int MAX_ITEMS = 1024;

    /** PID and BLP: bit i of BLP set means PID + i + 1 is lost too. */
    public record Item(int pid, int blp) {
        public Item {
            pid &= 0xffff;
            blp &= 0xffff;
        }
    }

    public GenericNack {
        if (items.isEmpty() || items.size() > MAX_ITEMS) {
            throw new IllegalArgumentException("a NACK holds 1.." + MAX_ITEMS + " items: " + items.size());
        }
        items = List.copyOf(items);
    }

    /** Compresses lost sequence numbers (in sending order, wrap-aware) into PID+BLP items. */
    public static GenericNack of(int senderSsrc, int mediaSsrc, List<Integer> lost) {
        List<Item> items = new ArrayList<>();
        int pid = -1;
        int blp = 0;
        for (int seq : lost) {
            seq &= 0xffff;
            int d = pid < 0 ? -1 : SequenceNumbers.diff(seq, pid);
            if (d == 0) {
                continue;
            }
            if (d > 0 && d <= 16) {
                blp |= 1 << (d - 1);
                continue;
            }
            if (pid >= 0) {
                items.add(new Item(pid, blp));
            }
            pid = seq;
            blp = 0;
        }
        if (pid >= 0) {
            items.add(new Item(pid, blp));
        }
        return new GenericNack(senderSsrc, mediaSsrc, items);
    }

    /** Every sequence number this NACK reports lost, item by item (at most 17 per item). */
    public List<Integer> lostSequenceNumbers() {
        List<Integer> out = new ArrayList<>();
        for (Item i : items) {
            out.add(i.pid());
            for (int bit = 0; bit < 16; bit++) {
                if ((i.blp() & (1 << bit)) != 0) {
                    out.add((i.pid() + bit + 1) & 0xffff);
                }
            }
        }
        return out;
    }

    static GenericNack parse(byte[] b, int off, int end) throws RtcpParseException {
        int fci = (end - off - 8) / 4;
        Wire.require(fci >= 1, "NACK without items");
        Wire.require(fci <= MAX_ITEMS, "NACK with " + fci + " items");
        List<Item> items = new ArrayList<>(fci);
        for (int i = 0; i < fci; i++) {
            int p = off + 8 + 4 * i;
            items.add(new Item(NetworkOrder.u16(b, p), NetworkOrder.u16(b, p + 2)));
        }
        return new GenericNack(NetworkOrder.i32(b, off), NetworkOrder.i32(b, off + 4), items);
    }

    @Override
    public int packetType() {
        return RTPFB;
    }

    @Override
    public int encodedLength() {
        return 12 + 4 * items.size();
    }

    @Override
    public int writeTo(byte[] dst, int off) {
        int n = encodedLength();
        Wire.header(dst, off, FORMAT, RTPFB, n);
        NetworkOrder.put32(dst, off + 4, senderSsrc);
        NetworkOrder.put32(dst, off + 8, mediaSsrc);
        for (int i = 0; i < items.size(); i++) {
            NetworkOrder.put16(dst, off + 12 + 4 * i, items.get(i).pid());
            NetworkOrder.put16(dst, off + 14 + 4 * i, items.get(i).blp());
        }
        return n;
    }
}
