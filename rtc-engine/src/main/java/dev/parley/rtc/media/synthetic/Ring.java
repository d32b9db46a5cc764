package dev.parley.rtc.media.synthetic;

/** The area between two concentric circles. */
final class Ring implements Shape {

    private double cx;
    private double cy;
    private double inner;
    private double outer;

    Ring(double cx, double cy, double innerRadius, double outerRadius) {
        set(cx, cy, innerRadius, outerRadius);
    }

    Ring set(double centreX, double centreY, double innerRadius, double outerRadius) {
        cx = centreX;
        cy = centreY;
        inner = innerRadius;
        outer = outerRadius;
        return this;
    }

    @Override
    public double minX() {
        return cx - outer;
    }

    @Override
    public double maxX() {
        return cx + outer;
    }

    @Override
    public double minY() {
        return cy - outer;
    }

    @Override
    public double maxY() {
        return cy + outer;
    }

    @Override
    public boolean contains(double x, double y) {
        double dx = x - cx;
        double dy = y - cy;
        double d2 = dx * dx + dy * dy;
        return d2 <= outer * outer && d2 >= inner * inner;
    }
}
