package dev.parley.rtc.codec.h264.decoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parley.rtc.codec.h264.encoder.H264EncoderConfig;
import dev.parley.rtc.media.synthetic.SyntheticVideo;
import dev.parley.rtc.media.synthetic.SyntheticVideo.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Parley's decoder on Parley's encoder's streams: every picture bit-exact with jcodec's decoder and with ffmpeg's,
 * over every kind of synthetic clip, QPs from 0 to 51, sizes that need cropping, I-only and P streams, several slices
 * per picture, intra refresh and keyframes mid-stream. (ffmpeg comparisons are skipped where it is not installed.)
 */
class ParleyH264DecoderEncoderStreamsTest {
    @TempDir
    Path dir;

    @Test
    void everyKindOfClip() throws Exception {
        List<Part> parts = new ArrayList<>();
        int[] bitrates = {300_000, 400_000, 200_000, 900_000, 300_000};
        for (Kind kind : Kind.values()) {
            H264EncoderConfig config = H264EncoderConfig.rateControlled(176, 144, bitrates[kind.ordinal()], 30);
            parts.add(new Part(kind.id(), DecodedFrames.encode(config, SyntheticVideo.of(kind, 176, 144, 5), 20,
                    i -> i == 14)));
        }
        check(parts, 176, 144);
    }

    @Test
    void everyQuantiser() throws Exception {
        List<Part> parts = new ArrayList<>();
        Kind[] kinds = Kind.values();
        for (int qp = 0; qp <= 51; qp += 3) {
            Kind kind = kinds[qp % kinds.length];
            parts.add(new Part("QP " + qp + " " + kind.id(), DecodedFrames.encode(
                    H264EncoderConfig.fixedQp(64, 48, qp, 30), SyntheticVideo.of(kind, 64, 48, qp), 4, i -> false)));
        }
        parts.add(new Part("QP 51", DecodedFrames.encode(H264EncoderConfig.fixedQp(64, 48, 51, 30),
                SyntheticVideo.of(Kind.PAN, 64, 48, 51), 4, i -> false)));
        check(parts, 64, 48);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"2, 2", "18, 34", "34, 18", "130, 66", "330, 186"})
    void sizesThatNeedCropping(int w, int h) throws Exception {
        DecodedFrames.Stream s = DecodedFrames.encode(H264EncoderConfig.rateControlled(w, h, 300_000, 30),
                SyntheticVideo.of(Kind.PAN, w, h, 9), 8, i -> false);
        check(List.of(new Part(w + "x" + h, s)), w, h);
    }

    @Test
    void streamStructures() throws Exception {
        // name, keyframe interval, slice size cap, intra refresh period
        Object[][] cases = {
            {"I pictures only", 1, 0, 0},
            {"slices of 300 bytes", 0, 300, 0},
            {"slices and keyframes", 5, 150, 0},
            {"intra refresh", 0, 0, 4},
            {"intra refresh in slices", 0, 200, 3},
        };
        List<Part> parts = new ArrayList<>();
        for (Object[] c : cases) {
            H264EncoderConfig config = H264EncoderConfig.rateControlled(160, 96, 400_000, 30)
                    .withKeyFrameInterval((int) c[1]).withMaxSliceBytes((int) c[2]).withIntraRefresh((int) c[3]);
            parts.add(new Part((String) c[0], DecodedFrames.encode(config, SyntheticVideo.of(Kind.CUTS, 160, 96, 3),
                    12, i -> false)));
        }
        check(parts, 160, 96);
    }

    /** A stream that is part of a longer one, and what to call it. */
    private record Part(String name, DecodedFrames.Stream stream) {
    }

    /**
     * Decodes the parts one after the other (one stream: each starts with an IDR and its parameter sets) with
     * Parley's decoder, jcodec and ffmpeg; all three must agree on every picture.
     */
    private void check(List<Part> parts, int w, int h) throws Exception {
        List<List<byte[]>> units = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Part p : parts) {
            for (int i = 0; i < p.stream().units().size(); i++) {
                units.add(p.stream().units().get(i));
                names.add(p.name() + " frame " + i);
            }
        }
        DecodedFrames.Stream all = DecodedFrames.Stream.of(units);
        List<byte[]> own;
        try (ParleyH264Decoder d = new ParleyH264Decoder()) {
            own = DecodedFrames.decodeAll(d, units);
        }
        List<byte[]> jcodec;
        try (JcodecH264Decoder d = new JcodecH264Decoder()) {
            jcodec = DecodedFrames.decodeAll(d, units);
        }
        compare("jcodec", jcodec, own, names, w, h);
        assumeTrue(Ffmpeg.available(), "ffmpeg is not installed: the ffmpeg comparison is skipped");
        byte[] ffmpeg = Ffmpeg.decode(dir, "s", all.annexB());
        int size = w * h * 3 / 2;
        assertThat(ffmpeg.length).isEqualTo(size * units.size());
        List<byte[]> ff = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            ff.add(DecodedFrames.frame(ffmpeg, i, size));
        }
        compare("ffmpeg", ff, own, names, w, h);
    }

    private static void compare(String oracle, List<byte[]> expected, List<byte[]> own, List<String> names, int w,
            int h) {
        for (int i = 0; i < own.size(); i++) {
            String diff = DecodedFrames.firstDifference(expected.get(i), own.get(i), w, h);
            if (diff != null) {
                throw new AssertionError(names.get(i) + " differs from " + oracle + ": " + diff);
            }
        }
    }
}
