package dev.parley.rtc.codec.h264;

/**
 * The picture parameter set (H.264 §7.3.2.2, semantics §7.4.2.2) without slice groups (FMO is not part of
 * Constrained Baseline, A.2.1.1).
 *
 * @param picInitQp 26 + pic_init_qp_minus26
 */
public record PicParameterSet(
        int ppsId,
        int spsId,
        boolean entropyCodingModeCabac,
        boolean bottomFieldPicOrderInFramePresent,
        int numRefIdxL0DefaultActive,
        int numRefIdxL1DefaultActive,
        boolean weightedPred,
        int weightedBipredIdc,
        int picInitQp,
        int picInitQs,
        int chromaQpIndexOffset,
        boolean deblockingFilterControlPresent,
        boolean constrainedIntraPred,
        boolean redundantPicCntPresent,
        boolean transform8x8Mode,
        int secondChromaQpIndexOffset) {

    /**
     * The PPS for Parley's Constrained Baseline streams: CAVLC, one reference, QP 26 base, and the deblocking
     * control present so a slice can switch the filter off (disable_deblocking_filter_idc, §7.4.3).
     */
    public static PicParameterSet constrainedBaseline(int ppsId, int spsId) {
        return new PicParameterSet(ppsId, spsId, false, false, 1, 1, false, 0, 26, 26, 0, true, false, false, false, 0);
    }
}
