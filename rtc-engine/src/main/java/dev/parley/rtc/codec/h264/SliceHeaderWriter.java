package dev.parley.rtc.codec.h264;

/**
 * Writes slice_header() (H.264 §7.3.3) for the slices Parley produces: I slices of IDR pictures and P slices, frame
 * coded, pic_order_cnt_type 2, one reference frame, CAVLC, sliding-window reference marking.
 */
public final class SliceHeaderWriter {
    /** slice_type 7: I, and every slice of the picture is I (Table 7-6). */
    static final int SLICE_TYPE_I_ALL = 7;
    /** slice_type 5: P, and every slice of the picture is P (Table 7-6). */
    static final int SLICE_TYPE_P_ALL = 5;

    private SliceHeaderWriter() {
    }

    /**
     * An IDR I slice starting at macroblock 0: frame_num 0 (§7.4.3, IDR pictures have frame_num 0), the given
     * idr_pic_id, no POC syntax (pic_order_cnt_type 2), dec_ref_pic_marking for an IDR, CAVLC, and the deblocking
     * filter off when {@code disableDeblocking} (needs deblocking_filter_control_present_flag in the PPS).
     */
    static void writeIdrISlice(BitWriter w, SeqParameterSet sps, PicParameterSet pps, int idrPicId, int sliceQp,
            boolean disableDeblocking) {
        writeIdrISlice(w, sps, pps, 0, idrPicId, sliceQp, disableDeblocking);
    }

    /** An IDR I slice starting at macroblock {@code firstMb}; see {@link #writeIdrISlice(BitWriter, SeqParameterSet,
     * PicParameterSet, int, int, boolean)}. */
    public static void writeIdrISlice(BitWriter w, SeqParameterSet sps, PicParameterSet pps, int firstMb,
            int idrPicId, int sliceQp, boolean disableDeblocking) {
        if (sps.picOrderCntType() != 2 || !sps.frameMbsOnly() || pps.entropyCodingModeCabac()) {
            throw new IllegalArgumentException("only frame-coded CAVLC streams with pic_order_cnt_type 2 are written");
        }
        w.writeUe(firstMb); // first_mb_in_slice
        w.writeUe(SLICE_TYPE_I_ALL);
        w.writeUe(pps.ppsId());
        w.writeBits(0, sps.log2MaxFrameNum()); // frame_num u(v)
        w.writeUe(idrPicId); // IdrPicFlag: idr_pic_id
        // pic_order_cnt_type 2: no pic_order_cnt_lsb / delta_pic_order_cnt; no redundant_pic_cnt (PPS flag off)
        w.writeBit(false); // dec_ref_pic_marking(): no_output_of_prior_pics_flag
        w.writeBit(false); // long_term_reference_flag
        writeQpAndDeblocking(w, pps, sliceQp, disableDeblocking);
    }

    /**
     * A P slice of a non-IDR reference picture starting at macroblock {@code firstMb}, predicting from the one
     * reference frame (num_ref_idx_active_override_flag 0 with the PPS default of 1).
     */
    public static void writePSlice(BitWriter w, SeqParameterSet sps, PicParameterSet pps, int firstMb, int frameNum,
            int sliceQp, boolean disableDeblocking) {
        if (sps.picOrderCntType() != 2 || !sps.frameMbsOnly() || pps.entropyCodingModeCabac()
                || pps.numRefIdxL0DefaultActive() != 1 || pps.weightedPred()) {
            throw new IllegalArgumentException("only single-reference CAVLC frame P slices with pic_order_cnt_type 2");
        }
        if (frameNum < 0 || frameNum >= 1 << sps.log2MaxFrameNum()) {
            throw new IllegalArgumentException("frame_num " + frameNum + " out of range");
        }
        w.writeUe(firstMb); // first_mb_in_slice
        w.writeUe(SLICE_TYPE_P_ALL);
        w.writeUe(pps.ppsId());
        w.writeBits(frameNum, sps.log2MaxFrameNum()); // frame_num u(v)
        w.writeBit(false); // num_ref_idx_active_override_flag
        w.writeBit(false); // ref_pic_list_modification_flag_l0 (§7.3.3.1)
        w.writeBit(false); // dec_ref_pic_marking(): adaptive_ref_pic_marking_mode_flag 0, sliding window (§8.2.5.3)
        writeQpAndDeblocking(w, pps, sliceQp, disableDeblocking);
    }

    private static void writeQpAndDeblocking(BitWriter w, PicParameterSet pps, int sliceQp, boolean disableDeblocking) {
        if (disableDeblocking && !pps.deblockingFilterControlPresent()) {
            throw new IllegalArgumentException("disabling the deblocking filter needs deblocking_filter_control_present_flag");
        }
        w.writeSe(sliceQp - pps.picInitQp()); // slice_qp_delta
        if (pps.deblockingFilterControlPresent()) {
            w.writeUe(disableDeblocking ? 1 : 0); // disable_deblocking_filter_idc
            if (!disableDeblocking) {
                w.writeSe(0); // slice_alpha_c0_offset_div2
                w.writeSe(0); // slice_beta_offset_div2
            }
        }
    }
}
