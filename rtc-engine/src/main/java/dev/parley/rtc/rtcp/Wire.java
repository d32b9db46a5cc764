package dev.parley.rtc.rtcp;

/** Big-endian field access and the RTCP common header (RFC 3550 §6.4.1); readers check bounds first. */
final class Wire {
    static final int HEADER = 4;

    private Wire() {
    }

    static int u8(byte[] b, int i) {
        return b[i] & 0xff;
    }

    static int u16(byte[] b, int i) {
        return (b[i] & 0xff) << 8 | (b[i + 1] & 0xff);
    }

    static int u24(byte[] b, int i) {
        return (b[i] & 0xff) << 16 | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff);
    }

    static int i32(byte[] b, int i) {
        return (b[i] & 0xff) << 24 | (b[i + 1] & 0xff) << 16 | (b[i + 2] & 0xff) << 8 | (b[i + 3] & 0xff);
    }

    static long u32(byte[] b, int i) {
        return i32(b, i) & 0xffffffffL;
    }

    static void put16(byte[] b, int i, int v) {
        b[i] = (byte) (v >>> 8);
        b[i + 1] = (byte) v;
    }

    static void put24(byte[] b, int i, int v) {
        b[i] = (byte) (v >>> 16);
        b[i + 1] = (byte) (v >>> 8);
        b[i + 2] = (byte) v;
    }

    static void put32(byte[] b, int i, long v) {
        b[i] = (byte) (v >>> 24);
        b[i + 1] = (byte) (v >>> 16);
        b[i + 2] = (byte) (v >>> 8);
        b[i + 3] = (byte) v;
    }

    /** RFC 3550 §6.4.1: V=2, P=0, count or FMT, packet type, length in 32-bit words minus one. */
    static void header(byte[] b, int off, int countOrFormat, int packetType, int totalBytes) {
        if ((totalBytes & 3) != 0 || totalBytes < HEADER || totalBytes > 4 * 65536) {
            throw new IllegalArgumentException("RTCP packet length must be a multiple of 4 up to 256 KiB: "
                    + totalBytes);
        }
        b[off] = (byte) (0x80 | (countOrFormat & 0x1f));
        b[off + 1] = (byte) packetType;
        put16(b, off + 2, totalBytes / 4 - 1);
    }

    static void require(boolean ok, String message) throws RtcpParseException {
        if (!ok) {
            throw new RtcpParseException(message);
        }
    }
}
