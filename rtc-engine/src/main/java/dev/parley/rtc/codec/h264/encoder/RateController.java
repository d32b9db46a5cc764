package dev.parley.rtc.codec.h264.encoder;

/**
 * Chooses the QP of every frame and macroblock row so the stream holds a target bitrate and no frame bursts.
 *
 * <p><b>Frame level.</b> Two debts count the bits sent beyond what the target allowed. A keyframe's excess over an
 * average frame is a loan repaid slowly ({@link #KEY_LOAN_SECONDS}): a window that ends just after the keyframe
 * carries all of it whatever happens, and one that starts just after it carries what is repaid, so a slow repayment
 * splits the keyframe between the two. Everything else (frames over or under their target) is repaid within about
 * {@link #DEBT_SECONDS}, so any few-second window averages the target. A P frame's target is the average frame minus
 * both repayments; its QP comes from the last P frame with the usual model that bits halve every 6 QP
 * (bits ~ 2^(-QP/6)), moving at most a few QP a frame. A keyframe aims at {@link #KEY_TARGET_SECONDS} of the
 * bitrate, with the last keyframe's model, and is never much finer than the P frames around it.
 *
 * <p><b>Row level</b> (the macroblock-level adaptation). The bits a frame may spend are planned over its rows like
 * the last frame of its kind spread its content; before each row the bits spent so far (normalised to the frame QP)
 * give a projection of the whole frame, and the next row's QP is what brings that projection back to the target,
 * within {@link #ROW_QP_RANGE_DOWN}/{@link #ROW_QP_RANGE_UP} of the frame QP and {@link #ROW_QP_STEP_DOWN}/{@link
 * #ROW_QP_STEP} of the row before. A frame far off its plan (a scene cut) may rise to any QP at once.
 *
 * <p><b>Caps</b> (the VBV-style limit). A P frame may spend at most {@link #P_CAP_FRAMES} average frames, a keyframe
 * {@link #KEY_CAP_SECONDS} of the bitrate: when the projection at the planned QP would pass {@link #CAP_MARGIN} of
 * the cap (less room kept for a row as costly as the last frame's costliest), the rows go to whatever QP fits, up
 * to 51. Content that costs more than that even at QP 51 (pure noise; a cut to detailed content at a low bitrate)
 * trips {@link #overCap}: the encoder codes the rest of the frame bare (P_Skip, or Intra 16x16 prediction without
 * residual in a keyframe) and the following frames, held to their target, refresh the picture a band at a time;
 * {@link #endFrame(long, long[], double, double)} extrapolates such a partly coded frame for the model.
 *
 * <p>{@link #setRates} may be called from any thread; everything else from the encoder thread. Nothing is allocated
 * after construction.
 */
final class RateController {
    static final int MIN_QP = 10;
    static final int MAX_QP = 51;
    /** A P frame may spend at most this many average frames' worth of bits. */
    static final double P_CAP_FRAMES = 4.0;
    /** A keyframe may spend at most this many seconds of the bitrate (and at least {@link #P_CAP_FRAMES} frames). */
    static final double KEY_CAP_SECONDS = 0.4;
    /** What a keyframe aims at, in seconds of the bitrate. */
    static final double KEY_TARGET_SECONDS = 0.2;
    /** Rows aim below the cap by this factor: the rows still to come are only a projection. */
    static final double CAP_MARGIN = 0.75;
    /** Time constant of the repayment of ordinary debt (and savings), seconds. */
    static final double DEBT_SECONDS = 0.8;
    /** Time constant of the repayment of a keyframe's excess, seconds. */
    static final double KEY_LOAN_SECONDS = 6.0;
    /** Savings beyond this many seconds of the bitrate are forgotten: cheap content is no licence to burst later. */
    private static final double MAX_SAVINGS_SECONDS = 0.5;
    /** Debt beyond this many seconds is forgotten: it has reached the network already. */
    private static final double MAX_DEBT_SECONDS = 1.0;
    /** A P frame's target is at least this share of an average frame, whatever the debts. */
    private static final double MIN_TARGET_SHARE = 0.3;
    /** How far a row's QP strays from the frame's, unless the cap needs more. */
    static final int ROW_QP_RANGE_UP = 6;
    static final int ROW_QP_RANGE_DOWN = 3;
    /** How far a row's QP moves from the previous row's, unless the cap or a frame far off its plan needs more. */
    static final int ROW_QP_STEP = 2;
    static final int ROW_QP_STEP_DOWN = 1;
    /**
     * Largest frame-to-frame QP changes of P frames: the model's slope is only approximate (bits fall in steps where
     * macroblocks start to skip), and spending too much is worse than spending too little.
     */
    private static final int FRAME_QP_STEP_UP = 5;
    private static final int FRAME_QP_STEP_DOWN = 2;
    /** Weight, as a share of the frame, of the plan against the rows measured so far in the row projection. */
    private static final double PLAN_WEIGHT = 0.08;
    /** Content this many times harder or easier than planned lets the rows leave the frame QP's neighbourhood. */
    private static final double OFF_PLAN = 2.5;
    /** The same weight in the projection the cap is checked against. */
    private static final double CAP_PLAN_WEIGHT = 0.01;
    /** The P frame after a keyframe, at the keyframe's QP, costs about this share of it (a guess the rows correct). */
    private static final double FIRST_P_SHARE = 0.2;

