package dev.parley.rtc.codec.h264;

/**
 * Emulation prevention (H.264 §7.4.1): inside a NAL unit, 0x000000..0x000003 never occur; an encoder inserts
 * emulation_prevention_three_byte (0x03) after any 0x0000 that is followed by a byte &lt;= 3, and a decoder drops it.
 */
public final class EmulationPrevention {
    private EmulationPrevention() {
    }

    /** RBSP -> NAL payload bytes with 0x03 inserted (§7.4.1), including after a trailing 0x00 (cabac_zero_word case). */
    public static byte[] escape(byte[] rbsp, int off, int len) {
        int zeros = 0;
        int extra = 0;
        for (int i = off; i < off + len; i++) {
            int b = rbsp[i] & 0xff;
            if (zeros >= 2 && b <= 3) {
                extra++;
                zeros = 0;
            }
            zeros = b == 0 ? zeros + 1 : 0;
        }
        boolean trailingZero = len > 0 && rbsp[off + len - 1] == 0;
        byte[] out = new byte[len + extra + (trailingZero ? 1 : 0)];
        int o = 0;
        zeros = 0;
        for (int i = off; i < off + len; i++) {
            int b = rbsp[i] & 0xff;
            if (zeros >= 2 && b <= 3) {
                out[o++] = 3;
                zeros = 0;
            }
            out[o++] = (byte) b;
            zeros = b == 0 ? zeros + 1 : 0;
        }
        if (trailingZero) {
            out[o] = 3; // §7.4.1: when the last RBSP byte is 0x00, a final 0x03 is appended
        }
        return out;
    }

    public static byte[] escape(byte[] rbsp) {
        return escape(rbsp, 0, rbsp.length);
    }

    /**
     * NAL payload bytes -> RBSP: every 0x03 that follows 0x0000 is dropped. Never larger than the input. A zero
     * triple (0x000000..0x000002) is not valid inside a NAL unit (§7.4.1) and is rejected.
     */
    public static byte[] unescape(byte[] nal, int off, int len) throws H264ParseException {
        byte[] out = new byte[len];
        int o = 0;
        int zeros = 0;
        for (int i = off; i < off + len; i++) {
            int b = nal[i] & 0xff;
            if (zeros >= 2) {
                if (b == 3) {
                    zeros = 0;
                    continue;
                }
                if (b < 3) {
                    throw new H264ParseException("forbidden byte sequence 00 00 0" + b + " at offset " + (i - off));
                }
            }
            out[o++] = (byte) b;
            zeros = b == 0 ? zeros + 1 : 0;
        }
        return o == len ? out : java.util.Arrays.copyOf(out, o);
    }

    public static byte[] unescape(byte[] nal) throws H264ParseException {
        return unescape(nal, 0, nal.length);
    }
}
