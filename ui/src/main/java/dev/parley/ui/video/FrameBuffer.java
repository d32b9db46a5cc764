package dev.parley.ui.video;

import java.nio.IntBuffer;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * One picture's worth of pixels a {@link VideoPane} converts frames into and shows from: opaque ARGB ints (alpha
 * 0xFF, so premultiplied and straight alpha are the same) shared with JavaFX through a {@link PixelBuffer}, so
 * showing it is a dirty notification rather than a copy. Made on a source thread when the frame size changes; its
 * image is made on the JavaFX thread the first time it is shown.
 */
final class FrameBuffer {

    final int width;
    final int height;
    final int[] pixels;
    final PixelBuffer<IntBuffer> pixelBuffer;
    /** Clockwise rotation of the frame last converted into it; written before it is handed to the JavaFX thread. */
    int rotation;
    /** JavaFX thread only. */
    WritableImage image;

    FrameBuffer(int width, int height) {
        this.width = width;
        this.height = height;
        this.pixels = new int[width * height];
        this.pixelBuffer = new PixelBuffer<>(width, height, IntBuffer.wrap(pixels),
                PixelFormat.getIntArgbPreInstance());
    }

    boolean hasSize(int w, int h) {
        return width == w && height == h;
    }
}
