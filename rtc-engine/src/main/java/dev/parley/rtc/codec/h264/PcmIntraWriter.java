package dev.parley.rtc.codec.h264;

import java.util.List;

/**
 * <b>A test vehicle, not Parley's encoder</b> (that is {@code codec.h264.encoder.H264Encoder}). Writes an I420 picture as one IDR access unit (SPS, PPS, one I slice)
 * in which every macroblock is I_PCM (mb_type 25 in an I slice, Table 7-11): the raw samples are stored after
 * pcm_alignment_zero_bits (§7.3.5), so the stream is lossless and trivially correct, but about 1.5 bytes per pixel,
 * far too big for a call. It proves the bitstream layer (bit writer, emulation prevention, SPS/PPS, slice header,
 * cropping) against a conforming decoder on its own, and gives the decoder tests streams of any size.
 *
 * <p>The SPS is Constrained Baseline level 3.1 (42e01f) with cropping for any even size; the slice switches the
 * deblocking filter off (disable_deblocking_filter_idc 1). Not thread-safe: idr_pic_id alternates between calls.
 */
public final class PcmIntraWriter {
    /** mb_type of I_PCM in an I slice (Table 7-11). */
    private static final int MB_TYPE_I_PCM = 25;
    /** SliceQPY is irrelevant to I_PCM samples; 26 = pic_init_qp, so slice_qp_delta is 0. */
    private static final int SLICE_QP = 26;

    private final int width;
    private final int height;
    private final SeqParameterSet sps;
    private final PicParameterSet pps;
    private final byte[] spsNal;
    private final byte[] ppsNal;
    private int idrPicId;

    public PcmIntraWriter(int width, int height) {
        this.width = width;
        this.height = height;
        this.sps = SeqParameterSet.constrainedBaseline(width, height, SeqParameterSet.LEVEL_3_1);
        this.pps = PicParameterSet.constrainedBaseline(0, 0);
        this.spsNal = SpsWriter.write(sps);
        this.ppsNal = PpsWriter.write(pps);
    }

    public SeqParameterSet sps() {
        return sps;
    }

    public PicParameterSet pps() {
        return pps;
    }

    /**
     * Encodes one picture given as tightly packed I420 planes (Y: width*height, U and V: width/2*height/2) and
     * returns its access unit as NAL units: SPS, PPS, IDR slice. Partial edge macroblocks repeat the last column/row.
     */
    public List<byte[]> writeIdr(byte[] y, byte[] u, byte[] v) {
        int cw = width / 2;
        int ch = height / 2;
        if (y.length < width * height || u.length < cw * ch || v.length < cw * ch) {
            throw new IllegalArgumentException("planes too small for " + width + "x" + height + " I420");
        }
        int mbs = sps.picWidthInMbs() * sps.frameHeightInMbs();
        BitWriter w = new BitWriter(mbs * 390 + 32);
        SliceHeaderWriter.writeIdrISlice(w, sps, pps, idrPicId, SLICE_QP, true);
        idrPicId = (idrPicId + 1) & 0xffff; // §7.4.3: consecutive IDR pictures need different idr_pic_id
        for (int mbY = 0; mbY < sps.frameHeightInMbs(); mbY++) {
            for (int mbX = 0; mbX < sps.picWidthInMbs(); mbX++) {
                w.writeUe(MB_TYPE_I_PCM);
                w.alignWithZeros(); // pcm_alignment_zero_bit
                writeBlock(w, y, width, height, mbX * 16, mbY * 16, 16); // pcm_sample_luma[256], raster order
                writeBlock(w, u, cw, ch, mbX * 8, mbY * 8, 8); // pcm_sample_chroma: Cb 8x8 then Cr 8x8 (4:2:0)
                writeBlock(w, v, cw, ch, mbX * 8, mbY * 8, 8);
            }
        }
        w.writeTrailingBits(); // rbsp_slice_trailing_bits, CAVLC: no cabac_zero_words
        byte[] slice = Nal.withHeader(NalHeader.of(3, NalUnitType.SLICE_IDR), w.toByteArray());
        return List.of(spsNal.clone(), ppsNal.clone(), slice);
    }

    private static void writeBlock(BitWriter w, byte[] plane, int pw, int ph, int x0, int y0, int size) {
        for (int dy = 0; dy < size; dy++) {
            int row = Math.min(y0 + dy, ph - 1) * pw;
            for (int dx = 0; dx < size; dx++) {
                w.writeByte(plane[row + Math.min(x0 + dx, pw - 1)]);
            }
        }
    }
}