    /** Share of the cap past which the rest of a frame is coded as skips (P) or bare predictions (I). */
    static final double EMERGENCY_SHARE = 0.92;
    /** The frame being coded went bare (for any reason); and whether the one before it did. */
    private boolean wentBare;
    private boolean finishingBarePicture;

    private final boolean fixed;
    private final int fixedQp;
    private final int mbRows;
    private final int frameMbs;
    private volatile int bitrate;
    private volatile double frameRate;

    private double debtBits;
    private double keyLoanBits;
    private final Model intraModel = new Model();
    private final Model interModel = new Model();
    /** How the last I and P frames spread their bits over rows (normalised to their frame QP, sums to 1). */
    private final double[] intraRowShare;
    private final double[] interRowShare;
    /** The costliest row of the last I and P frames: its bits and its QP. */
    private final double[] maxRowBits = new double[2];
    private final int[] maxRowQp = new int[2];

    // the frame being coded
    private boolean frameIsKey;
    private boolean frameModelKnown;
    private int frameQp;
    private double frameTarget;
    private double frameCap;
    /** The average frame (bitrate / frame rate) and the frame rate when the frame started. */
    private double frameBudget;
    private double frameFps;
    private double[] plan;
    private double costliestRow;
    private int costliestRowQp;
    private final int[] rowQps;
    private int rowQp;
    private long lastBitsSoFar;
    /** Bits of the rows so far as they would have cost at the frame QP. */
    private double normalisedBits;
    /** Planned share of the rows so far. */
    private double plannedShare;

    RateController(H264EncoderConfig config, int mbRows, int mbCols) {
        this.fixed = !config.rateControl();
        this.fixedQp = config.fixedQp();
        this.bitrate = config.targetBitrate();
        this.frameRate = config.frameRate();
        this.mbRows = mbRows;
        this.frameMbs = mbRows * mbCols;
        this.intraRowShare = new double[mbRows];
        this.interRowShare = new double[mbRows];
        java.util.Arrays.fill(intraRowShare, 1.0 / mbRows);
        java.util.Arrays.fill(interRowShare, 1.0 / mbRows);
        this.rowQps = new int[mbRows];
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
        double rate = bitrate;
        double fps = frameRate;
        double perFrame = rate / fps;
        frameBudget = perFrame;
        frameFps = fps;
        // debts measured in bits, limited in seconds of the current rate (which may just have changed)
        debtBits = Math.max(-MAX_SAVINGS_SECONDS * rate, Math.min(MAX_DEBT_SECONDS * rate, debtBits));
        keyLoanBits = Math.max(0, Math.min(MAX_DEBT_SECONDS * rate, keyLoanBits));
        int qp;
        if (keyFrame) {
            frameTarget = KEY_TARGET_SECONDS * rate;
            frameCap = Math.max(KEY_CAP_SECONDS * rate, P_CAP_FRAMES * perFrame);
            if (intraModel.known) {
                qp = (int) Math.round(modelQp(intraModel, frameTarget));
                if (interModel.known) {
                    // no point in a keyframe much finer than the P frames around it
                    qp = Math.max(qp, (int) Math.round(interModel.qp) - 3);
                }
            } else if (interModel.known) {
                // a keyframe costs about as many P frames at its QP as a P frame costs of it
                qp = (int) Math.round(interModel.qp + 6.0 * log2(interModel.bits / FIRST_P_SHARE / frameTarget));
            } else {
                qp = initialQp(frameTarget);
            }
            frameModelKnown = intraModel.known;
            plan = intraRowShare;
        } else {
            double repay = debtBits / (fps * DEBT_SECONDS) + keyLoanBits / (fps * KEY_LOAN_SECONDS);
            frameTarget = Math.max(MIN_TARGET_SHARE * perFrame, perFrame - repay);
            frameCap = P_CAP_FRAMES * perFrame;
            if (interModel.known) {
                double q = modelQp(interModel, frameTarget);
                qp = (int) Math.round(Math.max(interModel.qp - FRAME_QP_STEP_DOWN,
                        Math.min(interModel.qp + FRAME_QP_STEP_UP, q)));
                frameModelKnown = true;
            } else if (intraModel.known) {
                qp = (int) Math.round(intraModel.qp + 6.0 * log2(intraModel.bits * FIRST_P_SHARE / frameTarget));
                frameModelKnown = false;
            } else {
                qp = initialQp(frameTarget);
                frameModelKnown = false;
            }
            plan = interRowShare;
        }
        finishingBarePicture = wentBare && !keyFrame;
        wentBare = false;
        frameQp = clamp(qp, MIN_QP, MAX_QP);
        costliestRow = maxRowBits[keyFrame ? 0 : 1];
        costliestRowQp = maxRowQp[keyFrame ? 0 : 1];
        rowQp = frameQp;
        lastBitsSoFar = 0;
        normalisedBits = 0;
        plannedShare = 0;
        return frameQp;
    }

