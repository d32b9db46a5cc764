package dev.parley.rtc.codec.h264.encoder;

/**
 * Motion vector prediction for 16x16 partitions with one reference picture (§8.4.1.3) and the P_Skip motion vector
 * (§8.4.1.1). Results go to {@link #x} / {@link #y} (quarter samples); not thread-safe, one per encoder.
 */
final class MotionVectorPrediction {
    int x;
    int y;

    /** mvpL0 of a 16x16 partition of {@code mb} (§8.4.1.3, refIdx 0). */
    void predict16x16(MacroblockGrid g, int mb, int sliceId) {
        int a = g.left(mb, sliceId);
        int b = g.above(mb, sliceId);
        int c = g.aboveRight(mb, sliceId);
        if (c < 0) {
            c = g.aboveLeft(mb, sliceId); // §8.4.1.3.2: C not available -> D
        }
        if (b < 0 && c < 0 && a >= 0) {
            // §8.4.1.3.2: only A available: B and C take A's motion, so the median is A's
            b = a;
            c = a;
        }
        boolean refA = a >= 0 && g.isInter(a);
        boolean refB = b >= 0 && g.isInter(b);
        boolean refC = c >= 0 && g.isInter(c);
        int ax = refA ? g.mvX[a] : 0;
        int ay = refA ? g.mvY[a] : 0;
        int bx = refB ? g.mvX[b] : 0;
        int by = refB ? g.mvY[b] : 0;
        int cx = refC ? g.mvX[c] : 0;
        int cy = refC ? g.mvY[c] : 0;
        int refCount = (refA ? 1 : 0) + (refB ? 1 : 0) + (refC ? 1 : 0);
        if (refCount == 1) {
            // §8.4.1.3.1: exactly one neighbour uses the same reference picture: its vector
            x = refA ? ax : refB ? bx : cx;
            y = refA ? ay : refB ? by : cy;
        } else {
            x = median(ax, bx, cx);
            y = median(ay, by, cy);
        }
    }

    /** The motion vector of a P_Skip macroblock (§8.4.1.1). */
    void predictSkip(MacroblockGrid g, int mb, int sliceId) {
        int a = g.left(mb, sliceId);
        int b = g.above(mb, sliceId);
        if (a < 0 || b < 0
                || (g.isInter(a) && g.mvX[a] == 0 && g.mvY[a] == 0)
                || (g.isInter(b) && g.mvX[b] == 0 && g.mvY[b] == 0)) {
            x = 0;
            y = 0;
            return;
        }
        predict16x16(g, mb, sliceId);
    }

    static int median(int a, int b, int c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
