package dev.parley.rtc.jitter;

import static dev.parley.rtc.jitter.VideoPacketTraits.BROKEN;
import static dev.parley.rtc.jitter.VideoPacketTraits.IDR;
import static dev.parley.rtc.jitter.VideoPacketTraits.KEY_START;
import static dev.parley.rtc.jitter.VideoPacketTraits.MARKER;
import static dev.parley.rtc.jitter.VideoPacketTraits.OUT_OF_ORDER;
import static dev.parley.rtc.jitter.VideoPacketTraits.PADDING;

import dev.parley.rtc.codec.h264.DepacketizedFrame;
import dev.parley.rtc.codec.h264.DepacketizedFrame.Complete;
import dev.parley.rtc.codec.h264.H264Depacketizer;
import dev.parley.rtc.codec.h264.ReceivedRtpPayload;
import dev.parley.rtc.rtp.SequenceNumbers;
import dev.parley.rtc.rtp.TimestampUnwrapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The receive-side frame buffer of one H.264 stream (RFC 6184 packetization-mode 1, Constrained Baseline with one
 * reference frame): RTP packets go in, after SRTP and RTX unwrapping, in any order; whole frames come out in decode
 * order, each one decodable.
 *
 * <p><b>Decodable.</b> Every delta frame refers to the frame just before it, so a delta frame is delivered only if
 * everything since the last delivered frame arrived: it starts at the sequence number right after that frame's
 * marker packet, counting padding-only packets (empty payloads) as present. A keyframe (one holding an IDR slice)
 * resets the chain: once complete it is delivered at once, passing over any older frames still incomplete (they are
 * dropped; nothing older than a delivered frame is ever delivered after it).
 *
 * <p><b>Complete.</b> A frame is the packets of one RTP timestamp, consecutive in sequence number, the last one with
 * the marker bit (§5.1), that {@link H264Depacketizer} accepts. Its first packet is proven by what comes before it:
 * the marker packet of the previous frame, a padding packet, a packet of another timestamp, or, when that packet is
 * missing, by beginning with an SPS (the first NAL unit of a keyframe's access unit, H.264 §7.4.1.2.3; an AUD may
 * precede it in the same STAP-A). Without such proof the frame waits: the missing packets may be retransmitted.
 *
 * <p><b>Waiting and giving up.</b> The oldest undecided frame (with any gap before it) waits for retransmissions
 * from its first evidence of loss: the arrival of the first packet after a missing one, or, when its start is not
 * proven, of its earliest packet. A frame still arriving without a gap waits without limit. After
 * {@link #setMaxWaitNanos maxWait} it is given up: its packets are dropped, the chain is broken, and the delta frames
 * after it are dropped as undecodable until a keyframe comes. A frame the depacketizer rejects is dropped the same
 * way. Each break raises a {@linkplain #takeKeyFrameRequest keyframe request}; while delta frames keep being dropped,
 * it is raised again at most once per maxWait in case the request was lost. A stream that starts with delta frames
 * (joined mid-stream, or its keyframe lost) asks for a keyframe after maxWait, when its first frame is given up.
 *
 * <p><b>Hostile input.</b> Nothing makes a call throw. Payloads are copied and bounded to {@value #MAX_PAYLOAD_BYTES}
 * bytes; at most {@code capacityPackets} are held, spanning fewer sequence numbers than that. A packet beyond the span
 * drops the oldest frames to make room (and requests a keyframe); duplicates and packets before the last decided
 * frame are dropped. A packet more than {@value #FAR_JUMP} sequence numbers ahead of the newest, or more than the
 * capacity plus that behind it, is dropped as a far jump, unless {@value #RESYNC_RUN} of them in a row follow each
 * other closely: then the stream really moved, and the buffer restarts there. Every outcome is counted.
 *
 * <p><b>Threads.</b> Not thread-safe: one thread, the peer connection's network thread, calls everything. It hands
 * the delivered {@link AssembledFrame}s (immutable) to the decoder thread itself. No call blocks or reads a clock:
 * arrival and current times are passed in, on one monotonic nanosecond clock.
 */
public final class VideoFrameBuffer {

    /** Larger than any RTP payload through a 1500-byte MTU. */
    public static final int MAX_PAYLOAD_BYTES = 1500;
    /** A sequence jump beyond this many packets past the newest is no loss burst a frame buffer can bridge. */
    static final int FAR_JUMP = 1000;
    static final int RESYNC_RUN = 3;
    static final int RESYNC_STEP = 5;
    private static final int MAX_NAL_UNITS = 4096;
    private static final byte[] EMPTY = new byte[0];

    /** What the oldest undecided region of sequence numbers is. */
    private enum Head { COMPLETE, BROKEN, INCOMPLETE }

    /** What is known of the packet just before {@link #base}. */
    private enum Prev { UNKNOWN, BOUNDARY, DATA }

    private final VideoFrameBufferConfig config;
    private final int capacity;
    private final VideoPacketWindow window;
    private final H264Depacketizer depacketizer;
    private final TimestampUnwrapper timestampUnwrapper = new TimestampUnwrapper();
    private final List<ReceivedRtpPayload> assembly = new ArrayList<>();
    private long maxWaitNanos;

    // Position in the stream, as extended sequence numbers: everything before base is decided.
    private boolean started;
    private boolean decidedAny;
    private long base;
    private long highest;
    private Prev prev = Prev.UNKNOWN;
    private int prevTimestamp;
    private boolean chainOk;
    private int farRun;
    private int lastFarSeq;

    // What scanHead found: the region [base, headEnd), when its wait started, its earliest arrival.
    private long headEnd;
    private long headEvidence;
    private long headFirstArrival;

    private boolean keyFrameWanted;
    private boolean everRequested;
    private long lastRequestNanos;

    private long received;
    private long padding;
    private long duplicates;
    private long late;
    private long farJumps;
    private long invalid;
    private long flushed;
    private long overflows;
    private long resyncs;
    private long delivered;
    private long keyFramesDelivered;
    private long givenUp;
    private long undecodable;
    private long malformed;
    private long skipped;
    private long framesFlushed;
    private long keyFrameRequests;

    public VideoFrameBuffer(VideoFrameBufferConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.capacity = config.capacityPackets();
        this.window = new VideoPacketWindow(capacity);
        this.depacketizer = new H264Depacketizer(config.maxFrameBytes(), capacity, MAX_NAL_UNITS);
        this.maxWaitNanos = config.maxWaitNanos();
    }

    public VideoFrameBufferConfig config() {
        return config;
    }

    /** {@link #insert(int, long, boolean, byte[], int, int, long)} of the whole array. */
    public VideoPacketOutcome insert(int seq, long rtpTimestamp, boolean marker, byte[] payload, long arrivalNanos) {
        return insert(seq, rtpTimestamp, marker, payload, 0, payload == null ? 0 : payload.length, arrivalNanos);
    }

    /**
     * Offers one RTP packet of the stream; the payload bytes are copied. An empty payload ({@code length} 0, after
     * padding removal) is a padding-only packet. Never throws for any argument values.
     *
     * @param seq RTP sequence number (low 16 bits used)
     * @param rtpTimestamp RTP timestamp (low 32 bits used)
     * @param marker the RTP marker bit
     * @param arrivalNanos arrival time, on the clock of {@link #poll}'s {@code nowNanos}
     */
    public VideoPacketOutcome insert(int seq, long rtpTimestamp, boolean marker, byte[] payload, int offset,
                                     int length, long arrivalNanos) {
        received++;
        seq &= 0xffff;
        boolean usable = length == 0 || payload != null && length > 0 && length <= MAX_PAYLOAD_BYTES
                && offset >= 0 && offset <= payload.length - length;
        if (!started) {
            started = true;
            base = seq;
            highest = seq;
        }
        long ext = highest + SequenceNumbers.diff(seq, (int) (highest & 0xffff));
        long ahead = ext - highest;
        VideoPacketOutcome outcome = VideoPacketOutcome.STORED;
        if (ahead > FAR_JUMP || ahead < -(capacity + FAR_JUMP)) {
            if (!farRunComplete(seq)) {
                farJumps++;
                return VideoPacketOutcome.FAR_JUMP;
            }
            resync(seq, arrivalNanos);
            ext = seq;
            outcome = VideoPacketOutcome.RESYNCED;
        } else {
            farRun = 0;
            if (ext < base) {
                if (decidedAny || highest - ext >= capacity) {
                    late++;
                    return VideoPacketOutcome.LATE;
                }
                base = ext; // Nothing decided yet: a reordered earlier packet moves the start back.
            } else if (window.contains(ext)) {
                duplicates++;
                return VideoPacketOutcome.DUPLICATE;
            }
            if (ext - base >= capacity) {
                makeRoom(ext - capacity + 1, arrivalNanos);
                outcome = VideoPacketOutcome.OVERFLOWED;
            }
        }
        int flags = usable ? VideoPacketTraits.of(payload, offset, length) : BROKEN;
        if (marker && (flags & PADDING) == 0) {
            flags |= MARKER;
        }
        if (ext < highest) {
            flags |= OUT_OF_ORDER;
        }
        byte[] copy = usable && length > 0 ? Arrays.copyOfRange(payload, offset, offset + length) : EMPTY;
        window.put(ext, (int) rtpTimestamp, copy, flags, arrivalNanos);
        highest = Math.max(highest, ext);
        if (!usable) {
            invalid++;
            return VideoPacketOutcome.INVALID;
        }
        if ((flags & PADDING) != 0) {
            padding++;
            return outcome == VideoPacketOutcome.STORED ? VideoPacketOutcome.PADDING : outcome;
        }
        return outcome;
    }

    /** Counts a far packet into the current run; true when the run is long and close-knit enough to resync. */
    private boolean farRunComplete(int seq) {
        if (farRun > 0) {
            int step = SequenceNumbers.diff(seq, lastFarSeq);
            farRun = step >= 1 && step <= RESYNC_STEP ? farRun + 1 : 1;
        } else {
            farRun = 1;
        }
        lastFarSeq = seq;
        return farRun >= RESYNC_RUN;
    }

    private void resync(int seq, long now) {
        resyncs++;
        framesFlushed += discardTo(highest + 1);
        base = seq;
        highest = seq;
        prev = Prev.UNKNOWN;
        decidedAny = false;
        farRun = 0;
        breakChain(now);
    }

    /** Drops the oldest frames until base reaches {@code newBase} and a frame boundary: no frame is cut in two. */
    private void makeRoom(long newBase, long now) {
        overflows++;
        long to = newBase;
        while (to <= highest && !window.boundaryBefore(to)) {
            to++;
        }
        framesFlushed += discardTo(to);
        breakChain(now);
    }

    /**
     * Delivers to {@code out}, in decode order, every frame that is complete and decodable now, and drops what
     * cannot be: frames waiting longer than maxWait, malformed frames, delta frames whose chain is broken, and older
     * frames a complete keyframe passes over. Call it after inserts, and at {@link #nextDeadlineNanos()}.
     *
     * @return the number of frames delivered
     */
    public int poll(long nowNanos, Consumer<AssembledFrame> out) {
        Objects.requireNonNull(out, "out");
        int count = 0;
        while (started && base <= highest) {
            if (window.contains(base) && window.has(base, PADDING)) {
                window.remove(base);
                base++;
                prev = Prev.BOUNDARY;
                decidedAny = true;
                continue;
            }
            if (isTailAtBase()) {
                discardTail();
                continue;
            }
            Head head = scanHead();
            if (head == Head.COMPLETE) {
                count += decide(headEnd - 1, nowNanos, out) ? 1 : 0;
            } else if (head == Head.BROKEN) {
                malformed += Math.max(1, discardTo(headEnd));
                breakChain(nowNanos);
            } else if (headEnd <= highest && window.idrPackets() > 0 && deliverKeyFrameAfter(headEnd, out)) {
                count++;
            } else if (headEvidence != Long.MAX_VALUE && nowNanos - headEvidence >= maxWaitNanos) {
                givenUp += Math.max(1, discardTo(headEnd));
                breakChain(nowNanos);
            } else {
                break;
            }
        }
        return count;
    }

    /**
     * When {@link #poll} next has something to do without new packets: the deadline of the oldest incomplete frame,
     * a time already passed if a frame is ready now (inserted since the last poll), or {@code Long.MAX_VALUE} when
     * nothing waits with a deadline (nothing held, or only a frame still arriving without a gap). A keyframe that
     * completed behind an incomplete frame since the last poll is not seen here; poll after inserting.
     */
    public long nextDeadlineNanos() {
        if (!started || base > highest) {
            return Long.MAX_VALUE;
        }
        if (window.contains(base) && window.has(base, PADDING) || isTailAtBase()) {
            return window.arrival(base);
        }
        if (scanHead() != Head.INCOMPLETE) {
            return headFirstArrival;
        }
        if (headEvidence == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        long deadline = headEvidence + maxWaitNanos;
        return deadline < headEvidence ? Long.MAX_VALUE : deadline;
    }

    /** Sets how long an incomplete frame may wait for retransmissions (the caller adapts it from the RTT). */
    public void setMaxWaitNanos(long maxWaitNanos) {
        this.maxWaitNanos = Math.max(0, maxWaitNanos);
    }

    public long maxWaitNanos() {
        return maxWaitNanos;
    }

    /**
     * Whether a keyframe should be requested (PLI), clearing the request: true once per break of the decoding chain
     * (a frame given up or malformed, an overflow or resync) and again at most once per maxWait while delta frames
     * are dropped for want of a keyframe. A delivered keyframe clears a request not yet taken. The caller rate-limits
     * the PLIs it actually sends.
     */
    public boolean takeKeyFrameRequest() {
        boolean wanted = keyFrameWanted;
        keyFrameWanted = false;
        return wanted;
    }

    /** Packets held now. */
    public int bufferedPackets() {
        return window.size();
    }

    public VideoFrameBufferStats stats() {
        return new VideoFrameBufferStats(received, padding, duplicates, late, farJumps, invalid, flushed, overflows,
                resyncs, delivered, keyFramesDelivered, givenUp, undecodable, malformed, skipped, framesFlushed,
                keyFrameRequests, window.size());
    }

    // ---- the head region

    /** Whether the packet at base continues a frame already dropped (same timestamp as the one before it). */
    private boolean isTailAtBase() {
        return prev == Prev.DATA && window.containsData(base) && window.timestamp(base) == prevTimestamp;
    }

    private void discardTail() {
        long s = base;
        while (window.containsData(s) && window.timestamp(s) == prevTimestamp) {
            boolean last = window.has(s, MARKER);
            s++;
            if (last) {
                break;
            }
        }
        discardTo(s);
    }

    private boolean provenStartAtBase() {
        if (!window.containsData(base)) {
            return false;
        }
        return switch (prev) {
            case BOUNDARY -> true;
            case DATA -> window.timestamp(base) != prevTimestamp;
            case UNKNOWN -> window.has(base, KEY_START);
        };
    }

    /**
     * Examines the region from base to the next proven frame start (or padding) above it, or to the newest packet:
     * the oldest frame with any gap before it. Sets headEnd, headEvidence and headFirstArrival.
     */
    private Head scanHead() {
        boolean proven = provenStartAtBase();
        boolean gap = false; // extended sequence numbers may be negative: no -1 sentinel
        long afterGap = Long.MAX_VALUE;
        long earliest = Long.MAX_VALUE;
        long s = base;
        for (; s <= highest; s++) {
            if (s > base && window.boundaryBefore(s)) {
                break;
            }
            if (!window.contains(s)) {
                gap = true;
                continue;
            }
            long arrival = window.arrival(s);
            earliest = Math.min(earliest, arrival);
            if (gap) {
                afterGap = Math.min(afterGap, arrival);
            }
        }
        headEnd = s;
        headFirstArrival = earliest;
        if (gap && s <= highest && window.contains(s)) {
            afterGap = Math.min(afterGap, window.arrival(s)); // the next frame's packet is evidence of the gap too
        }
        if (!proven) {
            headEvidence = Math.min(earliest, afterGap);
            return Head.INCOMPLETE;
        }
        if (gap) {
            headEvidence = afterGap;
            return Head.INCOMPLETE;
        }
        if (window.has(s - 1, MARKER)) {
            return Head.COMPLETE;
        }
        if (s <= highest) {
            return Head.BROKEN; // The timestamp changed (or padding came) with no marker: RFC 6184 §5.1 broken.
        }
        headEvidence = Long.MAX_VALUE; // Still arriving, nothing missing yet.
        return Head.INCOMPLETE;
    }

    /** Delivers or drops the complete frame [base, last]; true if delivered. */
    private boolean decide(long last, long now, Consumer<AssembledFrame> out) {
        if (window.any(base, last, BROKEN)) {
            malformed += Math.max(1, discardTo(last + 1));
            breakChain(now);
            return false;
        }
        if (!chainOk && !window.any(base, last, IDR)) {
            dropUndecodable(last + 1, now);
            return false;
        }
        DepacketizedFrame frame = assemble(base, last);
        if (!(frame instanceof Complete complete)) {
            malformed += Math.max(1, discardTo(last + 1));
            breakChain(now);
            return false;
        }
        if (!complete.keyframe() && !chainOk) {
            dropUndecodable(last + 1, now);
            return false;
        }
        deliver(base, last, complete, out);
        return true;
    }

    /**
     * Looks above the incomplete head for a complete keyframe; if one depacketizes, drops everything before it and
     * delivers it. A candidate the depacketizer rejects is marked broken so it is not assembled again.
     */
    private boolean deliverKeyFrameAfter(long from, Consumer<AssembledFrame> out) {
        long s = from;
        while (s <= highest) {
            if (!window.containsData(s) || !window.boundaryBefore(s)) {
                s++;
                continue;
            }
            long m = window.runEnd(s, highest);
            if (!window.has(m, MARKER)) {
                s = m + 1;
                continue;
            }
            if (window.any(s, m, IDR) && !window.any(s, m, BROKEN)) {
                DepacketizedFrame frame = assemble(s, m);
                if (frame instanceof Complete key && key.keyframe()) {
                    skipped += discardTo(s);
                    deliver(s, m, key, out);
                    return true;
                }
                if (!(frame instanceof Complete)) {
                    for (long b = s; b <= m; b++) {
                        window.mark(b, BROKEN);
                    }
                }
            }
            s = m + 1;
        }
        return false;
    }

    private DepacketizedFrame assemble(long first, long last) {
        assembly.clear();
        for (long s = first; s <= last; s++) {
            assembly.add(new ReceivedRtpPayload((int) (s & 0xffff), window.has(s, MARKER), window.payload(s)));
        }
        DepacketizedFrame frame = depacketizer.depacketize(assembly, (int) (first & 0xffff));
        assembly.clear();
        return frame;
    }

    private void deliver(long first, long last, Complete frame, Consumer<AssembledFrame> out) {
        long ts = timestampUnwrapper.unwrap(window.timestamp(first) & 0xffffffffL);
        long firstArrival = Long.MAX_VALUE;
        long lastArrival = Long.MIN_VALUE;
        int outOfOrder = 0;
        for (long s = first; s <= last; s++) {
            long a = window.arrival(s);
            firstArrival = Math.min(firstArrival, a);
            lastArrival = Math.max(lastArrival, a);
            outOfOrder += window.has(s, OUT_OF_ORDER) ? 1 : 0;
            window.remove(s);
        }
        int size = 0;
        for (byte[] nal : frame.nalUnits()) {
            size += nal.length;
        }
        base = last + 1;
        prev = Prev.BOUNDARY;
        chainOk = true;
        decidedAny = true;
        delivered++;
        if (frame.keyframe()) {
            keyFramesDelivered++;
            keyFrameWanted = false;
        }
        out.accept(new AssembledFrame(frame.nalUnits(), frame.keyframe(), ts, (int) (first & 0xffff),
                (int) (last & 0xffff), firstArrival, lastArrival, size, outOfOrder));
    }

    // ---- dropping

    private void dropUndecodable(long end, long now) {
        undecodable += Math.max(1, discardTo(end));
        if (!everRequested || now - lastRequestNanos >= maxWaitNanos) {
            requestKeyFrame(now);
        }
    }

    private void breakChain(long now) {
        chainOk = false;
        requestKeyFrame(now);
    }

    private void requestKeyFrame(long now) {
        if (!keyFrameWanted) {
            keyFrameRequests++;
        }
        keyFrameWanted = true;
        everRequested = true;
        lastRequestNanos = now;
    }

    /**
     * Removes every packet in [base, to), moves base to {@code to} and remembers what the packet before it was.
     * Returns how many frames (runs of one timestamp, not continuing the frame before base) were among them.
     */
    private int discardTo(long to) {
        int frames = 0;
        boolean inFrame = prev == Prev.DATA;
        int frameTs = prevTimestamp;
        Prev last = prev;
        int lastTs = prevTimestamp;
        for (long s = base; s < to; s++) {
            if (!window.contains(s)) {
                last = Prev.UNKNOWN;
                continue;
            }
            if (window.has(s, PADDING)) {
                inFrame = false;
                last = Prev.BOUNDARY;
            } else {
                int ts = window.timestamp(s);
                if (!inFrame || ts != frameTs) {
                    frames++;
                }
                frameTs = ts;
                inFrame = !window.has(s, MARKER);
                last = inFrame ? Prev.DATA : Prev.BOUNDARY;
                lastTs = ts;
            }
            window.remove(s);
            flushed++;
        }
        if (to > base) {
            base = to;
            prev = last;
            prevTimestamp = lastTs;
            decidedAny = true;
        }
        return frames;
    }
}
