package dev.parley.rtc.codec.h264;

/** Writes slice_header() (H.264 §7.3.3) for the slices Parley produces today: one I slice covering an IDR picture. */
final class SliceHeaderWriter {
    /** slice_type 7: I, and every slice of the picture is I (Table 7-6). */
    static final int SLICE_TYPE_I_ALL = 7;

    private SliceHeaderWriter() {
    }

    /**
     * An IDR I slice starting at macroblock 0: frame_num 0 (§7.4.3, IDR pictures have frame_num 0), the given
     * idr_pic_id, no POC syntax (pic_order_cnt_type 2), dec_ref_pic_marking for an IDR, CAVLC, and the deblocking
     * filter off when {@code disableDeblocking} (needs deblocking_filter_control_present_flag in the PPS).
     */
    static void writeIdrISlice(BitWriter w, SeqParameterSet sps, PicParameterSet pps, int idrPicId, int sliceQp,
            boolean disableDeblocking) {
        if (sps.picOrderCntType() != 2 || !sps.frameMbsOnly() || pps.entropyCodingModeCabac()) {
            throw new IllegalArgumentException("only frame-coded CAVLC streams with pic_order_cnt_type 2 are written");
        }
        if (disableDeblocking && !pps.deblockingFilterControlPresent()) {
            throw new IllegalArgumentException("disabling the deblocking filter needs deblocking_filter_control_present_flag");
        }
        w.writeUe(0); // first_mb_in_slice
        w.writeUe(SLICE_TYPE_I_ALL);
        w.writeUe(pps.ppsId());
        w.writeBits(0, sps.log2MaxFrameNum()); // frame_num u(v)
        w.writeUe(idrPicId); // IdrPicFlag: idr_pic_id
        // pic_order_cnt_type 2: no pic_order_cnt_lsb / delta_pic_order_cnt; no redundant_pic_cnt (PPS flag off)
        w.writeBit(false); // dec_ref_pic_marking(): no_output_of_prior_pics_flag
        w.writeBit(false); // long_term_reference_flag
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
