package dev.parley.rtc.codec.h264.decoder;

import dev.parley.rtc.codec.h264.H264ParseException;
import dev.parley.rtc.codec.h264.PicParameterSet;
import dev.parley.rtc.codec.h264.PpsParser;
import dev.parley.rtc.codec.h264.SeqParameterSet;
import dev.parley.rtc.codec.h264.SpsParser;
import dev.parley.rtc.media.VideoFrame;
import java.util.Arrays;

/**
 * The latest sequence and picture parameter sets seen for each id, parsed and as their NAL bytes (so a fresh jcodec
 * decoder can be given them again), with the reason a set cannot be decoded when it uses something jcodec 0.2.5 or
 * {@link VideoFrame} does not support. Parameter sets persist across access units (§7.4.1.2.1): a stream sends them
 * with each IDR, but a slice may refer to any set received earlier.
 */
final class ParameterSets {
    /** seq_parameter_set_id is 0..31 (§7.4.2.1.1). */
    static final int MAX_SPS = 32;
    /** pic_parameter_set_id is 0..255 (§7.4.2.2). */
    static final int MAX_PPS = 256;
    /**
     * Above any legal set: the longest SPS (12 scaling lists, a 255-entry picture order count cycle and two HRD
     * tables of 32 entries, every value at its longest Exp-Golomb code) is about 5 KiB.
     */
    static final int MAX_NAL_BYTES = 8192;

    private final SeqParameterSet[] sps = new SeqParameterSet[MAX_SPS];
    private final byte[][] spsNal = new byte[MAX_SPS][];
    private final String[] spsUnsupported = new String[MAX_SPS];
    private final PicParameterSet[] pps = new PicParameterSet[MAX_PPS];
    private final byte[][] ppsNal = new byte[MAX_PPS][];
    private final String[] ppsUnsupported = new String[MAX_PPS];

    /**
     * Stores an SPS NAL unit (header byte included); the array is copied, not kept.
     *
     * @throws H264ParseException if it does not parse or is implausibly long; what was stored for its id stays
     */
    void putSps(byte[] nal) throws H264ParseException {
        checkLength("SPS", nal);
        SeqParameterSet parsed = SpsParser.parse(nal);
        int id = parsed.spsId();
        if (!Arrays.equals(spsNal[id], nal)) {
            sps[id] = parsed;
            spsNal[id] = nal.clone();
            spsUnsupported[id] = unsupported(parsed);
        }
    }

    /**
     * Stores a PPS NAL unit (header byte included); the array is copied, not kept.
     *
     * @return the parsed PPS if it is new or differs from the one stored for its id, null for a repeat
     * @throws H264ParseException if it does not parse or is implausibly long; what was stored for its id stays
     */
    PicParameterSet putPps(byte[] nal) throws H264ParseException {
        checkLength("PPS", nal);
        PicParameterSet parsed = PpsParser.parse(nal);
        int id = parsed.ppsId();
        if (Arrays.equals(ppsNal[id], nal)) {
            return null;
        }
        pps[id] = parsed;
        ppsNal[id] = nal.clone();
        // jcodec 0.2.5 throws "Unsupported h264 feature: constrained intra prediction" (shared/codec/CODEC-NOTES.md)
        ppsUnsupported[id] = parsed.constrainedIntraPred() ? "constrained_intra_pred_flag = 1" : null;
        return parsed;
    }

    /** Bounds what the 288 stored sets can hold: the parsers stop before any trailing garbage. */
    private static void checkLength(String what, byte[] nal) throws H264ParseException {
        if (nal.length > MAX_NAL_BYTES) {
            throw new H264ParseException(what + " NAL unit of " + nal.length + " bytes");
        }
    }

    /** The SPS with this id, or null if none was received. */
    SeqParameterSet sps(int id) {
        return sps[id];
    }

    /** The PPS with this id, or null if none was received. */
    PicParameterSet pps(int id) {
        return pps[id];
    }

    /** Why the SPS with this id cannot be decoded, or null if it can (or is absent). */
    String spsUnsupported(int id) {
        return spsUnsupported[id];
    }

    /** Why the PPS with this id cannot be decoded, or null if it can (or is absent). */
    String ppsUnsupported(int id) {
        return ppsUnsupported[id];
    }

    /** The stored SPS NAL unit with this id (not a copy: do not modify), or null. */
    byte[] spsNal(int id) {
        return spsNal[id];
    }

    /** The stored PPS NAL unit with this id (not a copy: do not modify), or null. */
    byte[] ppsNal(int id) {
        return ppsNal[id];
    }

    /**
     * What jcodec 0.2.5 rejects (its FrameDecoder.validateSupportedFeatures: 8-bit 4:2:0 progressive Baseline, Main
     * or High) and what a {@link VideoFrame} cannot hold: the coded size bounds every buffer allocated for it.
     */
    private static String unsupported(SeqParameterSet s) {
        int codedWidth = s.picWidthInMbs() * 16;
        int codedHeight = s.frameHeightInMbs() * 16;
        if (codedWidth > VideoFrame.MAX_DIMENSION || codedHeight > VideoFrame.MAX_DIMENSION) {
            return "coded size " + codedWidth + "x" + codedHeight + " exceeds " + VideoFrame.MAX_DIMENSION;
        }
        if (s.chromaFormatIdc() != 1 || s.separateColourPlane()) {
            return "chroma_format_idc " + s.chromaFormatIdc() + " (only 4:2:0 is supported)";
        }
        if (s.bitDepthLuma() != 8 || s.bitDepthChroma() != 8) {
            return "bit depth " + s.bitDepthLuma() + "/" + s.bitDepthChroma() + " (only 8 is supported)";
        }
        if (!s.frameMbsOnly()) {
            return "interlaced coding (frame_mbs_only_flag = 0)";
        }
        return switch (s.profileIdc()) {
            case 66, 77, 100 -> null; // Baseline, Main, High (A.2.1, A.2.2, A.2.4)
            default -> "profile_idc " + s.profileIdc();
        };
    }
}
