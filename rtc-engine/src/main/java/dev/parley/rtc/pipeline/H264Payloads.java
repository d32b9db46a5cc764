package dev.parley.rtc.pipeline;

/** Peeks into RFC 6184 payloads without depacketizing them. */
final class H264Payloads {

    private static final int IDR = 5;
    private static final int SPS = 7;
    private static final int STAP_A = 24;
    private static final int FU_A = 28;

    private H264Payloads() {
    }

    /** Whether this payload starts an IDR picture or its parameter sets: an SPS/IDR NAL, a STAP-A holding one, or
     * the start fragment of an FU-A of an IDR slice (RFC 6184 §5.6, §5.7.1, §5.8). */
    static boolean startsKeyFrame(byte[] b, int off, int len) {
        if (len < 1) {
            return false;
        }
        int type = b[off] & 0x1F;
        if (type == IDR || type == SPS) {
            return true;
        }
        if (type == FU_A) {
            return len >= 2 && (b[off + 1] & 0x80) != 0 && (b[off + 1] & 0x1F) == IDR;
        }
        if (type == STAP_A) {
            int p = off + 1;
            int end = off + len;
            while (p + 2 < end) {
                int size = (b[p] & 0xFF) << 8 | (b[p + 1] & 0xFF);
                int t = b[p + 2] & 0x1F;
                if (t == IDR || t == SPS) {
                    return true;
                }
                p += 2 + size;
            }
        }
        return false;
    }
}
