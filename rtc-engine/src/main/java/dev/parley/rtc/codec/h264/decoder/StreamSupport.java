package dev.parley.rtc.codec.h264.decoder;

import dev.parley.rtc.codec.h264.BitReader;
import dev.parley.rtc.codec.h264.EmulationPrevention;
import dev.parley.rtc.codec.h264.H264ParseException;
import dev.parley.rtc.codec.h264.PicParameterSet;
import dev.parley.rtc.codec.h264.SeqParameterSet;
import dev.parley.rtc.media.VideoFrame;

/**
 * What {@link ParleyH264Decoder} decodes, as a reason string for what it does not (null when supported): frame-coded
 * 4:2:0 8-bit Baseline or Main profile streams with CAVLC, no weighted prediction, no constrained intra prediction,
 * picture order count type 0 or 2, and a reference picture store of bounded size. Everything else is left to
 * another decoder (see {@link FallbackH264Decoder}).
 */
final class StreamSupport {
    /**
     * Bound on the decoded picture store in macroblocks: MaxDpbMbs of levels 5.1 and 5.2 (Table A-1), 16 reference
     * frames of 1080p. Keeps a hostile SPS from sizing the store.
     */
    static final int MAX_STORE_MBS = 184_320;

    private StreamSupport() {
    }

    /** Why a stream with this SPS cannot be decoded here, or null. */
    static String unsupported(SeqParameterSet s) {
        int codedWidth = s.picWidthInMbs() * 16;
        int codedHeight = s.frameHeightInMbs() * 16;
        if (codedWidth > VideoFrame.MAX_DIMENSION || codedHeight > VideoFrame.MAX_DIMENSION) {
            return "coded size " + codedWidth + "x" + codedHeight + " exceeds " + VideoFrame.MAX_DIMENSION;
        }
        if (s.profileIdc() != 66 && s.profileIdc() != 77) {
            // Other profiles may carry scaling matrices, 4:4:4, high bit depths, 8x8 transforms (A.2).
            return "profile_idc " + s.profileIdc() + " (Baseline and Main only)";
        }
        if (!s.frameMbsOnly()) {
            return "interlaced coding (frame_mbs_only_flag = 0)";
        }
        if (s.picOrderCntType() == 1) {
            return "pic_order_cnt_type 1";
        }
        long storeMbs = (long) Math.max(1, s.maxNumRefFrames()) * s.picWidthInMbs() * s.frameHeightInMbs();
        if (storeMbs > MAX_STORE_MBS) {
            return s.maxNumRefFrames() + " reference frames of " + codedWidth + "x" + codedHeight;
        }
        return null;
    }

    /** Why a picture with this SPS and PPS cannot be decoded here, or null. */
    static String unsupported(SeqParameterSet s, PicParameterSet p) {
        String why = unsupported(s);
        if (why != null) {
            return why;
        }
        if (p.entropyCodingModeCabac()) {
            return "CABAC (entropy_coding_mode_flag = 1)";
        }
        if (p.weightedPred()) {
            return "weighted prediction (weighted_pred_flag = 1)";
        }
        if (p.constrainedIntraPred()) {
            return "constrained_intra_pred_flag = 1";
        }
        if (p.transform8x8Mode()) {
            return "8x8 transform (transform_8x8_mode_flag = 1)";
        }
        return null;
    }

    /**
     * Whether a PPS NAL unit (header byte included) uses slice groups (FMO): the one PPS feature
     * {@link dev.parley.rtc.codec.h264.PpsParser} rejects as unparseable rather than storing it. False when the
     * bytes do not get that far (the parser then reports them).
     */
    static boolean usesSliceGroups(byte[] nal) {
        // pic_parameter_set_id, seq_parameter_set_id, entropy_coding_mode_flag,
        // bottom_field_pic_order_in_frame_present_flag, num_slice_groups_minus1
        return field(nal, 4, 0b01100) > 0;
    }

    /** pic_parameter_set_id of a PPS NAL unit, or -1 when it does not parse. */
    static int ppsId(byte[] nal) {
        int id = field(nal, 0, 0);
        return id < ParameterSets.MAX_PPS ? id : -1;
    }

    /** seq_parameter_set_id of an SPS NAL unit (after profile_idc, the constraint flags and level_idc), or -1. */
    static int spsId(byte[] nal) {
        try {
            BitReader r = new BitReader(EmulationPrevention.unescape(nal, 1, Math.max(0, Math.min(nal.length - 1, 16))));
            r.readBits(24);
            int id = r.readUe();
            return id < ParameterSets.MAX_SPS ? id : -1;
        } catch (H264ParseException e) {
            return -1;
        }
    }

    /** pic_parameter_set_id of a slice NAL unit (after first_mb_in_slice and slice_type), or -1. */
    static int slicePpsId(byte[] nal) {
        int id = field(nal, 2, 0);
        return id < ParameterSets.MAX_PPS ? id : -1;
    }

    /**
     * Field {@code index} of a NAL unit's payload whose fields up to it are ue(v), except those whose bit is set in
     * {@code flagMask} (one-bit flags); -1 when the bytes do not get that far.
     */
    private static int field(byte[] nal, int index, int flagMask) {
        try {
            BitReader r = new BitReader(EmulationPrevention.unescape(nal, 1, Math.max(0, Math.min(nal.length - 1, 16))));
            int v = -1;
            for (int i = 0; i <= index; i++) {
                v = (flagMask & (1 << i)) != 0 ? r.readBits(1) : r.readUe();
            }
            return v;
        } catch (H264ParseException e) {
            return -1;
        }
    }
}
