package dev.parley.rtc.codec.h264;

/**
 * Parses a sequence parameter set NAL unit (H.264 §7.3.2.1.1) up to vui_parameters_present_flag; the VUI itself is
 * not read. Every value is range-checked against its semantics (§7.4.2.1.1) and frames over
 * {@link #MAX_DIMENSION_MBS} macroblocks a side or {@link #MAX_FRAME_MBS} in total are rejected, so nothing
 * downstream sizes buffers from an attacker's numbers.
 */
public final class SpsParser {
    /** 16384 luma samples a side. */
    public static final int MAX_DIMENSION_MBS = 1024;
    /** MaxFS of level 6.2 (Table A-1): 8192x4320. */
    public static final int MAX_FRAME_MBS = 139_264;

    private SpsParser() {
    }

    /** Parses a whole SPS NAL unit: header byte (type 7) and escaped payload. */
    public static SeqParameterSet parse(byte[] nal) throws H264ParseException {
        if (nal.length < 4) {
            throw new H264ParseException("SPS of " + nal.length + " bytes is too short");
        }
        NalHeader h = NalHeader.parse(nal[0]);
        if (h.type() != NalUnitType.SPS || h.forbiddenBit()) {
            throw new H264ParseException("not an SPS NAL unit: header " + String.format("%02x", nal[0] & 0xff));
        }
        return parseRbsp(new BitReader(EmulationPrevention.unescape(nal, 1, nal.length - 1)));
    }

    static SeqParameterSet parseRbsp(BitReader r) throws H264ParseException {
        int profileIdc = r.readBits(8);
        int constraintFlags = r.readBits(8);
        int levelIdc = r.readBits(8);
        int spsId = r.readUe("seq_parameter_set_id", 0, 31);
        int chromaFormatIdc = 1;
        boolean separateColourPlane = false;
        int bitDepthLuma = 8;
        int bitDepthChroma = 8;
        if (SeqParameterSet.hasChromaInfo(profileIdc)) {
            chromaFormatIdc = r.readUe("chroma_format_idc", 0, 3);
            if (chromaFormatIdc == 3) {
                separateColourPlane = r.readFlag();
            }
            bitDepthLuma = 8 + r.readUe("bit_depth_luma_minus8", 0, 6);
            bitDepthChroma = 8 + r.readUe("bit_depth_chroma_minus8", 0, 6);
            r.readFlag(); // qpprime_y_zero_transform_bypass_flag
            if (r.readFlag()) { // seq_scaling_matrix_present_flag
                int lists = chromaFormatIdc != 3 ? 8 : 12;
                for (int i = 0; i < lists; i++) {
                    if (r.readFlag()) {
                        ScalingLists.skip(r, i < 6 ? 16 : 64);
                    }
                }
            }
        }
        int log2MaxFrameNum = 4 + r.readUe("log2_max_frame_num_minus4", 0, 12);
        int pocType = r.readUe("pic_order_cnt_type", 0, 2);
        int log2MaxPocLsb = 0;
        if (pocType == 0) {
            log2MaxPocLsb = 4 + r.readUe("log2_max_pic_order_cnt_lsb_minus4", 0, 12);
        } else if (pocType == 1) {
            r.readFlag(); // delta_pic_order_always_zero_flag
            r.readSe(); // offset_for_non_ref_pic
            r.readSe(); // offset_for_top_to_bottom_field
            int cycle = r.readUe("num_ref_frames_in_pic_order_cnt_cycle", 0, 255);
            for (int i = 0; i < cycle; i++) {
                r.readSe(); // offset_for_ref_frame[i]
            }
        }
        int maxNumRefFrames = r.readUe("max_num_ref_frames", 0, 16); // at most MaxDpbFrames <= 16 (A.3.1)
        boolean gaps = r.readFlag();
        int widthMbs = 1 + r.readUe("pic_width_in_mbs_minus1", 0, MAX_DIMENSION_MBS - 1);
        int heightMapUnits = 1 + r.readUe("pic_height_in_map_units_minus1", 0, MAX_DIMENSION_MBS - 1);
        boolean frameMbsOnly = r.readFlag();
        if (!frameMbsOnly) {
            r.readFlag(); // mb_adaptive_frame_field_flag
        }
        int heightMbs = (frameMbsOnly ? 1 : 2) * heightMapUnits;
        if (heightMbs > MAX_DIMENSION_MBS || (long) widthMbs * heightMbs > MAX_FRAME_MBS) {
            throw new H264ParseException("frame of " + widthMbs + "x" + heightMbs + " macroblocks is too large");
        }
        boolean direct8x8 = r.readFlag();
        int cl = 0;
        int cr = 0;
        int ct = 0;
        int cb = 0;
        if (r.readFlag()) { // frame_cropping_flag
            int maxOffset = MAX_DIMENSION_MBS * 16;
            cl = r.readUe("frame_crop_left_offset", 0, maxOffset);
            cr = r.readUe("frame_crop_right_offset", 0, maxOffset);
            ct = r.readUe("frame_crop_top_offset", 0, maxOffset);
            cb = r.readUe("frame_crop_bottom_offset", 0, maxOffset);
        }
        boolean vui = r.readFlag();
        SeqParameterSet sps = new SeqParameterSet(profileIdc, constraintFlags, levelIdc, spsId, chromaFormatIdc,
                separateColourPlane, bitDepthLuma, bitDepthChroma, log2MaxFrameNum, pocType, log2MaxPocLsb,
                maxNumRefFrames, gaps, widthMbs, heightMbs, frameMbsOnly, direct8x8, cl, cr, ct, cb, vui);
        // §7.4.2.1.1: the crop window must leave at least one sample in each direction
        if (sps.width() <= 0 || sps.height() <= 0) {
            throw new H264ParseException("frame cropping " + cl + "/" + cr + "/" + ct + "/" + cb
                    + " leaves no picture of " + widthMbs + "x" + heightMbs + " macroblocks");
        }
        if (!vui) {
            r.readTrailingBits();
        }
        return sps;
    }
}
