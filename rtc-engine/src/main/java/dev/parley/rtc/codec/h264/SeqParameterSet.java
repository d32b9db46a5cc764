package dev.parley.rtc.codec.h264;

/**
 * The sequence parameter set fields Parley reads and writes (H.264 §7.3.2.1.1, semantics §7.4.2.1.1). Crop offsets
 * are the coded values, in crop units; {@link #width()} and {@link #height()} apply them.
 *
 * @param constraintFlags the byte after profile_idc: constraint_set0..5 flags and reserved_zero_2bits
 * @param frameHeightInMbs FrameHeightInMbs = (2 - frame_mbs_only_flag) * PicHeightInMapUnits (7-18)
 */
public record SeqParameterSet(
        int profileIdc,
        int constraintFlags,
        int levelIdc,
        int spsId,
        int chromaFormatIdc,
        boolean separateColourPlane,
        int bitDepthLuma,
        int bitDepthChroma,
        int log2MaxFrameNum,
        int picOrderCntType,
        int log2MaxPicOrderCntLsb,
        int maxNumRefFrames,
        boolean gapsInFrameNumAllowed,
        int picWidthInMbs,
        int frameHeightInMbs,
        boolean frameMbsOnly,
        boolean direct8x8Inference,
        int cropLeft,
        int cropRight,
        int cropTop,
        int cropBottom,
        boolean vuiParametersPresent) {

    /** profile_idc 66 (Baseline, A.2.1). */
    public static final int PROFILE_BASELINE = 66;
    /** constraint_set0_flag, constraint_set1_flag, constraint_set2_flag: 0xe0 in profile-level-id 42e01f. */
    public static final int CONSTRAINTS_CONSTRAINED_BASELINE = 0xe0;
    /** Level 3.1 (Table A-1): 1280x720 at 30 fps, the level of profile-level-id 42e01f. */
    public static final int LEVEL_3_1 = 31;

    /**
     * A Constrained Baseline SPS (A.2.1.1: Baseline with constraint_set1_flag) for any even width and height:
     * macroblock-aligned, the excess cropped at the right and bottom; pic_order_cnt_type 2 (no B frames, output
     * order is decode order), one reference frame, frame_num of 8 bits, no VUI.
     */
    public static SeqParameterSet constrainedBaseline(int width, int height, int levelIdc) {
        if (width <= 0 || height <= 0 || (width & 1) != 0 || (height & 1) != 0) {
            throw new IllegalArgumentException("width and height must be positive and even: " + width + "x" + height);
        }
        if (width > SpsParser.MAX_DIMENSION_MBS * 16 || height > SpsParser.MAX_DIMENSION_MBS * 16) {
            throw new IllegalArgumentException("frame " + width + "x" + height + " too large");
        }
        int mbW = (width + 15) / 16;
        int mbH = (height + 15) / 16;
        // §7.4.2.1.1: for 4:2:0 frames CropUnitX = CropUnitY = 2
        return new SeqParameterSet(PROFILE_BASELINE, CONSTRAINTS_CONSTRAINED_BASELINE, levelIdc, 0, 1, false, 8, 8,
                8, 2, 0, 1, false, mbW, mbH, true, true, 0, (mbW * 16 - width) / 2, 0, (mbH * 16 - height) / 2, false);
    }

    /** ChromaArrayType (§7.4.2.1.1): 0 for monochrome or separately coded colour planes. */
    public int chromaArrayType() {
        return separateColourPlane ? 0 : chromaFormatIdc;
    }

    /** CropUnitX (7-19, 7-21). */
    public int cropUnitX() {
        return chromaArrayType() == 0 ? 1 : (chromaFormatIdc == 3 ? 1 : 2);
    }

    /** CropUnitY (7-20, 7-22). */
    public int cropUnitY() {
        int sub = chromaArrayType() == 0 ? 1 : (chromaFormatIdc == 1 ? 2 : 1);
        return sub * (frameMbsOnly ? 1 : 2);
    }

    public boolean frameCropping() {
        return (cropLeft | cropRight | cropTop | cropBottom) != 0;
    }

    /** Output width in luma samples: PicWidthInSamplesL minus the horizontal crop. */
    public int width() {
        return picWidthInMbs * 16 - cropUnitX() * (cropLeft + cropRight);
    }

    /** Output height in luma samples: FrameHeightInMbs * 16 minus the vertical crop. */
    public int height() {
        return frameHeightInMbs * 16 - cropUnitY() * (cropTop + cropBottom);
    }

    /** The same SPS with vui_parameters_present_flag set (the VUI itself goes to {@link SpsWriter}). */
    public SeqParameterSet withVui() {
        return new SeqParameterSet(profileIdc, constraintFlags, levelIdc, spsId, chromaFormatIdc, separateColourPlane,
                bitDepthLuma, bitDepthChroma, log2MaxFrameNum, picOrderCntType, log2MaxPicOrderCntLsb, maxNumRefFrames,
                gapsInFrameNumAllowed, picWidthInMbs, frameHeightInMbs, frameMbsOnly, direct8x8Inference, cropLeft,
                cropRight, cropTop, cropBottom, true);
    }

    /** Six hex digits as in SDP's profile-level-id (RFC 6184 §8.1): profile_idc, constraint byte, level_idc. */
    public String profileLevelId() {
        return String.format("%02x%02x%02x", profileIdc, constraintFlags, levelIdc);
    }

    /** Constrained Baseline (A.2.1.1): profile_idc 66 with constraint_set1_flag, or 77/88 signalling it (RFC 6184 §8.1). */
    public boolean isConstrainedBaseline() {
        boolean set0 = (constraintFlags & 0x80) != 0;
        boolean set1 = (constraintFlags & 0x40) != 0;
        return (profileIdc == PROFILE_BASELINE && set1) || (profileIdc == 77 && set0) || (profileIdc == 88 && set0 && set1);
    }

    /** Profiles whose SPS carries chroma_format_idc, bit depths and scaling lists (§7.3.2.1.1). */
    static boolean hasChromaInfo(int profileIdc) {
        return switch (profileIdc) {
            case 100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135 -> true;
            default -> false;
        };
    }
}
