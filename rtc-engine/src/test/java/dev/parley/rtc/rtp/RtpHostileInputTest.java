package dev.parley.rtc.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** RtpPacket.wrap and the extension walk take hostile bytes: a status, never an exception or an overread. */
class RtpHostileInputTest {
    private final RtpPacket p = new RtpPacket();

    /** Wraps and, if OK, reads everything a receiver would; checks every index stays inside the slice. */
    private boolean probe(byte[] b, int off, int len) {
        RtpParseStatus s;
        try {
            s = p.wrap(b, off, len);
            if (s != RtpParseStatus.OK) {
                return false;
            }
            assertThat(p.payloadOffset()).isBetween(off, off + len);
            assertThat(p.payloadOffset() + p.payloadLength() + p.paddingLength()).isEqualTo(off + len);
            assertThat(p.payloadLength()).isNotNegative();
            for (int i = 0; i < p.csrcCount(); i++) {
                p.csrc(i);
            }
            p.toString();
            HeaderExtensionReader r = p.extensions();
            int n = 0;
            while (r.next()) {
                assertThat(r.dataOffset()).isGreaterThanOrEqualTo(p.extensionDataOffset());
                assertThat(r.dataOffset() + r.dataLength())
                        .isLessThanOrEqualTo(p.extensionDataOffset() + p.extensionDataLength());
                SdesMid.read(r.buffer(), r.dataOffset(), r.dataLength());
                AbsSendTime.read(r.buffer(), r.dataOffset(), r.dataLength());
                AudioLevel.read(r.buffer(), r.dataOffset(), r.dataLength());
                assertThat(++n).isLessThanOrEqualTo(p.extensionDataLength());
            }
            for (int id = 0; id < 16; id++) {
                r.find(id);
            }
            return true;
        } catch (AssertionError e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("threw " + t + " for " + HexFixtures.hex(b, off, len), t);
        }
    }

    @Test
    void everyTruncationOfEveryFixture() {
        for (String name : HexFixtures.ALL) {
            byte[] wire = HexFixtures.load(name);
            assertThat(probe(wire, 0, wire.length)).isTrue();
            for (int len = 0; len < wire.length; len++) {
                probe(Arrays.copyOf(wire, len), 0, len);
                probe(wire, 0, len);
            }
        }
    }

    @Test
    void randomMutationsOfFixtures() {
        Random rnd = new Random(0x5eed_0001L);
        int ok = 0;
        for (int round = 0; round < 20_000; round++) {
            byte[] wire = HexFixtures.load(HexFixtures.ALL[round % HexFixtures.ALL.length]).clone();
            int flips = 1 + rnd.nextInt(4);
            for (int i = 0; i < flips; i++) {
                wire[rnd.nextInt(wire.length)] ^= (byte) (1 << rnd.nextInt(8));
            }
            int len = rnd.nextInt(4) == 0 ? rnd.nextInt(wire.length + 1) : wire.length;
            if (probe(wire, 0, len)) {
                ok++;
            }
        }
        assertThat(ok).isPositive();
    }

    @Test
    void randomBytes() {
        Random rnd = new Random(0x5eed_0002L);
        for (int round = 0; round < 20_000; round++) {
            byte[] wire = new byte[rnd.nextInt(80)];
            rnd.nextBytes(wire);
            if (wire.length > 0) {
                wire[0] = (byte) (0x80 | (wire[0] & 0x3f)); // mostly version 2, to get past the first check
            }
            int off = wire.length == 0 ? 0 : rnd.nextInt(wire.length);
            probe(wire, off, wire.length - off);
            probe(wire, 0, wire.length);
        }
        assertThat(p.wrap(new byte[4], 2, 10)).isEqualTo(RtpParseStatus.TOO_SHORT);
        assertThat(p.wrap(new byte[4], -1, 2)).isEqualTo(RtpParseStatus.TOO_SHORT);
    }
}
