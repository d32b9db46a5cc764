package dev.parley.rtc.media.synthetic;

import java.util.Random;

/**
 * The still picture of the "static" clip: 75% colour bars, a luma ramp and grey steps, a panel of fine detail
 * (line gratings of 8 to 2 pixel periods, a zone plate whose rings reach the pixel frequency at its rim, rows of
 * text-like glyphs), a hue sweep with coloured discs, and a ring and cross-hair over everything. Laid out in
 * fractions of the picture, so any even size works (tiny ones lose the detail, not the layout).
 */
final class TestCard {

    private static final int WHITE = Yuv.grey(235);

    private TestCard() {
    }

    /** Draws the card; the seed picks the glyph shapes and the text. */
    static Canvas draw(int w, int h, long seed) {
        Canvas c = new Canvas(w, h, false, Yuv.grey(60));
        Random rnd = new Random(seed);
        int barsEnd = h * 28 / 100;
        int rampEnd = h * 36 / 100;
        int stepsEnd = h * 42 / 100;
        int panelEnd = h * 70 / 100;

        int[] bars = {Yuv.rgb(191, 191, 191), Yuv.rgb(191, 191, 0), Yuv.rgb(0, 191, 191), Yuv.rgb(0, 191, 0),
            Yuv.rgb(191, 0, 191), Yuv.rgb(191, 0, 0), Yuv.rgb(0, 0, 191)};
        for (int i = 0; i < bars.length; i++) {
            c.fillRect(i * w / bars.length, 0, (i + 1) * w / bars.length, barsEnd, bars[i]);
        }
        for (int row = barsEnd; row < rampEnd; row++) {
            for (int x = 0; x < w; x++) {
                c.set(x, row, Yuv.grey(16 + 219 * x / Math.max(1, w - 1)));
            }
        }
        for (int i = 0; i < 11; i++) {
            c.fillRect(i * w / 11, rampEnd, (i + 1) * w / 11, stepsEnd, Yuv.grey(16 + 219 * i / 10));
        }
        gratings(c, 0, stepsEnd, w / 3, panelEnd);
        zonePlate(c, w / 3, stepsEnd, 2 * w / 3, panelEnd);
        text(c, 2 * w / 3, stepsEnd, w, panelEnd, rnd);
        hueSweep(c, panelEnd, h);

        double m = Math.min(w, h);
        int[] discColours = {Yuv.rgb(230, 120, 20), Yuv.rgb(120, 40, 160), Yuv.rgb(20, 150, 140), Yuv.rgb(240, 240, 240)};
        double discY = (panelEnd + h) / 2.0;
        for (int i = 0; i < discColours.length; i++) {
            double r = (h - panelEnd) * (0.2 + 0.07 * i);
            c.fill(new Disc(w * (0.14 + 0.24 * i), discY, r), discColours[i]);
        }

        double thickness = Math.max(1.5, m / 240);
        c.fill(new Ring(w / 2.0, h / 2.0, 0.46 * m - thickness, 0.46 * m), WHITE);
        c.fillRect(0, h / 2, w, h / 2 + 1, WHITE);
        c.fillRect(w / 2, 0, w / 2 + 1, h, WHITE);
        double corner = 0.06 * m;
        for (int i = 0; i < 4; i++) {
            double cx = (i & 1) == 0 ? corner : w - corner;
            double cy = (i & 2) == 0 ? corner : h - corner;
            c.fill(new Ring(cx, cy, 0.04 * m - 1.2, 0.04 * m), WHITE);
        }
        return c;
    }

