package dev.parley.rtc.jitter;

import dev.parley.rtc.codec.opus.OpusPackets;
import dev.parley.rtc.media.AudioFrame;
import dev.parley.rtc.rtp.SequenceNumbers;
import java.util.Arrays;

/**
 * Adaptive jitter buffer for one incoming Opus stream: the network thread {@link #insert}s RTP payloads in
 * whatever order they arrive, the playout clock (the speaker line) {@link #pull}s one frame per tick.
 *
 * <p><b>Playout.</b> Packets are played in sequence-number order (RFC 3550 §A.1 arithmetic). For the packet whose
 * turn it is: if present it is decoded; if missing while a later packet is buffered it counts as lost and is
 * rebuilt from the next packet's in-band FEC when that packet is there and carries it, else concealed (Opus PLC);
 * if missing with nothing buffered behind it (the buffer ran dry) a PLC frame is played <em>without</em> giving up
 * on the packet, which stretches playout by one frame and so grows the delay. If a later packet then arrives
 * first, the missing ones were a burst loss that the stretched frames already concealed: up to as many packets as
 * were stretched are passed over rather than concealed twice. After {@code maxConcealMs} of that
 * the stream is taken to have paused (DTX, or the far end stopped): playout goes silent, and the next packet
 * starts a new fill, as the very first one does.
 *
 * <p><b>Delay.</b> The {@link DelayEstimator} sets the target delay from the arrivals' jitter. A fill plays its first
 * packet once it has waited the target, keeping at most a target's worth of the newest packets, so the buffer level
 * (from the frame being played to the newest packet) starts at about target + 1 frame. The delay then grows by the
 * dry-buffer stretching above, and shrinks one frame at a time:
 * <ul>
 *   <li>a missing packet that FEC cannot rebuild is skipped instead of concealed when the smoothed level exceeds the
 *       target by a frame (at most every {@value #SHRINK_SPACING} pulls);</li>
 *   <li><em>drift correction</em>: when the lowest level over a window of {@value #DRIFT_WINDOW} pulls was above
 *       target + 1 frame, the window's last pull cuts a decoded frame (the skipped packet is decoded for the
 *       decoder's continuity, then discarded: a 10/20 ms cut). The lowest level has the jitter the window saw taken
 *       out, and it is still above the target after the cut, so arrivals like the window's never run it dry; a
 *       clean link sheds one frame per window until it settles at target + 1 frame (100 ms of excess in about
 *       2.5 s). A window starts afresh after every fill and every shrink; one holding a dry pull, or ending on a gap
 *       in the buffer or right after a concealed or FEC-rebuilt frame, cuts nothing. With jitter the rule is
 *       cautious: it is the level's low point, not its mean, that settles near target + 1 frame;</li>
 *   <li>a decoded frame is also cut, at most every {@value #SHRINK_SPACING} pulls, while the smoothed level exceeds
 *       the target by {@value #HARD_MARGIN_MS} ms.</li>
 * </ul>
 * Pauses re-fill at the current target, which is where most of the shrinking happens in speech. Time-stretching
 * (WSOLA, as NetEq's accelerate/expand) is out of scope.
 *
 * <p><b>Hostile input.</b> Nothing in a packet makes a call throw. Payloads are copied (the caller may reuse its
 * buffer) and bounded to {@value #MAX_PAYLOAD_BYTES} bytes; at most {@code capacityPackets} are held. Duplicates,
 * late packets, packets beyond the capacity and sequence jumps of more than {@value #FAR_JUMP} packets are dropped
 * and counted. <b>Resync:</b> {@value #RESYNC_RUN} dropped out-of-window packets in a row whose sequence numbers
 * each follow the previous one by 1..{@value #RESYNC_STEP} mean the stream really moved (a restarted sender, or an
 * outage longer than the capacity): the buffer flushes, forgets its timing, and restarts at the last of them. An
 * in-window packet breaks such a run, so scattered garbage never resyncs a live stream.
 *
 * <p><b>Threads.</b> {@code insert} and {@code pull} may run on different threads. They share one lock held only for
 * bookkeeping; decoding happens outside it, so the network thread never waits for the decoder and neither call
 * ever waits for data. {@code pull} must not be called from two threads at once.
 */
