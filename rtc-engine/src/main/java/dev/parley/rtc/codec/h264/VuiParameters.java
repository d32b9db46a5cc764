package dev.parley.rtc.codec.h264;

/**
 * The video usability information Parley writes after its SPS (H.264 Annex E.1.1): square pixels, BT.601 limited
 * range colour (what {@code VideoFrame} carries), the timing of the frame clock, and a bitstream restriction that
 * tells decoders no frame is ever reordered, so they output each picture as soon as it is decoded.
 *
 * @param numUnitsInTick num_units_in_tick (E.2.1); the frame rate is timeScale / (2 * numUnitsInTick)
 * @param timeScale time_scale (E.2.1)
 * @param log2MaxMvLength log2_max_mv_length_horizontal and _vertical: |mv| &lt; 2^n quarter samples (E.2.1)
 */
public record VuiParameters(int numUnitsInTick, int timeScale, int log2MaxMvLength) {

    /** aspect_ratio_idc 1: 1:1 sample aspect ratio (Table E-1). */
    static final int ASPECT_SQUARE = 1;
    /** video_format 5: unspecified (Table E-2). */
    static final int VIDEO_FORMAT_UNSPECIFIED = 5;
    /** colour_primaries, transfer_characteristics, matrix_coefficients 6: SMPTE 170M / BT.601 (Tables E-3..E-5). */
    static final int BT601 = 6;

    public VuiParameters {
        if (numUnitsInTick <= 0 || timeScale <= 0) {
            throw new IllegalArgumentException("timing must be positive: " + numUnitsInTick + "/" + timeScale);
        }
        if (log2MaxMvLength < 0 || log2MaxMvLength > 16) {
            throw new IllegalArgumentException("log2_max_mv_length not in 0..16: " + log2MaxMvLength);
        }
    }

    /** Timing for {@code fps} frames per second, to a thousandth of a frame. */
    public static VuiParameters forFrameRate(double fps, int log2MaxMvLength) {
        if (!(fps > 0 && fps <= 1000)) {
            throw new IllegalArgumentException("frame rate out of range: " + fps);
        }
        // E.2.1: one frame = 2 ticks for progressive frames, so time_scale = 2 * fps * num_units_in_tick.
        return new VuiParameters(1000, (int) Math.round(fps * 2000), log2MaxMvLength);
    }

    public double frameRate() {
        return timeScale / (2.0 * numUnitsInTick);
    }

    /** vui_parameters() (E.1.1). */
    void write(BitWriter w) {
        w.writeBit(true); // aspect_ratio_info_present_flag
        w.writeBits(ASPECT_SQUARE, 8);
        w.writeBit(false); // overscan_info_present_flag
        w.writeBit(true); // video_signal_type_present_flag
        w.writeBits(VIDEO_FORMAT_UNSPECIFIED, 3);
        w.writeBit(false); // video_full_range_flag: limited range
        w.writeBit(true); // colour_description_present_flag
        w.writeBits(BT601, 8);
        w.writeBits(BT601, 8);
        w.writeBits(BT601, 8);
        w.writeBit(false); // chroma_loc_info_present_flag
        w.writeBit(true); // timing_info_present_flag
        w.writeBits(numUnitsInTick, 32);
        w.writeBits(timeScale, 32);
        w.writeBit(false); // fixed_frame_rate_flag: a camera's cadence varies
        w.writeBit(false); // nal_hrd_parameters_present_flag
        w.writeBit(false); // vcl_hrd_parameters_present_flag
        w.writeBit(false); // pic_struct_present_flag
        w.writeBit(true); // bitstream_restriction_flag
        w.writeBit(true); // motion_vectors_over_pic_boundaries_flag
        w.writeUe(0); // max_bytes_per_pic_denom: no limit signalled
        w.writeUe(0); // max_bits_per_mb_denom
        w.writeUe(log2MaxMvLength); // log2_max_mv_length_horizontal
        w.writeUe(log2MaxMvLength); // log2_max_mv_length_vertical
        w.writeUe(0); // max_num_reorder_frames: output order is decoding order
        w.writeUe(1); // max_dec_frame_buffering: the one reference frame
    }
}
