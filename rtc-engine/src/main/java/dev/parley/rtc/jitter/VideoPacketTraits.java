package dev.parley.rtc.jitter;

import dev.parley.rtc.codec.h264.NalHeader;
import dev.parley.rtc.codec.h264.NalUnitType;

/**
 * What the frame buffer needs to know of one H.264 RTP payload before its frame is assembled, read from its first
 * bytes as bit flags. Never throws: a payload too short or malformed for a flag just lacks it (the depacketizer
 * judges the frame later).
 */
final class VideoPacketTraits {
    /** The RTP marker bit: the last packet of its frame (RFC 6184 §5.1). */
    static final int MARKER = 1;
    /** No payload after padding removal: occupies a sequence number, carries no frame data. */
    static final int PADDING = 2;
    /** Carries (part of) an IDR slice. */
    static final int IDR = 4;
    /** Begins with an SPS (after an AUD, if any): the first packet of a keyframe's access unit. */
    static final int KEY_START = 8;
    /** Arrived after a later-numbered packet: reordered or retransmitted. */
    static final int OUT_OF_ORDER = 16;
    /** The payload was unusable; its frame is malformed. */
    static final int BROKEN = 32;

    private VideoPacketTraits() {
    }

    /** The {@link #PADDING}, {@link #IDR} and {@link #KEY_START} flags of {@code p[off, off+len)} (bounds checked). */
    static int of(byte[] p, int off, int len) {
        if (len == 0) {
            return PADDING;
        }
        int type = NalHeader.type(p[off]);
        if (type >= 1 && type <= 23) { // RFC 6184 §5.6 single NAL unit packet
            return (type == NalUnitType.SLICE_IDR ? IDR : 0) | (type == NalUnitType.SPS ? KEY_START : 0);
        }
        if (type == NalUnitType.STAP_A) {
            return stapA(p, off, len);
        }
        if (type == NalUnitType.FU_A && len >= 2) { // §5.8: the FU header holds the fragmented unit's type
            int inner = p[off + 1] & 0x1f;
            boolean start = (p[off + 1] & 0x80) != 0;
            return (inner == NalUnitType.SLICE_IDR ? IDR : 0) | (start && inner == NalUnitType.SPS ? KEY_START : 0);
        }
        return 0;
    }

    // §5.7.1: 16-bit size, then the NAL unit, repeated.
    private static int stapA(byte[] p, int off, int len) {
        int flags = 0;
        int end = off + len;
        int o = off + 1;
        int index = 0;
        boolean audFirst = false;
        while (end - o >= 3) {
            int size = (p[o] & 0xff) << 8 | (p[o + 1] & 0xff);
            o += 2;
            if (size == 0 || size > end - o) {
                break;
            }
            int inner = NalHeader.type(p[o]);
            if (inner == NalUnitType.SLICE_IDR) {
                flags |= IDR;
            }
            if (inner == NalUnitType.SPS && (index == 0 || index == 1 && audFirst)) {
                flags |= KEY_START;
            }
            audFirst |= index == 0 && inner == NalUnitType.AUD;
            index++;
            o += size;
        }
        return flags;
    }
}
