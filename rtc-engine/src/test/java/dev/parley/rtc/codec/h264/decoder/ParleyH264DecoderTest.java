package dev.parley.rtc.codec.h264.decoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parley.rtc.codec.VideoDecodeResult;
import dev.parley.rtc.codec.h264.BitWriter;
import dev.parley.rtc.codec.h264.Nal;
import dev.parley.rtc.codec.h264.NalHeader;
import dev.parley.rtc.codec.h264.NalUnitType;
import dev.parley.rtc.codec.h264.PcmIntraWriter;
import dev.parley.rtc.codec.h264.PicParameterSet;
import dev.parley.rtc.codec.h264.PpsWriter;
import dev.parley.rtc.codec.h264.SeqParameterSet;
import dev.parley.rtc.codec.h264.SpsWriter;
import dev.parley.rtc.codec.h264.encoder.H264EncoderConfig;
import dev.parley.rtc.media.VideoFrame;
import dev.parley.rtc.media.synthetic.SyntheticVideo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The decoder's contract, the same as {@link JcodecH264Decoder}'s: I_PCM pictures come out exactly as written
 * (cropping included), parameter sets persist, sizes change at IDRs, Pending before the first IDR, every failure
 * refuses delta frames until an IDR, unsupported streams fail without asking for a keyframe, garbage never throws,
 * the caller's arrays are left alone, output buffers are reused.
 */
