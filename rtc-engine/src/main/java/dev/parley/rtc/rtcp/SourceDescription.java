package dev.parley.rtc.rtcp;

import dev.parley.rtc.net.NetworkOrder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** SDES (RFC 3550 §6.5): up to 31 chunks, each an SSRC and its items (CNAME, NAME, ..., PRIV). */
public record SourceDescription(List<Chunk> chunks) implements RtcpPacket {
    /** RFC 3550 §6.5 item types. */
    public static final int CNAME = 1;
    public static final int NAME = 2;
    public static final int EMAIL = 3;
    public static final int PHONE = 4;
    public static final int LOC = 5;
    public static final int TOOL = 6;
    public static final int NOTE = 7;
    public static final int PRIV = 8;

    /** One SDES item; the text is UTF-8 on the wire (at most 255 bytes). Unknown types are kept as they are. */
    public record Item(int type, String text) {
        public Item {
            if (type < 1 || type > 255) {
                throw new IllegalArgumentException("SDES item type must be 1..255: " + type);
            }
            if (text.getBytes(StandardCharsets.UTF_8).length > 255) {
                throw new IllegalArgumentException("SDES item longer than 255 bytes");
            }
        }
    }

    public record Chunk(int ssrc, List<Item> items) {
        public Chunk {
            items = List.copyOf(items);
        }

        int encodedLength() {
            int n = 4;
            for (Item i : items) {
                n += 2 + i.text().getBytes(StandardCharsets.UTF_8).length;
            }
            return (n + 1 + 3) & ~3; // RFC 3550 §6.5: a null item ends the list, then pad to 32 bits
        }
    }

    public SourceDescription {
        if (chunks.size() > 31) {
            throw new IllegalArgumentException("at most 31 SDES chunks: " + chunks.size());
        }
        chunks = List.copyOf(chunks);
    }

    /** One chunk with a CNAME, what every RTCP compound carries (RFC 3550 §6.1). */
    public static SourceDescription cname(int ssrc, String cname) {
        return new SourceDescription(List.of(new Chunk(ssrc, List.of(new Item(CNAME, cname)))));
    }

    /** The CNAME given for this SSRC, or null. */
    public String cnameOf(int ssrc) {
        for (Chunk c : chunks) {
            if (c.ssrc() == ssrc) {
                for (Item i : c.items()) {
                    if (i.type() == CNAME) {
                        return i.text();
                    }
                }
            }
        }
        return null;
    }

    static SourceDescription parse(int count, byte[] b, int off, int end) throws RtcpParseException {
        List<Chunk> chunks = new ArrayList<>(count);
        int p = off;
        for (int c = 0; c < count; c++) {
            Wire.require(end - p >= 4, "SDES chunk " + c + " missing");
            int ssrc = NetworkOrder.i32(b, p);
            int start = p;
            p += 4;
            List<Item> items = new ArrayList<>();
            while (true) {
                Wire.require(p < end, "SDES chunk " + c + " has no terminating null item");
                int type = NetworkOrder.u8(b, p);
                if (type == 0) {
                    p = start + (((p + 1 - start) + 3) & ~3); // skip the null item and padding to 32 bits
                    Wire.require(p <= end, "SDES chunk padding runs past the packet");
                    break;
                }
                Wire.require(end - p >= 2, "SDES item header cut");
                int len = NetworkOrder.u8(b, p + 1);
                Wire.require(end - p - 2 >= len, "SDES item runs past the packet");
                items.add(new Item(type, new String(b, p + 2, len, StandardCharsets.UTF_8)));
                p += 2 + len;
            }
            chunks.add(new Chunk(ssrc, items));
        }
        return new SourceDescription(chunks);
    }

    @Override
    public int packetType() {
        return SDES;
    }

    @Override
    public int encodedLength() {
        int n = 4;
        for (Chunk c : chunks) {
            n += c.encodedLength();
        }
        return n;
    }

    @Override
    public int writeTo(byte[] dst, int off) {
        int n = encodedLength();
        Wire.header(dst, off, chunks.size(), SDES, n);
        int p = off + 4;
        for (Chunk c : chunks) {
            int end = p + c.encodedLength();
            NetworkOrder.put32(dst, p, c.ssrc());
            p += 4;
            for (Item i : c.items()) {
                byte[] text = i.text().getBytes(StandardCharsets.UTF_8);
                dst[p] = (byte) i.type();
                dst[p + 1] = (byte) text.length;
                System.arraycopy(text, 0, dst, p + 2, text.length);
                p += 2 + text.length;
            }
            java.util.Arrays.fill(dst, p, end, (byte) 0);
            p = end;
        }
        return n;
    }
}
