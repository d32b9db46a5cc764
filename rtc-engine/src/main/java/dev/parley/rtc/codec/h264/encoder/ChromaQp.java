package dev.parley.rtc.codec.h264.encoder;

/** Chroma quantisation parameter QPc from the luma QP (H.264 §8.5.8, Table 8-15). */
public final class ChromaQp {
    /** Table 8-15 for qPI 30..51 (below 30, QPc = qPI). */
    private static final int[] QPC_FROM_30 = {
        29, 30, 31, 32, 32, 33, 34, 34, 35, 35, 36, 36, 37, 37, 37, 38, 38, 38, 39, 39, 39, 39};

    private ChromaQp() {
    }

    /** QPc for luma QP {@code qpY} (0..51) and {@code chroma_qp_index_offset} (-12..12). */
    public static int qpc(int qpY, int chromaQpIndexOffset) {
        int qpi = qpY + chromaQpIndexOffset; // §8.5.8: qPI = Clip3(-QpBdOffsetC, 51, QPY + qPOffset), 8-bit
        return fromQpi(qpi < 0 ? 0 : qpi > 51 ? 51 : qpi);
    }

    /** Table 8-15: QPc as a function of qPI (0..51). */
    static int fromQpi(int qpi) {
        return qpi < 30 ? qpi : QPC_FROM_30[qpi - 30];
    }
}
