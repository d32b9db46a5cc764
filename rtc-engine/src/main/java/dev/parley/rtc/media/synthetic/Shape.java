package dev.parley.rtc.media.synthetic;

/**
 * A filled region of the plane in pixel coordinates (x right, y down; pixel (i, j) covers [i, i+1) x [j, j+1)).
 * Painters sample it at pixel centres, so edges are hard (no anti-aliasing) and move in whole pixels.
 */
interface Shape {

    double minX();

    double maxX();

    double minY();

    double maxY();

    boolean contains(double x, double y);
}
