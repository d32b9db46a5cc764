package dev.parley.rtc.media.synthetic;

/** A filled circle; mutable so a moving one is not reallocated every frame. */
final class Disc implements Shape {

    private double cx;
    private double cy;
    private double r;

    Disc(double cx, double cy, double r) {
        set(cx, cy, r);
    }

    Disc set(double centreX, double centreY, double radius) {
        cx = centreX;
        cy = centreY;
        r = radius;
        return this;
    }

    @Override
    public double minX() {
        return cx - r;
    }

    @Override
    public double maxX() {
        return cx + r;
    }

    @Override
    public double minY() {
        return cy - r;
    }

    @Override
    public double maxY() {
        return cy + r;
    }

    @Override
    public boolean contains(double x, double y) {
        double dx = x - cx;
        double dy = y - cy;
        return dx * dx + dy * dy <= r * r;
    }
}
