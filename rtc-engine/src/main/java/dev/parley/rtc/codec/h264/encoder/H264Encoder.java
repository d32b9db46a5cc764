package dev.parley.rtc.codec.h264.encoder;

import dev.parley.rtc.codec.EncodedVideoFrame;
import dev.parley.rtc.codec.VideoEncoder;
import dev.parley.rtc.codec.h264.BitWriter;
import dev.parley.rtc.codec.h264.H264Level;
import dev.parley.rtc.codec.h264.Nal;
import dev.parley.rtc.codec.h264.NalHeader;
import dev.parley.rtc.codec.h264.NalUnitType;
import dev.parley.rtc.codec.h264.PicParameterSet;
import dev.parley.rtc.codec.h264.PpsWriter;
import dev.parley.rtc.codec.h264.SeqParameterSet;
import dev.parley.rtc.codec.h264.SliceHeaderWriter;
import dev.parley.rtc.codec.h264.SpsWriter;
import dev.parley.rtc.codec.h264.VuiParameters;
import dev.parley.rtc.media.VideoFrame;
import java.util.ArrayList;
import java.util.List;

/**
 * Parley's H.264 Constrained Baseline encoder (profile_idc 66, constraint_set0/1/2: {@code 42e0xx}): CAVLC, I and P
 * slices, one reference frame, Intra 16x16 / 4x4 and P_L0_16x16 / P_Skip macroblocks with quarter-sample motion,
 * the in-loop deblocking filter, and rate control. Its reconstruction is what a conforming decoder outputs, bit for
 * bit, so the two never drift apart however long the stream.
 *
 * <p>Every keyframe is an IDR preceded by SPS (with VUI timing, the lowest level the size, rate and bitrate fit in)
 * and PPS. A frame of another size than the last restarts the encoder at that size with a keyframe.
 *
 * <p>{@link #encode} runs on one thread; {@link #setRates} and {@link #requestKeyFrame} may come from any thread.
 */
public final class H264Encoder implements VideoEncoder {
    /** nal_ref_idc of every slice: all pictures are reference pictures (pic_order_cnt_type 2 needs no more). */
    private static final int NAL_REF_IDC = 3;
    /** Bytes a slice keeps free under the maximum for its pending skip run, trailing bits and emulation bytes. */
    private static final int SLICE_MARGIN = 16;

    private H264EncoderConfig config;
    private int mbW;
    private int mbH;
    private SeqParameterSet sps;
    private PicParameterSet pps;
    private byte[] spsNal;
    private byte[] ppsNal;
    private Planes src;
    /** The source of the previous picture (its buffer is the next picture's source). */
    private Planes previousSrc;
    private boolean havePrevious;
    private Planes rec;
    private Planes ref;
    private HalfPelPlanes refLuma;
    private MacroblockGrid grid;
    private MacroblockEncoder mbEncoder;
    private DeblockingInput deblockingInput;
    private final Deblocker deblocker = new Deblocker();
    private RateController rateControl;
    private final BitWriter writer = new BitWriter(64 * 1024);
    private long[] rowBits;

    private volatile boolean keyFrameRequested = true;
    private volatile int pendingBitrate;
    private volatile double pendingFrameRate;
    private int frameNum;
    /** The macroblock row the next P frame starts coding at (0 unless the last frame ran over its cap). */
    private int resumeRow;
    private int idrPicId;
    private int sliceCounter;
    private long framesSinceKey;
    private long frames;

    public H264Encoder(H264EncoderConfig config) {
        configure(config);
    }

    private void configure(H264EncoderConfig c) {
        this.config = c;
        mbW = (c.width() + 15) / 16;
        mbH = (c.height() + 15) / 16;
        H264Level level = H264Level.lowestFor(c.width(), c.height(), c.frameRate(), c.targetBitrate());
        sps = SeqParameterSet.constrainedBaseline(c.width(), c.height(), level.levelIdc()).withVui();
        pps = PicParameterSet.constrainedBaseline(0, 0);
        spsNal = SpsWriter.write(sps, VuiParameters.forFrameRate(c.frameRate(), 13));
        ppsNal = PpsWriter.write(pps);
        src = new Planes(mbW, mbH);
        previousSrc = new Planes(mbW, mbH);
        havePrevious = false;
        rec = new Planes(mbW, mbH);
        ref = new Planes(mbW, mbH);
        refLuma = new HalfPelPlanes();
        grid = new MacroblockGrid(mbW, mbH);
        mbEncoder = new MacroblockEncoder(grid, level.maxVerticalMvSamples());
        deblockingInput = new DeblockingInput(mbW, mbH);
        rateControl = new RateController(c, mbH, mbW);
        rowBits = new long[mbH];
        keyFrameRequested = true;
    }

