package dev.parley.rtc.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The frame number survives drawing, scaling and mild noise, a damaged strip reads as -1, and frames differ. */
class FramePatternTest {

    private static final int W = 640;
    private static final int H = 480;

    private final ByteBuffer y = ByteBuffer.allocate(W * H);
    private final ByteBuffer u = ByteBuffer.allocate(W * H / 4);
    private final ByteBuffer v = ByteBuffer.allocate(W * H / 4);
    private final FramePattern pattern = new FramePattern(W, H);

    @Test
    void idsReadBackAtFullSizeAndWrapAt16Bits() {
        for (int id : new int[] {0, 1, 2, 299, 0x7fff, 0xffff, 0x10005}) {
            pattern.draw(id, y, W, u, W / 2, v, W / 2);
            assertThat(FramePattern.readId(y, W, W, H)).isEqualTo(id & 0xffff);
        }
        assertThat(u.get(0) & 0xff).isEqualTo(128);
    }

    @Test
    void idsReadBackFromAScaledNoisyPicture() {
        Random random = new Random(7);
        for (int id = 0; id < 200; id += 13) {
            pattern.draw(id, y, W, u, W / 2, v, W / 2);
            int sw = 320;
            int sh = 240;
            ByteBuffer small = ByteBuffer.allocate(sw * sh);
            for (int row = 0; row < sh; row++) {
                for (int x = 0; x < sw; x++) {
                    int luma = (y.get(row * 2 * W + x * 2) & 0xff) + random.nextInt(41) - 20;
                    small.put(row * sw + x, (byte) Math.max(0, Math.min(255, luma)));
                }
            }
            assertThat(FramePattern.readId(small, sw, sw, sh)).isEqualTo(id);
        }
    }

    @Test
    void aDamagedStripIsRejected() {
        pattern.draw(1234, y, W, u, W / 2, v, W / 2);
        int row = H / 60;
        int x = W / 64; // the middle of the first block: flip bit 0 only, so the complement no longer matches
        y.put(row * W + x, (byte) (255 - (y.get(row * W + x) & 0xff)));
        assertThat(FramePattern.readId(y, W, W, H)).isEqualTo(-1);
    }

    @Test
    void consecutiveFramesDifferBelowTheStrip() {
        pattern.draw(10, y, W, u, W / 2, v, W / 2);
        byte[] first = new byte[W * H];
        y.get(0, first);
        pattern.draw(11, y, W, u, W / 2, v, W / 2);
        int changed = 0;
        for (int i = W * (H / 30); i < W * H; i++) {
            if (first[i] != y.get(i)) {
                changed++;
            }
        }
        assertThat(changed).isGreaterThan(W * H / 4);
    }
}
