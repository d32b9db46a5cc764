package dev.parley.rtc.codec.h264.decoder;

import dev.parley.rtc.codec.VideoDecodeResult;
import dev.parley.rtc.codec.VideoDecoder;
import dev.parley.rtc.codec.h264.H264ParseException;
import dev.parley.rtc.codec.h264.NalHeader;
import dev.parley.rtc.codec.h264.NalUnitType;
import dev.parley.rtc.codec.h264.PicParameterSet;
import dev.parley.rtc.media.VideoFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Parley's H.264 decoder: jcodec 0.2.5's decoder behind {@link VideoDecoder}, with the checks that keep a lossy,
 * hostile network from ever showing a corrupt picture or wedging it.
 *
 * <p>Per access unit: SPS and PPS NAL units are parsed with Parley's own parsers and kept by id for later access
 * units (a set that does not parse fails the access unit); slices (types 1 and 5) are checked from their header
 * start ({@link SliceHeaderStart}) before jcodec sees them; other NAL units (SEI, AUD, ...) are ignored. The result:
 * <ul>
 *   <li>{@link VideoDecodeResult.Decoded}: the cropped picture, in buffers reused while the size stays the same,
 *       valid until the next call.</li>
 *   <li>{@link VideoDecodeResult.Pending}: parameter sets only, or a delta frame before the first IDR was ever
 *       decoded (as the interface defines Pending: not an error yet; a receiver that sees only Pending for a while
 *       asks for a keyframe on its own).</li>
 *   <li>{@link VideoDecodeResult.Failed} with {@code needsKeyFrame}: malformed NAL units or parameter sets, a slice
 *       referring to sets not received, slices of one access unit that disagree, a missing first slice, anything
 *       jcodec throws, and a lost reference picture: a non-IDR picture whose frame_num is not PrevRefFrameNum + 1
 *       (§7.4.3, §8.2.5.2; this check ignores gaps_in_frame_num_value_allowed_flag, since jcodec does not
 *       implement the gap process of §8.2.5.2 and would decode from the wrong references). After any such
 *       failure every delta frame is refused the same way until an IDR decodes.</li>
 *   <li>Failed without {@code needsKeyFrame}: a stream using what jcodec or {@link VideoFrame} cannot do (not 4:2:0
 *       8-bit progressive Baseline/Main/High, constrained_intra_pred_flag 1, a coded size over
 *       {@value VideoFrame#MAX_DIMENSION}); a keyframe would not help. Delta frames are refused after it too.</li>
 * </ul>
 *
 * <p>Known limits: pictures come out in decoding order (right for Constrained Baseline, which has no B slices);
 * arbitrary slice order is refused (the first slice must start at macroblock 0 and the others follow in order); a
 * picture with memory_management_control_operation 5 is followed by a frame_num this decoder takes for a gap, so the
 * stream recovers at the next IDR; jcodec ignores disable_deblocking_filter_idc 1 (it always deblocks), so streams
 * that switch the filter off decode with a small mismatch. Not thread-safe: one decoder thread calls it.
 */
public final class JcodecH264Decoder implements VideoDecoder {
    private final ParameterSets sets = new ParameterSets();
    private final List<byte[]> slices = new ArrayList<>();
    private final List<SliceHeaderStart> headers = new ArrayList<>();
    private JcodecSession session;
    /** False until the first IDR decodes: delta frames before it are Pending, not Failed. */
    private boolean decodedIdr;
    /** Set by every failure (its reason): delta frames are refused until an IDR decodes. */
    private String awaitingIdr = "no IDR yet";
    /** Whether a keyframe would end that failure (false for an unsupported stream). */
    private boolean keyFrameHelps = true;
    private int prevRefFrameNum;
    private boolean closed;

    @Override
    public VideoDecodeResult decode(List<byte[]> nalUnits, long timestampNanos) {
        Objects.requireNonNull(nalUnits, "nalUnits");
        if (closed) {
            throw new IllegalStateException("decoder closed");
        }
        try {
            return decodeAccessUnit(nalUnits, timestampNanos);
        } catch (H264ParseException e) {
            return fail(e.getMessage(), true);
        } catch (RuntimeException | AssertionError e) {
            // jcodec on hostile input: index errors, null references, its own RuntimeExceptions and assertions
            return fail("jcodec: " + e, true);
        }
    }

    private VideoDecodeResult decodeAccessUnit(List<byte[]> nalUnits, long timestampNanos) throws H264ParseException {
        slices.clear();
        for (byte[] nal : nalUnits) {
            if (nal == null || nal.length == 0) {
                throw new H264ParseException("empty NAL unit");
            }
            NalHeader h = NalHeader.parse(nal[0]);
            if (h.forbiddenBit()) {
                throw new H264ParseException("forbidden_zero_bit set"); // §7.4.1: a corrupt unit (RFC 6184 §5.3)
            }
            switch (h.type()) {
                case NalUnitType.SPS -> sets.putSps(nal); // a changed SPS takes effect at an IDR, in a new session
                case NalUnitType.PPS -> {
                    PicParameterSet changed = sets.putPps(nal);
                    if (changed != null && session != null && changed.spsId() == session.sps().spsId()) {
                        session.addPps(nal); // may change between pictures (§7.4.1.2.1)
                    }
                }
                case NalUnitType.SLICE_NON_IDR, NalUnitType.SLICE_IDR -> slices.add(nal);
                case NalUnitType.SLICE_PARTITION_A, NalUnitType.SLICE_PARTITION_B, NalUnitType.SLICE_PARTITION_C ->
                        throw new H264ParseException("data partitioning is not supported (Extended profile)");
                default -> {
                    // SEI, access unit delimiter, end of sequence/stream, filler, extensions: nothing to decode
                }
            }
        }
        if (slices.isEmpty()) {
            return new VideoDecodeResult.Pending("no slice in the access unit");
        }
        boolean idr = NalHeader.type(slices.get(0)[0]) == NalUnitType.SLICE_IDR;
        if (!idr && awaitingIdr != null) {
            return decodedIdr
                    ? new VideoDecodeResult.Failed("delta frame refused until an IDR: " + awaitingIdr, keyFrameHelps)
                    : new VideoDecodeResult.Pending("delta frame before the first IDR");
        }
        SliceHeaderStart first = checkSlices(idr);
        String unsupported = unsupported(first);
        if (unsupported != null) {
            return fail("unsupported stream: " + unsupported, false);
        }
        if (!idr) {
            int expected = (prevRefFrameNum + 1) & ((1 << first.sps().log2MaxFrameNum()) - 1);
            if (first.frameNum() != expected) {
                return fail("frame_num " + first.frameNum() + " where " + expected
                        + " was due: a reference picture was lost", true);
            }
            if (!session.sps().equals(first.sps())) {
                return fail("SPS " + first.sps().spsId() + " changed without an IDR", true);
            }
        } else if (session == null || !session.sps().equals(first.sps())) {
            // A new coded video sequence with other parameters (or the first, or one after a failure).
            closeSession();
            session = new JcodecSession(first.sps(), sets);
        }
        VideoFrame frame = session.decode(slices, timestampNanos);
        if (first.nalRefIdc() != 0) {
            prevRefFrameNum = first.frameNum();
        }
        decodedIdr = true;
        awaitingIdr = null;
        return new VideoDecodeResult.Decoded(frame);
    }

    /** Parses every slice's header start; they must form one picture, slices in order from macroblock 0. */
    private SliceHeaderStart checkSlices(boolean idr) throws H264ParseException {
        headers.clear();
        SliceHeaderStart first = null;
        int lastMb = -1;
        for (byte[] nal : slices) {
            SliceHeaderStart s = SliceHeaderStart.parse(nal, sets);
            if (first == null) {
                if (s.firstMbInSlice() != 0) {
                    throw new H264ParseException("the picture's first slice starts at macroblock "
                            + s.firstMbInSlice() + ": slices are missing");
                }
                first = s;
            } else if (s.idr() != idr || s.frameNum() != first.frameNum()
                    || (s.nalRefIdc() == 0) != (first.nalRefIdc() == 0) || !s.sps().equals(first.sps())) {
                throw new H264ParseException("slices of one access unit belong to different pictures");
            } else if (s.firstMbInSlice() <= lastMb) {
                throw new H264ParseException("slice at macroblock " + s.firstMbInSlice() + " after one at " + lastMb);
            }
            lastMb = s.firstMbInSlice();
            headers.add(s);
        }
        return first;
    }

    private String unsupported(SliceHeaderStart first) {
        String why = sets.spsUnsupported(first.sps().spsId());
        for (int i = 0; why == null && i < headers.size(); i++) {
            why = sets.ppsUnsupported(headers.get(i).pps().ppsId());
        }
        return why;
    }

    private VideoDecodeResult.Failed fail(String reason, boolean needsKeyFrame) {
        awaitingIdr = reason;
        keyFrameHelps = needsKeyFrame;
        closeSession();
        return new VideoDecodeResult.Failed(reason, needsKeyFrame);
    }

    private void closeSession() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    @Override
    public void close() {
        closed = true;
        closeSession();
    }
}
