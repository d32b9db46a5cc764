package dev.parley.capture.camera;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.rtc.media.VideoFrame;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import org.junit.jupiter.api.Test;

class ImageToI420Test {

    private static final Color COLOUR = new Color(30, 160, 220);

    private static BufferedImage filled(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setColor(COLOUR);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.dispose();
        return image;
    }

    /** The layout sarxos's native device gives: 3 bytes per pixel in R, G, B order, a custom image type. */
    private static BufferedImage sarxosNativeLayout(int w, int h) {
        byte[] bytes = new byte[w * h * 3];
        for (int i = 0; i < bytes.length; i += 3) {
            bytes[i] = (byte) COLOUR.getRed();
            bytes[i + 1] = (byte) COLOUR.getGreen();
            bytes[i + 2] = (byte) COLOUR.getBlue();
        }
        ComponentSampleModel model = new ComponentSampleModel(DataBuffer.TYPE_BYTE, w, h, 3, w * 3,
                new int[] {0, 1, 2});
        WritableRaster raster = Raster.createWritableRaster(model, new DataBufferByte(bytes, bytes.length), null);
        ComponentColorModel colours = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB),
                new int[] {8, 8, 8}, false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        return new BufferedImage(colours, raster, false, null);
    }

    private static int[] yuvAt(BufferedImage image, int x, int row) {
        VideoFrame frame = VideoFrame.black(image.getWidth() & ~1, image.getHeight() & ~1, 0);
        assertThat(new ImageToI420().convert(image, frame)).isTrue();
        return new int[] {frame.y()[row * frame.strideY() + x] & 0xFF,
            frame.u()[row / 2 * frame.strideU() + x / 2] & 0xFF, frame.v()[row / 2 * frame.strideV() + x / 2] & 0xFF};
    }

    @Test
    void everyLayoutGivesTheSameColour() {
        int[] expected = yuvAt(filled(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB)), 10, 10);

        assertThat(yuvAt(filled(new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR)), 10, 10))
                .containsExactly(expected);
        assertThat(yuvAt(sarxosNativeLayout(64, 48), 10, 10)).containsExactly(expected);
        assertThat(yuvAt(filled(new BufferedImage(64, 48, BufferedImage.TYPE_INT_ARGB)), 10, 10))
                .containsExactly(expected);
        // Anything else goes through getRGB.
        assertThat(yuvAt(filled(new BufferedImage(64, 48, BufferedImage.TYPE_USHORT_565_RGB)), 10, 10)[0])
                .isCloseTo(expected[0], org.assertj.core.data.Offset.offset(3));
        // BT.601 limited range: Y = 16 + 0.257 R + 0.504 G + 0.098 B.
        assertThat(expected[0]).isCloseTo(16 + (int) Math.round(0.256788 * 30 + 0.504129 * 160 + 0.097906 * 220),
                org.assertj.core.data.Offset.offset(1));
    }

    @Test
    void anOddSizedImageFillsTheEvenFrameAndASmallerOneIsRefused() {
        assertThat(yuvAt(filled(new BufferedImage(65, 49, BufferedImage.TYPE_3BYTE_BGR)), 63, 47)[0])
                .isEqualTo(yuvAt(filled(new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR)), 63, 47)[0]);

        VideoFrame frame = VideoFrame.black(64, 48, 0);
        assertThat(new ImageToI420().convert(filled(new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB)), frame))
                .isFalse();
    }
}
