package dev.parley.rtc.codec.h264;

/**
 * The one-byte NAL unit header (H.264 §7.3.1, RFC 6184 §1.3):
 * forbidden_zero_bit f(1) | nal_ref_idc u(2) | nal_unit_type u(5).
 */
public record NalHeader(boolean forbiddenBit, int nalRefIdc, int type) {
    public NalHeader {
        if (nalRefIdc < 0 || nalRefIdc > 3 || type < 0 || type > 31) {
            throw new IllegalArgumentException("nal_ref_idc " + nalRefIdc + " / nal_unit_type " + type + " out of range");
        }
    }

    public static NalHeader of(int nalRefIdc, int type) {
        return new NalHeader(false, nalRefIdc, type);
    }

    public static NalHeader parse(byte b) {
        return new NalHeader((b & 0x80) != 0, (b >> 5) & 3, b & 0x1f);
    }

    public static int type(byte b) {
        return b & 0x1f;
    }

    public static int nalRefIdc(byte b) {
        return (b >> 5) & 3;
    }

    public byte toByte() {
        return (byte) ((forbiddenBit ? 0x80 : 0) | nalRefIdc << 5 | type);
    }
}
