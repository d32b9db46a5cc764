package dev.parley.bench.h264;

import java.util.List;

/**
 * The timed pass of one encoder over one clip.
 *
 * @param accessUnits one Annex B byte stream per frame (start codes in front of every NAL unit), for the decoder;
 *     null for a frame the encoder dropped
 * @param payloadBytes NAL unit bytes, headers included, start codes not (what RTP would carry)
 * @param meanQp the encoder's mean reported QP, NaN when it does not report one
 */
record EncodeRun(List<byte[]> accessUnits, long payloadBytes, ThreadMeter meter, int keyFrames, double meanQp) {

    int frames() {
        return accessUnits.size();
    }

    /** Frames the encoder dropped (coded as nothing). */
    int dropped() {
        int n = 0;
        for (byte[] au : accessUnits) {
            n += au == null ? 1 : 0;
        }
        return n;
    }

    double fps() {
        return frames() / meter.wallSeconds();
    }

    double cpuFps() {
        return frames() / meter.cpuSeconds();
    }

    double kbps(double frameRate) {
        return payloadBytes * 8.0 * frameRate / frames() / 1000;
    }

    /** Kilobytes the encoding thread allocated per frame, NaN if unknown. */
    double allocatedKbPerFrame() {
        return meter.allocatedBytes() < 0 ? Double.NaN : meter.allocatedBytes() / 1024.0 / frames();
    }
}
