package dev.parley.rtc.codec.h264;

/** Writes a sequence parameter set NAL unit (H.264 §7.3.2.1.1), with or without VUI; pic_order_cnt_type 0 or 2. */
public final class SpsWriter {
    private SpsWriter() {
    }

    /** The whole NAL unit: header (nal_ref_idc 3, type 7) and escaped RBSP; the SPS must say it has no VUI. */
    public static byte[] write(SeqParameterSet sps) {
        if (sps.vuiParametersPresent()) {
            throw new IllegalArgumentException("the SPS says it has VUI: pass the VUI parameters");
        }
        return write(sps, null);
    }

    /** As {@link #write(SeqParameterSet)}, followed by {@code vui} (the SPS must say it has VUI). */
    public static byte[] write(SeqParameterSet sps, VuiParameters vui) {
        if (sps.picOrderCntType() == 1) {
            throw new IllegalArgumentException("pic_order_cnt_type 1 is not written by Parley");
        }
        if (sps.vuiParametersPresent() != (vui != null)) {
            throw new IllegalArgumentException("vui_parameters_present_flag does not match the VUI given");
        }
        BitWriter w = new BitWriter(32);
        w.writeBits(sps.profileIdc(), 8);
        w.writeBits(sps.constraintFlags(), 8);
        w.writeBits(sps.levelIdc(), 8);
        w.writeUe(sps.spsId());
        if (SeqParameterSet.hasChromaInfo(sps.profileIdc())) {
            w.writeUe(sps.chromaFormatIdc());
            if (sps.chromaFormatIdc() == 3) {
                w.writeBit(sps.separateColourPlane());
            }
            w.writeUe(sps.bitDepthLuma() - 8);
            w.writeUe(sps.bitDepthChroma() - 8);
            w.writeBit(false); // qpprime_y_zero_transform_bypass_flag
            w.writeBit(false); // seq_scaling_matrix_present_flag: flat scaling
        }
        w.writeUe(sps.log2MaxFrameNum() - 4);
        w.writeUe(sps.picOrderCntType());
        if (sps.picOrderCntType() == 0) {
            w.writeUe(sps.log2MaxPicOrderCntLsb() - 4);
        }
        w.writeUe(sps.maxNumRefFrames());
        w.writeBit(sps.gapsInFrameNumAllowed());
        w.writeUe(sps.picWidthInMbs() - 1);
        w.writeUe(sps.frameHeightInMbs() / (sps.frameMbsOnly() ? 1 : 2) - 1); // pic_height_in_map_units_minus1
        w.writeBit(sps.frameMbsOnly());
        if (!sps.frameMbsOnly()) {
            w.writeBit(false); // mb_adaptive_frame_field_flag
        }
        w.writeBit(sps.direct8x8Inference());
        w.writeBit(sps.frameCropping());
        if (sps.frameCropping()) {
            w.writeUe(sps.cropLeft());
            w.writeUe(sps.cropRight());
            w.writeUe(sps.cropTop());
            w.writeUe(sps.cropBottom());
        }
        w.writeBit(vui != null); // vui_parameters_present_flag
        if (vui != null) {
            vui.write(w);
        }
        w.writeTrailingBits();
        return Nal.withHeader(NalHeader.of(3, NalUnitType.SPS), w.toByteArray());
    }
}
