package dev.parley.rtc.codec.g711;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.rtc.media.AudioFrame;
import java.util.Random;
import org.junit.jupiter.api.Test;

class G711CodecTest {

    @Test
    void toneThroughEncoderAndDecoderKeepsItsPitchAndLevel() {
        for (G711 law : G711.values()) {
            for (int channels = 1; channels <= 2; channels++) {
                G711Encoder enc = new G711Encoder(law);
                G711Decoder dec = new G711Decoder(law);
                int n = channels == 1 ? 960 : 480;
                short[] frame = new short[n * channels];
                byte[] payload = new byte[200];
                short[] out = new short[50 * n];
                int pos = 0;
                for (int f = 0; f < 50; f++) {
                    for (int i = 0; i < n; i++) {
                        short s = (short) Math.round(8000 * Math.sin(2 * Math.PI * 440 * (f * n + i) / 48_000.0));
                        for (int c = 0; c < channels; c++) {
                            frame[i * channels + c] = s;
                        }
                    }
                    int len = enc.encode(AudioFrame.wrap(frame, channels, 0), payload, 0);
                    assertThat(len).isEqualTo(n / 6);
                    pos += dec.decode(payload, 0, len, out, pos);
                }
                assertThat(pos).isEqualTo(50 * n);
                int from = 4800;
                int to = out.length - 960;
                int crossings = 0;
                double e = 0;
                for (int i = from; i < to; i++) {
                    if ((out[i - 1] < 0) != (out[i] < 0)) {
                        crossings++;
                    }
                    e += (double) out[i] * out[i];
                }
                double hz = crossings * 48_000.0 / (2.0 * (to - from));
                assertThat(hz).as("%s %d ch", law, channels).isBetween(435.0, 445.0);
                assertThat(Math.sqrt(e / (to - from))).isBetween(8000 / Math.sqrt(2) * 0.9, 8000 / Math.sqrt(2) * 1.1);
            }
        }
    }

    @Test
    void payloadLengthsFollowTheFrameDuration() {
        assertThat(G711Encoder.payloadLength(AudioFrame.SAMPLES_PER_10_MS)).isEqualTo(80);
        assertThat(G711Encoder.payloadLength(AudioFrame.SAMPLES_PER_20_MS)).isEqualTo(160);
    }

    @Test
    void hostilePayloadsNeverThrow() {
        G711Decoder dec = new G711Decoder(G711.PCMU);
        short[] out = new short[960];
        Random r = new Random(3);
        for (int i = 0; i < 200; i++) {
            byte[] p = new byte[r.nextInt(161)];
            r.nextBytes(p);
            assertThat(dec.decode(p, 0, p.length, out, 0)).isEqualTo(p.length * 6);
        }
        assertThat(dec.decode(new byte[0], 0, 0, out, 0)).isZero();
        assertThat(dec.decode(new byte[161], 0, 161, out, 0)).isEqualTo(-1);
        assertThat(dec.decode(new byte[10], 5, 10, out, 0)).isEqualTo(-1);
        assertThat(dec.decode(new byte[10], -1, 2, out, 0)).isEqualTo(-1);
        assertThat(dec.decode(null, 0, 2, out, 0)).isEqualTo(-1);
        assertThat(dec.oversizedPayloads()).isEqualTo(4);
    }
}