    /** The reconstruction of the last encoded frame, deblocked: what a decoder outputs (macroblock-aligned). */
    Planes reconstruction() {
        return ref;
    }

    /** The macroblock decisions of the last encoded frame. */
    MacroblockGrid grid() {
        return grid;
    }

    int widthInMbs() {
        return mbW;
    }

    int heightInMbs() {
        return mbH;
    }

    /** The SPS this encoder writes before every IDR. */
    public SeqParameterSet sps() {
        return sps;
    }

    @Override
    public EncodedVideoFrame encode(VideoFrame frame) {
        if (frame.width() != config.width() || frame.height() != config.height()) {
            int bitrate = config.rateControl() ? rateControl.bitrate() : 0;
            configure(new H264EncoderConfig(frame.width(), frame.height(), rateControl.frameRate(), bitrate,
                    config.fixedQp(), config.keyFrameInterval(), config.maxSliceBytes(), config.intraRefreshPeriod()));
        }
        applyPendingRates();
        Planes t0 = previousSrc;
        previousSrc = src;
        src = t0;
        src.copyFrom(frame);
        boolean key = keyFrameRequested
                || (config.keyFrameInterval() > 0 && framesSinceKey >= config.keyFrameInterval());
        keyFrameRequested = false;
        int qp = rateControl.startFrame(key);
        List<byte[]> nals = new ArrayList<>(key ? 4 : 2);
        if (key) {
            nals.add(spsNal.clone());
            nals.add(ppsNal.clone());
            frameNum = 0;
        } else {
            frameNum = (frameNum + 1) & ((1 << sps.log2MaxFrameNum()) - 1);
            refLuma.build(ref.y, ref.width, ref.width, ref.height);
        }
        mbEncoder.startPicture(havePrevious ? previousSrc : null);
        long frameBits = encodePicture(key, qp, nals);
        havePrevious = true;
        if (key) {
            idrPicId = (idrPicId + 1) & 0xffff; // §7.4.3: consecutive IDR pictures differ in idr_pic_id
            framesSinceKey = 0;
        }
        framesSinceKey++;
        frames++;
        deblocker.filterFrame(rec.y, rec.width, rec.u, rec.v, rec.chromaWidth, mbW, mbH, deblockingInput);
        Planes t = ref;
        ref = rec;
        rec = t;
        rateControl.endFrame(frameBits, rowBits, averageQp, codedMbs / (double) (mbW * mbH));
        return new EncodedVideoFrame(nals, key, frame.width(), frame.height(), frame.timestampNanos(),
                (int) Math.round(averageQp));
    }

    private double averageQp;
    /** Macroblocks of the current picture coded normally (not bare). */
    private int codedMbs;

    /** Codes every macroblock into slices appended to {@code nals}; returns the bits spent on slice data. */
    private long encodePicture(boolean key, int sliceQp, List<byte[]> nals) {
        grid.startPicture();
        MacroblockEncoder.SliceState s = new MacroblockEncoder.SliceState();
        long doneBits = 0;
        long qpSum = 0;
        int maxSlice = config.maxSliceBytes();
        // Intra refresh: a band of intra macroblock columns sweeps the picture once every period frames.
        int refreshColumn = -1;
        int refreshEnd = -1;
        int period = config.intraRefreshPeriod();
        if (!key && period > 0) {
            int columnsPerFrame = (mbW + period - 1) / period;
            refreshColumn = (int) (framesSinceKey % period) * columnsPerFrame;
            refreshEnd = Math.min(mbW, refreshColumn + columnsPerFrame);
        }
        startSlice(s, key, 0, sliceQp);
        int qp = sliceQp;
        // A frame over its cap codes the rest bare; the next P frame then starts coding where this one stopped (the
        // rows before are skipped), so content too costly for the budget is refreshed a band at a time.
        int firstCodedRow = key ? 0 : resumeRow;
        codedMbs = 0;
        resumeRow = 0;
        boolean bare = false;
        for (int row = 0; row < mbH; row++) {
            long rowStart = doneBits + writer.bitPosition();
            qp = rateControl.rowQp(row, rowStart);
            for (int col = 0; col < mbW; col++) {
                int mb = row * mbW + col;
                int mark = writer.bitPosition();
                int skipRun = s.skipRun;
                int qpPred = s.qpPred;
                if (!bare && rateControl.overCap(doneBits + mark)) {
                    bare = true;
                    resumeRow = row > firstCodedRow ? row : (firstCodedRow + 1) % mbH;
                }
                boolean forceIntra = key || (col >= refreshColumn && col < refreshEnd);
                boolean coded = !bare && row >= firstCodedRow;
                codeMacroblock(s, mb, qp, coded, forceIntra);
                if (maxSlice > 0 && mb != s.firstMb && writer.bitPosition() / 8 > maxSlice - SLICE_MARGIN) {
                    // Too big: end the slice before this macroblock and code it again as the next one's first.
                    writer.truncate(mark);
                    s.skipRun = skipRun;
                    s.qpPred = qpPred;
                    doneBits += finishSlice(s, key, nals);
                    startSlice(s, key, mb, qp);
                    codeMacroblock(s, mb, qp, coded, forceIntra);
                }
                if (coded) {
                    codedMbs++;
                }
                qpSum += grid.qp[mb];
                recordDeblocking(mb, col, row);
            }
            rowBits[row] = doneBits + writer.bitPosition() - rowStart;
        }
        doneBits += finishSlice(s, key, nals);
        averageQp = qpSum / (double) (mbW * mbH);
        return doneBits;
    }