    /** Top half: vertical line gratings of periods 8, 6, 4, 3 and 2 pixels; bottom half: horizontal and diagonal. */
    private static void gratings(Canvas c, int x0, int y0, int x1, int y1) {
        int[] periods = {8, 6, 4, 3, 2};
        int mid = (y0 + y1) / 2;
        for (int band = 0; band < periods.length; band++) {
            int bx0 = x0 + band * (x1 - x0) / periods.length;
            int bx1 = x0 + (band + 1) * (x1 - x0) / periods.length;
            int p = periods[band];
            for (int row = y0; row < y1; row++) {
                for (int x = bx0; x < bx1; x++) {
                    boolean bright;
                    if (row < mid) {
                        bright = (x - bx0) % p < (p + 1) / 2;
                    } else if (band < periods.length - 1) {
                        bright = (row - mid) % p < (p + 1) / 2;
                    } else {
                        bright = (x + row) % 4 < 2;
                    }
                    c.set(x, row, Yuv.grey(bright ? 200 : 40));
                }
            }
        }
    }

    /**
     * A disc of rings, luma {@code 126 + 90 cos(pi r^2 / (2R))}: the local frequency r / (2R) cycles per pixel
     * climbs to the Nyquist limit at the rim. A 4-pixel checkerboard around it.
     */
    private static void zonePlate(Canvas c, int x0, int y0, int x1, int y1) {
        double cx = (x0 + x1) / 2.0;
        double cy = (y0 + y1) / 2.0;
        double radius = Math.min(x1 - x0, y1 - y0) / 2.0 - 1;
        for (int row = y0; row < y1; row++) {
            for (int x = x0; x < x1; x++) {
                double dx = x + 0.5 - cx;
                double dy = row + 0.5 - cy;
                double r2 = dx * dx + dy * dy;
                int luma;
                if (radius > 1 && r2 <= radius * radius) {
                    luma = 126 + (int) Math.round(90 * StrictMath.cos(Math.PI * r2 / (2 * radius)));
                } else {
                    luma = ((x - x0) / 4 + (row - y0) / 4 & 1) == 0 ? 90 : 160;
                }
                c.set(x, row, Yuv.grey(luma));
            }
        }
    }

    /** Rows of words of 5x7-pixel glyphs (a random 40-glyph alphabet), dark on light, like small print. */
    private static void text(Canvas c, int x0, int y0, int x1, int y1, Random rnd) {
        c.fillRect(x0, y0, x1, y1, Yuv.grey(220));
        long[] glyphs = new long[40];
        for (int g = 0; g < glyphs.length; g++) {
            for (int bit = 0; bit < 35; bit++) {
                if (rnd.nextInt(100) < 45) {
                    glyphs[g] |= 1L << bit;
                }
            }
        }
        int ink = Yuv.grey(30);
        for (int top = y0 + 2; top + 7 <= y1 - 1; top += 9) {
            int x = x0 + 2;
            while (true) {
                int word = 2 + rnd.nextInt(7);
                if (x + 6 * word > x1 - 2) {
                    break;
                }
                for (int k = 0; k < word; k++, x += 6) {
                    long glyph = glyphs[rnd.nextInt(glyphs.length)];
                    for (int bit = 0; bit < 35; bit++) {
                        if ((glyph >>> bit & 1) != 0) {
                            c.set(x + bit % 5, top + bit / 5, ink);
                        }
                    }
                }
                x += 6;
            }
        }
    }

    /** Hues round the colour circle from left to right, fading towards grey from top to bottom. */
    private static void hueSweep(Canvas c, int y0, int y1) {
        for (int row = y0; row < y1; row++) {
            double saturation = 1 - 0.7 * (row - y0) / Math.max(1, y1 - y0);
            for (int x = 0; x < c.width; x++) {
                double angle = 2 * Math.PI * x / c.width;
                int r = (int) Math.round(128 + 100 * saturation * StrictMath.cos(angle));
                int g = (int) Math.round(128 + 100 * saturation * StrictMath.cos(angle - 2 * Math.PI / 3));
                int b = (int) Math.round(128 + 100 * saturation * StrictMath.cos(angle + 2 * Math.PI / 3));
                c.set(x, row, Yuv.rgb(r, g, b));
            }
        }
    }
}
