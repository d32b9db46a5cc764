package dev.parley.rtc.codec.h264;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6184 packetization-mode 1 (non-interleaved, §6.3) on the send side: the NAL units of one access unit become
 * RTP payloads of at most {@code maxPayloadSize} bytes. A NAL unit that fits goes alone (single NAL unit packet,
 * §5.6) unless it and the ones after it fit together in a STAP-A (§5.7.1); one that does not fit is split into FU-A
 * fragments (§5.8). The last payload of the access unit carries the marker bit (§5.1). Stateless and thread-safe.
 */
public final class H264Packetizer {
    private static final int STAP_A_HEADER = 1;
    private static final int STAP_A_SIZE_FIELD = 2;
    private static final int FU_A_HEADERS = 2;

    private final int maxPayloadSize;

    /** @param maxPayloadSize the RTP payload budget: the MTU minus IP, UDP, RTP, header extension and SRTP overhead */
    public H264Packetizer(int maxPayloadSize) {
        if (maxPayloadSize < FU_A_HEADERS + 1) {
            throw new IllegalArgumentException("payload budget " + maxPayloadSize + " leaves no room for an FU-A fragment");
        }
        this.maxPayloadSize = maxPayloadSize;
    }

    /** Packetizes one access unit (NAL units without start codes, types 1..23, in decoding order). */
    public List<RtpPayload> packetize(List<byte[]> nalUnits) {
        for (byte[] nal : nalUnits) {
            int type = nal.length == 0 ? 0 : NalHeader.type(nal[0]);
            if (type < 1 || type > 23) {
                throw new IllegalArgumentException("not a packetizable NAL unit: " + nal.length + " bytes, type " + type);
            }
        }
        List<byte[]> out = new ArrayList<>();
        int i = 0;
        while (i < nalUnits.size()) {
            byte[] nal = nalUnits.get(i);
            if (nal.length > maxPayloadSize) {
                fragment(nal, out);
                i++;
                continue;
            }
            int end = i;
            int size = STAP_A_HEADER;
            while (end < nalUnits.size() && size + STAP_A_SIZE_FIELD + nalUnits.get(end).length <= maxPayloadSize) {
                size += STAP_A_SIZE_FIELD + nalUnits.get(end).length;
                end++;
            }
            if (end - i >= 2) {
                out.add(aggregate(nalUnits.subList(i, end), size));
                i = end;
            } else {
                out.add(nal.clone()); // §5.6: the payload is the NAL unit itself
                i++;
            }
        }
        List<RtpPayload> packets = new ArrayList<>(out.size());
        for (int p = 0; p < out.size(); p++) {
            packets.add(new RtpPayload(out.get(p), p == out.size() - 1));
        }
        return packets;
    }

    public int maxPayloadSize() {
        return maxPayloadSize;
    }

    // §5.7.1: STAP-A header (F = OR of the F bits, NRI = the maximum NRI, type 24), then size(16) + NAL unit each.
    private static byte[] aggregate(List<byte[]> nals, int size) {
        byte[] p = new byte[size];
        int f = 0;
        int nri = 0;
        int o = STAP_A_HEADER;
        for (byte[] nal : nals) {
            f |= nal[0] & 0x80;
            nri = Math.max(nri, nal[0] & 0x60);
            p[o++] = (byte) (nal.length >>> 8);
            p[o++] = (byte) nal.length;
            System.arraycopy(nal, 0, p, o, nal.length);
            o += nal.length;
        }
        p[0] = (byte) (f | nri | NalUnitType.STAP_A);
        return p;
    }

    // §5.8: FU indicator (F, NRI of the NAL unit, type 28), FU header (S, E, R = 0, the NAL unit's type), then a
    // piece of the NAL unit without its header byte. A NAL unit larger than the budget always needs two or more.
    private void fragment(byte[] nal, List<byte[]> out) {
        byte indicator = (byte) ((nal[0] & 0xe0) | NalUnitType.FU_A);
        int type = nal[0] & 0x1f;
        int chunk = maxPayloadSize - FU_A_HEADERS;
        for (int pos = 1; pos < nal.length; pos += chunk) {
            int len = Math.min(chunk, nal.length - pos);
            byte[] p = new byte[FU_A_HEADERS + len];
            p[0] = indicator;
            p[1] = (byte) ((pos == 1 ? 0x80 : 0) | (pos + len == nal.length ? 0x40 : 0) | type);
            System.arraycopy(nal, pos, p, FU_A_HEADERS, len);
            out.add(p);
        }
    }

    @Override
    public String toString() {
        return "H264Packetizer[maxPayloadSize=" + maxPayloadSize + "]";
    }
}
