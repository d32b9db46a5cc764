package dev.parley.rtc.srtp;

import java.util.Random;

/** Builds plain RTP and RTCP packets for the tests. */
final class Packets {
    static final byte[] KEY_128 = Vectors.parse("e1f97a0d3e018be0d64fa32c06de4139");
    static final byte[] KEY_256 = Vectors.parse("e1f97a0d3e018be0d64fa32c06de41390ec675ad498afeebb6960b3aabe6c173");
    static final byte[] SALT_14 = Vectors.parse("0ec675ad498afeebb6960b3aabe6");
    static final byte[] SALT_12 = Vectors.parse("0ec675ad498afeebb6960b3a");

    private Packets() {
    }

    static byte[] key(SrtpProfile p) {
        return p.keyLength() == 32 ? KEY_256 : KEY_128;
    }

    static byte[] salt(SrtpProfile p) {
        return p.saltLength() == 12 ? SALT_12 : SALT_14;
    }

    static SrtpOutboundSession sender(SrtpProfile p) {
        return SrtpSession.outbound(p, key(p), salt(p));
    }

    static SrtpInboundSession receiver(SrtpProfile p) {
        return SrtpSession.inbound(p, key(p), salt(p));
    }

    /**
     * An RTP packet (RFC 3550 §5.1) with {@code csrcs} CSRCs, a one-byte header extension of {@code extWords}
     * 32-bit words if {@code extWords >= 0}, and a payload of {@code payload} bytes derived from {@code seq}.
     */
    static byte[] rtp(int seq, int ssrc, int csrcs, int extWords, int payload) {
        int hdr = 12 + 4 * csrcs + (extWords >= 0 ? 4 + 4 * extWords : 0);
        byte[] p = new byte[hdr + payload];
        p[0] = (byte) (0x80 | (extWords >= 0 ? 0x10 : 0) | csrcs);
        p[1] = 96;
        p[2] = (byte) (seq >>> 8);
        p[3] = (byte) seq;
        SrtpTransform.putInt(p, 4, seq * 3000);
        SrtpTransform.putInt(p, 8, ssrc);
        for (int i = 0; i < csrcs; i++) {
            SrtpTransform.putInt(p, 12 + 4 * i, 0x1000 + i);
        }
        if (extWords >= 0) {
            int x = 12 + 4 * csrcs;
            p[x] = (byte) 0xbe;
            p[x + 1] = (byte) 0xde;
            p[x + 3] = (byte) extWords;
            for (int i = 0; i < 4 * extWords; i++) {
                p[x + 4 + i] = (byte) (0x20 + i);
            }
        }
        Random r = new Random(seq * 31L + ssrc);
        for (int i = hdr; i < p.length; i++) {
            p[i] = (byte) r.nextInt();
        }
        return p;
    }

    /** A receiver report (RFC 3550 §6.4.2) with one report block, from {@code ssrc}. */
    static byte[] rtcp(int ssrc, int fill) {
        byte[] p = new byte[32];
        p[0] = (byte) 0x81;
        p[1] = (byte) 201;
        p[3] = 7;
        SrtpTransform.putInt(p, 4, ssrc);
        for (int i = 8; i < p.length; i++) {
            p[i] = (byte) (fill + i);
        }
        return p;
    }
}
