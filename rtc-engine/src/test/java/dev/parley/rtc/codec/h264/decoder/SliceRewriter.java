package dev.parley.rtc.codec.h264.decoder;

import dev.parley.rtc.codec.h264.BitWriter;
import dev.parley.rtc.codec.h264.EmulationPrevention;
import dev.parley.rtc.codec.h264.H264ParseException;
import dev.parley.rtc.codec.h264.NalHeader;
import dev.parley.rtc.codec.h264.NalUnitType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Test support: rewrites slice headers of an existing stream, keeping everything else bit for bit, to make streams
 * no encoder at hand writes: other deblocking controls (disable_deblocking_filter_idc 2, other offsets, per slice)
 * or reference list modifications. The result is a valid stream that decodes to other pictures than the encoder
 * meant (the reference decoders show what it decodes to).
 */
final class SliceRewriter {
    /** New deblocking fields for a slice: idc, slice_alpha_c0_offset_div2, slice_beta_offset_div2. */
    record Deblocking(int idc, int alphaDiv2, int betaDiv2) {
    }

    /** What to change in one slice; either may be null (kept). */
    interface Edit {
        /** The ref_pic_list_modification() bits for P slice {@code h}, or null to keep them. */
        Consumer<BitWriter> modification(SliceHeader h, int pictureIndex);

        Deblocking deblocking(SliceHeader h, int pictureIndex, int sliceIndex);
    }

    private SliceRewriter() {
    }

    /** Every access unit with its slices rewritten by {@code edit}. */
    static List<List<byte[]>> rewrite(List<List<byte[]>> units, Edit edit) throws H264ParseException {
        ParameterSets sets = new ParameterSets();
        List<List<byte[]>> out = new ArrayList<>();
        for (int pic = 0; pic < units.size(); pic++) {
            List<byte[]> unit = new ArrayList<>();
            int slice = 0;
            for (byte[] nal : units.get(pic)) {
                int type = NalHeader.type(nal[0]);
                if (type == NalUnitType.SPS) {
                    sets.putSps(nal);
                } else if (type == NalUnitType.PPS) {
                    sets.putPps(nal);
                }
                unit.add(NalUnitType.isSlice(type) ? rewriteSlice(nal, sets, edit, pic, slice++) : nal);
            }
            out.add(unit);
        }
        return out;
    }

    private static byte[] rewriteSlice(byte[] nal, ParameterSets sets, Edit edit, int pic, int slice)
            throws H264ParseException {
        RbspReader r = new RbspReader();
        r.load(nal, 1, nal.length - 1);
        SliceHeader h = new SliceHeader();
        h.parse(nal[0], r, sets);
        if (h.unsupported != null || h.deblockingStart < 0) {
            throw new IllegalArgumentException("cannot rewrite this slice: " + h.unsupported);
        }
        int stopBit = stopBit(nal);
        BitWriter w = new BitWriter(nal.length + 16);
        RbspReader src = new RbspReader();
        src.load(nal, 1, nal.length - 1);
        Consumer<BitWriter> modification = h.modificationStart >= 0 ? edit.modification(h, pic) : null;
        if (modification != null) {
            copy(src, w, h.modificationStart);
            modification.accept(w);
            src.skip(h.modificationEnd - h.modificationStart);
        }
        copy(src, w, h.deblockingStart - src.position());
        Deblocking d = edit.deblocking(h, pic, slice);
        if (d == null) {
            copy(src, w, h.dataStart - h.deblockingStart);
        } else {
            src.skip(h.dataStart - h.deblockingStart);
            w.writeUe(d.idc());
            if (d.idc() != 1) {
                w.writeSe(d.alphaDiv2());
                w.writeSe(d.betaDiv2());
            }
        }
        copy(src, w, stopBit + 1 - src.position()); // slice data and the rbsp_stop_one_bit
        w.alignWithZeros();
        byte[] payload = EmulationPrevention.escape(w.toByteArray());
        byte[] out = new byte[payload.length + 1];
        out[0] = nal[0];
        System.arraycopy(payload, 0, out, 1, payload.length);
        return out;
    }

    private static void copy(RbspReader src, BitWriter w, int bits) {
        while (bits > 0) {
            int n = Math.min(bits, 24);
            w.writeBits(src.readBits(n), n);
            bits -= n;
        }
    }

    /** Bit position of the rbsp_stop_one_bit of a slice NAL unit's RBSP. */
    private static int stopBit(byte[] nal) throws H264ParseException {
        byte[] rbsp = EmulationPrevention.unescape(nal, 1, nal.length - 1);
        int last = rbsp.length - 1;
        while (rbsp[last] == 0) {
            last--;
        }
        return last * 8 + 7 - Integer.numberOfTrailingZeros(rbsp[last] & 0xff);
    }
}
