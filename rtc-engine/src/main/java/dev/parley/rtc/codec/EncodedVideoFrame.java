package dev.parley.rtc.codec;

import java.util.List;

/**
 * One access unit out of a {@link VideoEncoder}: its NAL units (without start codes or length prefixes, in decoding
 * order), whether it is a keyframe (an IDR with its parameter sets), the capture time of the frame it came from and
 * the quantiser it was coded at (for stats).
 */
public record EncodedVideoFrame(List<byte[]> nalUnits, boolean keyFrame, int width, int height,
                                long timestampNanos, int qp) {

    public EncodedVideoFrame {
        nalUnits = List.copyOf(nalUnits);
    }

    /** Bytes of payload, NAL headers included, start codes not. */
    public int sizeBytes() {
        int n = 0;
        for (byte[] nal : nalUnits) {
            n += nal.length;
        }
        return n;
    }
}
