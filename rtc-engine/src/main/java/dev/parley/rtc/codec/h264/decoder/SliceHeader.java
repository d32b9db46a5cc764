package dev.parley.rtc.codec.h264.decoder;

import dev.parley.rtc.codec.h264.H264ParseException;
import dev.parley.rtc.codec.h264.NalHeader;
import dev.parley.rtc.codec.h264.NalUnitType;
import dev.parley.rtc.codec.h264.PicParameterSet;
import dev.parley.rtc.codec.h264.SeqParameterSet;

/**
 * A whole slice header (§7.3.3, semantics §7.4.3) of the streams {@link ParleyH264Decoder} decodes: frame-coded
 * CAVLC I and P slices. Reused from slice to slice. Syntax this decoder does not implement (long-term reference
 * pictures, memory_management_control_operation, redundant slices, B/SP/SI slices, ...) is not an error: parsing
 * stops and {@link #unsupported} says what it was, so the caller can hand the stream to another decoder.
 */
final class SliceHeader {
    /** Most ref_pic_list_modification operations kept: one per list entry plus the end (§7.4.3.1). */
    static final int MAX_MODIFICATIONS = 33;

    boolean idr;
    int nalRefIdc;
    int firstMb;
    /** slice_type % 5: {@link SliceHeaderStart#P} or {@link SliceHeaderStart#I}. */
    int sliceType;
    PicParameterSet pps;
    SeqParameterSet sps;
    int frameNum;
    int idrPicId;
    int picOrderCntLsb;
    /** num_ref_idx_l0_active_minus1 + 1 (P slices). */
    int numRefIdxActive;
    /** ref_pic_list_modification: modification_of_pic_nums_idc (0 or 1) and abs_diff_pic_num_minus1 of each. */
    final int[] modificationIdc = new int[MAX_MODIFICATIONS];
    final int[] absDiffPicNumMinus1 = new int[MAX_MODIFICATIONS];
    int modifications;
    int sliceQp;
    int disableDeblockingFilterIdc;
    /** FilterOffsetA and FilterOffsetB (§7.4.3: the _div2 values times 2). */
    int filterOffsetA;
    int filterOffsetB;
    /**
     * Bit positions in the RBSP of ref_pic_list_modification() (-1 in I slices) and of what follows it, of
     * disable_deblocking_filter_idc (-1 without deblocking_filter_control_present_flag), and of slice_data().
     */
    int modificationStart;
    int modificationEnd;
    int deblockingStart;
    int dataStart;
    /** Why this slice cannot be decoded here, or null. */
    String unsupported;

