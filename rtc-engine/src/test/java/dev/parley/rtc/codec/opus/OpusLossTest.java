package dev.parley.rtc.codec.opus;

import dev.parley.rtc.testing.Signals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.rtc.media.AudioFrame;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OpusLossTest {

    private static final int N = AudioFrame.SAMPLES_PER_20_MS;
    private static final int FRAMES = 120;

    /** Speech-like enough that PLC cannot simply continue it: pitch and loudness change every frame. */
    private static short[] changingTone() {
        short[] pcm = new short[FRAMES * N];
        double phase = 0;
        double[] pitches = {180, 260, 220, 310, 150, 240, 200};
        for (int f = 0; f < FRAMES; f++) {
            double hz = pitches[f % pitches.length];
            double amp = 3000 + 3000 * ((f * 7) % 5) / 4.0;
            for (int i = 0; i < N; i++) {
                phase += 2 * Math.PI * hz / 48_000;
                // Fundamental plus two harmonics: a voiced sound.
                pcm[f * N + i] = (short) (amp * (0.6 * Math.sin(phase) + 0.3 * Math.sin(2 * phase)
                        + 0.1 * Math.sin(3 * phase)));
            }
        }
        return pcm;
    }

    private static byte[][] encode(short[] pcm) {
        OpusEncoder enc = new OpusEncoder(1);
        enc.setDtx(false);
        enc.setBitrate(32_000);
        enc.setPacketLossPercent(20);
        byte[][] packets = new byte[FRAMES][];
        byte[] buf = new byte[OpusFormat.MAX_FRAME_BYTES];
        for (int f = 0; f < FRAMES; f++) {
            int len = enc.encode(AudioFrame.wrap(pcm, f * N, 1, N, 0), buf, 0);
            packets[f] = Arrays.copyOf(buf, len);
        }
        return packets;
    }

    private static short[] decodeAll(byte[][] packets, int[] lost, boolean useFec, OpusDecoder dec) {
        short[] out = new short[FRAMES * N + OpusFormat.MAX_PACKET_SAMPLES];
        int pos = 0;
        for (int f = 0; f < FRAMES; f++) {
            boolean isLost = Arrays.binarySearch(lost, f) >= 0;
            if (!isLost) {
                pos += dec.decode(packets[f], 0, packets[f].length, out, pos);
            } else if (useFec && f + 1 < FRAMES) {
                pos += dec.decodeFec(packets[f + 1], 0, packets[f + 1].length, out, pos, N);
                assertThat(dec.lastStatus()).isEqualTo(OpusDecodeStatus.FEC_RECOVERED);
            } else {
                pos += dec.conceal(out, pos, N);
                assertThat(dec.lastStatus()).isEqualTo(OpusDecodeStatus.CONCEALED);
            }
        }
        assertThat(pos).isEqualTo(FRAMES * N);
        return out;
    }

    private static double errorEnergy(short[] ref, short[] got, int[] frames) {
        double e = 0;
        for (int f : frames) {
            for (int i = f * N; i < (f + 1) * N; i++) {
                double d = got[i] - ref[i];
                e += d * d;
            }
        }
        return e;
    }

    @Test
    void inBandFecRecoversALostFrameBetterThanConcealment() {
        byte[][] packets = encode(changingTone());
        int fecCarrying = 0;
        for (byte[] p : packets) {
            if (OpusPackets.hasFec(p, 0, p.length)) {
                fecCarrying++;
            }
        }
        // Measured: at 32 kbit/s and 20% loss about two thirds of these packets carry LBRR (SILK codes it only
        // after frames its VAD calls active); at 24 kbit/s none do.
        assertThat(fecCarrying).isGreaterThan(FRAMES / 2);

        // Lose frames whose successor carries FEC, spaced so each loss is judged on its own.
        int[] lost = new int[7];
        int count = 0;
        for (int f = 20; f + 1 < FRAMES && count < lost.length; f++) {
            if (OpusPackets.hasFec(packets[f + 1], 0, packets[f + 1].length)) {
                lost[count++] = f;
                f += 12;
            }
        }
        assertThat(count).isEqualTo(lost.length);
        short[] reference = decodeAll(packets, new int[0], false, new OpusDecoder(1));
        OpusDecoder fecDecoder = new OpusDecoder(1);
        short[] withFec = decodeAll(packets, lost, true, fecDecoder);
        short[] withPlc = decodeAll(packets, lost, false, new OpusDecoder(1));
        assertThat(fecDecoder.fecRecoveredFrames()).isEqualTo(lost.length);

        double fecError = errorEnergy(reference, withFec, lost);
        double plcError = errorEnergy(reference, withPlc, lost);
        double signal = errorEnergy(new short[reference.length], reference, lost);
        System.out.printf("lost frames vs lossless decode: FEC SNR %.1f dB, PLC SNR %.1f dB%n",
                10 * Math.log10(signal / fecError), 10 * Math.log10(signal / plcError));
        assertThat(fecError).isLessThan(plcError / 2);
    }

    @Test
    void concealmentFillsAGapAndDecodingResumes() {
        byte[][] packets = encode(changingTone());
        OpusDecoder dec = new OpusDecoder(1);
        short[] out = new short[OpusFormat.MAX_PACKET_SAMPLES];
        for (int f = 0; f < 30; f++) {
            assertThat(dec.decode(packets[f], 0, packets[f].length, out, 0)).isEqualTo(N);
        }
        // Three lost packets: the null packet form and the explicit form.
        assertThat(dec.decode(null, 0, 0, out, 0)).isEqualTo(N);
        assertThat(dec.lastStatus()).isEqualTo(OpusDecodeStatus.CONCEALED);
        assertThat(Signals.rms(out, 0, N)).isGreaterThan(100);
        assertThat(dec.conceal(out, 0, N)).isEqualTo(N);
        assertThat(dec.conceal(out, 0, 480)).isEqualTo(480);
        assertThat(dec.concealedFrames()).isEqualTo(3);
        // FEC asked of a missing packet is concealment too.
        assertThat(dec.decodeFec(null, 0, 0, out, 0, N)).isEqualTo(N);
        assertThat(dec.lastStatus()).isEqualTo(OpusDecodeStatus.CONCEALED);
        for (int f = 34; f < 60; f++) {
            assertThat(dec.decode(packets[f], 0, packets[f].length, out, 0)).isEqualTo(N);
            assertThat(dec.lastStatus()).isEqualTo(OpusDecodeStatus.DECODED);
        }
        assertThat(Signals.rms(out, 0, N)).isGreaterThan(1000);
    }

    @Test
    void fecFromAPacketWithoutFecIsConcealment() {
        // Loss 0%: the encoder adds no LBRR data.
        OpusEncoder enc = new OpusEncoder(1);
        enc.setDtx(false);
        short[] pcm = changingTone();
        byte[] buf = new byte[OpusFormat.MAX_FRAME_BYTES];
        OpusDecoder dec = new OpusDecoder(1);
        short[] out = new short[OpusFormat.MAX_PACKET_SAMPLES];
        int len = 0;
        for (int f = 0; f < 20; f++) {
            len = enc.encode(AudioFrame.wrap(pcm, f * N, 1, N, 0), buf, 0);
            dec.decode(buf, 0, len, out, 0);
        }
        assertThat(OpusPackets.hasFec(buf, 0, len)).isFalse();
        assertThat(dec.decodeFec(buf, 0, len, out, 0, N)).isEqualTo(N);
        assertThat(dec.lastStatus()).isEqualTo(OpusDecodeStatus.CONCEALED);
    }
}
