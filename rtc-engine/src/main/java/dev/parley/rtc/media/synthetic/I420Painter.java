package dev.parley.rtc.media.synthetic;

import dev.parley.rtc.media.VideoFrame;

/**
 * Paints shapes straight into an I420 frame: luma where a pixel centre is inside, chroma where the centre of the
 * sample's 2x2 block is inside. Clipped to the frame.
 */
final class I420Painter {

    private I420Painter() {
    }

    static void fill(Shape shape, int yuv, VideoFrame f) {
        byte yy = (byte) Yuv.y(yuv);
        byte uu = (byte) Yuv.u(yuv);
        byte vv = (byte) Yuv.v(yuv);
        int x0 = Math.max(0, (int) Math.floor(shape.minX()));
        int x1 = Math.min(f.width() - 1, (int) Math.ceil(shape.maxX()));
        int y0 = Math.max(0, (int) Math.floor(shape.minY()));
        int y1 = Math.min(f.height() - 1, (int) Math.ceil(shape.maxY()));
        byte[] py = f.y();
        int sy = f.strideY();
        for (int row = y0; row <= y1; row++) {
            for (int x = x0; x <= x1; x++) {
                if (shape.contains(x + 0.5, row + 0.5)) {
                    py[row * sy + x] = yy;
                }
            }
        }
        byte[] pu = f.u();
        byte[] pv = f.v();
        int su = f.strideU();
        int sv = f.strideV();
        for (int row = y0 >> 1; row <= y1 >> 1; row++) {
            for (int x = x0 >> 1; x <= x1 >> 1; x++) {
                if (shape.contains(2 * x + 1.0, 2 * row + 1.0)) {
                    pu[row * su + x] = uu;
                    pv[row * sv + x] = vv;
                }
            }
        }
    }
}
