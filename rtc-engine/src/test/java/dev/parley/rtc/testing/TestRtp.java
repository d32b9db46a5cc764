package dev.parley.rtc.testing;

/** Minimal RTP packets for transport tests (RFC 3550 section 5.1): V=2, payload type 111, 48 kHz timestamps. */
public final class TestRtp {

    private TestRtp() {
    }

    /** A packet with this SSRC and sequence number, timestamp seq x 960 (20 ms at 48 kHz), and the payload. */
    public static byte[] packet(long ssrc, int seq, byte[] payload) {
        byte[] p = new byte[12 + payload.length];
        p[0] = (byte) 0x80;
        p[1] = 111;
        p[2] = (byte) (seq >> 8);
        p[3] = (byte) seq;
        int timestamp = seq * 960;
        for (int i = 0; i < 4; i++) {
            p[4 + i] = (byte) (timestamp >> (24 - 8 * i));
            p[8 + i] = (byte) (ssrc >> (24 - 8 * i));
        }
        System.arraycopy(payload, 0, p, 12, payload.length);
        return p;
    }
}
