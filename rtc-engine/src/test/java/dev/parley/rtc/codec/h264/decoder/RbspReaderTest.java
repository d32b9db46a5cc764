package dev.parley.rtc.codec.h264.decoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.rtc.codec.h264.BitWriter;
import dev.parley.rtc.codec.h264.EmulationPrevention;
import dev.parley.rtc.codec.h264.H264ParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The slice bit reader: emulation prevention, Exp-Golomb codes, more_rbsp_data() and reads past the end. */
class RbspReaderTest {
    @Test
    void readsWhatTheBitWriterWroteThroughEmulationPrevention() throws H264ParseException {
        Random rnd = new Random(3);
        BitWriter w = new BitWriter();
        int n = 5000;
        int[] kinds = new int[n];
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            kinds[i] = rnd.nextInt(4);
            switch (kinds[i]) {
                case 0 -> {
                    values[i] = rnd.nextInt(1 << (1 + rnd.nextInt(30))) & 0x7fff_fffe;
                    w.writeUe((int) values[i]);
                }
                case 1 -> {
                    values[i] = rnd.nextInt(1 << (1 + rnd.nextInt(20))) - (1 << 19);
                    w.writeSe((int) values[i]);
                }
                case 2 -> {
                    int bits = rnd.nextInt(26);
                    values[i] = bits << 26 | rnd.nextInt(1 << 25) & ((1 << bits) - 1);
                    w.writeBits((int) (values[i] & 0x3ffffff), bits);
                }
                default -> {
                    values[i] = 0; // zero bytes, which need emulation prevention
                    w.writeBits(0, 24);
                }
            }
        }
        w.writeTrailingBits();
        byte[] nal = EmulationPrevention.escape(w.toByteArray());
        RbspReader r = new RbspReader();
        r.load(nal, 0, nal.length);
        for (int i = 0; i < n; i++) {
            switch (kinds[i]) {
                case 0 -> assertThat(r.readUe()).isEqualTo((int) values[i]);
                case 1 -> assertThat(r.readSe()).isEqualTo((int) values[i]);
                case 2 -> assertThat(r.readBits((int) (values[i] >>> 26))).isEqualTo((int) (values[i] & 0x3ffffff));
                default -> assertThat(r.readBits(24)).isZero();
            }
            assertThat(r.overrun()).isFalse();
        }
        assertThat(r.moreRbspData()).isFalse();
        assertThat(r.overrun()).isFalse();
        r.skip(1); // the stop bit itself
        assertThat(r.overrun()).isTrue();
    }

    @Test
    void readsPastTheEndGiveZerosAndReportTheOverrun() throws H264ParseException {
        RbspReader r = new RbspReader();
        r.load(new byte[] {0x55, (byte) 0x80, 0, 0}, 0, 4); // trailing zero bytes after the stop bit are allowed
        assertThat(r.readBits(8)).isEqualTo(0x55);
        assertThat(r.moreRbspData()).isFalse();
        r.skip(100_000);
        assertThat(r.peek32()).isZero();
        assertThat(r.readBits(25)).isZero();
        assertThat(r.overrun()).isTrue();
        assertThatThrownBy(r::readUe).isInstanceOf(H264ParseException.class); // 32 zero bits
    }

    @Test
    void malformedPayloadsAreRejected() {
        RbspReader r = new RbspReader();
        assertThatThrownBy(() -> r.load(new byte[] {1, 0, 0, 2, 5}, 0, 5)).isInstanceOf(H264ParseException.class);
        assertThatThrownBy(() -> r.load(new byte[] {0, 0, 3, 0}, 0, 4)).isInstanceOf(H264ParseException.class)
                .hasMessageContaining("stop");
        assertThatThrownBy(() -> r.load(new byte[0], 0, 0)).isInstanceOf(H264ParseException.class);
    }
}
