package dev.parley.rtc.media.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.rtc.media.VideoFrame;
import dev.parley.rtc.media.synthetic.SyntheticVideo.Kind;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class SyntheticVideoTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFrameDependsOnlyOnKindSizeSeedAndIndex(Kind kind) {
        SyntheticVideo a = SyntheticVideo.of(kind, 100, 60, 7);
        SyntheticVideo b = SyntheticVideo.of(kind, 100, 60, 7);
        VideoFrame fa = a.newFrame();
        VideoFrame fb = b.newFrame();
        // b renders other frames first: random access must not depend on history.
        b.render(44, fb);
        b.render(3, fb);
        for (int n : new int[] {45, 0, 31}) {
            a.render(n, fa);
            b.render(n, fb);
            assertSamePicture(fa, fb);
        }
        SyntheticVideo other = SyntheticVideo.of(kind, 100, 60, 8);
        VideoFrame fo = other.newFrame();
        other.render(31, fo);
        assertThat(meanAbsDiff(fa, fo, 0, 0)).as("another seed").isGreaterThan(0.5);
    }

    @ParameterizedTest
    @CsvSource({"2,2", "100,60", "330,186", "642,362"})
    void writesEveryPictureSampleAndNothingOutsideAtAnyStride(int w, int h) {
        for (Kind kind : Kind.values()) {
            SyntheticVideo clip = SyntheticVideo.of(kind, w, h, 3);
            VideoFrame tight = clip.newFrame();
            VideoFrame strided1 = strided(w, h, (byte) 0x11);
            VideoFrame strided2 = strided(w, h, (byte) 0x77);
            clip.render(33, tight);
            clip.render(33, strided1);
            clip.render(33, strided2);
            assertSamePicture(tight, strided1);
            assertSamePicture(tight, strided2);
            assertPaddingIs(strided1, (byte) 0x11);
            assertPaddingIs(strided2, (byte) 0x77);
        }
    }

    @Test
    void staticClipIsTheSameCardUnderFreshSmallNoise() {
        SyntheticVideo clip = SyntheticVideo.of(Kind.STATIC, 330, 186, 1);
        VideoFrame f0 = render(clip, 0);
        VideoFrame f1 = render(clip, 1);
        // Two independent draws of the noise differ by 3.36 on average (a little less where clamped).
        double mad = meanAbsDiff(f0, f1, 0, 0);
        assertThat(mad).isBetween(3.0, 3.5);
        assertThat(maxAbsDiff(f0.y(), f1.y())).isLessThanOrEqualTo(12);
        assertThat(maxAbsDiff(f0.u(), f1.u())).isLessThanOrEqualTo(2);
        // A test card, not a flat field: it has contrast and colour.
        assertThat(range(f0.y())).isGreaterThan(180);
        assertThat(range(f0.u())).isGreaterThan(100);
        for (byte s : f0.y()) {
            assertThat(s & 0xff).isBetween(16, 235);
        }
    }

    @Test
    void cameraNoiseIsZeroMeanWithAStandardDeviationOfAboutThree() {
        int w = 320;
        int h = 240;
        byte[] y = new byte[w * h];
        byte[] u = new byte[w * h / 4];
        byte[] v = new byte[w * h / 4];
        TestCard.draw(w, h, 9).toI420(y, u, v);
        SyntheticVideo clip = SyntheticVideo.of(Kind.STATIC, w, h, 9);
        long n = 0;
        long sum = 0;
        long sumSquares = 0;
        for (int frame = 0; frame < 3; frame++) {
            VideoFrame f = render(clip, frame);
            for (int i = 0; i < y.length; i++) {
                int base = y[i] & 0xff;
                int d = (f.y()[i] & 0xff) - base;
                assertThat(Math.abs(d)).isLessThanOrEqualTo(6);
                if (base >= 22 && base <= 229) { // away from the clamp to 16..235
                    n++;
                    sum += d;
                    sumSquares += (long) d * d;
                }
            }
            for (int i = 0; i < u.length; i++) {
                assertThat(Math.abs((f.u()[i] & 0xff) - (u[i] & 0xff))).isLessThanOrEqualTo(1);
            }
        }
        double mean = (double) sum / n;
        assertThat(mean).isBetween(-0.05, 0.05);
        assertThat((double) sumSquares / n - mean * mean).isBetween(8.875 - 0.3, 8.875 + 0.3);
    }

    @Test
    void panFramesAreShiftedCopiesOfEachOther() {
        SyntheticVideo clip = SyntheticVideo.of(Kind.PAN, 330, 186, 5);
        VideoFrame f0 = render(clip, 10);
        VideoFrame f4 = render(clip, 14);
        VideoFrame f8 = render(clip, 18);
        // Four frames = exactly 9 px left and 2 px up: only the noise differs (3.36 on average).
        assertThat(meanAbsDiff(f0, f4, 9, 2)).isLessThan(3.5);
        assertThat(meanAbsDiff(f0, f4, 0, 0)).isGreaterThan(12);
        // Eight frames: chroma has moved a whole 9 x 2 samples too.
        assertThat(meanAbsDiffPlane(f0.u(), f0.strideU(), f8.u(), f8.strideU(), 165, 93, 9, 2)).isLessThan(1.0);
        assertThat(meanAbsDiffPlane(f0.u(), f0.strideU(), f8.u(), f8.strideU(), 165, 93, 0, 0)).isGreaterThan(2.0);

        // Consecutive frames: the best whole-pixel match is near the 2.25 x 0.5 px motion and far better than none.
        VideoFrame f1 = render(clip, 11);
        int bestDx = 0;
        int bestDy = 0;
        double best = Double.MAX_VALUE;
        for (int dy = -3; dy <= 3; dy++) {
            for (int dx = -4; dx <= 4; dx++) {
                double d = meanAbsDiff(f0, f1, dx, dy);
                if (d < best) {
                    best = d;
                    bestDx = dx;
                    bestDy = dy;
                }
            }
        }
        assertThat(bestDx).isBetween(2, 3);
        assertThat(bestDy).isBetween(0, 1);
        assertThat(best).isLessThan(meanAbsDiff(f0, f1, 0, 0) / 2);
        // Detailed: neighbouring pixels differ well beyond the noise alone (hard to predict from neighbours).
        assertThat(meanAbsDiff(f0, f0, 1, 0)).isGreaterThan(1.5 * meanAbsDiff(f0, f4, 9, 2));
    }

    @Test
    void shapesMoveOverAStillBackground() {
        SyntheticVideo clip = SyntheticVideo.of(Kind.SHAPES, 320, 240, 2);
        VideoFrame a = render(clip, 20);
        VideoFrame b = render(clip, 21);
        VideoFrame c = render(clip, 60);
        double changed = fractionChanged(a.y(), b.y());
        assertThat(changed).isBetween(0.002, 0.3);
        assertThat(fractionChanged(a.y(), c.y())).isGreaterThan(changed);
    }

    @Test
    void noiseIsUniformAndUnrelatedFromFrameToFrame() {
        SyntheticVideo clip = SyntheticVideo.of(Kind.NOISE, 320, 240, 2);
        VideoFrame a = render(clip, 0);
        VideoFrame b = render(clip, 1);
        // Two independent uniform bytes differ by 85.3 on average.
        assertThat(meanAbsDiff(a, b, 0, 0)).isBetween(83.0, 88.0);
        int[] histogram = new int[4];
        for (byte s : a.y()) {
            histogram[(s & 0xff) >> 6]++;
        }
        for (int count : histogram) {
            assertThat(count).isBetween(320 * 240 / 4 - 1000, 320 * 240 / 4 + 1000);
        }
    }

    @Test
    void cutsChangeTheSceneEveryPeriod() {
        SyntheticVideo clip = SyntheticVideo.of(Kind.CUTS, 320, 240, 4);
        for (int cut : new int[] {30, 60, 90}) {
            double within = meanAbsDiff(render(clip, cut - 2), render(clip, cut - 1), 0, 0);
            double across = meanAbsDiff(render(clip, cut - 1), render(clip, cut), 0, 0);
            assertThat(across).as("cut at %d", cut).isGreaterThan(15).isGreaterThan(2 * within);
        }
        SyntheticVideo fast = SyntheticVideo.cuts(320, 240, 4, 5);
        assertThat(meanAbsDiff(render(fast, 4), render(fast, 5), 0, 0)).isGreaterThan(15);
        assertThat(fast.kind()).isEqualTo(Kind.CUTS);
    }

    @Test
    void rejectsBadSizesFramesAndNames() {
        SyntheticVideo clip = SyntheticVideo.of(Kind.NOISE, 100, 60, 1);
        assertThatThrownBy(() -> clip.render(0, VideoFrame.black(102, 60, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clip.render(-1, clip.newFrame())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SyntheticVideo.of(Kind.PAN, 101, 60, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SyntheticVideo.of(Kind.PAN, 8192, 60, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SyntheticVideo.cuts(100, 60, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Kind.parse(" Pan")).isEqualTo(Kind.PAN);
        assertThat(Kind.SHAPES.id()).isEqualTo("shapes");
        assertThatThrownBy(() -> Kind.parse("bars")).isInstanceOf(IllegalArgumentException.class);
        assertThat(clip.newFrame().width()).isEqualTo(100);
    }

    private static VideoFrame render(SyntheticVideo clip, int n) {
        VideoFrame f = clip.newFrame();
        clip.render(n, f);
        return f;
    }

    /** A frame whose rows are longer than the picture, every byte set to {@code fill}. */
    private static VideoFrame strided(int w, int h, byte fill) {
        int sy = w + 7;
        int sc = w / 2 + 5;
        byte[] y = new byte[sy * h + 3];
        byte[] u = new byte[sc * (h / 2) + 3];
        byte[] v = new byte[sc * (h / 2) + 3];
        Arrays.fill(y, fill);
        Arrays.fill(u, fill);
        Arrays.fill(v, fill);
        return VideoFrame.wrap(w, h, y, sy, u, sc, v, sc, 0);
    }

    private static void assertPaddingIs(VideoFrame f, byte fill) {
        assertPlanePadding(f.y(), f.strideY(), f.width(), f.height(), fill);
        assertPlanePadding(f.u(), f.strideU(), f.chromaWidth(), f.chromaHeight(), fill);
        assertPlanePadding(f.v(), f.strideV(), f.chromaWidth(), f.chromaHeight(), fill);
    }

    private static void assertPlanePadding(byte[] plane, int stride, int w, int h, byte fill) {
        for (int i = 0; i < plane.length; i++) {
            boolean inPicture = i / stride < h && i % stride < w;
            if (!inPicture) {
                assertThat(plane[i]).as("padding byte %d", i).isEqualTo(fill);
            }
        }
    }

    private static void assertSamePicture(VideoFrame a, VideoFrame b) {
        assertThat(meanAbsDiff(a, b, 0, 0)).isZero();
        assertThat(meanAbsDiffPlane(a.u(), a.strideU(), b.u(), b.strideU(), a.chromaWidth(), a.chromaHeight(), 0, 0))
                .isZero();
        assertThat(meanAbsDiffPlane(a.v(), a.strideV(), b.v(), b.strideV(), a.chromaWidth(), a.chromaHeight(), 0, 0))
                .isZero();
    }

    /** Mean |a(x + dx, y + dy) - b(x, y)| over the luma samples where both exist. */
    private static double meanAbsDiff(VideoFrame a, VideoFrame b, int dx, int dy) {
        return meanAbsDiffPlane(a.y(), a.strideY(), b.y(), b.strideY(), a.width(), a.height(), dx, dy);
    }

    private static double meanAbsDiffPlane(byte[] a, int sa, byte[] b, int sb, int w, int h, int dx, int dy) {
        long sum = 0;
        long n = 0;
        for (int y = Math.max(0, -dy); y < Math.min(h, h - dy); y++) {
            for (int x = Math.max(0, -dx); x < Math.min(w, w - dx); x++) {
                sum += Math.abs((a[(y + dy) * sa + x + dx] & 0xff) - (b[y * sb + x] & 0xff));
                n++;
            }
        }
        return (double) sum / n;
    }

    private static int maxAbsDiff(byte[] a, byte[] b) {
        int max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs((a[i] & 0xff) - (b[i] & 0xff)));
        }
        return max;
    }

    private static int range(byte[] plane) {
        int lo = 255;
        int hi = 0;
        for (byte s : plane) {
            lo = Math.min(lo, s & 0xff);
            hi = Math.max(hi, s & 0xff);
        }
        return hi - lo;
    }

    private static double fractionChanged(byte[] a, byte[] b) {
        int changed = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                changed++;
            }
        }
        return (double) changed / a.length;
    }
}