    /**
     * Parses the header of a slice NAL unit whose payload {@code r} holds (after the NAL header byte), leaving
     * {@code r} at the first bit of slice_data() unless {@link #unsupported} is set.
     *
     * @param header the NAL unit's first byte (type 1 or 5)
     * @throws H264ParseException for a malformed header or one referring to parameter sets not received
     */
    void parse(byte header, RbspReader r, ParameterSets sets) throws H264ParseException {
        unsupported = null;
        idr = NalHeader.type(header) == NalUnitType.SLICE_IDR;
        nalRefIdc = NalHeader.nalRefIdc(header);
        firstMb = r.readUe();
        int type = r.readUe("slice_type", 9) % 5;
        sliceType = type;
        int ppsId = r.readUe("pic_parameter_set_id", ParameterSets.MAX_PPS - 1);
        pps = sets.pps(ppsId);
        if (pps == null) {
            throw new H264ParseException("slice refers to PPS " + ppsId + ", which was not received");
        }
        sps = sets.sps(pps.spsId());
        if (sps == null) {
            throw new H264ParseException("PPS " + ppsId + " refers to SPS " + pps.spsId() + ", which was not received");
        }
        if (firstMb >= sps.picWidthInMbs() * sps.frameHeightInMbs()) {
            throw new H264ParseException("first_mb_in_slice " + firstMb + " outside the picture");
        }
        if (type != SliceHeaderStart.P && type != SliceHeaderStart.I) {
            unsupported = "slice_type " + type + " (only I and P slices are decoded here)";
            return;
        }
        if (idr && type != SliceHeaderStart.I) {
            throw new H264ParseException("IDR slice of slice_type " + type); // §7.4.3
        }
        String why = StreamSupport.unsupported(sps, pps);
        if (why != null) {
            unsupported = why;
            return;
        }
        frameNum = r.readBits(sps.log2MaxFrameNum());
        if (idr) {
            if (frameNum != 0) {
                throw new H264ParseException("IDR slice with frame_num " + frameNum); // §7.4.3
            }
            idrPicId = r.readUe("idr_pic_id", 65535);
        }
        if (sps.picOrderCntType() == 0) {
            picOrderCntLsb = r.readBits(sps.log2MaxPicOrderCntLsb());
            if (pps.bottomFieldPicOrderInFramePresent()) {
                r.readSe(); // delta_pic_order_cnt_bottom: output order only
            }
        }
        if (pps.redundantPicCntPresent() && r.readUe("redundant_pic_cnt", 127) != 0) {
            unsupported = "redundant slices (redundant_pic_cnt > 0)";
            return;
        }
        modifications = 0;
        modificationStart = -1;
        modificationEnd = -1;
        if (type == SliceHeaderStart.P) {
            numRefIdxActive = pps.numRefIdxL0DefaultActive();
            if (r.readBit() != 0) { // num_ref_idx_active_override_flag
                numRefIdxActive = 1 + r.readUe("num_ref_idx_l0_active_minus1", 15); // frames: 0..15 (§7.4.3)
            } else if (numRefIdxActive > 16) {
                throw new H264ParseException("num_ref_idx_l0_default_active_minus1 above 15 in a frame slice");
            }
            modificationStart = r.position();
            if (r.readBit() != 0 && !readModifications(r)) { // ref_pic_list_modification_flag_l0 (§7.3.3.1)
                return;
            }
            modificationEnd = r.position();
        }
        if (nalRefIdc != 0 && !readMarking(r)) {
            return;
        }
        sliceQp = pps.picInitQp() + r.readSe("slice_qp_delta", -87, 77);
        if (sliceQp < 0 || sliceQp > 51) {
            throw new H264ParseException("SliceQPY " + sliceQp + " outside 0..51"); // §7.4.3, 8-bit
        }
        disableDeblockingFilterIdc = 0;
        filterOffsetA = 0;
        filterOffsetB = 0;
        deblockingStart = -1;
        if (pps.deblockingFilterControlPresent()) {
            deblockingStart = r.position();
            disableDeblockingFilterIdc = r.readUe("disable_deblocking_filter_idc", 2);
            if (disableDeblockingFilterIdc != 1) {
                filterOffsetA = 2 * r.readSe("slice_alpha_c0_offset_div2", -6, 6);
                filterOffsetB = 2 * r.readSe("slice_beta_offset_div2", -6, 6);
            }
        }
        if (r.overrun()) {
            throw new H264ParseException("slice header runs past the end of the slice");
        }
        dataStart = r.position();
    }

    /** ref_pic_list_modification() for list 0; false (with {@link #unsupported}) for long-term operations. */
    private boolean readModifications(RbspReader r) throws H264ParseException {
        int maxPicNum = 1 << sps.log2MaxFrameNum();
        while (true) {
            int idc = r.readUe("modification_of_pic_nums_idc", 5);
            if (idc == 3) {
                return true;
            }
            if (idc == 2) {
                unsupported = "reference list modification with long-term pictures";
                return false;
            }
            if (idc > 3) {
                throw new H264ParseException("modification_of_pic_nums_idc " + idc + " in a non-MVC slice");
            }
            if (modifications == numRefIdxActive) {
                throw new H264ParseException("more reference list modifications than list entries"); // §7.4.3.1
            }
            modificationIdc[modifications] = idc;
            absDiffPicNumMinus1[modifications] = r.readUe("abs_diff_pic_num_minus1", maxPicNum - 1);
            modifications++;
        }
    }

    /** dec_ref_pic_marking() (§7.3.3.3); false (with {@link #unsupported}) unless it is the sliding window. */
    private boolean readMarking(RbspReader r) {
        if (idr) {
            r.readBit(); // no_output_of_prior_pics_flag: pictures are output as they are decoded
            if (r.readBit() != 0) {
                unsupported = "long-term reference pictures (long_term_reference_flag)";
                return false;
            }
        } else if (r.readBit() != 0) {
            unsupported = "memory_management_control_operation (adaptive_ref_pic_marking_mode_flag)";
            return false;
        }
        return true;
    }
}
