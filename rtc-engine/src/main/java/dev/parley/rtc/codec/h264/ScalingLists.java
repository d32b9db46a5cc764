package dev.parley.rtc.codec.h264;

/** scaling_list() (H.264 §7.3.2.1.1.1): read and range-checked, not kept (Parley uses flat scaling). */
final class ScalingLists {
    private ScalingLists() {
    }

    static void skip(BitReader r, int size) throws H264ParseException {
        int last = 8;
        int next = 8;
        for (int j = 0; j < size && next != 0; j++) {
            next = (last + r.readSe("delta_scale", -128, 127) + 256) % 256;
            last = next == 0 ? last : next;
        }
    }
}
