package dev.parley.rtc.codec.h264.decoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.rtc.codec.VideoDecodeResult;
import dev.parley.rtc.codec.h264.PcmIntraWriter;
import dev.parley.rtc.codec.h264.PicParameterSet;
import dev.parley.rtc.codec.h264.PpsWriter;
import dev.parley.rtc.codec.h264.SeqParameterSet;
import dev.parley.rtc.codec.h264.SpsWriter;
import dev.parley.rtc.media.VideoFrame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The decoder on streams built here (I_PCM IDRs from {@link PcmIntraWriter}) and on garbage. jcodec's I_PCM decoding
 * does not copy the samples into the picture (see PcmIntraWriterJcodecTest), so these tests check sizes, cropping,
 * parameter set handling and results, not pixels; the pixels are checked against ffmpeg in
 * {@link JcodecH264DecoderFfmpegTest}.
 */
class JcodecH264DecoderTest {
    /** A non-IDR slice: first_mb_in_slice 0, slice_type 5 (P), pic_parameter_set_id 0, then arbitrary bits. */
    private static final byte[] P_SLICE = {0x41, (byte) 0x9a, 0x02, 0x04, 0x08, 0x10};

    @ParameterizedTest
    @CsvSource({"176,144", "100,60", "2,2", "18,34", "640,360"})
    void decodesToTheCroppedSize(int width, int height) {
        PcmIntraWriter writer = new PcmIntraWriter(width, height);
        try (JcodecH264Decoder decoder = new JcodecH264Decoder()) {
            byte[] firstY = null;
            for (int i = 0; i < 3; i++) {
                VideoFrame frame = decoded(decoder.decode(idr(writer, width, height, i), 77L + i));
                assertThat(frame.width()).isEqualTo(width);
                assertThat(frame.height()).isEqualTo(height);
                assertThat(frame.timestampNanos()).isEqualTo(77L + i);
                assertThat(frame.strideY()).isGreaterThanOrEqualTo(width);
                assertThat(frame.strideU()).isGreaterThanOrEqualTo(width / 2);
                firstY = firstY == null ? frame.y() : firstY;
                assertThat(frame.y()).as("buffers reused while the size stays").isSameAs(firstY);
            }
        }
    }

    @Test
    void parameterSetsAloneArePendingAndAreKeptForLaterSlices() {
        PcmIntraWriter writer = new PcmIntraWriter(64, 48);
        List<byte[]> au = idr(writer, 64, 48, 0);
        try (JcodecH264Decoder decoder = new JcodecH264Decoder()) {
            assertThat(decoder.decode(au.subList(0, 2), 0)).isInstanceOf(VideoDecodeResult.Pending.class);
            assertThat(decoded(decoder.decode(au.subList(2, 3), 1)).width()).isEqualTo(64);
            // A later IDR without parameter sets still finds them.
            assertThat(decoded(decoder.decode(idr(writer, 64, 48, 1).subList(2, 3), 2)).height()).isEqualTo(48);
        }
    }

    @Test
    void followsSizeChanges() {
        int[][] sizes = {{176, 144}, {100, 60}, {320, 240}, {176, 144}};
        try (JcodecH264Decoder decoder = new JcodecH264Decoder()) {
            for (int[] s : sizes) {
                VideoFrame frame = decoded(decoder.decode(idr(new PcmIntraWriter(s[0], s[1]), s[0], s[1], 0), 0));
                assertThat(frame.width()).isEqualTo(s[0]);
                assertThat(frame.height()).isEqualTo(s[1]);
            }
        }
    }

    @Test
    void aCropWindowAwayFromTheTopLeftCornerIsApplied() {
        PcmIntraWriter writer = new PcmIntraWriter(64, 48);
        SeqParameterSet s = writer.sps();
        // Same coded size, cropped by 4 luma samples on the left and 2 at the top (crop units of 2, §7.4.2.1.1).
        SeqParameterSet cropped = new SeqParameterSet(s.profileIdc(), s.constraintFlags(), s.levelIdc(), s.spsId(),
                1, false, 8, 8, s.log2MaxFrameNum(), s.picOrderCntType(), s.log2MaxPicOrderCntLsb(),
                s.maxNumRefFrames(), false, s.picWidthInMbs(), s.frameHeightInMbs(), true, true, 2, 1, 1, 3, false);
        List<byte[]> au = new ArrayList<>(idr(writer, 64, 48, 0));
        au.set(0, SpsWriter.write(cropped));
        try (JcodecH264Decoder decoder = new JcodecH264Decoder()) {
            VideoFrame frame = decoded(decoder.decode(au, 0));
            assertThat(frame.width()).isEqualTo(64 - 6);
            assertThat(frame.height()).isEqualTo(48 - 8);
        }
    }

