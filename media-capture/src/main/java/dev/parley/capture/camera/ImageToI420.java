package dev.parley.capture.camera;

import dev.parley.rtc.media.ColorConversion;
import dev.parley.rtc.media.VideoFrame;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.SampleModel;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;

/**
 * Converts the images a device without buffer access gives ({@code Webcam.getImage()}) into a reused I420 frame:
 * straight from the raster for the layouts cameras use (3 bytes per pixel in R, G, B or B, G, R order, as sarxos's
 * native device and {@code TYPE_3BYTE_BGR}; packed {@code int} RGB), through {@link BufferedImage#getRGB} into a
 * reused array for anything else. One instance per capture thread.
 */
final class ImageToI420 {

    private int[] argb = new int[0];

    /**
     * Fills {@code dst} from the top-left of {@code image}; {@code false} when the image is smaller than the frame
     * (the device changed size under us).
     */
    boolean convert(BufferedImage image, VideoFrame dst) {
        int w = dst.width();
        int h = dst.height();
        if (image.getWidth() < w || image.getHeight() < h) {
            return false;
        }
        WritableRaster raster = image.getRaster();
        SampleModel model = raster.getSampleModel();
        DataBuffer data = raster.getDataBuffer();
        boolean untranslated = raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
                && data.getNumBanks() == 1;
        if (untranslated && data instanceof DataBufferByte bytes && model instanceof ComponentSampleModel c
                && c.getNumBands() == 3 && c.getPixelStride() == 3) {
            int[] bands = c.getBandOffsets();
            int first = Math.min(bands[0], Math.min(bands[1], bands[2]));
            int offset = bytes.getOffset() + first;
            int stride = c.getScanlineStride();
            if (order(bands, first, 0, 1, 2)) {
                ColorConversion.rgb24ToI420(bytes.getData(), offset, stride, dst);
                return true;
            }
            if (order(bands, first, 2, 1, 0)) {
                ColorConversion.bgr24ToI420(bytes.getData(), offset, stride, dst);
                return true;
            }
        }
        int type = image.getType();
        if (untranslated && data instanceof DataBufferInt ints && model instanceof SinglePixelPackedSampleModel p
                && (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB)) {
            ColorConversion.argbToI420(ints.getData(), ints.getOffset(), p.getScanlineStride(), dst);
            return true;
        }
        if (argb.length < w * h) {
            argb = new int[w * h];
        }
        image.getRGB(0, 0, w, h, argb, 0, w);
        ColorConversion.argbToI420(argb, 0, w, dst);
        return true;
    }

    /** Whether red, green and blue sit at bytes r, g and b of each pixel. */
    private static boolean order(int[] bands, int first, int r, int g, int b) {
        return bands[0] - first == r && bands[1] - first == g && bands[2] - first == b;
    }
}