    /**
     * True once the frame has spent nearly its cap, or its whole target while already at QP 51 (content such as pure
     * noise costs more than the budget at any QP): the encoder then codes the rest of the frame as cheaply as the
     * syntax allows.
     */
    boolean overCap(long bitsSoFar) {
        if (fixed) {
            return false;
        }
        if (rowQp == MAX_QP && bitsSoFar > frameTarget) {
            wentBare = true;
            return true;
        }
        // After a frame that went bare, the frames that finish its picture (a band at a time) keep to their target.
        if (bitsSoFar > (finishingBarePicture ? frameTarget : EMERGENCY_SHARE * frameCap)) {
            wentBare = true;
            return true;
        }
        return false;
    }

    /** The QP for macroblock row {@code row}, given the bits the frame has spent on rows before it. */
    int rowQp(int row, long bitsSoFar) {
        if (fixed) {
            return rowQp;
        }
        if (row > 0) {
            // account for the row just coded
            long rowBits = bitsSoFar - lastBitsSoFar;
            normalisedBits += rowBits * Math.pow(2, (rowQps[row - 1] - frameQp) / 6.0);
            plannedShare += plan[row - 1];
        }
        lastBitsSoFar = bitsSoFar;
        if (row > 0) {
            rowQp = nextRowQp(bitsSoFar);
        }
        rowQps[row] = rowQp;
        return rowQp;
    }

    private int nextRowQp(long bitsSoFar) {
        double remainingShare = 1 - plannedShare;
        if (remainingShare <= 1e-9) {
            return rowQp;
        }
        // How the content so far compares with the plan (at the frame QP), leaning on the plan while little is known.
        double weight = frameModelKnown ? PLAN_WEIGHT : PLAN_WEIGHT / 4;
        double pace = (normalisedBits + weight * frameTarget) / ((plannedShare + weight) * frameTarget);
        // what the remaining rows would cost at the frame QP
        double remainingAtFrameQp = pace * remainingShare * frameTarget;
        double room = frameTarget - bitsSoFar;
        int qp = room > 0.05 * frameTarget
                ? (int) Math.round(frameQp + 6.0 * log2(remainingAtFrameQp / room))
                : MAX_QP;
        // A frame near its plan stays near its QP and moves smoothly; one far off it (a scene cut, a first frame)
        // rises as far as it needs at once. Either comes down only slowly and not far: rows that cost nothing so far
        // say little about the rows to come (refining still content, a few rows may cost a whole frame).
        boolean offPlan = !frameModelKnown || pace > OFF_PLAN || pace < 1 / OFF_PLAN;
        int lo = Math.max(frameQp - (frameModelKnown ? ROW_QP_RANGE_DOWN : 2 * ROW_QP_RANGE_DOWN),
                rowQp - ROW_QP_STEP_DOWN);
        int hi = offPlan ? MAX_QP : Math.min(frameQp + ROW_QP_RANGE_UP, rowQp + ROW_QP_STEP);
        qp = clamp(qp, Math.min(lo, hi), hi);
        // The cap overrides the smooth plan, and trusts the rows measured so far rather than the plan: a scene cut
        // shows in the first row.
        double capPace = (normalisedBits + CAP_PLAN_WEIGHT * frameTarget)
                / ((plannedShare + CAP_PLAN_WEIGHT) * frameTarget);
        // Keep room for a row as costly as the costliest of the last frame of this kind: still content being refined
        // can spend most of a frame on a single row.
        double reserve = Math.min(0.5 * frameCap, costliestRow * Math.pow(2, (costliestRowQp - qp) / 6.0));
        double capRoom = CAP_MARGIN * frameCap - bitsSoFar - reserve;
        int capQp = capRoom > 0
                ? (int) Math.ceil(frameQp + 6.0 * log2(capPace * remainingShare * frameTarget / capRoom))
                : MAX_QP;
        return clamp(Math.max(qp, capQp), MIN_QP, MAX_QP);
    }

