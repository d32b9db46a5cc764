package dev.parley.rtc.nack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RetransmissionHistoryTest {
    private static final long MS = 1_000_000L;
    private static final long MAX_AGE = 1000 * MS;
    private final byte[] dst = new byte[RetransmissionHistory.MAX_PACKET_LENGTH + 10];

    private int resend(RetransmissionHistory h, int seq, long now, long interval) {
        return h.retransmit(seq, now, interval, dst, 5);
    }

    @Test
    void returnsTheExactBytesRecorded() {
        RetransmissionHistory h = new RetransmissionHistory(1024, MAX_AGE);
        byte[][] sent = new byte[3][];
        for (int i = 0; i < 3; i++) {
            sent[i] = TestPackets.simple(100 + i, 200 + i);
            byte[] framed = new byte[sent[i].length + 7];
            System.arraycopy(sent[i], 0, framed, 7, sent[i].length);
            h.record(framed, 7, sent[i].length, i * MS);
        }
        for (int i = 2; i >= 0; i--) {
            int n = resend(h, 100 + i, 10 * MS, 50 * MS);
            assertThat(n).isEqualTo(sent[i].length);
            assertThat(Arrays.copyOfRange(dst, 5, 5 + n)).isEqualTo(sent[i]);
        }
        assertThat(h.recordedPackets()).isEqualTo(3);
        assertThat(h.retransmittedPackets()).isEqualTo(3);
    }

    @Test
    void refusesWhatWasNeverRecorded() {
        RetransmissionHistory h = new RetransmissionHistory(16, MAX_AGE);
        assertThat(resend(h, 0, 0, 0)).isEqualTo(-1);
        h.record(TestPackets.simple(5, 10), 0, 22, 0);
        assertThat(resend(h, 6, 0, 0)).isEqualTo(-1);
        assertThat(resend(h, 5 + 16, 0, 0)).as("same slot, other seq").isEqualTo(-1);
        assertThat(h.refusedUnknown()).isEqualTo(3);
    }

    @Test
    void refusesOverwrittenPackets() {
        RetransmissionHistory h = new RetransmissionHistory(16, MAX_AGE);
        for (int seq = 0; seq <= 16; seq++) {
            byte[] p = TestPackets.simple(seq, 30);
            h.record(p, 0, p.length, seq * MS);
        }
        assertThat(resend(h, 0, 20 * MS, 0)).isEqualTo(-1);
        assertThat(resend(h, 1, 20 * MS, 0)).isEqualTo(42);
        assertThat(resend(h, 16, 20 * MS, 0)).isEqualTo(42);
        assertThat(dst[5 + 3]).isEqualTo((byte) 16);
        assertThat(h.refusedUnknown()).isEqualTo(1);
    }

    @Test
    void refusesPacketsOlderThanMaxAge() {
        RetransmissionHistory h = new RetransmissionHistory(64, MAX_AGE);
        byte[] p = TestPackets.simple(7, 30);
        h.record(p, 0, p.length, 3 * MS);
        assertThat(resend(h, 7, 3 * MS + MAX_AGE + 1, 0)).isEqualTo(-1);
        assertThat(resend(h, 7, 3 * MS + MAX_AGE, 0)).isEqualTo(p.length);
        assertThat(h.refusedExpired()).isEqualTo(1);
    }

    @Test
    void resendsAtMostOncePerInterval() {
        RetransmissionHistory h = new RetransmissionHistory(64, MAX_AGE);
        byte[] p = TestPackets.simple(9, 30);
        h.record(p, 0, p.length, 0);
        long rtt = 80 * MS;
        assertThat(resend(h, 9, 10 * MS, rtt)).isEqualTo(p.length);
        assertThat(resend(h, 9, 10 * MS, rtt)).isEqualTo(-1);
        assertThat(resend(h, 9, 10 * MS + rtt - 1, rtt)).isEqualTo(-1);
        assertThat(resend(h, 9, 10 * MS + rtt, rtt)).isEqualTo(p.length);
        assertThat(h.refusedTooSoon()).isEqualTo(2);
        assertThat(h.retransmittedPackets()).isEqualTo(2);

        h.record(p, 0, p.length, 100 * MS); // recorded again (same seq): a fresh packet, not yet resent
        assertThat(resend(h, 9, 100 * MS, rtt)).isEqualTo(p.length);
    }

    @Test
    void wrapsAroundTheSequenceSpace() {
        RetransmissionHistory h = new RetransmissionHistory(8, MAX_AGE);
        for (int i = 0; i < 6; i++) {
            int seq = (65533 + i) & 0xffff;
            byte[] p = TestPackets.simple(seq, 10 + i);
            h.record(p, 0, p.length, i);
        }
        assertThat(resend(h, 65535, 10, 0)).isEqualTo(24);
        assertThat(resend(h, 0, 10, 0)).isEqualTo(25);
        assertThat(resend(h, 2, 10, 0)).isEqualTo(27);
        assertThat(resend(h, 65536 + 3, 10, 0)).as("masked to 16 bits: seq 3 was never sent").isEqualTo(-1);
        assertThat(resend(h, 65536 + 1, 10, 0)).as("masked to 16 bits").isEqualTo(26);
    }

    @Test
    void ignoresPacketsThatAreNotRtpOrTooLong() {
        RetransmissionHistory h = new RetransmissionHistory(16, MAX_AGE);
        byte[] good = TestPackets.simple(3, 20);
        h.record(good, 0, good.length, 0);
        byte[] bad = good.clone();
        bad[0] = 0x40; // version 1
        h.record(bad, 0, bad.length, 0);
        h.record(good, 0, 11, 0);
        h.record(good, 5, good.length, 0);
        h.record(null, 0, 12, 0);
        byte[] huge = TestPackets.simple(3, RetransmissionHistory.MAX_PACKET_LENGTH - 11);
        h.record(huge, 0, huge.length, 0);
        assertThat(h.rejectedPackets()).isEqualTo(5);
        assertThat(resend(h, 3, 0, 0)).isEqualTo(good.length);
        assertThat(Arrays.copyOfRange(dst, 5, 5 + good.length)).isEqualTo(good);

        byte[] largest = TestPackets.simple(4, RetransmissionHistory.MAX_PACKET_LENGTH - 12);
        h.record(largest, 0, largest.length, 0);
        assertThat(resend(h, 4, 0, 0)).isEqualTo(RetransmissionHistory.MAX_PACKET_LENGTH);
    }

    @Test
    void refusesADestinationWithoutRoomAndStaysResendable() {
        RetransmissionHistory h = new RetransmissionHistory(16, MAX_AGE);
        byte[] p = TestPackets.simple(1, 100);
        h.record(p, 0, p.length, 0);
        assertThat(h.retransmit(1, 0, 0, new byte[p.length - 1], 0)).isEqualTo(-1);
        assertThat(h.retransmit(1, 0, 0, new byte[p.length], 1)).isEqualTo(-1);
        assertThat(h.retransmit(1, 0, 0, null, 0)).isEqualTo(-1);
        assertThat(h.retransmit(1, 0, 0, new byte[p.length], -1)).isEqualTo(-1);
        assertThat(h.refusedNoRoom()).isEqualTo(4);
        assertThat(h.retransmit(1, 0, 1000 * MS, new byte[p.length], 0)).isEqualTo(p.length);
    }

    @Test
    void rejectsBadConfiguration() {
        assertThatThrownBy(() -> new RetransmissionHistory(1000, MAX_AGE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetransmissionHistory(0, MAX_AGE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetransmissionHistory(16384, MAX_AGE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetransmissionHistory(16, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A sender thread records while the network thread resends: every copy handed out is one whole packet. */
    @Test
    void concurrentRecordAndRetransmitNeverTearAPacket() throws Exception {
        RetransmissionHistory h = new RetransmissionHistory(4, Long.MAX_VALUE / 4); // few slots: constant reuse
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger latest = new AtomicInteger(-1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread sender = new Thread(() -> {
            try {
                byte[][] packets = new byte[256][];
                for (int i = 0; i < packets.length; i++) {
                    packets[i] = TestPackets.simple(i, 1000 + i); // payload bytes all equal the seq's low byte
                }
                for (int seq = 0; seq < 300_000; seq++) {
                    byte[] p = packets[seq & 0xff];
                    p[2] = (byte) (seq >>> 8);
                    p[3] = (byte) seq;
                    h.record(p, 0, p.length, seq);
                    latest.set(seq & 0xffff);
                }
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                done.set(true);
            }
        });
        sender.start();
        byte[] out = new byte[RetransmissionHistory.MAX_PACKET_LENGTH];
        int checked = 0;
        int torn = 0;
        for (int i = 0; !done.get() || checked < 1000; i++) {
            int seq = (latest.get() - (i & 3)) & 0xffff;
            int n = h.retransmit(seq, 0, 0, out, 0);
            if (n > 0) {
                int lowByte = seq & 0xff;
                boolean whole = n == 12 + 1000 + lowByte && out[2] == (byte) (seq >>> 8) && out[3] == (byte) seq;
                for (int j = 12; j < n && whole; j++) {
                    whole = out[j] == (byte) lowByte;
                }
                torn += whole ? 0 : 1;
                checked++;
            }
        }
        sender.join();
        assertThat(failure.get()).isNull();
        assertThat(torn).isZero();
    }
}
