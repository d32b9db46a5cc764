package dev.parley.rtc.codec.h264;

/** Writes a picture parameter set NAL unit (H.264 §7.3.2.2), one slice group, no High profile tail. */
public final class PpsWriter {
    private PpsWriter() {
    }

    public static byte[] write(PicParameterSet pps) {
        if (pps.transform8x8Mode() || pps.secondChromaQpIndexOffset() != pps.chromaQpIndexOffset()) {
            throw new IllegalArgumentException("the High profile PPS tail is not written by Parley");
        }
        BitWriter w = new BitWriter(16);
        w.writeUe(pps.ppsId());
        w.writeUe(pps.spsId());
        w.writeBit(pps.entropyCodingModeCabac());
        w.writeBit(pps.bottomFieldPicOrderInFramePresent());
        w.writeUe(0); // num_slice_groups_minus1
        w.writeUe(pps.numRefIdxL0DefaultActive() - 1);
        w.writeUe(pps.numRefIdxL1DefaultActive() - 1);
        w.writeBit(pps.weightedPred());
        w.writeBits(pps.weightedBipredIdc(), 2);
        w.writeSe(pps.picInitQp() - 26);
        w.writeSe(pps.picInitQs() - 26);
        w.writeSe(pps.chromaQpIndexOffset());
        w.writeBit(pps.deblockingFilterControlPresent());
        w.writeBit(pps.constrainedIntraPred());
        w.writeBit(pps.redundantPicCntPresent());
        w.writeTrailingBits();
        return Nal.withHeader(NalHeader.of(3, NalUnitType.PPS), w.toByteArray());
    }
}