    /**
     * The frame is done: {@code bits} spent in all, {@code rowBits} per row, {@code averageQp} over its macroblocks
     * (a skipped macroblock counts at the QP it inherits).
     */
    void endFrame(long bits, long[] rowBits, double averageQp) {
        endFrame(bits, rowBits, averageQp, 1.0);
    }

    /**
     * As {@link #endFrame(long, long[], double)} for a frame of which only {@code codedShare} of the macroblocks were
     * coded normally (the rest bare, see {@link #overCap}): the model extrapolates what the whole picture would have
     * cost, so a frame that fit its budget only by leaving most of the picture out does not lower the QP.
     */
    void endFrame(long bits, long[] rowBits, double averageQp, double codedShare) {
        if (fixed) {
            return;
        }
        double excess = bits - frameBudget;
        if (frameIsKey && excess > 0) {
            keyLoanBits += excess;
        } else {
            debtBits += excess;
        }
        if (!frameIsKey) {
            // the repayments planned for this frame are done (or not) by what it spent
            double loanRepay = keyLoanBits / (frameFps * KEY_LOAN_SECONDS);
            keyLoanBits -= loanRepay;
            debtBits += loanRepay;
        }
        Model m = frameIsKey ? intraModel : interModel;
        m.bits = Math.max(bits / Math.max(codedShare, 0.02), 64);
        m.qp = averageQp;
        m.known = true;
        if (codedShare < 1) {
            return; // the rows of a partly coded picture say nothing about how a whole one spreads its bits
        }
        double[] share = frameIsKey ? intraRowShare : interRowShare;
        double total = 0;
        int kind = frameIsKey ? 0 : 1;
        maxRowBits[kind] = 0;
        for (int r = 0; r < mbRows; r++) {
            total += rowBits[r] * Math.pow(2, (rowQps[r] - frameQp) / 6.0);
            if (rowBits[r] > maxRowBits[kind]) {
                maxRowBits[kind] = rowBits[r];
                maxRowQp[kind] = rowQps[r];
            }
        }
        if (total > 0) {
            for (int r = 0; r < mbRows; r++) {
                // a little uniform share keeps an empty row from being planned as free forever
                share[r] = 0.85 * rowBits[r] * Math.pow(2, (rowQps[r] - frameQp) / 6.0) / total + 0.15 / mbRows;
            }
        }
    }

    /** The QP that turns {@code m}'s bits at its QP into {@code target}, bits ~ 2^(-qp/6). */
    private static double modelQp(Model m, double target) {
        return m.qp + 6.0 * log2(m.bits / target);
    }

    /** A first guess from bits per macroblock, before any frame was measured; the rows correct it. */
    private int initialQp(double targetBits) {
        double bitsPerMb = targetBits / frameMbs;
        // an intra macroblock of camera-like content: about 100 bits at QP 36; every halving costs 6 QP
        return clamp((int) Math.round(36 - 6.0 * log2(bitsPerMb / 100.0)), 20, 46);
    }

    private static double log2(double v) {
        return Math.log(v) * 1.4426950408889634;
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
