package dev.parley.rtc.codec.h264.decoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parley.rtc.codec.h264.BitWriter;
import dev.parley.rtc.codec.h264.NalHeader;
import dev.parley.rtc.codec.h264.NalUnitType;
import dev.parley.rtc.media.synthetic.SyntheticVideo;
import dev.parley.rtc.media.synthetic.SyntheticVideo.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parley's decoder against ffmpeg on x264 streams made into what no encoder at hand writes: the deblocking filter
 * off, a cropped size with many slices, a Main profile SPS, disable_deblocking_filter_idc 2 and other controls per
 * slice ({@link SliceRewriter}), reference list modifications. Every picture bit-exact with ffmpeg. Skipped without
 * ffmpeg and libx264.
 */
class ParleyH264DecoderRewrittenStreamsTest {
    @TempDir
    Path dir;

    @BeforeEach
    void needsX264() {
        assumeTrue(X264.available(), "ffmpeg with libx264 is not installed: the foreign streams are skipped");
    }

    @Test
    void theFilterSwitchedOffAndACroppedSizeWithManySlices() throws Exception {
        byte[] off = X264.encode(dir, SyntheticVideo.of(Kind.PAN, 176, 144, 4), 8, "baseline",
                "keyint=30:partitions=all:ref=3:slices=4:no-deblock=1");
        decodeAndCompareWithFfmpeg(DecodedFrames.Stream.annexB(off), 176, 144);
        byte[] cropped = X264.encode(dir, SyntheticVideo.of(Kind.CUTS, 98, 62, 4), 8, "baseline",
                "keyint=4:partitions=all:ref=2:slices=3");
        decodeAndCompareWithFfmpeg(DecodedFrames.Stream.annexB(cropped), 98, 62);
    }

    /** A Main profile stream that uses only Baseline tools (x264 itself says Baseline then: the SPS is patched). */
    @Test
    void mainProfileWithBaselineTools() throws Exception {
        byte[] stream = X264.encode(dir, SyntheticVideo.of(Kind.SHAPES, 176, 144, 6), 8, "baseline",
                "keyint=4:ref=2:partitions=all");
        List<List<byte[]>> units = new ArrayList<>();
        for (List<byte[]> unit : DecodedFrames.Stream.annexB(stream).units()) {
            List<byte[]> patched = new ArrayList<>();
            for (byte[] nal : unit) {
                if (NalHeader.type(nal[0]) == NalUnitType.SPS) {
                    assertThat(nal[1] & 0xff).as("profile_idc").isEqualTo(66);
                    nal = nal.clone();
                    nal[1] = 77; // profile_idc: Main
                }
                patched.add(nal);
            }
            units.add(patched);
        }
        decodeAndCompareWithFfmpeg(DecodedFrames.Stream.of(units), 176, 144);
    }

    /** Every slice gets a random disable_deblocking_filter_idc (often 2) and random offsets. */
    @Test
    void deblockingControlsPerSliceIncludingIdc2() throws Exception {
        byte[] stream = X264.encode(dir, SyntheticVideo.of(Kind.CUTS, 176, 144, 8), 10, "baseline",
                "keyint=5:partitions=all:ref=2:slices=4:qp=34");
        Random rnd = new Random(8);
        List<List<byte[]>> units = SliceRewriter.rewrite(DecodedFrames.Stream.annexB(stream).units(),
                new SliceRewriter.Edit() {
                    @Override
                    public Consumer<BitWriter> modification(SliceHeader h, int picture) {
                        return null;
                    }

                    @Override
                    public SliceRewriter.Deblocking deblocking(SliceHeader h, int picture, int slice) {
                        int idc = rnd.nextInt(4) == 0 ? rnd.nextInt(2) : 2;
                        return new SliceRewriter.Deblocking(idc, rnd.nextInt(13) - 6, rnd.nextInt(13) - 6);
                    }
                });
        decodeAndCompareWithFfmpeg(DecodedFrames.Stream.of(units), 176, 144);
    }

    /**
     * P slices of a three-reference stream get reference list modifications: the picture two before first, or the
     * one three before and then the one two before (modification_of_pic_nums_idc 0 then 1), so ref_idx 0 means
     * another picture than the encoder meant.
     */
    @Test
    void referenceListModifications() throws Exception {
        byte[] stream = X264.encode(dir, SyntheticVideo.of(Kind.PAN, 176, 144, 9), 12, "baseline",
                "keyint=30:partitions=all:ref=3:slices=2");
        List<List<byte[]>> units = SliceRewriter.rewrite(DecodedFrames.Stream.annexB(stream).units(),
                new SliceRewriter.Edit() {
                    @Override
                    public Consumer<BitWriter> modification(SliceHeader h, int picture) {
                        if (picture < 4 || picture % 3 == 0) {
                            return null;
                        }
                        return w -> {
                            w.writeBit(true); // ref_pic_list_modification_flag_l0
                            if (picture % 3 == 1) {
                                w.writeUe(0); // subtract: picNum = CurrPicNum - 2
                                w.writeUe(1);
                            } else {
                                w.writeUe(0); // subtract 3, then add 1
                                w.writeUe(2);
                                w.writeUe(1);
                                w.writeUe(0);
                            }
                            w.writeUe(3); // end of the loop
                        };
                    }

                    @Override
                    public SliceRewriter.Deblocking deblocking(SliceHeader h, int picture, int slice) {
                        return null;
                    }
                });
        decodeAndCompareWithFfmpeg(DecodedFrames.Stream.of(units), 176, 144);
    }

    private void decodeAndCompareWithFfmpeg(DecodedFrames.Stream s, int w, int h) throws Exception {
        try (ParleyH264Decoder d = new ParleyH264Decoder()) {
            DecodedFrames.assertSame("ffmpeg", Ffmpeg.decode(dir, "f", s.annexB()), DecodedFrames.decodeAll(d,
                    s.units()), w, h);
        }
    }
}
