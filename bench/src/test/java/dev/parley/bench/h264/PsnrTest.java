package dev.parley.bench.h264;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PsnrTest {

    @Test
    void sumsSquaredErrorsOverTheAreaOnlyAndReadsJcodecSamplesAsValueMinus128() {
        // a: 3x2 area in rows of stride 4 (the 4th column is outside the area and must be ignored).
        byte[] a = {10, 20, (byte) 200, 99, 0, (byte) 255, 5, 99};
        byte[] same = {10, 20, (byte) 200, 0, (byte) 255, 5};
        assertThat(Psnr.sse(a, 0, 4, same, 0, 3, 0, 3, 2)).isZero();
        byte[] off = {12, 20, (byte) 197, 0, (byte) 254, 5};
        assertThat(Psnr.sse(a, 0, 4, off, 0, 3, 0, 3, 2)).isEqualTo(4 + 9 + 1);
        // jcodec stores sample - 128 as a signed byte: 10 -> -118, 200 -> 72, 255 -> 127, 0 -> -128.
        byte[] signed = {-118, -108, 72, -128, 127, -123};
        assertThat(Psnr.sse(a, 0, 4, signed, 0, 3, 0x80, 3, 2)).isZero();
        // Offsets pick the area out of larger planes.
        byte[] shifted = {7, 7, 10, 20, (byte) 200, 7, 0, (byte) 255, 5};
        assertThat(Psnr.sse(a, 0, 4, shifted, 2, 4, 0, 3, 2)).isZero();
    }

    @Test
    void averagesMseOverFramesThenConverts() {
        assertThat(Psnr.db(0)).isEqualTo(Psnr.LOSSLESS_DB);
        assertThat(Psnr.db(255.0 * 255.0)).isEqualTo(0.0);
        assertThat(Psnr.db(1)).isCloseTo(48.1308, within(1e-4));
        Psnr p = new Psnr();
        assertThat(p.db()).isNaN();
        p.add(100, 100); // MSE 1
        p.add(300, 100); // MSE 3
        assertThat(p.frames()).isEqualTo(2);
        // The PSNR of the mean MSE (2), not the mean of the two PSNRs.
        assertThat(p.db()).isCloseTo(10 * Math.log10(65025 / 2.0), within(1e-9));
        assertThat(p.minFrameDb()).isCloseTo(10 * Math.log10(65025 / 3.0), within(1e-9));
    }
}