public final class AudioJitterBuffer {

    /** Larger than any RTP payload through a 1500-byte MTU. */
    public static final int MAX_PAYLOAD_BYTES = 1500;
    /** A sequence jump beyond this many packets (10 s of 20 ms frames) is never reordering. */
    static final int FAR_JUMP = 500;
    static final int RESYNC_RUN = 3;
    static final int RESYNC_STEP = 5;
    static final int SHRINK_SPACING = 10;
    static final int HARD_MARGIN_MS = 100;
    /** Pulls over which the lowest buffer level is taken to see whether the buffer stays deeper than it needs. */
    static final int DRIFT_WINDOW = 25;
    /** Weight of the newest buffer level in the smoothed one. */
    private static final double LEVEL_GAIN = 1.0 / 8;

    private enum State { EMPTY, FILLING, PLAYING, PAUSED }

    private enum Step { SILENCE, DECODE, DISCARD_THEN_DECODE, RECOVER, CONCEAL }

    private final AudioJitterConfig config;
    private final Object lock = new Object();
    private final PacketWindow window;
    private final DelayEstimator estimator = new DelayEstimator();
    private final FrameRenderer renderer;

    // Guarded by lock.
    private State state = State.EMPTY;
    private boolean everPlayed;
    private long playSeq;
    private long fillSince;
    private int concealRun;
    private int stretchDebt;
    private int pullsSinceShrink;
    private int driftMinLevel = Integer.MAX_VALUE;
    private int driftPulls;
    private double smoothedLevel;
    private double targetMs;
    private int farRun;
    private int lastFarSeq;
    private long received;
    private long duplicates;
    private long late;
    private long overflow;
    private long farJumps;
    private long invalid;
    private long flushed;
    private long resyncs;
    private long pulled;
    private long decoded;
    private long fecRecovered;
    private long concealed;
    private long corrupt;
    private long silence;
    private long stretched;
    private long skipped;

    // Playout thread only.
    private PlayoutKind lastKind = PlayoutKind.SILENCE;

    public AudioJitterBuffer(AudioJitterConfig config) {
        this.config = config;
        this.window = new PacketWindow(config.capacityPackets());
        this.renderer = new FrameRenderer(config.channels(), config.frameSamples());
        this.targetMs = config.initialDelayMs();
    }

    public AudioJitterConfig config() {
        return config;
    }

    /** {@link #insert(int, long, byte[], int, int, long)} of the whole array. */
    public InsertOutcome insert(int seq, long rtpTimestamp, byte[] payload, long arrivalNanos) {
        return insert(seq, rtpTimestamp, payload, 0, payload == null ? 0 : payload.length, arrivalNanos);
    }

    /**
     * Offers one RTP payload; the bytes are copied. Never throws for any argument values.
     *
     * @param seq RTP sequence number (low 16 bits used)
     * @param rtpTimestamp RTP timestamp at 48 kHz (low 32 bits used)
     * @param arrivalNanos arrival time on the same clock as {@link #pull}'s {@code nowNanos}
     */
    public InsertOutcome insert(int seq, long rtpTimestamp, byte[] payload, int offset, int length,
                                long arrivalNanos) {
        byte[] copy = null;
        if (payload != null && length > 0 && length <= MAX_PAYLOAD_BYTES && offset >= 0
                && offset <= payload.length - length) {
            copy = Arrays.copyOfRange(payload, offset, offset + length);
        }
        synchronized (lock) {
            received++;
            if (copy == null) {
                invalid++;
                return InsertOutcome.INVALID;
            }
            return place(seq & 0xffff, rtpTimestamp & 0xffffffffL, copy, arrivalNanos);
        }
    }

