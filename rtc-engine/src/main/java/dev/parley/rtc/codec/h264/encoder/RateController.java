package dev.parley.rtc.codec.h264.encoder;

/**
 * Chooses the QP of every frame and macroblock row so the stream holds a target bitrate, and no frame bursts.
 *
 * <p>Frame level: a leaky-bucket debt (bits sent minus bits the target allowed) is paid back over about a second, so
 * any few-second window averages the target; the frame's QP comes from the last frame of the same kind (I or P) with
 * the usual model that bits halve every 6 QP (bits ~ 2^(-QP/6)), corrected by how much harder or easier this frame's
 * content turned out. Row level (the macroblock-level adaptation): the bits a frame may spend are spread over its
 * rows like the last frame's were; a frame running ahead of its plan raises the QP of its next rows, one running
 * behind lowers it, within a few steps of the frame QP, and a frame about to exceed its cap (the VBV-style limit:
 * {@link #MAX_FRAME_FACTOR} times the average frame, a few times more for a keyframe) goes to QP 51 for the rest.
 *
 * <p>{@link #setRates} may be called from any thread; everything else from the encoder thread.
 */
final class RateController {
    static final int MIN_QP = 10;
    static final int MAX_QP = 51;
    /** A P frame may spend at most this many average frames' worth of bits. */
    static final double MAX_FRAME_FACTOR = 4.0;
    /** Seconds over which a debt (or a saving) is evened out. */
    private static final double PAYBACK_SECONDS = 1.0;
    /** How far a row's QP strays from the frame's. */
    private static final int ROW_QP_RANGE_UP = 6;
    private static final int ROW_QP_RANGE_DOWN = 4;

    private final boolean fixed;
    private final int fixedQp;
    private final int mbRows;
    private final int frameMbs;
    private volatile int bitrate;
    private volatile double frameRate;

    private double debtBits;
    private final Model intraModel = new Model();
    private final Model interModel = new Model();
    private final double[] lastRowShare;
    private final double[] rowShare;
    private boolean rowShareKnown;

    // the frame being coded
    private boolean frameIsKey;
    private int frameQp;
    private double frameTarget;
    private double frameCap;
    private int rowQp;

    RateController(H264EncoderConfig config, int mbRows, int mbCols) {
        this.fixed = !config.rateControl();
        this.fixedQp = config.fixedQp();
        this.bitrate = config.targetBitrate();
        this.frameRate = config.frameRate();
        this.mbRows = mbRows;
        this.frameMbs = mbRows * mbCols;
        this.lastRowShare = new double[mbRows];
        this.rowShare = new double[mbRows];
    }

    void setRates(int bitsPerSecond, double framesPerSecond) {
        if (bitsPerSecond <= 0 || !(framesPerSecond > 0)) {
            throw new IllegalArgumentException("rates must be positive: " + bitsPerSecond + " bps, "
                    + framesPerSecond + " fps");
        }
        bitrate = bitsPerSecond;
        frameRate = framesPerSecond;
    }

    int bitrate() {
        return bitrate;
    }

    double frameRate() {
        return frameRate;
    }

