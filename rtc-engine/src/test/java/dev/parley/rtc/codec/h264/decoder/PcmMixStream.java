package dev.parley.rtc.codec.h264.decoder;

import dev.parley.rtc.codec.h264.BitWriter;
import dev.parley.rtc.codec.h264.Nal;
import dev.parley.rtc.codec.h264.NalHeader;
import dev.parley.rtc.codec.h264.NalUnitType;
import dev.parley.rtc.codec.h264.PicParameterSet;
import dev.parley.rtc.codec.h264.PpsWriter;
import dev.parley.rtc.codec.h264.SeqParameterSet;
import dev.parley.rtc.codec.h264.SliceHeaderWriter;
import dev.parley.rtc.codec.h264.SpsWriter;
import dev.parley.rtc.codec.h264.encoder.CavlcWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Test support: a stream no encoder at hand writes, with I_PCM macroblocks among others, deblocked: an IDR whose
 * macroblocks are at random either I_PCM (random samples) or Intra 16x16 with DC prediction, a few DC levels and a
 * random QP, then P pictures of P_Skip macroblocks only. It puts I_PCM where it matters to a decoder: the nC of the
 * blocks next to it (16, §9.2.1) and the deblocking of its edges (qPp 0, §8.7.2.2).
 */
final class PcmMixStream {
    private PcmMixStream() {
    }

    static List<List<byte[]>> write(int width, int height, long seed, int pictures) {
        Random rnd = new Random(seed);
        SeqParameterSet sps = SeqParameterSet.constrainedBaseline(width, height, SeqParameterSet.LEVEL_3_1);
        PicParameterSet pps = PicParameterSet.constrainedBaseline(0, 0);
        int mbW = sps.picWidthInMbs();
        int mbH = sps.frameHeightInMbs();
        int sliceQp = 36;
        BitWriter w = new BitWriter(mbW * mbH * 400);
        SliceHeaderWriter.writeIdrISlice(w, sps, pps, 0, 0, sliceQp, false);
        boolean[] pcm = new boolean[mbW * mbH];
        int qp = sliceQp;
        int[] levels = new int[16];
        for (int mb = 0; mb < mbW * mbH; mb++) {
            pcm[mb] = rnd.nextInt(3) == 0;
            if (pcm[mb]) {
                w.writeUe(25); // I_PCM (Table 7-11)
                w.alignWithZeros();
                for (int i = 0; i < 384; i++) {
                    w.writeByte(rnd.nextInt(256));
                }
                continue;
            }
            w.writeUe(3); // I_16x16_2_0_0: Intra16x16PredMode 2 (DC), no AC, no chroma residual
            w.writeUe(0); // intra_chroma_pred_mode: DC
            int delta = Math.max(-qp, Math.min(51 - qp, rnd.nextInt(13) - 6));
            w.writeSe(delta); // mb_qp_delta
            qp += delta;
            for (int i = 0; i < 16; i++) {
                levels[i] = rnd.nextInt(4) == 0 ? rnd.nextInt(41) - 20 : 0;
            }
            // nC of luma block 0 (§9.2.1): an I_PCM neighbour counts 16, an Intra 16x16 one without AC 0.
            int mbX = mb % mbW;
            int nA = mbX > 0 ? (pcm[mb - 1] ? 16 : 0) : -1;
            int nB = mb >= mbW ? (pcm[mb - mbW] ? 16 : 0) : -1;
            int nC = nA >= 0 && nB >= 0 ? (nA + nB + 1) >> 1 : Math.max(Math.max(nA, nB), 0);
            CavlcWriter.writeBlock(w, levels, 0, 16, nC); // Intra16x16DCLevel
        }
        w.writeTrailingBits();
        List<List<byte[]>> units = new ArrayList<>();
        units.add(List.of(SpsWriter.write(sps), PpsWriter.write(pps),
                Nal.withHeader(NalHeader.of(3, NalUnitType.SLICE_IDR), w.toByteArray())));
        for (int p = 1; p < pictures; p++) {
            BitWriter pw = new BitWriter(64);
            SliceHeaderWriter.writePSlice(pw, sps, pps, 0, p, sliceQp, false);
            pw.writeUe(mbW * mbH); // mb_skip_run: the whole picture
            pw.writeTrailingBits();
            units.add(List.of(Nal.withHeader(NalHeader.of(2, NalUnitType.SLICE_NON_IDR), pw.toByteArray())));
        }
        return units;
    }
}
