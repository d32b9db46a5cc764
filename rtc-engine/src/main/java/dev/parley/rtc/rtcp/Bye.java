package dev.parley.rtc.rtcp;

import dev.parley.rtc.net.NetworkOrder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** BYE (RFC 3550 §6.6): up to 31 SSRCs leaving, and an optional UTF-8 reason (null when absent). */
public record Bye(List<Integer> ssrcs, String reason) implements RtcpPacket {
    public Bye {
        if (ssrcs.size() > 31) {
            throw new IllegalArgumentException("at most 31 SSRCs in a BYE: " + ssrcs.size());
        }
        ssrcs = List.copyOf(ssrcs);
        if (reason != null && reason.getBytes(StandardCharsets.UTF_8).length > 255) {
            throw new IllegalArgumentException("BYE reason longer than 255 bytes");
        }
    }

    static Bye parse(int count, byte[] b, int off, int end) throws RtcpParseException {
        Wire.require(end - off >= 4 * count, "BYE source count " + count + " runs past the packet");
        List<Integer> ssrcs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ssrcs.add(NetworkOrder.i32(b, off + 4 * i));
        }
        int p = off + 4 * count;
        String reason = null;
        if (p < end) {
            int len = NetworkOrder.u8(b, p);
            Wire.require(end - p - 1 >= len, "BYE reason runs past the packet");
            reason = new String(b, p + 1, len, StandardCharsets.UTF_8);
        }
        return new Bye(ssrcs, reason);
    }

    @Override
    public int packetType() {
        return BYE;
    }

    @Override
    public int encodedLength() {
        int n = 4 + 4 * ssrcs.size();
        if (reason != null) {
            n += (1 + reason.getBytes(StandardCharsets.UTF_8).length + 3) & ~3;
        }
        return n;
    }

    @Override
    public int writeTo(byte[] dst, int off) {
        int n = encodedLength();
        Wire.header(dst, off, ssrcs.size(), BYE, n);
        int p = off + 4;
        for (int s : ssrcs) {
            NetworkOrder.put32(dst, p, s);
            p += 4;
        }
        if (reason != null) {
            byte[] text = reason.getBytes(StandardCharsets.UTF_8);
            dst[p] = (byte) text.length;
            System.arraycopy(text, 0, dst, p + 1, text.length);
            java.util.Arrays.fill(dst, p + 1 + text.length, off + n, (byte) 0);
        }
        return n;
    }
}