    private void codeMacroblock(MacroblockEncoder.SliceState s, int mb, int qp, boolean coded, boolean forceIntra) {
        if (coded) {
            mbEncoder.encode(writer, s, mb, qp, src, rec, refLuma, ref, forceIntra);
        } else {
            mbEncoder.encodeBare(writer, s, mb, src, rec, refLuma, ref);
        }
    }

    private void startSlice(MacroblockEncoder.SliceState s, boolean key, int firstMb, int qp) {
        writer.reset();
        s.sliceId = sliceCounter++;
        s.pSlice = !key;
        s.qpPred = qp;
        s.skipRun = 0;
        s.firstMb = firstMb;
        if (key) {
            SliceHeaderWriter.writeIdrISlice(writer, sps, pps, firstMb, idrPicId, qp, false);
        } else {
            SliceHeaderWriter.writePSlice(writer, sps, pps, firstMb, frameNum, qp, false);
        }
    }

    /** Ends the slice in the writer, appends its NAL unit, returns its bits. */
    private long finishSlice(MacroblockEncoder.SliceState s, boolean key, List<byte[]> nals) {
        if (s.skipRun > 0) {
            MacroblockWriter.writeSkipRun(writer, s.skipRun); // §7.3.4: the slice ends in a run of skips
            s.skipRun = 0;
        }
        writer.writeTrailingBits();
        long bits = writer.bitPosition();
        NalHeader header = NalHeader.of(NAL_REF_IDC, key ? NalUnitType.SLICE_IDR : NalUnitType.SLICE_NON_IDR);
        nals.add(Nal.withHeader(header, writer.toByteArray()));
        return bits;
    }

    private void recordDeblocking(int mb, int col, int row) {
        int type = grid.type[mb];
        if (type == MacroblockGrid.I16X16 || type == MacroblockGrid.I4X4) {
            deblockingInput.setIntra(col, row, grid.qp[mb]);
            return;
        }
        int mask = 0;
        for (int r = 0; r < 16; r++) {
            if (grid.nzY[mb * 16 + r] != 0) {
                mask |= 1 << r;
            }
        }
        deblockingInput.setInter(col, row, grid.qp[mb], mask, grid.mvX[mb], grid.mvY[mb]);
    }

    private void applyPendingRates() {
        int bitrate = pendingBitrate;
        if (bitrate > 0) {
            pendingBitrate = 0;
            rateControl.setRates(bitrate, pendingFrameRate);
        }
    }

    @Override
    public void setRates(int bitsPerSecond, double framesPerSecond) {
        if (bitsPerSecond <= 0 || !(framesPerSecond > 0)) {
            throw new IllegalArgumentException("rates must be positive: " + bitsPerSecond + " bps, "
                    + framesPerSecond + " fps");
        }
        pendingFrameRate = framesPerSecond;
        pendingBitrate = bitsPerSecond;
    }

    @Override
    public void requestKeyFrame() {
        keyFrameRequested = true;
    }

    @Override
    public void close() {
        // nothing held but memory
    }
}
