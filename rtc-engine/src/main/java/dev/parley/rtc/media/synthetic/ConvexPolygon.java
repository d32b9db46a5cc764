package dev.parley.rtc.media.synthetic;

/**
 * A convex polygon of a fixed number of vertices, in either winding order; mutable so a moving or rotating one is
 * not reallocated every frame.
 */
final class ConvexPolygon implements Shape {

    private final double[] xs;
    private final double[] ys;
    private double minX;
    private double maxX;
    private double minY;
    private double maxY;

    ConvexPolygon(int vertices) {
        xs = new double[vertices];
        ys = new double[vertices];
    }

    /** An axis-aligned rectangle [x0, x1) x [y0, y1). */
    static ConvexPolygon rectangle(double x0, double y0, double x1, double y1) {
        ConvexPolygon p = new ConvexPolygon(4);
        p.vertex(0, x0, y0).vertex(1, x1, y0).vertex(2, x1, y1).vertex(3, x0, y1);
        return p.bounds();
    }

    /** A straight stroke of the given width from (x0, y0) to (x1, y1), as a thin rectangle. */
    static ConvexPolygon stroke(double x0, double y0, double x1, double y1, double width) {
        double len = Math.sqrt((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0));
        double nx = len == 0 ? 0 : -(y1 - y0) / len * width / 2;
        double ny = len == 0 ? width / 2 : (x1 - x0) / len * width / 2;
        ConvexPolygon p = new ConvexPolygon(4);
        p.vertex(0, x0 + nx, y0 + ny).vertex(1, x1 + nx, y1 + ny).vertex(2, x1 - nx, y1 - ny)
                .vertex(3, x0 - nx, y0 - ny);
        return p.bounds();
    }

    /** The polygon of {@code n} vertices inscribed in a circle, the first at {@code angle} radians. */
    ConvexPolygon regular(double cx, double cy, double radius, double angle) {
        int n = xs.length;
        for (int i = 0; i < n; i++) {
            double a = angle + 2 * Math.PI * i / n;
            vertex(i, cx + radius * StrictMath.cos(a), cy + radius * StrictMath.sin(a));
        }
        return bounds();
    }

    /** Sets one vertex; call {@link #bounds()} after the last one. */
    ConvexPolygon vertex(int i, double x, double y) {
        xs[i] = x;
        ys[i] = y;
        return this;
    }

    /** Recomputes the bounding box after vertices changed. */
    ConvexPolygon bounds() {
        minX = Double.MAX_VALUE;
        minY = Double.MAX_VALUE;
        maxX = -Double.MAX_VALUE;
        maxY = -Double.MAX_VALUE;
        for (int i = 0; i < xs.length; i++) {
            minX = Math.min(minX, xs[i]);
            maxX = Math.max(maxX, xs[i]);
            minY = Math.min(minY, ys[i]);
            maxY = Math.max(maxY, ys[i]);
        }
        return this;
    }

    @Override
    public double minX() {
        return minX;
    }

    @Override
    public double maxX() {
        return maxX;
    }

    @Override
    public double minY() {
        return minY;
    }

    @Override
    public double maxY() {
        return maxY;
    }

    /** Inside when the point is on the same side of every edge (either side, so the winding does not matter). */
    @Override
    public boolean contains(double x, double y) {
        boolean anyPositive = false;
        boolean anyNegative = false;
        int n = xs.length;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double cross = (xs[i] - xs[j]) * (y - ys[j]) - (ys[i] - ys[j]) * (x - xs[j]);
            if (cross > 0) {
                anyPositive = true;
            } else if (cross < 0) {
                anyNegative = true;
            }
            if (anyPositive && anyNegative) {
                return false;
            }
        }
        return true;
    }
}
