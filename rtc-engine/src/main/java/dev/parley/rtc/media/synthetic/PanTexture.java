package dev.parley.rtc.media.synthetic;

import java.util.Random;

/**
 * The still image the "pan" clip moves over, drawn on a torus so the pan can go on forever: fractal value noise
 * down to 2-pixel detail, a web of thin dark creases, terraced contours of a coarser noise (hard edges that curve),
 * a fixed per-pixel grain, slowly varying colour, and scattered solid discs, rings, rectangles, strokes and triangles
 * in random colours. Tuned so that, panned with camera noise, x264 ultrafast at 1 Mbit/s reaches about 32 dB PSNR-Y
 * at 640x480 (about 37 on the static clip): hard, as a detailed scene in motion is, but not hopeless.
 */
final class PanTexture {

    private PanTexture() {
    }

    /** Draws a {@code width x height} texture; both must be multiples of 128 (the coarsest lattice cell). */
    static Canvas draw(int width, int height, long seed) {
        Random rnd = new Random(seed);
        float[] detail = ValueNoise.fractal(width, height, 64, 2, 0.6f, rnd);
        float[] creases = ValueNoise.fractal(width, height, 32, 4, 0.7f, rnd);
        float[] contours = ValueNoise.fractal(width, height, 128, 64, 0.5f, rnd);
        float[] hueU = ValueNoise.fractal(width, height, 128, 32, 0.5f, rnd);
        float[] hueV = ValueNoise.fractal(width, height, 128, 32, 0.5f, rnd);
        Canvas c = new Canvas(width, height, true, Yuv.grey(128));
        for (int i = 0; i < width * height; i++) {
            // Creases where the crease field crosses zero: thin dark lines that branch and curve.
            float ridge = Math.min(1, Math.abs(creases[i]) * 8);
            // Terraces of the contour field: steps of 12 levels along curved edges.
            float terrace = (float) Math.floor(contours[i] * 8);
            // Grain: a fixed random +-5 per pixel, the finest detail a camera resolves (foliage, gravel).
            float grain = rnd.nextFloat() - 0.5f;
            int luma = Math.round(100 + 160 * detail[i] + 35 * ridge + 12 * terrace + 10 * grain);
            c.y[i] = (byte) Math.max(20, Math.min(230, luma));
            c.u[i] = (byte) Math.max(40, Math.min(216, Math.round(128 + 70 * hueU[i])));
            c.v[i] = (byte) Math.max(40, Math.min(216, Math.round(128 + 70 * hueV[i])));
        }
        int shapes = width * height / 10000;
        for (int s = 0; s < shapes; s++) {
            double x = rnd.nextDouble() * width;
            double y = rnd.nextDouble() * height;
            double r = 3 + rnd.nextDouble() * 37;
            int colour = Yuv.rgb(rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256));
            double angle = rnd.nextDouble() * Math.PI;
            Shape shape = switch (rnd.nextInt(5)) {
                case 0 -> new Disc(x, y, r);
                case 1 -> new Ring(x, y, r - 1.5 - rnd.nextDouble() * 3, r);
                case 2 -> ConvexPolygon.rectangle(x, y, x + 4 + rnd.nextDouble() * 76, y + 4 + rnd.nextDouble() * 76);
                case 3 -> ConvexPolygon.stroke(x, y, x + 4 * r * StrictMath.cos(angle), y + 4 * r * StrictMath.sin(angle),
                        1 + rnd.nextDouble() * 2);
                default -> new ConvexPolygon(3).regular(x, y, r, angle);
            };
            c.fill(shape, colour);
        }
        return c;
    }
}