    private InsertOutcome place(int seq, long ts, byte[] payload, long arrival) {
        if (state == State.EMPTY) {
            playSeq = seq;
            startFill(arrival);
        }
        long ext = playSeq + SequenceNumbers.diff(seq, (int) (playSeq & 0xffff));
        long ahead = ext - playSeq;
        if (window.wasSeen(ext)) {
            duplicates++;
            return InsertOutcome.DUPLICATE;
        }
        if (ahead < 0 && ahead >= -FAR_JUMP) {
            if (!everPlayed && (window.size() == 0 || window.highest() - ext < window.capacity())) {
                playSeq = ext; // Reordered before playout began: start earlier.
                return store(ext, ts, payload, arrival);
            }
            late++;
            estimator.add(ts, arrival); // A late packet is the best evidence of jitter.
            return InsertOutcome.LATE;
        }
        if (ahead >= 0 && ahead < window.capacity()) {
            return store(ext, ts, payload, arrival);
        }
        // Out of the window: count it, and restart there if the stream has really moved.
        if (farRun > 0) {
            int step = SequenceNumbers.diff(seq, lastFarSeq);
            farRun = step >= 1 && step <= RESYNC_STEP ? farRun + 1 : 1;
        } else {
            farRun = 1;
        }
        lastFarSeq = seq;
        if (farRun >= RESYNC_RUN) {
            resyncs++;
            flushed += window.clear();
            estimator.reset();
            everPlayed = false;
            playSeq = ext;
            startFill(arrival);
            store(ext, ts, payload, arrival);
            return InsertOutcome.RESYNCED;
        }
        if (ahead >= window.capacity() && ahead < window.capacity() + FAR_JUMP) {
            overflow++;
            return InsertOutcome.OVERFLOW;
        }
        farJumps++;
        return InsertOutcome.FAR_JUMP;
    }

    private InsertOutcome store(long ext, long ts, byte[] payload, long arrival) {
        farRun = 0;
        window.put(ext, payload);
        estimator.add(ts, arrival);
        if (state == State.PAUSED) {
            startFill(arrival);
        }
        return InsertOutcome.STORED;
    }

    private void startFill(long arrival) {
        state = State.FILLING;
        fillSince = arrival;
        restartDriftWindow();
        concealRun = 0;
        stretchDebt = 0;
    }

    /**
     * The next frame to play, never waiting. The frame wraps a buffer this object reuses: it is lent until the
     * next {@code pull} (copy it to keep it). Its timestamp is {@code nowNanos}.
     */
    public AudioFrame pull(long nowNanos) {
        byte[] first = null;
        byte[] second = null;
        Step step;
        synchronized (lock) {
            targetMs = estimator.targetMs(config);
            step = plan(nowNanos);
            if (step == Step.DECODE || step == Step.RECOVER) {
                first = step == Step.DECODE ? window.take(playSeq - 1) : window.peek(playSeq);
            } else if (step == Step.DISCARD_THEN_DECODE) {
                first = window.take(playSeq - 2);
                second = window.take(playSeq - 1);
            }
        }
        PlayoutKind kind;
        switch (step) {
            case DECODE:
                kind = renderer.decode(first);
                break;
            case DISCARD_THEN_DECODE:
                kind = renderer.decodeAfterDiscarding(first, second);
                break;
            case RECOVER:
                kind = renderer.recover(first);
                break;
            case CONCEAL:
                kind = renderer.conceal();
                break;
            default:
                kind = renderer.silence();
        }
        lastKind = kind;
        synchronized (lock) {
            pulled++;
            switch (kind) {
                case DECODED -> decoded++;
                case FEC_RECOVERED -> fecRecovered++;
                case CONCEALED -> concealed++;
                case CORRUPT -> {
                    corrupt++;
                    concealed++;
                }
                default -> silence++;
            }
        }
        return AudioFrame.wrap(renderer.pcm(), 0, config.channels(), config.frameSamples(), nowNanos);
    }

