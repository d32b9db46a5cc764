package dev.parley.rtc.srtp;

import static dev.parley.rtc.srtp.Packets.rtp;
import static dev.parley.rtc.srtp.Vectors.withRoom;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReplayAndRolloverTest {
    private static final int SSRC = 0xCAFEBABE;

    /** Protects RTP packets with these sequence numbers, in this order, on one sender. */
    private static byte[][] protect(SrtpOutboundSession out, int... seqs) {
        byte[][] packets = new byte[seqs.length][];
        for (int i = 0; i < seqs.length; i++) {
            byte[] plain = rtp(seqs[i], SSRC, 0, -1, 120);
            byte[] buf = withRoom(plain, out.profile().rtpOverhead());
            assertThat(out.protectRtp(buf, 0, plain.length)).isEqualTo(buf.length);
            packets[i] = buf;
        }
        return packets;
    }

    /** Unprotects a copy and checks the plaintext is the packet with {@code seq}, or returns the error. */
    private static int unprotect(SrtpInboundSession in, byte[] srtp, int seq) {
        byte[] copy = srtp.clone();
        int n = in.unprotectRtp(copy, 0, copy.length);
        if (n >= 0) {
            assertThat(Arrays.copyOf(copy, n)).isEqualTo(rtp(seq, SSRC, 0, -1, 120));
        }
        return n;
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void replayedPacketIsRejectedAndCounted(SrtpProfile profile) {
        byte[][] p = protect(Packets.sender(profile), 10, 11);
        SrtpInboundSession in = Packets.receiver(profile);
        assertThat(unprotect(in, p[0], 10)).isPositive();
        assertThat(unprotect(in, p[1], 11)).isPositive();
        assertThat(unprotect(in, p[0], 10)).isEqualTo(SrtpError.REPLAYED.code());
        assertThat(unprotect(in, p[1], 11)).isEqualTo(SrtpError.REPLAYED.code());
        assertThat(in.errorCount(SrtpError.REPLAYED)).isEqualTo(2);
        assertThat(in.rtpPackets()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void outOfOrderWithinTheWindowIsAcceptedOnceAndTooOldIsRejected(SrtpProfile profile) {
        int[] seqs = new int[1100];
        for (int i = 0; i < seqs.length; i++) {
            seqs[i] = 1000 + i;
        }
        byte[][] p = protect(Packets.sender(profile), seqs);
        SrtpInboundSession in = Packets.receiver(profile); // default window: 1024 packets
        assertThat(unprotect(in, p[5], 1005)).isPositive();
        assertThat(unprotect(in, p[1099], 2099)).isPositive();
        // 2099 - 1094 = 1005 < 1024: still inside, arrives late and out of order
        for (int i = 1098; i >= 1076; i--) {
            assertThat(unprotect(in, p[i], seqs[i])).as("seq %d", seqs[i]).isPositive();
        }
        assertThat(unprotect(in, p[1090], 2090)).isEqualTo(SrtpError.REPLAYED.code());
        assertThat(unprotect(in, p[6], 1006)).as("2099-1006 >= 1024: behind the window").isEqualTo(SrtpError.REPLAYED.code());
        assertThat(unprotect(in, p[80], 1080)).as("2099 - 1080 < 1024, never seen").isPositive();
        assertThat(unprotect(in, p[80], 1080)).isEqualTo(SrtpError.REPLAYED.code());
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void smallWindowIsHonoured(SrtpProfile profile) {
        SrtpOptions options = new SrtpOptions(4, 64, 64);
        byte[][] p = protect(Packets.sender(profile), 100, 163, 164, 165);
        SrtpInboundSession in = SrtpSession.inbound(profile, Packets.key(profile), Packets.salt(profile), options);
        assertThat(unprotect(in, p[1], 163)).isPositive();
        assertThat(unprotect(in, p[0], 100)).as("163 - 100 < 64").isPositive();
        assertThat(unprotect(in, p[3], 165)).isPositive();
        SrtpInboundSession fresh = SrtpSession.inbound(profile, Packets.key(profile), Packets.salt(profile), options);
        assertThat(unprotect(fresh, p[2], 164)).isPositive();
        assertThat(unprotect(fresh, p[0], 100)).as("164 - 100 = 64: outside").isEqualTo(SrtpError.REPLAYED.code());
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rolloverCounterAdvancesAcrossTheSequenceWrap(SrtpProfile profile) {
        SrtpOutboundSession out = Packets.sender(profile);
        byte[][] p = protect(out, 65533, 65534, 65535, 0, 1, 2);
        SrtpInboundSession in = Packets.receiver(profile);
        int[] seqs = {65533, 65534, 65535, 0, 1, 2};
        for (int i = 0; i < p.length; i++) {
            assertThat(unprotect(in, p[i], seqs[i])).as("seq %d", seqs[i]).isPositive(); // ROC 1 after the wrap
        }
        // The ROC is authenticated (AES-CM) or in the IV (GCM): a receiver guessing ROC 0 for seq 0 would fail.
        SrtpInboundSession late = Packets.receiver(profile);
        assertThat(unprotect(late, p[3], 0)).as("first packet assumed ROC 0").isEqualTo(SrtpError.AUTH_FAILED.code());
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void packetsFromBeforeTheWrapArrivingAfterItUseTheOldRoc(SrtpProfile profile) {
        byte[][] p = protect(Packets.sender(profile), 65534, 65535, 0, 1);
        SrtpInboundSession in = Packets.receiver(profile);
        assertThat(unprotect(in, p[0], 65534)).isPositive();
        assertThat(unprotect(in, p[2], 0)).isPositive();     // ROC 0 -> 1
        assertThat(unprotect(in, p[3], 1)).isPositive();
        assertThat(unprotect(in, p[1], 65535)).isPositive(); // late, estimated as ROC - 1 = 0
        assertThat(unprotect(in, p[1], 65535)).isEqualTo(SrtpError.REPLAYED.code());
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void senderRetransmissionOfAPreWrapPacketKeepsItsRoc(SrtpProfile profile) {
        SrtpOutboundSession out = Packets.sender(profile);
        byte[][] p = protect(out, 65534, 65535, 0, 1);
        byte[][] resent = protect(out, 65534); // e.g. a NACKed packet sent again after the wrap
        SrtpInboundSession in = Packets.receiver(profile);
        assertThat(unprotect(in, p[0], 65534)).isPositive();
        assertThat(unprotect(in, p[2], 0)).isPositive();
        assertThat(unprotect(in, resent[0], 65534)).isEqualTo(SrtpError.REPLAYED.code()); // same index as p[0]
        SrtpInboundSession other = Packets.receiver(profile);
        assertThat(unprotect(other, p[3], 1)).isNegative(); // needs ROC 1 but a fresh receiver guesses 0
        SrtpInboundSession third = Packets.receiver(profile);
        assertThat(unprotect(third, p[1], 65535)).isPositive();
        assertThat(unprotect(third, resent[0], 65534)).isPositive(); // ROC 0, as originally sent
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rolloverSeveralTimes(SrtpProfile profile) {
        SrtpOutboundSession out = Packets.sender(profile);
        SrtpInboundSession in = Packets.receiver(profile);
        int seq = 60000;
        for (int i = 0; i < 3 * 65536 + 100; i += 997) { // steps well below 2^15 keep the estimate unambiguous
            seq = (60000 + i) & 0xffff;
            byte[][] p = protect(out, seq);
            assertThat(unprotect(in, p[0], seq)).as("packet %d", i).isPositive();
        }
        assertThat(in.errorCount(SrtpError.AUTH_FAILED)).isZero();
    }
}
