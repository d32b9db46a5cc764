package dev.parley.rtc.codec.h264.decoder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.rtc.codec.VideoDecodeResult;
import dev.parley.rtc.codec.h264.NalHeader;
import dev.parley.rtc.codec.h264.NalUnitType;
import dev.parley.rtc.media.VideoFrame;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The decoder against ffmpeg on x264 Baseline streams: every picture bit-exact with ffmpeg's output, across
 * cropping, several slices, several reference frames and size changes; a lost reference picture is reported and the
 * stream is exact again from the next IDR; the caller's arrays are left as they were. Skipped without ffmpeg.
 */
class JcodecH264DecoderFfmpegTest {
    @TempDir
    static Path dir;
    /** 16 pictures of 176x144, two slices each, an IDR every 8: the stream most tests damage. */
    private static Reference main;

    @BeforeAll
    static void encodeTheMainStream() throws Exception {
        if (!Ffmpeg.available()) {
            return;
        }
        byte[] stream = Ffmpeg.encode(dir, "main", 176, 144, 16, "keyint=8:min-keyint=8:slices=2", null);
        main = new Reference(Ffmpeg.decode(dir, "main", stream), stream);
        assertThat(main.units).hasSize(16);
        assertThat(isIdr(main.units.get(0))).isTrue();
        assertThat(isIdr(main.units.get(8))).isTrue();
    }

    @BeforeEach
    void needsFfmpeg() {
        Assumptions.assumeTrue(Ffmpeg.available(), "ffmpeg is not on the PATH: the bit-exact oracle tests are skipped");
    }

