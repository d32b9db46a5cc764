package dev.parley.rtc.nack;

import dev.parley.rtc.rtp.RtpPacketWriter;
import java.util.Arrays;
import java.util.Random;

/** Random RTP packets for the NACK/RTX tests, each with its padding-free form (what RTX round trips to). */
final class TestPackets {
    /** A packet as sent ({@code wire}) and the same packet without padding and with the P bit clear. */
    record Sample(byte[] wire, byte[] unpadded) {
    }

    private final RtpPacketWriter writer = new RtpPacketWriter();
    private final Random rnd;

    TestPackets(Random rnd) {
        this.rnd = rnd;
    }

    /** Random marker, timestamp, SSRC, 0..15 CSRCs, 0..5 extension elements, payload of 0..1200, padding. */
    Sample next(int seq, int payloadType) {
        int[] csrcs = new int[rnd.nextInt(4) == 0 ? rnd.nextInt(16) : 0];
        for (int i = 0; i < csrcs.length; i++) {
            csrcs[i] = rnd.nextInt();
        }
        writer.marker(rnd.nextBoolean()).payloadType(payloadType).sequenceNumber(seq)
                .timestamp(rnd.nextLong()).ssrc(rnd.nextInt()).csrcs(csrcs);
        writer.extensions().clear().forceTwoByte(rnd.nextInt(4) == 0);
        int elements = rnd.nextInt(2) == 0 ? 0 : 1 + rnd.nextInt(5);
        for (int i = 0; i < elements; i++) {
            byte[] value = new byte[1 + rnd.nextInt(16)];
            rnd.nextBytes(value);
            writer.extensions().put(1 + rnd.nextInt(14), value);
        }
        byte[] payload = new byte[rnd.nextInt(8) == 0 ? rnd.nextInt(3) : rnd.nextInt(1201)];
        rnd.nextBytes(payload);
        int padding = rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(255) : 0;
        return new Sample(write(payload, padding), write(payload, 0));
    }

    private byte[] write(byte[] payload, int padding) {
        byte[] buf = new byte[2000];
        int n = writer.paddingLength(padding).write(buf, 0, payload, 0, payload.length);
        return Arrays.copyOf(buf, n);
    }

    /** A plain packet: no CSRCs or extensions, {@code payloadLength} bytes each equal to the low byte of seq. */
    static byte[] simple(int seq, int payloadLength) {
        byte[] payload = new byte[payloadLength];
        Arrays.fill(payload, (byte) seq);
        RtpPacketWriter w = new RtpPacketWriter().payloadType(96).sequenceNumber(seq).timestamp(seq * 3000L)
                .ssrc(0x1234_5678);
        byte[] buf = new byte[12 + payloadLength];
        int n = w.write(buf, 0, payload, 0, payloadLength);
        return Arrays.copyOf(buf, n);
    }
}
