package dev.parley.rtc.codec.h264.decoder;

import dev.parley.rtc.codec.VideoDecodeResult;
import dev.parley.rtc.codec.VideoDecoder;
import dev.parley.rtc.codec.h264.H264ParseException;
import dev.parley.rtc.codec.h264.NalHeader;
import dev.parley.rtc.codec.h264.NalUnitType;
import dev.parley.rtc.codec.h264.SeqParameterSet;
import dev.parley.rtc.media.VideoFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parley's own H.264 decoder for Constrained Baseline streams (and Main profile streams that use only its tools):
 * CAVLC I and P slices, several slices per picture, Intra 4x4 / 16x16 / I_PCM and every P partition down to 4x4,
 * several reference frames with the sliding window and short-term list modification, the deblocking filter with
 * all of disable_deblocking_filter_idc 0, 1 and 2 and the slice offsets. Bit-exact with the spec's decoding
 * process (checked against ffmpeg and jcodec), and several times faster than {@link JcodecH264Decoder}.
 *
 * <p>Same contract as {@link JcodecH264Decoder} (see there for the details), per access unit:
 * <ul>
 *   <li>{@link VideoDecodeResult.Decoded}: the cropped picture, in buffers reused while the size stays the same,
 *       valid until the next call.</li>
 *   <li>{@link VideoDecodeResult.Pending}: parameter sets only, or a delta frame before the first IDR.</li>
 *   <li>{@link VideoDecodeResult.Failed} with {@code needsKeyFrame}: malformed NAL units, parameter sets, slice
 *       headers or slice data, slices missing or not of one picture, a lost reference picture (frame_num not
 *       PrevRefFrameNum + 1, §8.2.5.2), a reference index naming no picture. No picture with any detected error is
 *       ever shown, and every delta frame after a failure is refused until an IDR decodes.</li>
 *   <li>Failed without {@code needsKeyFrame}: "unsupported" — the stream uses what this decoder does not implement
 *       (see {@link StreamSupport}; also long-term references, memory_management_control_operation, redundant or
 *       B/SP/SI slices, slice groups, arbitrary slice order). A keyframe would not help; another decoder might
 *       ({@link FallbackH264Decoder} switches to jcodec). Delta frames are refused after it too.</li>
 * </ul>
 *
 * <p>Decoding allocates nothing per macroblock: pictures live in a pool sized by the SPS (max_num_ref_frames + 1,
 * bounded by {@link StreamSupport#MAX_STORE_MBS}), reference pictures are used in place, the output is copied out
 * cropped. Not thread-safe: one decoder thread calls it.
 */
public final class ParleyH264Decoder implements VideoDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(ParleyH264Decoder.class);

    private final ParameterSets sets = new ParameterSets();
    /** PPS ids whose last PPS used slice groups (FMO): unsupported rather than unparseable. */
    private final boolean[] sliceGroupPps = new boolean[ParameterSets.MAX_PPS];
    private final List<byte[]> slices = new ArrayList<>();
    private final RbspReader reader = new RbspReader();
    private final SliceHeader header = new SliceHeader();
    private final MacroblockDecoder macroblocks = new MacroblockDecoder(reader);
    private final LoopFilter loopFilter = new LoopFilter();
    private final ReferencePictures store = new ReferencePictures();
    private final Picture[] list0 = new Picture[17];
    private MacroblockMap map;
    /** The SPS of the coded video sequence being decoded, or null. */
    private SeqParameterSet activeSps;
    /** The picture decoded last (valid after a successful decodePicture). */
    private Picture lastDecoded;
    private byte[] outY;
    private byte[] outU;
    private byte[] outV;
    private int outWidth;
    private int outHeight;
    private boolean decodedIdr;
    private String awaitingIdr = "no IDR yet";
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
        } catch (RuntimeException e) {
            // A bug, not the input's fault; the call must go on all the same (the network rules of ARCHITECTURE.md).
            LOG.warn("H.264 decoder failure", e);
            return fail("internal error: " + e, true);
        }
    }

    /** The parameter sets received so far (for a decoder taking over this stream). */
    ParameterSets parameterSets() {
        return sets;
    }

    /**
     * Takes the SPS and PPS NAL units of an access unit without decoding anything else (a {@link FallbackH264Decoder}
     * keeps this decoder's parameter sets current while another decoder has the stream). Malformed ones are ignored.
     */
    void observeParameterSets(List<byte[]> nalUnits) {
        for (byte[] nal : nalUnits) {
            try {
                if (nal != null && nal.length > 0) {
                    int type = NalHeader.type(nal[0]);
                    if (type == NalUnitType.SPS) {
                        sets.putSps(nal);
                    } else if (type == NalUnitType.PPS) {
                        putPps(nal);
                    }
                }
            } catch (H264ParseException e) {
                LOG.debug("ignoring a parameter set: {}", e.getMessage());
            }
        }
    }

    private VideoDecodeResult decodeAccessUnit(List<byte[]> nalUnits, long timestampNanos) throws H264ParseException {
        slices.clear();
        for (byte[] nal : nalUnits) {
            if (nal == null || nal.length == 0) {
                throw new H264ParseException("empty NAL unit");
            }
            if ((nal[0] & 0x80) != 0) {
                throw new H264ParseException("forbidden_zero_bit set"); // §7.4.1
            }
            switch (NalHeader.type(nal[0])) {
                case NalUnitType.SPS -> sets.putSps(nal);
                case NalUnitType.PPS -> putPps(nal);
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
        SliceHeaderStart first;
        try {
            first = checkSlices(idr);
        } catch (UnsupportedSlices e) {
            return fail("unsupported stream: " + e.reason, false);
        }
        if (!idr) {
            int expected = (prevRefFrameNum + 1) & ((1 << first.sps().log2MaxFrameNum()) - 1);
            if (first.frameNum() != expected) {
                return fail("frame_num " + first.frameNum() + " where " + expected
                        + " was due: a reference picture was lost", true);
            }
            if (!activeSps.equals(first.sps())) {
                return fail("SPS " + first.sps().spsId() + " changed without an IDR", true);
            }
        } else if (activeSps == null || !activeSps.equals(first.sps())) {
            startSequence(first.sps());
        }
        String unsupported = decodePicture(first);
        if (unsupported != null) {
            return fail("unsupported stream: " + unsupported, false);
        }
        if (first.nalRefIdc() != 0) {
            prevRefFrameNum = first.frameNum();
        }
        decodedIdr = true;
        awaitingIdr = null;
        return new VideoDecodeResult.Decoded(output(timestampNanos));
    }

    private void putPps(byte[] nal) throws H264ParseException {
        int id = StreamSupport.ppsId(nal);
        if (StreamSupport.usesSliceGroups(nal)) {
            if (id >= 0) {
                sliceGroupPps[id] = true;
            }
            return;
        }
        sets.putPps(nal);
        sliceGroupPps[id] = false; // it parsed, so its id did too
    }

    /** A slice order or a feature the slices' parameter sets announce that this decoder cannot decode. */
    private static final class UnsupportedSlices extends Exception {
        final String reason;

        UnsupportedSlices(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }
    }

    /**
     * Parses every slice's header start: they must form one picture, in order (arbitrary slice order is unsupported),
     * the first at macroblock 0, with parameter sets and slice types this decoder supports.
     */
    private SliceHeaderStart checkSlices(boolean idr) throws H264ParseException, UnsupportedSlices {
        SliceHeaderStart first = null;
        int lastMb = -1;
        for (byte[] nal : slices) {
            SliceHeaderStart s;
            try {
                s = SliceHeaderStart.parse(nal, sets);
            } catch (H264ParseException e) {
                int ppsId = StreamSupport.slicePpsId(nal);
                if (ppsId >= 0 && sliceGroupPps[ppsId]) {
                    throw new UnsupportedSlices("slice groups (FMO)");
                }
                throw e;
            }
            if (sliceGroupPps[s.pps().ppsId()]) {
                // The PPS with this id was replaced by one with slice groups, which ParameterSets cannot hold.
                throw new UnsupportedSlices("slice groups (FMO)");
            }
            String why = StreamSupport.unsupported(s.sps(), s.pps());
            if (why == null && s.sliceType() != SliceHeaderStart.I && s.sliceType() != SliceHeaderStart.P) {
                why = "slice_type " + s.sliceType() + " (only I and P slices are decoded here)";
            }
            if (why != null) {
                throw new UnsupportedSlices(why);
            }
            if (first == null) {
                first = s;
            } else if (s.idr() != idr || s.frameNum() != first.frameNum()
                    || (s.nalRefIdc() == 0) != (first.nalRefIdc() == 0) || !s.sps().equals(first.sps())) {
                throw new H264ParseException("slices of one access unit belong to different pictures");
            } else if (s.firstMbInSlice() < lastMb) {
                throw new UnsupportedSlices("arbitrary slice order");
            } else if (s.firstMbInSlice() == lastMb) {
                throw new H264ParseException("two slices start at macroblock " + lastMb);
            }
            lastMb = s.firstMbInSlice();
        }
        if (first.firstMbInSlice() != 0) {
            throw new H264ParseException("the picture's first slice starts at macroblock " + first.firstMbInSlice()
                    + ": slices are missing");
        }
        return first;
    }

    /** A new coded video sequence (an IDR with another SPS than the last): buffers for its size. */
    private void startSequence(SeqParameterSet sps) {
        int mbW = sps.picWidthInMbs();
        int mbH = sps.frameHeightInMbs();
        if (map == null || map.mbWidth != mbW || map.mbHeight != mbH) {
            map = new MacroblockMap(mbW, mbH);
        }
        store.startSequence(mbW * 16, mbH * 16, sps.maxNumRefFrames(), 1 << sps.log2MaxFrameNum());
        activeSps = sps;
    }

    /**
     * Decodes the slices into a free picture, deblocks it and, for a reference picture, stores it.
     *
     * @return null, or why the picture cannot be decoded here (an unsupported feature found in a slice header)
     */
    private String decodePicture(SliceHeaderStart first) throws H264ParseException {
        Picture pic = store.freePicture();
        pic.frameNum = first.frameNum();
        map.startPicture();
        if (first.idr()) {
            store.clear(); // §8.2.5.1
        }
        int decoded = 0;
        for (int i = 0; i < slices.size(); i++) {
            byte[] nal = slices.get(i);
            reader.load(nal, 1, nal.length - 1);
            header.parse(nal[0], reader, sets);
            if (header.unsupported != null) {
                return header.unsupported;
            }
            if (header.firstMb != decoded) {
                throw new H264ParseException("slice at macroblock " + header.firstMb + " after " + decoded
                        + " decoded macroblocks: slices are missing");
            }
            if (header.sliceType == SliceHeaderStart.P) {
                store.buildList0(header, list0);
            }
            decoded = decodeSliceData(i, pic);
        }
        if (decoded != map.mbCount) {
            throw new H264ParseException("the picture ends at macroblock " + decoded + " of " + map.mbCount
                    + ": slices are missing");
        }
        loopFilter.filter(pic, map);
        if (first.nalRefIdc() != 0) {
            pic.extendBorders();
            store.add(pic);
        }
        lastDecoded = pic;
        return null;
    }

    /** slice_data() (§7.3.4) of the slice in {@link #reader}; returns the address after its last macroblock. */
    private int decodeSliceData(int sliceIndex, Picture pic) throws H264ParseException {
        SliceHeader h = header;
        macroblocks.startSlice(h, sliceIndex, pic, map, list0);
        int mbCount = map.mbCount;
        int mb = h.firstMb;
        boolean p = h.sliceType == SliceHeaderStart.P;
        boolean more = true;
        do {
            if (p) {
                int run = reader.readUe();
                if (run > mbCount - mb) {
                    throw new H264ParseException("mb_skip_run " + run + " past the end of the picture");
                }
                for (int i = 0; i < run; i++) {
                    macroblocks.decodeSkip(mb++);
                }
                if (run > 0) {
                    more = reader.moreRbspData();
                }
            }
            if (more) {
                if (mb >= mbCount) {
                    throw new H264ParseException("slice data past the last macroblock");
                }
                macroblocks.decode(mb++, h.sliceType);
                if (reader.overrun()) {
                    throw new H264ParseException("macroblock " + (mb - 1) + " runs past the end of its slice");
                }
            }
            more = reader.moreRbspData();
        } while (more);
        if (reader.overrun()) {
            throw new H264ParseException("slice data runs past the end of the slice");
        }
        return mb;
    }

    /** The last decoded picture (the newest in the pool), cropped into the output buffers. */
    private VideoFrame output(long timestampNanos) {
        SeqParameterSet sps = activeSps;
        int width = sps.width();
        int height = sps.height();
        if (outY == null || width != outWidth || height != outHeight) {
            outY = new byte[width * height];
            outU = new byte[width / 2 * (height / 2)];
            outV = new byte[outU.length];
            outWidth = width;
            outHeight = height;
        }
        Picture pic = lastDecoded;
        int cropX = sps.cropUnitX() * sps.cropLeft();
        int cropY = sps.cropUnitY() * sps.cropTop();
        copy(pic.y, pic.originY + cropY * pic.strideY + cropX, pic.strideY, outY, width, height);
        int c = pic.originC + cropY / 2 * pic.strideC + cropX / 2;
        copy(pic.u, c, pic.strideC, outU, width / 2, height / 2);
        copy(pic.v, c, pic.strideC, outV, width / 2, height / 2);
        return VideoFrame.wrap(width, height, outY, width, outU, width / 2, outV, width / 2, timestampNanos);
    }

    private static void copy(byte[] src, int off, int stride, byte[] dst, int w, int h) {
        for (int row = 0; row < h; row++) {
            System.arraycopy(src, off + row * stride, dst, row * w, w);
        }
    }

    private VideoDecodeResult.Failed fail(String reason, boolean needsKeyFrame) {
        awaitingIdr = reason;
        keyFrameHelps = needsKeyFrame;
        if (!needsKeyFrame) {
            // Another decoder will take this stream: give the memory back.
            activeSps = null;
            map = null;
            lastDecoded = null;
            store.release();
        }
        return new VideoDecodeResult.Failed(reason, needsKeyFrame);
    }

    @Override
    public void close() {
        closed = true;
        activeSps = null;
        map = null;
        store.release();
    }
}