    @Test
    void everyPictureOfTheMainStreamMatchesFfmpeg() {
        try (JcodecH264Decoder decoder = new JcodecH264Decoder()) {
            byte[] firstY = null;
            for (int i = 0; i < main.units.size(); i++) {
                VideoFrame frame = decoded(decoder.decode(main.units.get(i), 1000L + i));
                assertThat(frame.timestampNanos()).isEqualTo(1000L + i);
                main.assertFrame(frame, i);
                if (firstY == null) {
                    firstY = frame.y();
                }
                assertThat(frame.y()).as("output buffer reused while the size stays").isSameAs(firstY);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "cropped bottom-right, 3 slices;100;60;8;keyint=30:slices=3;",
        "3 reference frames;160;96;10;keyint=30:ref=3;",
        "cropped on all sides;128;96;6;keyint=3:min-keyint=3;h264_metadata=crop_left=4:crop_top=2:crop_right=6:crop_bottom=8",
    })
    void everyPictureMatchesFfmpeg(String name, int width, int height, int frames, String x264, String bsf)
            throws Exception {
        byte[] stream = Ffmpeg.encode(dir, "case" + width, width, height, frames, x264, bsf);
        Reference ref = new Reference(Ffmpeg.decode(dir, "case" + width, stream), stream);
        assertThat(ref.units).hasSize(frames);
        try (JcodecH264Decoder decoder = new JcodecH264Decoder()) {
            for (int i = 0; i < frames; i++) {
                ref.assertFrame(decoded(decoder.decode(ref.units.get(i), i)), i);
            }
        }
    }

    @Test
    void sizeChangesAtAnIdrWithANewSps() throws Exception {
        byte[] small = Ffmpeg.encode(dir, "small", 98, 62, 4, "keyint=30", null);
        Reference smallRef = new Reference(Ffmpeg.decode(dir, "small", small), small);
        try (JcodecH264Decoder decoder = new JcodecH264Decoder()) {
            for (Reference ref : List.of(main, smallRef, main)) {
                for (int i = 0; i < ref.units.size(); i++) {
                    ref.assertFrame(decoded(decoder.decode(ref.units.get(i), i)), i);
                }
            }
        }
    }

    @Test
    void aLostReferencePictureFailsUntilTheNextIdrThenDecodingIsExactAgain() {
        Reference ref = main;
        try (JcodecH264Decoder decoder = new JcodecH264Decoder()) {
            for (int i = 0; i < 3; i++) {
                ref.assertFrame(decoded(decoder.decode(ref.units.get(i), i)), i);
            }
            // Picture 3 (a P picture) never arrives: picture 4's frame_num skips one.
            VideoDecodeResult gap = decoder.decode(ref.units.get(4), 4);
            assertThat(gap).isInstanceOfSatisfying(VideoDecodeResult.Failed.class, f -> {
                assertThat(f.needsKeyFrame()).isTrue();
                assertThat(f.reason()).contains("frame_num");
            });
            for (int i = 5; i < 8; i++) {
                assertThat(decoder.decode(ref.units.get(i), i)).isInstanceOfSatisfying(VideoDecodeResult.Failed.class,
                        f -> assertThat(f.needsKeyFrame()).isTrue());
            }
            for (int i = 8; i < 16; i++) {
                ref.assertFrame(decoded(decoder.decode(ref.units.get(i), i)), i);
            }
        }
    }

    @Test
    void deltaFramesBeforeTheFirstIdrArePendingThenTheIdrDecodes() {
        Reference ref = main;
        try (JcodecH264Decoder decoder = new JcodecH264Decoder()) {
            for (int i = 1; i < 8; i++) { // the first IDR was lost
                assertThat(decoder.decode(ref.units.get(i), i)).isInstanceOf(VideoDecodeResult.Pending.class);
            }
            for (int i = 8; i < 16; i++) {
                ref.assertFrame(decoded(decoder.decode(ref.units.get(i), i)), i);
            }
        }
    }

    /**
     * Damaged delta pictures (a slice cut short, or bytes overwritten): nothing throws, a failure refuses the
     * following delta pictures, and from the next IDR every picture is exact again. Most damage is caught (jcodec
     * throws, or leaves macroblocks undecoded, which its deblocking trips over), but not all: jcodec reads zero bits
     * past a slice's end without complaint, and overwritten CAVLC bits can still parse (no decoder can see that).
     */
    @Test
    void damagedDeltaPicturesNeverThrowAndTheNextIdrIsExact() {
        Reference ref = main;
        Random rnd = new Random(42);
        int failed = 0;
        int trials = 40;
        for (int trial = 0; trial < trials; trial++) {
            int damaged = 1 + rnd.nextInt(6);
            try (JcodecH264Decoder decoder = new JcodecH264Decoder()) {
                for (int i = 0; i < damaged; i++) {
                    ref.assertFrame(decoded(decoder.decode(ref.units.get(i), i)), i);
                }
                List<byte[]> bad = damage(ref.units.get(damaged), rnd);
                VideoDecodeResult r = decoder.decode(bad, damaged);
                if (r instanceof VideoDecodeResult.Failed f) {
                    failed++;
                    assertThat(f.needsKeyFrame()).isTrue();
                    for (int i = damaged + 1; i < 8; i++) {
                        assertThat(decoder.decode(ref.units.get(i), i)).isInstanceOf(VideoDecodeResult.Failed.class);
                    }
                } else {
                    assertThat(r).isInstanceOf(VideoDecodeResult.Decoded.class);
                    for (int i = damaged + 1; i < 8; i++) {
                        assertThat(decoder.decode(ref.units.get(i), i)).isNotInstanceOf(VideoDecodeResult.Pending.class);
                    }
                }
                for (int i = 8; i < 16; i++) {
                    ref.assertFrame(decoded(decoder.decode(ref.units.get(i), i)), i);
                }
            }
        }
        assertThat(failed).as("damaged pictures reported as failed").isGreaterThan(trials / 2);
    }

    /** Cuts one slice short, or overwrites a few of its bytes after the header. */
    private static List<byte[]> damage(List<byte[]> unit, Random rnd) {
        List<byte[]> out = new ArrayList<>();
        List<Integer> slices = new ArrayList<>();
        for (byte[] nal : unit) {
            if (NalUnitType.isSlice(NalHeader.type(nal[0]))) {
                slices.add(out.size());
            }
            out.add(nal.clone());
        }
        int which = slices.get(rnd.nextInt(slices.size()));
        byte[] nal = out.get(which);
        if (rnd.nextBoolean()) {
            out.set(which, Arrays.copyOf(nal, 1 + rnd.nextInt(nal.length - 1)));
        } else {
            for (int k = 0; k < 4; k++) {
                nal[4 + rnd.nextInt(nal.length - 4)] = (byte) rnd.nextInt(256);
            }
        }
        return out;
    }

    @Test
    void theCallersArraysAreUnchanged() {
        List<List<byte[]>> units = main.units;
        boolean escaped = false;
        try (JcodecH264Decoder decoder = new JcodecH264Decoder()) {
            for (List<byte[]> unit : units) {
                List<byte[]> copy = new ArrayList<>();
                for (byte[] nal : unit) {
                    copy.add(nal.clone());
                    escaped |= hasEmulationPrevention(nal);
                }
                decoded(decoder.decode(unit, 0));
                for (int n = 0; n < unit.size(); n++) {
                    assertThat(unit.get(n)).isEqualTo(copy.get(n));
                }
            }
        }
        assertThat(escaped).as("the stream exercises emulation prevention (jcodec unescapes in place)").isTrue();
    }

    /**
     * jcodec decodes the slices of a picture on a thread pool of its own when the machine has several cores, and
     * never stops it; the decoder stops it when it closes (or drops a jcodec decoder after a failure).
     */
    @Test
    void closingStopsJcodecsSliceThreads() throws Exception {
        Assumptions.assumeTrue(Runtime.getRuntime().availableProcessors() > 1, "jcodec decodes slices in parallel "
                + "only on more than one core");
        long before = jcodecPoolThreads();
        JcodecH264Decoder decoder = new JcodecH264Decoder();
        decoded(decoder.decode(main.units.get(0), 0)); // two slices each
        decoded(decoder.decode(main.units.get(1), 1));
        assertThat(jcodecPoolThreads()).as("jcodec started slice threads").isGreaterThan(before);
        decoder.close();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (jcodecPoolThreads() > before && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(jcodecPoolThreads()).isEqualTo(before);
    }

    /** Live threads from Executors.defaultThreadFactory() running jcodec code or idle in a pool. */
    private static long jcodecPoolThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.isDaemon() && t.getName().matches("pool-\\d+-thread-\\d+"))
                .count();
    }

