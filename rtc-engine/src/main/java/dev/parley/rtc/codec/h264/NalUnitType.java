package dev.parley.rtc.codec.h264;

/** nal_unit_type values (H.264 Table 7-1) and the RFC 6184 packet types (§5.2, Table 1) that share the field. */
public final class NalUnitType {
    public static final int UNSPECIFIED = 0;
    public static final int SLICE_NON_IDR = 1;
    public static final int SLICE_PARTITION_A = 2;
    public static final int SLICE_PARTITION_B = 3;
    public static final int SLICE_PARTITION_C = 4;
    public static final int SLICE_IDR = 5;
    public static final int SEI = 6;
    public static final int SPS = 7;
    public static final int PPS = 8;
    public static final int AUD = 9;
    public static final int END_OF_SEQUENCE = 10;
    public static final int END_OF_STREAM = 11;
    public static final int FILLER = 12;
    /** RFC 6184 §5.7.1: single-time aggregation packet, type A. */
    public static final int STAP_A = 24;
    /** RFC 6184 §5.7.1: STAP-B (interleaved mode only). */
    public static final int STAP_B = 25;
    /** RFC 6184 §5.7.2: MTAP16 (interleaved mode only). */
    public static final int MTAP16 = 26;
    /** RFC 6184 §5.7.2: MTAP24 (interleaved mode only). */
    public static final int MTAP24 = 27;
    /** RFC 6184 §5.8: fragmentation unit, type A. */
    public static final int FU_A = 28;
    /** RFC 6184 §5.8: FU-B (interleaved mode only). */
    public static final int FU_B = 29;

    private NalUnitType() {
    }

    public static boolean isSlice(int type) {
        return type >= SLICE_NON_IDR && type <= SLICE_IDR;
    }
}