    /** Starts a frame and returns its QP (the slice QP). */
    int startFrame(boolean keyFrame) {
        frameIsKey = keyFrame;
        if (fixed) {
            frameQp = fixedQp;
            rowQp = fixedQp;
            return fixedQp;
        }
        double perFrame = bitrate / frameRate;
        double payback = debtBits / (frameRate * PAYBACK_SECONDS);
        double target = Math.max(perFrame * 0.25, perFrame - payback);
        Model m = keyFrame ? intraModel : interModel;
        if (keyFrame) {
            // A keyframe costs several P frames; it borrows them and the following P frames pay back.
            target = Math.max(target, perFrame * (interModel.known && intraModel.known
                    ? Math.min(8, intraModel.bits / Math.max(1, interModel.bits)) : 6));
            frameCap = Math.max(perFrame * 12, target * 1.5);
        } else {
            frameCap = Math.max(perFrame * MAX_FRAME_FACTOR, target * 1.5);
        }
        int qp;
        if (m.known) {
            // bits ~ 2^(-qp/6): qp that turns the last frame's bits (at its qp, with its content) into the target
            double q = m.qp + 6.0 * log2(m.bits / target);
            int step = keyFrame ? 12 : 4; // content changes slowly between P frames; damp the loop
            qp = (int) Math.round(Math.max(m.qp - step, Math.min(m.qp + step, q)));
        } else if (!keyFrame && intraModel.known) {
            // first P frame: a P frame at the keyframe's QP typically costs a fifth of it
            qp = (int) Math.round(intraModel.qp + 6.0 * log2(intraModel.bits / 5 / target));
        } else {
            qp = initialQp(target);
        }
        frameQp = clamp(qp, MIN_QP, MAX_QP);
        frameTarget = target;
        rowQp = frameQp;
        if (rowShareKnown && !keyFrame) {
            System.arraycopy(lastRowShare, 0, rowShare, 0, mbRows);
        } else {
            java.util.Arrays.fill(rowShare, 1.0 / mbRows);
        }
        return frameQp;
    }

    /** The QP for macroblock row {@code row}, given the bits the frame has spent on rows before it. */
    int rowQp(int row, long bitsSoFar) {
        if (fixed || row == 0) {
            return rowQp;
        }
        if (bitsSoFar > frameCap * 0.9) {
            rowQp = MAX_QP; // about to burst: the rest of the frame as cheap as it gets
            return rowQp;
        }
        double planned = 0;
        for (int r = 0; r < row; r++) {
            planned += rowShare[r];
        }
        planned *= frameTarget;
        double ratio = bitsSoFar / Math.max(1.0, planned);
        double remainingShare = Math.max(1e-3, 1.0 - planned / frameTarget);
        // bits still allowed against bits the remaining rows would take at the pace so far
        double projected = bitsSoFar + (bitsSoFar / Math.max(1e-3, 1 - remainingShare)) * remainingShare;
        int delta = 0;
        if (ratio > 1.5 || projected > frameCap * 0.8) {
            delta = 2;
        } else if (ratio > 1.15) {
            delta = 1;
        } else if (ratio < 0.6) {
            delta = -2;
        } else if (ratio < 0.85) {
            delta = -1;
        }
        rowQp = clamp(rowQp + delta, Math.max(MIN_QP, frameQp - ROW_QP_RANGE_DOWN),
                Math.min(MAX_QP, frameQp + ROW_QP_RANGE_UP));
        return rowQp;
    }

    /**
     * The frame is done: {@code bits} spent in all, {@code rowBits} per row, {@code averageQp} over its macroblocks
     * that carried residual (or the frame QP when none did).
     */
    void endFrame(long bits, long[] rowBits, double averageQp) {
        if (fixed) {
            return;
        }
        debtBits += bits - bitrate / frameRate;
        // A debt from a long stretch of trivially cheap content is not a licence to burst later.
        debtBits = Math.max(debtBits, -bitrate * 0.5);
        Model m = frameIsKey ? intraModel : interModel;
        m.bits = Math.max(bits, 64);
        m.qp = averageQp;
        m.known = true;
        if (!frameIsKey && bits > 0) {
            for (int r = 0; r < mbRows; r++) {
                // a little uniform share keeps an empty row from being planned as free forever
                lastRowShare[r] = 0.8 * rowBits[r] / (double) bits + 0.2 / mbRows;
            }
            rowShareKnown = true;
        }
    }

    /** A first guess from bits per pixel, before any frame was measured. */
    private int initialQp(double targetBits) {
        double bitsPerMb = targetBits / frameMbs;
        // about 40 bits per macroblock codes at QP 30; every halving costs 6 QP
        return clamp((int) Math.round(30 - 6.0 * log2(bitsPerMb / 40.0)), 20, 46);
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** The last measured frame of one kind. */
    private static final class Model {
        boolean known;
        double bits;
        double qp;
    }
}