    private static boolean hasEmulationPrevention(byte[] nal) {
        for (int i = 2; i < nal.length; i++) {
            if (nal[i - 2] == 0 && nal[i - 1] == 0 && nal[i] == 3) {
                return true;
            }
        }
        return false;
    }

    private static boolean isIdr(List<byte[]> unit) {
        return unit.stream().anyMatch(n -> NalHeader.type(n[0]) == NalUnitType.SLICE_IDR);
    }

    static VideoFrame decoded(VideoDecodeResult r) {
        assertThat(r).isInstanceOf(VideoDecodeResult.Decoded.class);
        return ((VideoDecodeResult.Decoded) r).frame();
    }

    /** A stream's access units and ffmpeg's decoding of it. */
    private static final class Reference {
        final List<List<byte[]>> units;
        final byte[] yuv;
        int width;
        int height;

        Reference(byte[] yuv, byte[] stream) {
            this.units = Ffmpeg.accessUnits(stream);
            this.yuv = yuv;
        }

        void assertFrame(VideoFrame frame, int index) {
            if (width == 0) {
                width = frame.width();
                height = frame.height();
                assertThat(yuv.length).as("ffmpeg frames of the decoder's size")
                        .isEqualTo(units.size() * width * height * 3 / 2);
            }
            assertThat(frame.width()).isEqualTo(width);
            assertThat(frame.height()).isEqualTo(height);
            int base = index * width * height * 3 / 2;
            int cw = width / 2;
            int ch = height / 2;
            assertPlane("Y", frame.y(), frame.strideY(), width, height, base, index);
            assertPlane("U", frame.u(), frame.strideU(), cw, ch, base + width * height, index);
            assertPlane("V", frame.v(), frame.strideV(), cw, ch, base + width * height + cw * ch, index);
        }

        private void assertPlane(String name, byte[] plane, int stride, int w, int h, int off, int index) {
            for (int row = 0; row < h; row++) {
                for (int x = 0; x < w; x++) {
                    int got = plane[row * stride + x] & 0xff;
                    int want = yuv[off + row * w + x] & 0xff;
                    if (got != want) {
                        throw new AssertionError("picture " + index + " " + name + "(" + x + "," + row + "): "
                                + got + ", ffmpeg " + want);
                    }
                }
            }
        }
    }
}
