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
import dev.parley.rtc.codec.h264.encoder.H264EncoderConfig;
import dev.parley.rtc.media.synthetic.SyntheticVideo;
import dev.parley.rtc.media.synthetic.SyntheticVideo.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fallback decoder: Parley's decoder for what it supports, jcodec for a stream it does not (from that access
 * unit, with the parameter sets received before), Parley's decoder again at the next new SPS; every picture equals
 * what the decoder that has the stream outputs alone.
 */
class FallbackH264DecoderTest {
    @TempDir
    Path dir;

    @Test
    void aSupportedStreamStaysWithParleysDecoder() {
        DecodedFrames.Stream s = parleyStream(Kind.PAN, 6);
        try (FallbackH264Decoder fallback = new FallbackH264Decoder();
                ParleyH264Decoder own = new ParleyH264Decoder()) {
            DecodedFrames.assertSame("Parley's decoder", DecodedFrames.decodeAll(own, s.units()),
                    DecodedFrames.decodeAll(fallback, s.units()), 128, 96);
            assertThat(fallback.usingJcodec()).isFalse();
        }
    }

    /**
     * An x264 Main profile stream (CABAC) whose parameter sets come in an access unit of their own, then a stream of
     * Parley's encoder (a new SPS: Parley's decoder again), then the CABAC stream again (jcodec again).
     */
    @Test
    void anUnsupportedStreamGoesToJcodecUntilTheSpsChanges() throws Exception {
        assumeTrue(X264.available(), "ffmpeg with libx264 is not installed");
        byte[] cabac = X264.encode(dir, SyntheticVideo.of(Kind.SHAPES, 128, 96, 1), 6, "main",
                "keyint=30:bframes=0:ref=2");
        List<List<byte[]>> cabacUnits = new ArrayList<>();
        for (List<byte[]> unit : DecodedFrames.Stream.annexB(cabac).units()) {
            List<byte[]> rest = new ArrayList<>();
            List<byte[]> sets = new ArrayList<>();
            for (byte[] nal : unit) {
                int type = NalHeader.type(nal[0]);
                (type == NalUnitType.SPS || type == NalUnitType.PPS ? sets : rest).add(nal);
            }
            if (!sets.isEmpty()) {
                cabacUnits.add(sets); // parameter sets alone: Pending
            }
            cabacUnits.add(rest);
        }
        List<byte[]> jcodecFrames;
        try (JcodecH264Decoder jcodec = new JcodecH264Decoder()) {
            jcodecFrames = decodedOnly(jcodec, cabacUnits);
        }
        DecodedFrames.Stream parley = parleyStream(Kind.CUTS, 5);
        List<byte[]> parleyFrames;
        try (ParleyH264Decoder own = new ParleyH264Decoder()) {
            parleyFrames = DecodedFrames.decodeAll(own, parley.units());
        }
        try (FallbackH264Decoder fallback = new FallbackH264Decoder()) {
            DecodedFrames.assertSame("jcodec", jcodecFrames, decodedOnly(fallback, cabacUnits), 128, 96);
            assertThat(fallback.usingJcodec()).isTrue();
            DecodedFrames.assertSame("Parley's decoder", parleyFrames,
                    DecodedFrames.decodeAll(fallback, parley.units()), 128, 96);
            assertThat(fallback.usingJcodec()).isFalse();
            DecodedFrames.assertSame("jcodec again", jcodecFrames, decodedOnly(fallback, cabacUnits), 128, 96);
            assertThat(fallback.usingJcodec()).isTrue();
        }
        assertThat(jcodecFrames).hasSize(6);
        DecodedFrames.assertSame("ffmpeg", Ffmpeg.decode(dir, "cabac", cabac), jcodecFrames, 128, 96);
    }

    /**
     * A delta picture with memory_management_control_operation (unsupported) in a stream Parley's decoder had been
     * decoding: jcodec takes over, cannot start at a delta picture, so a keyframe is asked for; from the IDR on
     * jcodec decodes.
     */
    @Test
    void anUnsupportedDeltaPictureAsksForAKeyFrameForJcodec() {
        PcmIntraWriter writer = new PcmIntraWriter(32, 32);
        List<byte[]> idr = writer.writeIdr(new byte[32 * 32], new byte[16 * 16], new byte[16 * 16]);
        try (FallbackH264Decoder fallback = new FallbackH264Decoder()) {
            assertThat(fallback.decode(idr, 0)).isInstanceOf(VideoDecodeResult.Decoded.class);
            assertThat(fallback.decode(List.of(skipPicture(writer, 1, true)), 1))
                    .isInstanceOfSatisfying(VideoDecodeResult.Failed.class, f -> {
                        assertThat(f.needsKeyFrame()).isTrue();
                        assertThat(f.reason()).contains("memory_management_control_operation", "jcodec");
                    });
            assertThat(fallback.usingJcodec()).isTrue();
            assertThat(fallback.decode(idr.subList(2, 3), 2)).isInstanceOf(VideoDecodeResult.Decoded.class);
            assertThat(fallback.decode(List.of(skipPicture(writer, 1, false)), 3))
                    .isInstanceOf(VideoDecodeResult.Decoded.class);
            assertThat(fallback.usingJcodec()).as("the same SPS again keeps jcodec").isTrue();
        }
    }

    @Test
    void aClosedDecoderRefusesToDecode() {
        FallbackH264Decoder decoder = new FallbackH264Decoder();
        decoder.close();
        decoder.close();
        assertThatThrownBy(() -> decoder.decode(List.of(), 0)).isInstanceOf(IllegalStateException.class);
    }

    /** A P picture of P_Skip macroblocks only (4 of them), with or without an MMCO in its reference marking. */
    private static byte[] skipPicture(PcmIntraWriter writer, int frameNum, boolean mmco) {
        BitWriter w = new BitWriter();
        w.writeUe(0); // first_mb_in_slice
        w.writeUe(5); // P
        w.writeUe(0);
        w.writeBits(frameNum, writer.sps().log2MaxFrameNum());
        w.writeBit(false); // num_ref_idx_active_override_flag
        w.writeBit(false); // ref_pic_list_modification_flag_l0
        w.writeBit(mmco); // adaptive_ref_pic_marking_mode_flag
        if (mmco) {
            w.writeUe(2); // memory_management_control_operation 2: a long-term picture unused (none there)
            w.writeUe(0); // long_term_pic_num
            w.writeUe(0); // end
        }
        w.writeSe(0); // slice_qp_delta
        w.writeUe(1); // disable_deblocking_filter_idc
        w.writeUe(4); // mb_skip_run
        w.writeTrailingBits();
        return Nal.withHeader(NalHeader.of(2, NalUnitType.SLICE_NON_IDR), w.toByteArray());
    }

    private static DecodedFrames.Stream parleyStream(Kind kind, int frames) {
        return DecodedFrames.encode(H264EncoderConfig.rateControlled(128, 96, 300_000, 30),
                SyntheticVideo.of(kind, 128, 96, 2), frames, i -> false);
    }

    /** The pictures a decoder outputs for the access units, skipping Pending results; no failures allowed. */
    private static List<byte[]> decodedOnly(dev.parley.rtc.codec.VideoDecoder decoder, List<List<byte[]>> units) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            VideoDecodeResult r = decoder.decode(units.get(i), i);
            if (r instanceof VideoDecodeResult.Decoded d) {
                out.add(DecodedFrames.packed(d.frame()));
            } else {
                assertThat(r).as("access unit %d", i).isInstanceOf(VideoDecodeResult.Pending.class);
            }
        }
        return out;
    }
}