    /** Decides this tick's step and moves the playout point past what it consumes. Under the lock. */
    private Step plan(long now) {
        int frameMs = config.frameMs();
        if (state == State.FILLING && window.size() > 0 && now - fillSince >= (long) (targetMs * 1e6)) {
            long highest = window.highest();
            long start = Math.max(window.lowest(), highest - (long) Math.ceil(targetMs / frameMs));
            for (long s = playSeq; s < start; s++) {
                if (window.take(s) != null) {
                    flushed++;
                }
            }
            playSeq = start;
            state = State.PLAYING;
            everPlayed = true;
            smoothedLevel = highest - start + 1;
            pullsSinceShrink = 0;
        }
        if (state != State.PLAYING) {
            return Step.SILENCE;
        }
        long highest = window.highest();
        if (stretchDebt > 0 && highest > playSeq) {
            // The dry spell that stretched playout was these packets' loss: they were concealed already.
            while (stretchDebt > 0 && !window.contains(playSeq)) {
                playSeq++;
                stretchDebt--;
            }
            stretchDebt = 0;
        }
        int level = highest >= playSeq ? (int) (highest - playSeq + 1) : 0;
        smoothedLevel += (level - smoothedLevel) * LEVEL_GAIN;
        pullsSinceShrink++;
        double excessMs = smoothedLevel * frameMs - targetMs;
        // Drift correction (class comment): a buffer deep for a whole window holds delay nobody needs, grown in a dry
        // spell that a clean link, with no losses to skip, never gives back. Its lowest level over target + 1 frame
        // means the cut still leaves it over the target: what the window saw cannot run it dry, nor lead to a second
        // cut. Loss handling, and the cheaper skip of a lost packet, come first: no cut on a gap or after a
        // concealed or rebuilt frame. Every fill and shrink restarts the window, so its low point is the current one.
        driftMinLevel = Math.min(driftMinLevel, level);
        if (++driftPulls >= DRIFT_WINDOW) {
            boolean deep = (driftMinLevel - 1) * frameMs > targetMs;
            restartDriftWindow();
            if (deep && concealRun == 0 && level >= 2 && noGap(playSeq, highest)) {
                playSeq += 2;
                skipped++;
                pullsSinceShrink = 0;
                return Step.DISCARD_THEN_DECODE;
            }
        }
        if (pullsSinceShrink >= SHRINK_SPACING && level >= 2) {
            if (excessMs > frameMs && !window.contains(playSeq) && !recoverable(playSeq)) {
                playSeq++; // A lost packet nobody will hear missing: shorter than concealing it.
                skipped++;
                pullsSinceShrink = 0;
                restartDriftWindow();
            } else if (excessMs > HARD_MARGIN_MS && window.contains(playSeq) && window.contains(playSeq + 1)) {
                playSeq += 2;
                skipped++;
                pullsSinceShrink = 0;
                restartDriftWindow();
                concealRun = 0;
                return Step.DISCARD_THEN_DECODE;
            }
        }
        if (window.contains(playSeq)) {
            playSeq++;
            concealRun = 0;
            stretchDebt = 0;
            return Step.DECODE;
        }
        if (highest > playSeq) {
            // Lost: a later packet is here. Try its FEC (RFC 7587 §3.2: the LBRR data is for the previous frame).
            boolean fec = recoverable(playSeq);
            playSeq++;
            concealRun++;
            if (fec) {
                return Step.RECOVER; // pull() peeks the next packet, now at playSeq; it is decoded next tick.
            }
            return Step.CONCEAL;
        }
        // Dry: conceal without giving up on the packet, until the stream looks paused.
        if ((concealRun + 1) * frameMs > config.maxConcealMs()) {
            state = State.PAUSED;
            return Step.SILENCE;
        }
        concealRun++;
        stretchDebt++;
        stretched++;
        return Step.CONCEAL;
    }

    /** Starts a drift window: its lowest level is measured after the last fill or shrink only. */
    private void restartDriftWindow() {
        driftPulls = 0;
        driftMinLevel = Integer.MAX_VALUE;
    }

    /** Whether every packet from {@code from} to {@code to} is buffered. */
    private boolean noGap(long from, long to) {
        for (long s = from; s <= to; s++) {
            if (!window.contains(s)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the missing packet {@code seq} can be rebuilt from the next one's in-band FEC. */
    private boolean recoverable(long seq) {
        byte[] next = window.peek(seq + 1);
        return next != null && OpusPackets.hasFec(next, 0, next.length);
    }

    /** What the last pulled frame is. Playout thread. */
    public PlayoutKind lastKind() {
        return lastKind;
    }

    public AudioJitterStats stats() {
        synchronized (lock) {
            return new AudioJitterStats(received, duplicates, late, overflow, farJumps, invalid, flushed, resyncs,
                    pulled, decoded, fecRecovered, concealed, corrupt, silence, stretched, skipped, window.size(),
                    smoothedLevel * config.frameMs(), targetMs, estimator.jitterMs());
        }
    }
}
