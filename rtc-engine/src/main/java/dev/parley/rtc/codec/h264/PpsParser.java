package dev.parley.rtc.codec.h264;

/**
 * Parses a picture parameter set NAL unit (H.264 §7.3.2.2) with range checks from §7.4.2.2. Slice groups (FMO)
 * are rejected as unsupported; a High profile tail (transform_8x8_mode_flag and on) is read assuming 4:2:0.
 */
public final class PpsParser {
    private PpsParser() {
    }

    public static PicParameterSet parse(byte[] nal) throws H264ParseException {
        if (nal.length < 2) {
            throw new H264ParseException("PPS of " + nal.length + " bytes is too short");
        }
        NalHeader h = NalHeader.parse(nal[0]);
        if (h.type() != NalUnitType.PPS || h.forbiddenBit()) {
            throw new H264ParseException("not a PPS NAL unit: header " + String.format("%02x", nal[0] & 0xff));
        }
        BitReader r = new BitReader(EmulationPrevention.unescape(nal, 1, nal.length - 1));
        int ppsId = r.readUe("pic_parameter_set_id", 0, 255);
        int spsId = r.readUe("seq_parameter_set_id", 0, 31);
        boolean cabac = r.readFlag();
        boolean bottomField = r.readFlag();
        int sliceGroups = 1 + r.readUe("num_slice_groups_minus1", 0, 7);
        if (sliceGroups > 1) {
            throw new H264ParseException("slice groups (FMO, " + sliceGroups + " groups) are not supported");
        }
        int l0 = 1 + r.readUe("num_ref_idx_l0_default_active_minus1", 0, 31);
        int l1 = 1 + r.readUe("num_ref_idx_l1_default_active_minus1", 0, 31);
        boolean weighted = r.readFlag();
        int bipred = r.readBits(2);
        if (bipred == 3) {
            throw new H264ParseException("weighted_bipred_idc = 3 is reserved");
        }
        // -(26 + QpBdOffsetY) .. +25 for bit depths up to 14 (§7.4.2.2)
        int qp = 26 + r.readSe("pic_init_qp_minus26", -62, 25);
        int qs = 26 + r.readSe("pic_init_qs_minus26", -26, 25);
        int chromaOffset = r.readSe("chroma_qp_index_offset", -12, 12);
        boolean deblockingControl = r.readFlag();
        boolean constrainedIntra = r.readFlag();
        boolean redundant = r.readFlag();
        boolean t8x8 = false;
        int secondChromaOffset = chromaOffset;
        if (r.moreRbspData()) {
            t8x8 = r.readFlag();
            if (r.readFlag()) { // pic_scaling_matrix_present_flag
                int lists = 6 + (t8x8 ? 2 : 0);
                for (int i = 0; i < lists; i++) {
                    if (r.readFlag()) {
                        ScalingLists.skip(r, i < 6 ? 16 : 64);
                    }
                }
            }
            secondChromaOffset = r.readSe("second_chroma_qp_index_offset", -12, 12);
        }
        r.readTrailingBits();
        return new PicParameterSet(ppsId, spsId, cabac, bottomField, l0, l1, weighted, bipred, qp, qs, chromaOffset,
                deblockingControl, constrainedIntra, redundant, t8x8, secondChromaOffset);
    }
}
