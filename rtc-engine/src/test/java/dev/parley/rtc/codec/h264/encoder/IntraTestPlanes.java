package dev.parley.rtc.codec.h264.encoder;

import java.util.Random;

/** Random sample planes for the intra prediction tests: flat-ish, noisy, extreme and ramp-shaped content. */
final class IntraTestPlanes {
    private IntraTestPlanes() {
    }

    /** A width x height plane (stride = width) whose content style is drawn at random. */
    static byte[] random(Random rnd, int width, int height) {
        byte[] p = new byte[width * height];
        int style = rnd.nextInt(4);
        int base = rnd.nextInt(256);
        int gx = rnd.nextInt(41) - 20;
        int gy = rnd.nextInt(41) - 20;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int v;
                switch (style) {
                    case 0 -> v = rnd.nextInt(256); // uniform noise
                    case 1 -> v = rnd.nextBoolean() ? 0 : 255; // extremes: steepest gradients, clipping
                    case 2 -> v = base + rnd.nextInt(9) - 4; // nearly flat: exercises rounding
                    default -> v = base + gx * x + gy * y + rnd.nextInt(5) - 2; // steep ramps: plane clipping
                }
                p[y * width + x] = (byte) Math.max(0, Math.min(255, v));
            }
        }
        return p;
    }

    /** Fills {@code b} with random signed bytes: stands for samples the oracle must not see either. */
    static void garbage(Random rnd, byte[] b) {
        rnd.nextBytes(b);
    }

    static int at(byte[] plane, int stride, int x, int y) {
        return plane[y * stride + x] & 0xff;
    }

    /** jcodec 0.2.5 keeps samples as signed bytes, value - 128. */
    static byte signed(int sample) {
        return (byte) (sample - 128);
    }
}
