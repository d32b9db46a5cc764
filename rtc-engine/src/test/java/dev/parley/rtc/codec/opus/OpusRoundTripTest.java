package dev.parley.rtc.codec.opus;

import dev.parley.rtc.testing.Signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.rtc.media.AudioFrame;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OpusRoundTripTest {

    private static final int FRAMES = 100;

    @Test
    void a440HzToneSurvivesEncodeAndDecode() {
        int n = AudioFrame.SAMPLES_PER_20_MS;
        short[] ref = new short[FRAMES * n];
        Signals.tone(ref, 0, 440, 8000);
        short[] out = new short[FRAMES * n + OpusFormat.MAX_PACKET_SAMPLES];
        OpusEncoder enc = new OpusEncoder(1);
        enc.setDtx(false); // a steady pure tone would otherwise go to DTX after about a second
        OpusDecoder dec = new OpusDecoder(1);
        byte[] packet = new byte[1500];
        int written = 0;
        for (int f = 0; f < FRAMES; f++) {
            int len = enc.encode(AudioFrame.wrap(ref, f * n, 1, n, f * 20_000_000L), packet, 0);
            assertThat(len).isBetween(1, OpusFormat.MAX_FRAME_BYTES);
            written += dec.decode(packet, 0, len, out, written);
            assertThat(dec.lastStatus()).isEqualTo(OpusDecodeStatus.DECODED);
        }
        assertThat(written).isEqualTo(FRAMES * n);

        // Skip the first 200 ms: codec delay and the encoder's start-up.
        int from = 10 * n;
        int len = 80 * n - 2000;
        assertThat(Signals.zeroCrossingHz(out, from, len, 48_000)).isBetween(430.0, 450.0);
        assertThat(Signals.goertzelShare(out, from, len, 440, 48_000)).isGreaterThan(0.9);
        assertThat(Signals.rms(out, from, len)).isBetween(8000 / Math.sqrt(2) * 0.7, 8000 / Math.sqrt(2) * 1.3);
        int lag = Signals.bestLag(ref, out, from, len, 2000);
        double snr = Signals.snrDb(ref, out, from, lag, len);
        System.out.printf("440 Hz at 32 kbit/s: best lag %d samples (modulo the tone period), SNR %.1f dB, lookahead %d%n", lag, snr,
                enc.lookaheadSamples());
        assertThat(snr).isGreaterThan(10);
    }

    @Test
    void tenMillisecondFramesAndStereoWork() {
        int n = AudioFrame.SAMPLES_PER_10_MS;
        OpusEncoder enc = new OpusEncoder(2);
        enc.setDtx(false);
        OpusDecoder dec = new OpusDecoder(2);
        short[] mono = new short[n];
        short[] stereo = new short[2 * n];
        short[] out = new short[2 * OpusFormat.MAX_PACKET_SAMPLES];
        byte[] packet = new byte[1500];
        double lastRms = 0;
        for (int f = 0; f < 50; f++) {
            Signals.tone(mono, f * n, 440, 6000);
            for (int i = 0; i < n; i++) {
                stereo[2 * i] = mono[i];
                stereo[2 * i + 1] = (short) (mono[i] / 2);
            }
            int len = enc.encode(AudioFrame.wrap(stereo, 2, 0), packet, 0);
            assertThat(OpusPackets.samples(packet, 0, len)).isEqualTo(n);
            assertThat(dec.decode(packet, 0, len, out, 0)).isEqualTo(n);
            lastRms = Signals.rms(out, 0, 2 * n);
        }
        assertThat(lastRms).isGreaterThan(1000);
    }

    @Test
    void bitrateChangesTakeEffect() {
        OpusEncoder enc = new OpusEncoder(1);
        int n = AudioFrame.SAMPLES_PER_20_MS;
        Random r = new Random(1);
        short[] pcm = new short[n];
        byte[] packet = new byte[1500];
        int[] bitrates = {12_000, 64_000, 16_000};
        double[] meanBytes = new double[bitrates.length];
        int f = 0;
        for (int b = 0; b < bitrates.length; b++) {
            enc.setBitrate(bitrates[b]);
            long total = 0;
            for (int k = 0; k < 50; k++, f++) {
                // Tone plus noise: something VBR cannot code in a handful of bytes.
                Signals.tone(pcm, f * n, 440, 5000);
                for (int i = 0; i < n; i++) {
                    pcm[i] += (short) (r.nextGaussian() * 1500);
                }
                int len = enc.encode(AudioFrame.wrap(pcm, 1, 0), packet, 0);
                if (k >= 10) {
                    total += len;
                }
            }
            meanBytes[b] = total / 40.0;
        }
        System.out.printf("mean packet bytes at 12k/64k/16k: %.1f %.1f %.1f%n", meanBytes[0], meanBytes[1],
                meanBytes[2]);
        // 20 ms at B bit/s is B/400 bytes.
        assertThat(meanBytes[0]).isBetween(12_000 / 400 * 0.5, 12_000 / 400 * 1.5);
        assertThat(meanBytes[1]).isGreaterThan(meanBytes[0] * 3);
        assertThat(meanBytes[2]).isLessThan(meanBytes[1] / 2);
        assertThat(enc.bitrate()).isEqualTo(16_000);
    }

    @Test
    void silenceGoesToDtx() {
        OpusEncoder enc = new OpusEncoder(1);
        OpusDecoder dec = new OpusDecoder(1);
        byte[] packet = new byte[1500];
        short[] out = new short[OpusFormat.MAX_PACKET_SAMPLES];
        int dtx = 0;
        for (int f = 0; f < 50; f++) {
            int len = enc.encode(AudioFrame.silence(1, 960, 0), packet, 0);
            if (OpusEncoder.isDtx(len)) {
                dtx++;
            }
            assertThat(dec.decode(packet, 0, len, out, 0)).isEqualTo(960);
        }
        assertThat(dtx).isGreaterThan(30);
    }

    @Test
    void aSteadyPureToneGoesToDtxUnlessDtxIsOff() {
        int n = AudioFrame.SAMPLES_PER_20_MS;
        short[] pcm = new short[n];
        byte[] packet = new byte[1500];
        int[] dtxPackets = new int[2];
        for (int mode = 0; mode < 2; mode++) {
            OpusEncoder enc = new OpusEncoder(1);
            enc.setDtx(mode == 0);
            for (int f = 0; f < 150; f++) {
                Signals.tone(pcm, f * n, 440, 8000);
                if (OpusEncoder.isDtx(enc.encode(AudioFrame.wrap(pcm, 1, 0), packet, 0))) {
                    dtxPackets[mode]++;
                }
            }
        }
        assertThat(dtxPackets[0]).isGreaterThan(50);
        assertThat(dtxPackets[1]).isZero();
    }

    @Test
    void settersClampAndArgumentsAreChecked() {
        OpusEncoder enc = new OpusEncoder(1);
        enc.setBitrate(1);
        assertThat(enc.bitrate()).isEqualTo(OpusEncoder.MIN_BITRATE);
        enc.setBitrate(Integer.MAX_VALUE);
        assertThat(enc.bitrate()).isEqualTo(OpusEncoder.MAX_BITRATE);
        enc.setPacketLossPercent(-5);
        assertThat(enc.packetLossPercent()).isZero();
        enc.setPacketLossPercent(300);
        assertThat(enc.packetLossPercent()).isEqualTo(100);
        enc.setComplexity(42);
        assertThat(enc.complexity()).isEqualTo(10);
        assertThatThrownBy(() -> enc.encode(AudioFrame.silence(2, 960, 0), new byte[100], 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> enc.encode(AudioFrame.silence(1, 960, 0), new byte[2], 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OpusEncoder(3)).isInstanceOf(IllegalArgumentException.class);
        OpusDecoder dec = new OpusDecoder(1);
        assertThatThrownBy(() -> dec.conceal(new short[960], 0, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> dec.decode(new byte[1], 0, 1, new short[10], 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sdpFactsFollowRfc7587() {
        assertThat(OpusFormat.RTPMAP_ENCODING).isEqualTo("opus/48000/2");
        assertThat(OpusFormat.RTP_CLOCK_RATE).isEqualTo(48_000);
        assertThat(OpusFormat.FMTP).isEqualTo("minptime=10;useinbandfec=1");
    }
}
