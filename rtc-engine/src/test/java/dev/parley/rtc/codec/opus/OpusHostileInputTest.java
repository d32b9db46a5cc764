package dev.parley.rtc.codec.opus;

import dev.parley.rtc.testing.Signals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.rtc.media.AudioFrame;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OpusHostileInputTest {

    private static final int N = AudioFrame.SAMPLES_PER_20_MS;

    private static byte[][] validPackets(int count, int channels) {
        OpusEncoder enc = new OpusEncoder(channels);
        enc.setDtx(false);
        enc.setPacketLossPercent(10);
        short[] pcm = new short[N * channels];
        byte[] buf = new byte[OpusFormat.MAX_FRAME_BYTES];
        byte[][] out = new byte[count][];
        for (int f = 0; f < count; f++) {
            for (int i = 0; i < N; i++) {
                short s = (short) (6000 * Math.sin(2 * Math.PI * 300 * (f * N + i) / 48_000.0));
                for (int c = 0; c < channels; c++) {
                    pcm[i * channels + c] = s;
                }
            }
            int len = enc.encode(AudioFrame.wrap(pcm, channels, 0), buf, 0);
            out[f] = Arrays.copyOf(buf, len);
        }
        return out;
    }

    private static void decodeMustNotThrow(OpusDecoder dec, byte[] p, int off, int len, short[] out) {
        int n = dec.decode(p, off, len, out, 0);
        assertThat(n).isBetween(120, OpusFormat.MAX_PACKET_SAMPLES);
        assertThat(dec.lastStatus()).isIn(OpusDecodeStatus.DECODED, OpusDecodeStatus.CORRUPT);
        OpusPackets.hasFec(p, off, len);
        OpusPackets.samples(p, off, len);
        int fec = dec.decodeFec(p, off, len, out, 0, N);
        assertThat(fec).isEqualTo(N);
    }

    @Test
    void randomBytesNeverThrow() {
        Random r = new Random(5);
        for (int channels = 1; channels <= 2; channels++) {
            OpusDecoder dec = new OpusDecoder(channels);
            short[] out = new short[channels * OpusFormat.MAX_PACKET_SAMPLES];
            for (int i = 0; i < 1000; i++) {
                byte[] p = new byte[r.nextInt(i % 10 == 0 ? 1400 : 200)];
                r.nextBytes(p);
                if (p.length == 0) {
                    continue;
                }
                decodeMustNotThrow(dec, p, 0, p.length, out);
            }
            assertThat(dec.corruptPackets()).isPositive();
            System.out.printf("%d channel(s): %d of 1000 random packets corrupt, %d decoder resets%n", channels,
                    dec.corruptPackets(), dec.resets());
        }
    }

    @Test
    void truncatedAndBitFlippedPacketsNeverThrowAndTheDecoderRecovers() {
        Random r = new Random(9);
        byte[][] packets = validPackets(60, 2);
        OpusDecoder dec = new OpusDecoder(2);
        short[] out = new short[2 * OpusFormat.MAX_PACKET_SAMPLES];
        for (byte[] p : packets) {
            for (int cut = 1; cut < p.length; cut += 1 + p.length / 7) {
                decodeMustNotThrow(dec, p, 0, cut, out);
            }
            byte[] flipped = p.clone();
            for (int k = 0; k < 4; k++) {
                flipped[r.nextInt(flipped.length)] ^= (byte) (1 << r.nextInt(8));
            }
            decodeMustNotThrow(dec, flipped, 0, flipped.length, out);
        }
        // Afterwards a clean stream decodes again.
        double rms = 0;
        for (byte[] p : validPackets(40, 2)) {
            assertThat(dec.decode(p, 0, p.length, out, 0)).isEqualTo(N);
            assertThat(dec.lastStatus()).isEqualTo(OpusDecodeStatus.DECODED);
            rms = Signals.rms(out, 0, 2 * N);
        }
        assertThat(rms).isGreaterThan(1000);
    }

    @Test
    void emptyAndBadSlicesAreCorruptAndConcealed() {
        OpusDecoder dec = new OpusDecoder(1);
        short[] out = new short[OpusFormat.MAX_PACKET_SAMPLES];
        byte[] p = validPackets(1, 1)[0];
        assertThat(dec.decode(new byte[0], 0, 0, out, 0)).isEqualTo(N);
        assertThat(dec.lastStatus()).isEqualTo(OpusDecodeStatus.CORRUPT);
        assertThat(dec.decode(p, 5, p.length, out, 0)).isEqualTo(N);
        assertThat(dec.decode(p, -1, 3, out, 0)).isEqualTo(N);
        assertThat(dec.decode(p, 0, -3, out, 0)).isEqualTo(N);
        assertThat(dec.decodeFec(new byte[0], 0, 0, out, 0, N)).isEqualTo(N);
        assertThat(dec.lastStatus()).isEqualTo(OpusDecodeStatus.CORRUPT);
        assertThat(dec.corruptPackets()).isEqualTo(5);
    }

    @Test
    void maliciousFramingNeverThrows() {
        OpusDecoder dec = new OpusDecoder(1);
        short[] out = new short[OpusFormat.MAX_PACKET_SAMPLES];
        byte[][] cases = {
            {(byte) 0xFB}, // code 3 without its frame-count byte
            {(byte) 0xFB, 0x00}, // code 3, zero frames (RFC 6716 §3.2.5 R5)
            {(byte) 0xFB, 0x3F, 1, 2, 3}, // 63 frames of 20 ms: 1.26 s, over 120 ms
            {(byte) 0x0B, (byte) 0xC2, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}, // padding longer than the packet
            {(byte) 0x0B, (byte) 0x82, (byte) 0xFC, (byte) 0xFF, 1}, // VBR length 1272 in a 5-byte packet
            {(byte) 0x0A, (byte) 0xFD}, // code 2 with a truncated two-byte length
            {(byte) 0x09, 1, 2, 3}, // code 1 with an odd payload (R3)
            {(byte) 0xF8}, // a CELT TOC alone
            {(byte) 0x08, 0}, // SILK TOC and a one-byte frame
        };
        for (byte[] c : cases) {
            decodeMustNotThrow(dec, c, 0, c.length, out);
        }
    }
}
