package dev.parley.rtc.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VideoFrameTest {

    @Test
    void blackFrameIsLimitedRangeBlackAndTightlyPacked() {
        VideoFrame f = VideoFrame.black(6, 4, 99);
        assertThat(f.strideY()).isEqualTo(6);
        assertThat(f.strideU()).isEqualTo(3);
        assertThat(f.y()).hasSize(24).containsOnly((byte) 16);
        assertThat(f.u()).hasSize(6).containsOnly((byte) 128);
        assertThat(f.v()).hasSize(6).containsOnly((byte) 128);
        assertThat(f.rotation()).isZero();
        assertThat(f.timestampNanos()).isEqualTo(99);
    }

    @Test
    void anyEvenSizeWorksAndOddOrHugeSizesAreRejected() {
        assertThat(VideoFrame.black(2, 2, 0).chromaWidth()).isEqualTo(1);
        assertThat(VideoFrame.black(642, 362, 0).chromaHeight()).isEqualTo(181);
        assertThatThrownBy(() -> VideoFrame.black(641, 480, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VideoFrame.black(640, 481, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VideoFrame.black(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VideoFrame.black(VideoFrame.MAX_DIMENSION + 2, 2, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void validatesStridesPlanesAndRotation() {
        byte[] y = new byte[8 * 3 + 4];
        byte[] c = new byte[4 * 1 + 2];
        // Strides larger than the width; the last row needs only its width.
        VideoFrame ok = VideoFrame.wrap(4, 4, y, 8, c, 4, c.clone(), 4, 0, 90);
        assertThat(ok.rotation()).isEqualTo(90);
        assertThatThrownBy(() -> VideoFrame.wrap(4, 4, y, 3, c, 4, c, 4, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VideoFrame.wrap(4, 4, new byte[15], 4, c, 2, c, 2, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VideoFrame.wrap(4, 4, y, 8, new byte[3], 2, c, 2, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VideoFrame.wrap(4, 4, y, 8, c, 2, null, 2, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ok.withRotation(45)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void copyRepacksStridedPlanesAndIsIndependent() {
        byte[] y = new byte[8 * 4];
        for (int row = 0; row < 4; row++) {
            for (int x = 0; x < 4; x++) {
                y[row * 8 + x] = (byte) (row * 10 + x);
            }
        }
        byte[] u = {1, 2, 9, 3, 4, 9};
        byte[] v = {5, 6, 9, 7, 8, 9};
        VideoFrame lent = VideoFrame.wrap(4, 4, y, 8, u, 3, v, 3, 42, 180);
        VideoFrame kept = lent.copy();
        y[0] = 77;
        assertThat(kept.strideY()).isEqualTo(4);
        assertThat(kept.y()).containsExactly(0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23, 30, 31, 32, 33);
        assertThat(kept.u()).containsExactly(1, 2, 3, 4);
        assertThat(kept.v()).containsExactly(5, 6, 7, 8);
        assertThat(kept.timestampNanos()).isEqualTo(42);
        assertThat(kept.rotation()).isEqualTo(180);
        assertThatThrownBy(() -> lent.copyInto(VideoFrame.black(6, 4, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sourcesPushToTheRegisteredSink() {
        class Pattern implements VideoSource {
            private volatile VideoSink sink;

            @Override
            public void setSink(VideoSink sink) {
                this.sink = sink;
            }

            void tick(long t) {
                VideoSink s = sink;
                if (s != null) {
                    s.onVideoFrame(VideoFrame.black(2, 2, t));
                }
            }
        }
        Pattern p = new Pattern();
        long[] seen = new long[1];
        p.tick(1);
        p.setSink(f -> seen[0] = f.timestampNanos());
        p.tick(2);
        p.setSink(null);
        p.tick(3);
        assertThat(seen[0]).isEqualTo(2);
    }
}
