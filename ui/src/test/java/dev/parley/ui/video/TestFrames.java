package dev.parley.ui.video;

import dev.parley.rtc.media.ColorConversion;
import dev.parley.rtc.media.VideoFrame;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;

/** Frames of known colours, and reading colours back from snapshots. */
final class TestFrames {

    static final int RED = 0xffe02020;
    static final int GREEN = 0xff20c040;
    static final int BLUE = 0xff2040e0;
    static final int YELLOW = 0xffe0d020;

    private TestFrames() {
    }

    /** One colour all over. */
    static VideoFrame solid(int width, int height, int argb) {
        return quadrants(width, height, argb, argb, argb, argb);
    }

    /** Four colours, one per quarter: top left, top right, bottom left, bottom right. */
    static VideoFrame quadrants(int width, int height, int topLeft, int topRight, int bottomLeft, int bottomRight) {
        int[] argb = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean right = x >= width / 2;
                boolean bottom = y >= height / 2;
                argb[y * width + x] = bottom ? (right ? bottomRight : bottomLeft) : (right ? topRight : topLeft);
            }
        }
        VideoFrame frame = VideoFrame.black(width, height, 0);
        ColorConversion.argbToI420(argb, 0, width, frame);
        return frame;
    }

    /** Whether the pixel at (x, y) is {@code argb} within {@code tolerance} per channel (I420 rounds colours). */
    static boolean near(Image image, int x, int y, int argb, int tolerance) {
        int got = image.getPixelReader().getArgb(x, y);
        return Math.abs((got >> 16 & 0xff) - (argb >> 16 & 0xff)) <= tolerance
                && Math.abs((got >> 8 & 0xff) - (argb >> 8 & 0xff)) <= tolerance
                && Math.abs((got & 0xff) - (argb & 0xff)) <= tolerance;
    }

    static String describe(Image image, int x, int y) {
        return String.format("#%06x at (%d, %d)", image.getPixelReader().getArgb(x, y) & 0xffffff, x, y);
    }

    static int argb(Color c) {
        return 0xff000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }
}