    @Test
    void deltaFramesBeforeTheFirstIdrArePending() {
        try (JcodecH264Decoder decoder = new JcodecH264Decoder()) {
            assertThat(decoder.decode(List.of(P_SLICE), 0)).isInstanceOf(VideoDecodeResult.Pending.class);
            PcmIntraWriter writer = new PcmIntraWriter(32, 32);
            assertThat(decoder.decode(idr(writer, 32, 32, 0), 1)).isInstanceOf(VideoDecodeResult.Decoded.class);
        }
    }

    @Test
    void aSliceReferringToAnUnknownPpsFailsAndDeltaFramesAreRefusedUntilAnIdr() {
        PcmIntraWriter writer = new PcmIntraWriter(32, 32);
        try (JcodecH264Decoder decoder = new JcodecH264Decoder()) {
            decoded(decoder.decode(idr(writer, 32, 32, 0), 0));
            // first_mb 0, slice_type P (5), pic_parameter_set_id 7: ue codes 1, 00110, 0001000
            byte[] badPps = {0x41, (byte) 0x98, 0x40, (byte) 0x80};
            assertFailed(decoder.decode(List.of(badPps), 1), true, "PPS 7");
            assertFailed(decoder.decode(List.of(P_SLICE), 2), true, "refused");
            decoded(decoder.decode(idr(writer, 32, 32, 1), 3));
        }
    }

    @Test
    void unsupportedStreamsFailWithoutAskingForAKeyFrame() {
        PcmIntraWriter writer = new PcmIntraWriter(32, 32);
        try (JcodecH264Decoder decoder = new JcodecH264Decoder()) {
            decoded(decoder.decode(idr(writer, 32, 32, 0), 0));
            // A coded width over VideoFrame.MAX_DIMENSION: rejected from the SPS, nothing allocated for it.
            PcmIntraWriter wide = new PcmIntraWriter(VideoFrame.MAX_DIMENSION + 16, 16);
            List<byte[]> au = wide.writeIdr(new byte[(VideoFrame.MAX_DIMENSION + 16) * 16],
                    new byte[(VideoFrame.MAX_DIMENSION + 16) * 4], new byte[(VideoFrame.MAX_DIMENSION + 16) * 4]);
            assertFailed(decoder.decode(au, 0), false, "exceeds");
            assertFailed(decoder.decode(List.of(P_SLICE), 1), false, "refused");

            // constrained_intra_pred_flag = 1, which jcodec cannot decode
            List<byte[]> cip = new ArrayList<>(idr(writer, 32, 32, 0));
            PicParameterSet p = writer.pps();
            cip.set(1, PpsWriter.write(new PicParameterSet(p.ppsId(), p.spsId(), false, false, 1, 1, false, 0, 26, 26,
                    0, true, true, false, false, 0)));
            assertFailed(decoder.decode(cip, 2), false, "constrained_intra_pred");

            // A supported stream decodes again at its IDR.
            decoded(decoder.decode(idr(writer, 32, 32, 1), 3));
        }
    }

