package dev.parley.rtc.codec.h264.encoder;

import dev.parley.rtc.codec.EncodedVideoFrame;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jcodec.codecs.h264.H264Decoder;
import org.jcodec.common.model.Picture;

/**
 * jcodec 0.2.5's H.264 decoder as a test oracle: decodes Parley's access units and compares each decoded picture,
 * macroblock-aligned area included, with the encoder's own reconstruction.
 */
final class JcodecOracle {
    private final H264Decoder decoder = new H264Decoder();
    private byte[][] buffers;

    /** Decodes one access unit (copies of the NAL units: jcodec unescapes in place). */
    Picture decode(EncodedVideoFrame au, int mbW, int mbH) {
        if (buffers == null || buffers[0].length != mbW * mbH * 256) {
            buffers = new byte[][] {new byte[mbW * mbH * 256], new byte[mbW * mbH * 64], new byte[mbW * mbH * 64]};
        }
        List<ByteBuffer> nals = new ArrayList<>();
        for (byte[] nal : au.nalUnits()) {
            nals.add(ByteBuffer.wrap(nal.clone()));
        }
        Picture pic = decoder.decodeFrameFromNals(nals, buffers);
        if (pic == null) {
            throw new AssertionError("jcodec decoded nothing");
        }
        return pic;
    }

    /**
     * The first sample where {@code pic} differs from {@code planes}, as a readable message, or null when they are
     * identical. jcodec 0.2.5 stores samples as signed bytes minus 128.
     */
    static String firstDifference(Picture pic, Planes planes) {
        String y = comparePlane("Y", pic.getPlaneData(0), pic.getPlaneWidth(0), planes.y, planes.width, planes.height);
        if (y != null) {
            return y;
        }
        String u = comparePlane("U", pic.getPlaneData(1), pic.getPlaneWidth(1), planes.u, planes.chromaWidth,
                planes.chromaHeight);
        if (u != null) {
            return u;
        }
        return comparePlane("V", pic.getPlaneData(2), pic.getPlaneWidth(2), planes.v, planes.chromaWidth,
                planes.chromaHeight);
    }

    private static String comparePlane(String name, byte[] decoded, int decodedStride, byte[] own, int w, int h) {
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w; col++) {
                int d = decoded[row * decodedStride + col] + 128;
                int o = own[row * w + col] & 0xff;
                if (d != o) {
                    return name + " differs at (" + col + ", " + row + ") in macroblock (" + col / (name.equals("Y")
                            ? 16 : 8) + ", " + row / (name.equals("Y") ? 16 : 8) + "): decoder " + d + ", encoder " + o;
                }
            }
        }
        return null;
    }
}
