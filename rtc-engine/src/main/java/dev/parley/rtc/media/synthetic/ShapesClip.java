package dev.parley.rtc.media.synthetic;

import dev.parley.rtc.media.VideoFrame;
import java.util.Random;

/**
 * The "shapes" clip: five solid shapes (disc, square, triangle, ring, small fast disc) bouncing off the frame edges
 * at different speeds and directions (0.75 to 7 pixels per frame at 640 pixels wide, proportionally more on wider
 * frames), and a rectangle that turns and grows and shrinks as it wanders, over a still colour gradient. No noise:
 * the background is exactly the same every frame. Positions are a function of the frame index (reflection off the
 * edges), so any frame renders on its own.
 */
final class ShapesClip implements ClipRenderer {

    private final int width;
    private final int height;
    private final byte[] bgY;
    private final byte[] bgU;
    private final byte[] bgV;
    private final Mover[] movers;
    private final ConvexPolygon spinner = new ConvexPolygon(4);
    private final int spinnerColour = Yuv.rgb(200, 40, 200);

    /** A shape moving in a straight line at constant speed, reflected at the edges. */
    private record Mover(Shape shape, double radius, int colour, double x0, double y0, double vx, double vy) {
    }

    ShapesClip(int width, int height, long seed) {
        this.width = width;
        this.height = height;
        int cw = width / 2;
        int ch = height / 2;
        bgY = new byte[width * height];
        bgU = new byte[cw * ch];
        bgV = new byte[cw * ch];
        for (int row = 0; row < height; row++) {
            for (int x = 0; x < width; x++) {
                double t = 0.6 * x / Math.max(1, width - 1) + 0.4 * row / Math.max(1, height - 1);
                bgY[row * width + x] = (byte) (40 + (int) Math.round(150 * t));
            }
        }
        for (int row = 0; row < ch; row++) {
            for (int x = 0; x < cw; x++) {
                bgU[row * cw + x] = (byte) (128 + (int) Math.round(60 * ((double) x / Math.max(1, cw - 1) - 0.5)));
                bgV[row * cw + x] = (byte) (128 + (int) Math.round(60 * (0.5 - (double) row / Math.max(1, ch - 1))));
            }
        }
        Random rnd = new Random(seed);
        double m = Math.min(width, height);
        double scale = width / 640.0;
        double[] radii = {0.09 * m, 0.08 * m, 0.07 * m, 0.06 * m, 0.03 * m};
        double[] speeds = {0.75, 3, 4.5, 2.25, 7};
        int[] colours = {Yuv.rgb(220, 30, 30), Yuv.rgb(30, 200, 60), Yuv.rgb(40, 60, 230), Yuv.rgb(240, 220, 30),
            Yuv.rgb(245, 245, 245)};
        movers = new Mover[radii.length];
        for (int i = 0; i < movers.length; i++) {
            double r = radii[i];
            Shape shape = switch (i) {
                case 0, 4 -> new Disc(0, 0, r);
                case 1 -> new ConvexPolygon(4);
                case 2 -> new ConvexPolygon(3);
                default -> new Ring(0, 0, 0.6 * r, r);
            };
            double direction = rnd.nextDouble() * 2 * Math.PI;
            movers[i] = new Mover(shape, r, colours[i], rnd.nextDouble() * width, rnd.nextDouble() * height,
                    speeds[i] * scale * StrictMath.cos(direction), speeds[i] * scale * StrictMath.sin(direction));
        }
    }

    @Override
    public void render(int n, VideoFrame f) {
        copy(bgY, width, f.y(), f.strideY(), width, height);
        copy(bgU, width / 2, f.u(), f.strideU(), width / 2, height / 2);
        copy(bgV, width / 2, f.v(), f.strideV(), width / 2, height / 2);
        for (int i = 0; i < movers.length; i++) {
            Mover mv = movers[i];
            double x = bounce(mv.x0 + mv.vx * n, mv.radius, width - mv.radius);
            double y = bounce(mv.y0 + mv.vy * n, mv.radius, height - mv.radius);
            Shape s = mv.shape;
            if (s instanceof Disc d) {
                d.set(x, y, mv.radius);
            } else if (s instanceof Ring ring) {
                ring.set(x, y, 0.6 * mv.radius, mv.radius);
            } else if (s instanceof ConvexPolygon p) {
                // The square stands on an edge; the triangle points up.
                p.regular(x, y, mv.radius, p == movers[1].shape ? Math.PI / 4 : -Math.PI / 2);
            }
            I420Painter.fill(s, mv.colour, f);
            if (i == 2) {
                drawSpinner(n, f);
            }
        }
    }

    /** A 2:1 rectangle turning 0.05 rad per frame, its size breathing by +-40 % over 90 frames, on a slow Lissajous. */
    private void drawSpinner(int n, VideoFrame f) {
        double m = Math.min(width, height);
        double cx = width / 2.0 + 0.25 * width * StrictMath.sin(2 * Math.PI * n / 240);
        double cy = height / 2.0 + 0.2 * height * StrictMath.sin(2 * Math.PI * n / 170);
        double s = 1 + 0.4 * StrictMath.sin(2 * Math.PI * n / 90);
        double a = 0.12 * m * s;
        double b = 0.05 * m * s;
        double angle = 0.05 * n;
        double cos = StrictMath.cos(angle);
        double sin = StrictMath.sin(angle);
        double[] ux = {a, a, -a, -a};
        double[] uy = {b, -b, -b, b};
        for (int k = 0; k < 4; k++) {
            spinner.vertex(k, cx + ux[k] * cos - uy[k] * sin, cy + ux[k] * sin + uy[k] * cos);
        }
        I420Painter.fill(spinner.bounds(), spinnerColour, f);
    }

    /** {@code p} reflected back and forth between lo and hi (a triangle wave). */
    static double bounce(double p, double lo, double hi) {
        double span = hi - lo;
        if (span <= 0) {
            return (lo + hi) / 2;
        }
        double m = (p - lo) % (2 * span);
        if (m < 0) {
            m += 2 * span;
        }
        return lo + (m <= span ? m : 2 * span - m);
    }

    private static void copy(byte[] src, int srcStride, byte[] dst, int dstStride, int w, int h) {
        for (int row = 0; row < h; row++) {
            System.arraycopy(src, row * srcStride, dst, row * dstStride, w);
        }
    }
}