    /**
     * Random bytes in every position of an access unit, between good IDRs: nothing throws, and each good IDR after
     * the garbage decodes. Garbage may happen to parse; what matters is that it never escapes or wedges the decoder.
     */
    @Test
    void garbageNeverThrowsNorWedgesTheDecoder() {
        Random rnd = new Random(7);
        PcmIntraWriter writer = new PcmIntraWriter(48, 32);
        List<byte[]> good = idr(writer, 48, 32, 0);
        try (JcodecH264Decoder decoder = new JcodecH264Decoder()) {
            int failures = 0;
            for (int round = 0; round < 300; round++) {
                List<byte[]> bad = new ArrayList<>();
                switch (round % 4) {
                    case 0 -> bad.add(randomNal(rnd, 1 + rnd.nextInt(7))); // any type, parameter sets included
                    case 1 -> bad.add(randomNal(rnd, 1)); // random delta slice
                    case 2 -> { // a good SPS and PPS with a random IDR slice
                        bad.addAll(good.subList(0, 2));
                        bad.add(randomNal(rnd, 5));
                    }
                    default -> { // the good IDR cut short or with a byte changed
                        byte[] slice = good.get(2).clone();
                        if (rnd.nextBoolean()) {
                            slice = Arrays.copyOf(slice, 1 + rnd.nextInt(slice.length - 1));
                        } else {
                            slice[1 + rnd.nextInt(slice.length - 1)] = (byte) rnd.nextInt(256);
                        }
                        bad.addAll(good.subList(0, 2));
                        bad.add(slice);
                    }
                }
                VideoDecodeResult r = decoder.decode(bad, round);
                if (r instanceof VideoDecodeResult.Failed f) {
                    failures++;
                    assertThat(f.reason()).isNotBlank();
                }
                if (rnd.nextInt(3) == 0) {
                    VideoFrame frame = decoded(decoder.decode(good, round));
                    assertThat(frame.width()).isEqualTo(48);
                }
            }
            assertThat(failures).isGreaterThan(150);
        }
    }

    /** A NAL unit with a valid header of the given type and random payload bytes. */
    private static byte[] randomNal(Random rnd, int type) {
        byte[] nal = new byte[2 + rnd.nextInt(rnd.nextBoolean() ? 16 : 600)];
        rnd.nextBytes(nal);
        nal[0] = (byte) (0x60 | type);
        return nal;
    }

    @Test
    void emptyOrForbiddenNalUnitsFail() {
        try (JcodecH264Decoder decoder = new JcodecH264Decoder()) {
            assertFailed(decoder.decode(List.of(new byte[0]), 0), true, "empty");
            assertFailed(decoder.decode(List.of(new byte[] {(byte) 0xe5, 0x00}), 0), true, "forbidden_zero_bit");
            assertThat(decoder.decode(List.of(), 0)).isInstanceOf(VideoDecodeResult.Pending.class);
        }
    }

    @Test
    void theCallersArraysAreUnchanged() {
        // The I_PCM samples are mostly zero, so the NAL units are full of emulation prevention bytes.
        PcmIntraWriter writer = new PcmIntraWriter(64, 48);
        List<byte[]> au = writer.writeIdr(new byte[64 * 48], new byte[32 * 24], new byte[32 * 24]);
        List<byte[]> copy = au.stream().map(byte[]::clone).toList();
        try (JcodecH264Decoder decoder = new JcodecH264Decoder()) {
            decoded(decoder.decode(au, 0));
            decoded(decoder.decode(au, 1));
        }
        for (int i = 0; i < au.size(); i++) {
            assertThat(au.get(i)).isEqualTo(copy.get(i));
        }
    }

    @Test
    void aClosedDecoderRefusesToDecode() {
        JcodecH264Decoder decoder = new JcodecH264Decoder();
        decoder.close();
        decoder.close();
        assertThatThrownBy(() -> decoder.decode(List.of(P_SLICE), 0)).isInstanceOf(IllegalStateException.class);
    }

    private static List<byte[]> idr(PcmIntraWriter writer, int width, int height, int seed) {
        Random rnd = new Random(seed);
        byte[] y = new byte[width * height];
        byte[] u = new byte[width * height / 4];
        byte[] v = new byte[width * height / 4];
        rnd.nextBytes(y);
        rnd.nextBytes(u);
        rnd.nextBytes(v);
        return writer.writeIdr(y, u, v);
    }

    private static VideoFrame decoded(VideoDecodeResult r) {
        assertThat(r).isInstanceOf(VideoDecodeResult.Decoded.class);
        return ((VideoDecodeResult.Decoded) r).frame();
    }

    private static void assertFailed(VideoDecodeResult r, boolean needsKeyFrame, String reasonPart) {
        assertThat(r).isInstanceOfSatisfying(VideoDecodeResult.Failed.class, f -> {
            assertThat(f.needsKeyFrame()).as("needsKeyFrame of %s", f).isEqualTo(needsKeyFrame);
            assertThat(f.reason()).contains(reasonPart);
        });
    }
}
