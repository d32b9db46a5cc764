package dev.parley.rtc.codec.h264;

/** Builds NAL units (H.264 §7.3.1): one header byte, then the RBSP with emulation prevention applied. */
public final class Nal {
    private Nal() {
    }

    public static byte[] withHeader(NalHeader header, byte[] rbsp) {
        byte[] escaped = EmulationPrevention.escape(rbsp);
        byte[] nal = new byte[escaped.length + 1];
        nal[0] = header.toByte();
        System.arraycopy(escaped, 0, nal, 1, escaped.length);
        return nal;
    }
}
