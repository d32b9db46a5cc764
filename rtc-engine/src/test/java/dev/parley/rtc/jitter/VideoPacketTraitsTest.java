package dev.parley.rtc.jitter;

import static dev.parley.rtc.jitter.VideoPacketTraits.IDR;
import static dev.parley.rtc.jitter.VideoPacketTraits.KEY_START;
import static dev.parley.rtc.jitter.VideoPacketTraits.PADDING;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class VideoPacketTraitsTest {

    private static int of(int... bytes) {
        byte[] b = new byte[bytes.length + 2];
        for (int i = 0; i < bytes.length; i++) {
            b[i + 1] = (byte) bytes[i];
        }
        return VideoPacketTraits.of(b, 1, bytes.length); // at an offset, with bytes around it
    }

    @Test
    void singleNalUnitPackets() {
        assertThat(of(0x65, 1, 2)).isEqualTo(IDR);
        assertThat(of(0x67, 1, 2)).isEqualTo(KEY_START);
        assertThat(of(0x41, 1, 2)).isZero();
        assertThat(of(0x68, 1)).isZero();
        assertThat(of(0x09, 0x10)).isZero(); // an AUD alone does not say a keyframe follows
        assertThat(of()).isEqualTo(PADDING);
    }

    @Test
    void stapA() {
        // SPS, PPS: the start of a keyframe.
        assertThat(of(0x78, 0, 2, 0x67, 1, 0, 2, 0x68, 1)).isEqualTo(KEY_START);
        // AUD, SPS, PPS, IDR.
        assertThat(of(0x78, 0, 2, 0x09, 0x10, 0, 2, 0x67, 1, 0, 1, 0x68, 0, 2, 0x65, 1)).isEqualTo(KEY_START | IDR);
        // SEI then SPS: whatever came before the SEI is unknown.
        assertThat(of(0x78, 0, 2, 0x06, 1, 0, 2, 0x67, 1)).isZero();
        // PPS, IDR.
        assertThat(of(0x78, 0, 1, 0x68, 0, 2, 0x65, 1)).isEqualTo(IDR);
        // Sizes that run past the payload stop the walk without throwing.
        assertThat(of(0x78, 0, 2, 0x67, 1, 0, 9, 0x65)).isEqualTo(KEY_START);
        assertThat(of(0x78, 0xff, 0xff, 0x65)).isZero();
        assertThat(of(0x78)).isZero();
    }

    @Test
    void fuA() {
        assertThat(of(0x7c, 0x85, 1, 2)).isEqualTo(IDR); // start of an IDR slice
        assertThat(of(0x7c, 0x45, 1, 2)).isEqualTo(IDR); // its end
        assertThat(of(0x7c, 0x81, 1, 2)).isZero();
        assertThat(of(0x7c, 0x87, 1)).isEqualTo(KEY_START); // a (needlessly) fragmented SPS
        assertThat(of(0x7c, 0x07, 1)).isZero(); // a middle fragment starts nothing
        assertThat(of(0x7c)).isZero();
    }

    @Test
    void randomBytesNeverThrow() {
        Random r = new Random(5);
        for (int i = 0; i < 100_000; i++) {
            byte[] b = new byte[r.nextInt(12)];
            r.nextBytes(b);
            int off = b.length == 0 ? 0 : r.nextInt(b.length);
            int flags = VideoPacketTraits.of(b, off, b.length - off);
            assertThat(flags & ~(IDR | KEY_START | PADDING)).isZero();
        }
    }
}