class ParleyH264DecoderTest {
    /** A non-IDR slice: first_mb_in_slice 0, slice_type 5 (P), pic_parameter_set_id 0, then arbitrary bits. */
    private static final byte[] P_SLICE = {0x41, (byte) 0x9a, 0x02, 0x04, 0x08, 0x10};

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"176,144", "100,60", "2,2", "18,34", "640,360"})
    void pcmPicturesComeOutAsWrittenInReusedBuffers(int width, int height) {
        PcmIntraWriter writer = new PcmIntraWriter(width, height);
        try (ParleyH264Decoder decoder = new ParleyH264Decoder()) {
            byte[] firstY = null;
            for (int i = 0; i < 3; i++) {
                byte[][] planes = randomPlanes(width, height, i);
                VideoFrame frame = decoded(decoder.decode(writer.writeIdr(planes[0], planes[1], planes[2]), 77L + i));
                assertThat(frame.width()).isEqualTo(width);
                assertThat(frame.height()).isEqualTo(height);
                assertThat(frame.timestampNanos()).isEqualTo(77L + i);
                byte[] expected = new byte[width * height * 3 / 2];
                System.arraycopy(planes[0], 0, expected, 0, width * height);
                System.arraycopy(planes[1], 0, expected, width * height, width * height / 4);
                System.arraycopy(planes[2], 0, expected, width * height * 5 / 4, width * height / 4);
                assertThat(DecodedFrames.firstDifference(expected, DecodedFrames.packed(frame), width, height))
                        .isNull();
                firstY = firstY == null ? frame.y() : firstY;
                assertThat(frame.y()).as("buffers reused while the size stays").isSameAs(firstY);
            }
        }
    }

    @Test
    void pcmAmongIntraMacroblocksMatchesFfmpeg() throws Exception {
        assumeTrue(Ffmpeg.available(), "ffmpeg is not installed");
        for (int seed = 0; seed < 3; seed++) {
            DecodedFrames.Stream s = DecodedFrames.Stream.of(PcmMixStream.write(96, 64, seed, 3));
            try (ParleyH264Decoder d = new ParleyH264Decoder()) {
                DecodedFrames.assertSame("ffmpeg, seed " + seed, Ffmpeg.decode(dir, "pcm", s.annexB()),
                        DecodedFrames.decodeAll(d, s.units()), 96, 64);
            }
        }
    }

    @Test
    void parameterSetsAloneArePendingAndAreKeptForLaterSlices() {
        PcmIntraWriter writer = new PcmIntraWriter(64, 48);
        List<byte[]> au = idr(writer, 64, 48, 0);
        try (ParleyH264Decoder decoder = new ParleyH264Decoder()) {
            assertThat(decoder.decode(au.subList(0, 2), 0)).isInstanceOf(VideoDecodeResult.Pending.class);
            assertThat(decoded(decoder.decode(au.subList(2, 3), 1)).width()).isEqualTo(64);
            assertThat(decoded(decoder.decode(idr(writer, 64, 48, 1).subList(2, 3), 2)).height()).isEqualTo(48);
        }
    }

    @Test
    void followsSizeChangesAndCropWindowsAwayFromTheCorner() {
        int[][] sizes = {{176, 144}, {100, 60}, {320, 240}, {176, 144}};
        try (ParleyH264Decoder decoder = new ParleyH264Decoder()) {
            for (int[] s : sizes) {
                VideoFrame frame = decoded(decoder.decode(idr(new PcmIntraWriter(s[0], s[1]), s[0], s[1], 0), 0));
                assertThat(frame.width()).isEqualTo(s[0]);
                assertThat(frame.height()).isEqualTo(s[1]);
            }
            PcmIntraWriter writer = new PcmIntraWriter(64, 48);
            SeqParameterSet sps = writer.sps();
            // Same coded size, cropped by 4 luma samples on the left and 2 at the top (crop units of 2).
            SeqParameterSet cropped = new SeqParameterSet(sps.profileIdc(), sps.constraintFlags(), sps.levelIdc(),
                    sps.spsId(), 1, false, 8, 8, sps.log2MaxFrameNum(), sps.picOrderCntType(),
                    sps.log2MaxPicOrderCntLsb(), sps.maxNumRefFrames(), false, sps.picWidthInMbs(),
                    sps.frameHeightInMbs(), true, true, 2, 1, 1, 3, false);
            byte[][] planes = randomPlanes(64, 48, 4);
            List<byte[]> au = new ArrayList<>(writer.writeIdr(planes[0], planes[1], planes[2]));
            au.set(0, SpsWriter.write(cropped));
            VideoFrame frame = decoded(decoder.decode(au, 0));
            assertThat(frame.width()).isEqualTo(64 - 6);
            assertThat(frame.height()).isEqualTo(48 - 8);
            assertThat(frame.y()[0]).isEqualTo(planes[0][2 * 64 + 4]);
            assertThat(frame.u()[0]).isEqualTo(planes[1][32 + 2]);
        }
    }

    @Test
    void deltaFramesBeforeTheFirstIdrArePending() {
        try (ParleyH264Decoder decoder = new ParleyH264Decoder()) {
            assertThat(decoder.decode(List.of(P_SLICE), 0)).isInstanceOf(VideoDecodeResult.Pending.class);
            assertThat(decoder.decode(idr(new PcmIntraWriter(32, 32), 32, 32, 0), 1))
                    .isInstanceOf(VideoDecodeResult.Decoded.class);
        }
    }

    @Test
    void aSliceReferringToAnUnknownPpsFailsAndDeltaFramesAreRefusedUntilAnIdr() {
        PcmIntraWriter writer = new PcmIntraWriter(32, 32);
        try (ParleyH264Decoder decoder = new ParleyH264Decoder()) {
            decoded(decoder.decode(idr(writer, 32, 32, 0), 0));
            byte[] badPps = {0x41, (byte) 0x98, 0x40, (byte) 0x80}; // first_mb 0, P, pic_parameter_set_id 7
            assertFailed(decoder.decode(List.of(badPps), 1), true, "PPS 7");
            assertFailed(decoder.decode(List.of(P_SLICE), 2), true, "refused");
            decoded(decoder.decode(idr(writer, 32, 32, 1), 3));
        }
    }

    /** Parley's encoder with several slices per picture: the stream the next tests damage in known ways. */
    private static DecodedFrames.Stream slicedStream() {
        return DecodedFrames.encode(H264EncoderConfig.rateControlled(160, 96, 500_000, 30).withMaxSliceBytes(200)
                .withKeyFrameInterval(6), SyntheticVideo.of(SyntheticVideo.Kind.PAN, 160, 96, 1), 12, i -> false);
    }

    @Test
    void aLostPictureOrSliceFailsUntilTheNextIdrThenDecodingIsExactAgain() {
        DecodedFrames.Stream s = slicedStream();
        List<byte[]> expected;
        try (ParleyH264Decoder d = new ParleyH264Decoder()) {
            expected = DecodedFrames.decodeAll(d, s.units());
        }
        assertThat(s.units().get(2).size()).as("slices of picture 2").isGreaterThan(2);
        try (ParleyH264Decoder decoder = new ParleyH264Decoder()) {
            for (int i = 0; i < 2; i++) {
                decoded(decoder.decode(s.units().get(i), i));
            }
            // Picture 2 loses a slice in the middle: refused as a whole, never shown half decoded.
            List<byte[]> holed = new ArrayList<>(s.units().get(2));
            holed.remove(1);
            assertFailed(decoder.decode(holed, 2), true, "missing");
            assertFailed(decoder.decode(s.units().get(3), 3), true, "refused");
            assertFailed(decoder.decode(s.units().get(4), 4), true, "refused");
            for (int i = 6; i < 12; i++) {
                assertThat(DecodedFrames.packed(decoded(decoder.decode(s.units().get(i), i))))
                        .isEqualTo(expected.get(i));
            }
            // A lost picture: frame_num skips one.
            decoded(decoder.decode(s.units().get(6), 6));
            decoded(decoder.decode(s.units().get(7), 7));
            assertFailed(decoder.decode(s.units().get(9), 9), true, "frame_num");
            assertFailed(decoder.decode(s.units().get(10), 10), true, "refused");
        }
    }

    @Test
    void unsupportedStreamsFailWithoutAskingForAKeyFrame() {
        PcmIntraWriter writer = new PcmIntraWriter(32, 32);
        // constrained_intra_pred_flag, CABAC, weighted prediction: PPS features this decoder leaves to jcodec
        PicParameterSet[] ppss = {
            new PicParameterSet(0, 0, false, false, 1, 1, false, 0, 26, 26, 0, true, true, false, false, 0),
            new PicParameterSet(0, 0, true, false, 1, 1, false, 0, 26, 26, 0, true, false, false, false, 0),
            new PicParameterSet(0, 0, false, false, 1, 1, true, 0, 26, 26, 0, true, false, false, false, 0),
        };
        String[] reasons = {"constrained_intra_pred", "CABAC", "weighted"};
        try (ParleyH264Decoder decoder = new ParleyH264Decoder()) {
            decoded(decoder.decode(idr(writer, 32, 32, 0), 0));
            for (int i = 0; i < ppss.length; i++) {
                List<byte[]> au = new ArrayList<>(idr(writer, 32, 32, i));
                au.set(1, PpsWriter.write(ppss[i]));
                assertFailed(decoder.decode(au, 1), false, reasons[i]);
                assertFailed(decoder.decode(List.of(P_SLICE), 2), false, "refused");
                decoded(decoder.decode(idr(writer, 32, 32, 1), 3)); // a supported stream decodes again at its IDR
            }
            // A coded width over VideoFrame.MAX_DIMENSION: rejected from the SPS, nothing allocated for it.
            PcmIntraWriter wide = new PcmIntraWriter(VideoFrame.MAX_DIMENSION + 16, 16);
            List<byte[]> au = wide.writeIdr(new byte[(VideoFrame.MAX_DIMENSION + 16) * 16],
                    new byte[(VideoFrame.MAX_DIMENSION + 16) * 4], new byte[(VideoFrame.MAX_DIMENSION + 16) * 4]);
            assertFailed(decoder.decode(au, 4), false, "exceeds");
            // pic_order_cnt_type 1 (which Parley's SPS writer does not write): 32x32, frame_num of 8 bits
            BitWriter w = new BitWriter();
            w.writeBits(66, 8);
            w.writeBits(0xe0, 8);
            w.writeBits(31, 8);
            w.writeUe(0); // seq_parameter_set_id
            w.writeUe(4); // log2_max_frame_num_minus4
            w.writeUe(1); // pic_order_cnt_type
            w.writeBit(true); // delta_pic_order_always_zero_flag
            w.writeSe(0); // offset_for_non_ref_pic
            w.writeSe(0); // offset_for_top_to_bottom_field
            w.writeUe(0); // num_ref_frames_in_pic_order_cnt_cycle
            w.writeUe(1); // max_num_ref_frames
            w.writeBit(false);
            w.writeUe(1); // pic_width_in_mbs_minus1
            w.writeUe(1); // pic_height_in_map_units_minus1
            w.writeBit(true); // frame_mbs_only_flag
            w.writeBit(true);
            w.writeBit(false); // frame_cropping_flag
            w.writeBit(false); // vui_parameters_present_flag
            w.writeTrailingBits();
            List<byte[]> pocAu = new ArrayList<>(idr(writer, 32, 32, 5));
            pocAu.set(0, Nal.withHeader(NalHeader.of(3, NalUnitType.SPS), w.toByteArray()));
            assertFailed(decoder.decode(pocAu, 5), false, "pic_order_cnt_type 1");
            decoded(decoder.decode(idr(writer, 32, 32, 6), 6));
        }
    }

    @Test
    void unsupportedSliceSyntaxFailsWithoutAskingForAKeyFrame() {
        PcmIntraWriter writer = new PcmIntraWriter(32, 32);
        SeqParameterSet sps = writer.sps();
        try (ParleyH264Decoder decoder = new ParleyH264Decoder()) {
            decoded(decoder.decode(idr(writer, 32, 32, 0), 0));
            // An IDR marking itself long-term (long_term_reference_flag 1)
            BitWriter w = new BitWriter();
            w.writeUe(0);
            w.writeUe(7);
            w.writeUe(0);
            w.writeBits(0, sps.log2MaxFrameNum());
            w.writeUe(1); // idr_pic_id
            w.writeBit(false); // no_output_of_prior_pics_flag
            w.writeBit(true); // long_term_reference_flag
            w.writeSe(0);
            w.writeUe(1);
            w.writeTrailingBits();
            assertFailed(decoder.decode(List.of(slice(NalUnitType.SLICE_IDR, 3, w)), 1), false, "long-term");
            decoded(decoder.decode(idr(writer, 32, 32, 1), 2));
            // A P picture with memory_management_control_operation 1
            w = new BitWriter();
            w.writeUe(0);
            w.writeUe(5);
            w.writeUe(0);
            w.writeBits(1, sps.log2MaxFrameNum());
            w.writeBit(false); // num_ref_idx_active_override_flag
            w.writeBit(false); // ref_pic_list_modification_flag_l0
            w.writeBit(true); // adaptive_ref_pic_marking_mode_flag
            w.writeUe(1);
            w.writeUe(0);
            w.writeUe(0);
            w.writeSe(0);
            w.writeUe(1);
            w.writeUe(1); // mb_skip_run
            w.writeTrailingBits();
            assertFailed(decoder.decode(List.of(slice(NalUnitType.SLICE_NON_IDR, 2, w)), 3), false,
                    "memory_management_control_operation");
            // A B slice (slice_type 6)
            decoded(decoder.decode(idr(writer, 32, 32, 2), 4));
            w = new BitWriter();
            w.writeUe(0);
            w.writeUe(6); // slice_type 6: B
            w.writeUe(0);
            w.writeBits(1, sps.log2MaxFrameNum());
            w.writeBits(0, 16);
            w.writeTrailingBits();
            assertFailed(decoder.decode(List.of(slice(NalUnitType.SLICE_NON_IDR, 2, w)), 5), false, "slice_type 1");
            // Slice groups (FMO): the PPS is kept aside, a slice referring to it is unsupported
            w = new BitWriter();
            w.writeUe(0); // pic_parameter_set_id
            w.writeUe(0); // seq_parameter_set_id
            w.writeBit(false);
            w.writeBit(false);
            w.writeUe(1); // num_slice_groups_minus1
            w.writeUe(0); // slice_group_map_type 0
            w.writeUe(3);
            w.writeUe(3);
            w.writeTrailingBits();
            List<byte[]> fmo = new ArrayList<>(idr(writer, 32, 32, 3));
            fmo.set(1, Nal.withHeader(NalHeader.of(3, NalUnitType.PPS), w.toByteArray()));
            assertFailed(decoder.decode(fmo, 6), false, "FMO");
            decoded(decoder.decode(idr(writer, 32, 32, 4), 7));
        }
    }

    /**
     * Non-reference pictures (nal_ref_idc 0) take frame_num PrevRefFrameNum + 1 and are not stored: the pictures
     * after them, and after a lost one, decode (pictures of P_Skip macroblocks: copies of the IDR).
     */
    @Test
    void nonReferencePicturesDecodeAndAreNotStored() {
        PcmIntraWriter writer = new PcmIntraWriter(32, 32);
        byte[][] planes = randomPlanes(32, 32, 9);
        try (ParleyH264Decoder decoder = new ParleyH264Decoder()) {
            byte[] idr = DecodedFrames.packed(decoded(decoder.decode(writer.writeIdr(planes[0], planes[1],
                    planes[2]), 0)));
            int[][] pictures = {{1, 0}, {1, 0}, {1, 2}, {2, 0}, {2, 0}, {2, 1}, {3, 1}}; // frame_num, nal_ref_idc
            for (int i = 0; i < pictures.length; i++) {
                if (i == 4) {
                    continue; // a non-reference picture lost: no gap
                }
                VideoFrame f = decoded(decoder.decode(List.of(skipPicture(writer, pictures[i][0], pictures[i][1])),
                        i + 1));
                assertThat(DecodedFrames.packed(f)).as("picture %d", i).isEqualTo(idr);
            }
        }
    }

    /** A P picture of the 4 macroblocks of a 32x32 stream, all P_Skip, the deblocking filter off. */
    private static byte[] skipPicture(PcmIntraWriter writer, int frameNum, int nalRefIdc) {
        BitWriter w = new BitWriter();
        w.writeUe(0); // first_mb_in_slice
        w.writeUe(5); // P
        w.writeUe(0);
        w.writeBits(frameNum, writer.sps().log2MaxFrameNum());
        w.writeBit(false); // num_ref_idx_active_override_flag
        w.writeBit(false); // ref_pic_list_modification_flag_l0
        if (nalRefIdc != 0) {
            w.writeBit(false); // adaptive_ref_pic_marking_mode_flag
        }
        w.writeSe(0); // slice_qp_delta
        w.writeUe(1); // disable_deblocking_filter_idc
        w.writeUe(4); // mb_skip_run
        w.writeTrailingBits();
        return Nal.withHeader(NalHeader.of(nalRefIdc, NalUnitType.SLICE_NON_IDR), w.toByteArray());
    }

    @Test
    void arbitrarySliceOrderIsUnsupported() {
        DecodedFrames.Stream s = slicedStream();
        try (ParleyH264Decoder decoder = new ParleyH264Decoder()) {
            decoded(decoder.decode(s.units().get(0), 0));
            List<byte[]> reversed = new ArrayList<>(s.units().get(1));
            java.util.Collections.reverse(reversed);
            assertFailed(decoder.decode(reversed, 1), false, "arbitrary slice order");
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
        try (ParleyH264Decoder decoder = new ParleyH264Decoder()) {
            int failures = 0;
            for (int round = 0; round < 600; round++) {
                List<byte[]> bad = new ArrayList<>();
                switch (round % 4) {
                    case 0 -> bad.add(randomNal(rnd, 1 + rnd.nextInt(7)));
                    case 1 -> bad.add(randomNal(rnd, 1));
                    case 2 -> {
                        bad.addAll(good.subList(0, 2));
                        bad.add(randomNal(rnd, 5));
                    }
                    default -> {
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
                    assertThat(f.reason()).isNotBlank().doesNotContain("internal error");
                }
                if (rnd.nextInt(3) == 0) {
                    assertThat(decoded(decoder.decode(good, round)).width()).isEqualTo(48);
                }
            }
            assertThat(failures).isGreaterThan(300);
        }
    }

    @Test
    void emptyOrForbiddenNalUnitsFail() {
        try (ParleyH264Decoder decoder = new ParleyH264Decoder()) {
            assertFailed(decoder.decode(List.of(new byte[0]), 0), true, "empty");
            assertFailed(decoder.decode(List.of(new byte[] {(byte) 0xe5, 0x00}), 0), true, "forbidden_zero_bit");
            assertThat(decoder.decode(List.of(), 0)).isInstanceOf(VideoDecodeResult.Pending.class);
        }
    }

    @Test
    void theCallersArraysAreUnchanged() {
        PcmIntraWriter writer = new PcmIntraWriter(64, 48);
        List<byte[]> au = writer.writeIdr(new byte[64 * 48], new byte[32 * 24], new byte[32 * 24]);
        List<byte[]> units = new ArrayList<>(au);
        for (List<byte[]> u : slicedStream().units()) {
            units.addAll(u);
        }
        List<byte[]> copy = units.stream().map(byte[]::clone).toList();
        try (ParleyH264Decoder decoder = new ParleyH264Decoder()) {
            decoded(decoder.decode(au, 0));
            for (List<byte[]> u : slicedStream().units()) {
                decoder.decode(u, 1);
            }
        }
        for (int i = 0; i < units.size(); i++) {
            assertThat(units.get(i)).isEqualTo(copy.get(i));
        }
    }

    @Test
    void aClosedDecoderRefusesToDecode() {
        ParleyH264Decoder decoder = new ParleyH264Decoder();
        decoder.close();
        decoder.close();
        assertThatThrownBy(() -> decoder.decode(List.of(P_SLICE), 0)).isInstanceOf(IllegalStateException.class);
    }

    private static byte[] slice(int type, int nalRefIdc, BitWriter w) {
        return Nal.withHeader(NalHeader.of(nalRefIdc, type), w.toByteArray());
    }

    private static byte[] randomNal(Random rnd, int type) {
        byte[] nal = new byte[2 + rnd.nextInt(rnd.nextBoolean() ? 16 : 600)];
        rnd.nextBytes(nal);
        nal[0] = (byte) (0x60 | type);
        return nal;
    }

    private static byte[][] randomPlanes(int width, int height, int seed) {
        Random rnd = new Random(seed);
        byte[][] planes = {new byte[width * height], new byte[width * height / 4], new byte[width * height / 4]};
        for (byte[] p : planes) {
            rnd.nextBytes(p);
        }
        return planes;
    }

    private static List<byte[]> idr(PcmIntraWriter writer, int width, int height, int seed) {
        byte[][] p = randomPlanes(width, height, seed);
        return writer.writeIdr(p[0], p[1], p[2]);
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
