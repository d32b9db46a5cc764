package dev.parley.rtc.codec.h264.decoder;

import dev.parley.rtc.codec.h264.BitReader;
import dev.parley.rtc.codec.h264.EmulationPrevention;
import dev.parley.rtc.codec.h264.H264ParseException;
import dev.parley.rtc.codec.h264.NalHeader;
import dev.parley.rtc.codec.h264.NalUnitType;
import dev.parley.rtc.codec.h264.PicParameterSet;
import dev.parley.rtc.codec.h264.SeqParameterSet;

/**
 * The start of a slice header (§7.3.3) up to frame_num: enough to tell which picture a slice belongs to, whether it
 * needs pictures the decoder may not have, and which parameter sets it activates.
 *
 * @param sliceType slice_type % 5 (Table 7-6): {@link #P}, {@link #B}, {@link #I}, {@link #SP} or {@link #SI}
 */
record SliceHeaderStart(boolean idr, int nalRefIdc, int firstMbInSlice, int sliceType, int frameNum,
                        PicParameterSet pps, SeqParameterSet sps) {
    static final int P = 0;
    static final int B = 1;
    static final int I = 2;
    static final int SP = 3;
    static final int SI = 4;

    /**
     * Escaped bytes read after the NAL header. The fields parsed take at most 35 + 7 + 17 + 2 + 16 bits
     * (first_mb_in_slice below 2^18, slice_type, pic_parameter_set_id, colour_plane_id, frame_num), far less than
     * the RBSP this many bytes leave after emulation prevention bytes are dropped.
     */
    private static final int PREFIX_BYTES = 32;

    /**
     * Parses the start of a slice NAL unit (type 1 or 5, header byte included) against the parameter sets received.
     *
     * @throws H264ParseException when the bytes are not a well-formed slice header start, refer to a PPS or SPS not
     *                            received, or break a rule of §7.4.3 that a conforming stream keeps
     */
    static SliceHeaderStart parse(byte[] nal, ParameterSets sets) throws H264ParseException {
        if (nal.length < 2) {
            throw new H264ParseException("slice NAL unit of " + nal.length + " bytes");
        }
        int type = NalHeader.type(nal[0]);
        boolean idr = type == NalUnitType.SLICE_IDR;
        int nalRefIdc = NalHeader.nalRefIdc(nal[0]);
        if (idr && nalRefIdc == 0) {
            throw new H264ParseException("IDR slice with nal_ref_idc 0"); // §7.4.1
        }
        BitReader r = new BitReader(EmulationPrevention.unescape(nal, 1, Math.min(nal.length - 1, PREFIX_BYTES)));
        int firstMb = r.readUe();
        int sliceType = r.readUe("slice_type", 0, 9) % 5;
        int ppsId = r.readUe("pic_parameter_set_id", 0, ParameterSets.MAX_PPS - 1);
        PicParameterSet pps = sets.pps(ppsId);
        if (pps == null) {
            throw new H264ParseException("slice refers to PPS " + ppsId + ", which was not received");
        }
        SeqParameterSet sps = sets.sps(pps.spsId());
        if (sps == null) {
            throw new H264ParseException("PPS " + ppsId + " refers to SPS " + pps.spsId() + ", which was not received");
        }
        if (firstMb >= sps.picWidthInMbs() * sps.frameHeightInMbs()) {
            throw new H264ParseException("first_mb_in_slice " + firstMb + " outside the picture");
        }
        if (idr && sliceType != I && sliceType != SI) {
            throw new H264ParseException("IDR slice of slice_type " + sliceType); // §7.4.3
        }
        if (sps.separateColourPlane()) {
            r.readBits(2); // colour_plane_id
        }
        int frameNum = r.readBits(sps.log2MaxFrameNum());
        if (idr && frameNum != 0) {
            throw new H264ParseException("IDR slice with frame_num " + frameNum); // §7.4.3
        }
        return new SliceHeaderStart(idr, nalRefIdc, firstMb, sliceType, frameNum, pps, sps);
    }
}
