package dev.parley.rtc.nack;

import dev.parley.rtc.rtp.SequenceUnwrapper;
import java.util.Arrays;

/**
 * Decides which packets of one incoming media SSRC to NACK (RFC 4585 §6.2.1) and when, in the manner of
 * libwebrtc's NACK module.
 *
 * <p>Every received media packet, original or restored from RTX/FEC, goes through {@link #onPacket} in arrival
 * order. A packet newer than the newest one seen turns the gap before it into missing sequence numbers; an older
 * one fills its hole. {@link #collect} returns the missing numbers to NACK now: each one first as soon as it is
 * missing (after the configured reordering delay), then again once per max(RTT, minimum interval), at most
 * {@code maxRetries} times; it is given up when a further retry falls due.
 *
 * <p>The list is bounded. When a gap would make it longer than {@code maxListSize}, the entries older than the
 * oldest keyframe start that makes it fit are dropped (frames before a keyframe are not needed to decode after it);
 * if no keyframe helps, the list is cleared and {@link #takeKeyFrameRequest} tells the caller to send a PLI.
 * Entries more than {@code maxPacketAge} sequence numbers behind the newest are dropped, and a jump of more than
 * {@code maxPacketAge} in either direction restarts the generator at the new packet (with a keyframe request unless
 * that packet starts a keyframe), so a sender restart never floods the list.
 *
 * <p>A recovered packet newer than the newest counts as received and reveals its gap like an original (libwebrtc
 * waits for the next original instead; NACKing the gap earlier costs nothing).
 *
 * <p>Threads: network thread only. All tables are preallocated from the configuration; nothing allocates per
 * packet and nothing throws for any sequence number.
 */
public final class NackGenerator {
    /** Keyframe starts remembered for trimming the list; older ones fall out first. */
    static final int KEY_FRAME_SLOTS = 64;

    private final NackConfig config;
    private final SequenceUnwrapper unwrapper = new SequenceUnwrapper();
    private boolean started;
    private long newest;

    // The missing list: extended sequence numbers in ascending order, with their state, in parallel arrays.
    private final long[] missingSeq;
    private final long[] missingSince;
    private final long[] lastSent;
    private final int[] sends;
    private int size;

    // Extended sequence numbers of keyframe starts, ascending.
    private final long[] keyFrames = new long[KEY_FRAME_SLOTS];
    private int keyFrameCount;
    private boolean keyFrameRequested;

    private long packets;
    private long recoveredArrivals;
    private long duplicates;
    private long nacked;
    private long retries;
    private long recovered;
    private long lateArrivals;
    private long givenUp;
    private long dropped;
    private long keyFrameRequests;
    private long resets;

    public NackGenerator(NackConfig config) {
        this.config = config;
        int n = config.maxListSize();
        this.missingSeq = new long[n];
        this.missingSince = new long[n];
        this.lastSent = new long[n];
        this.sends = new int[n];
    }

    /**
     * Notes a received media packet.
     *
     * @param seq its 16-bit sequence number
     * @param keyFrame whether it is the first packet of a keyframe
     * @param recovered whether it was restored (RTX, FEC) rather than received as sent
     * @param nowNanos arrival time
     */
    public void onPacket(int seq, boolean keyFrame, boolean recovered, long nowNanos) {
        packets++;
        if (recovered) {
            recoveredArrivals++;
        }
        seq &= 0xffff;
        if (!started) {
            restart(seq, keyFrame);
            return;
        }
        long ext = unwrapper.peek(seq);
        long d = ext - newest;
        if (d > config.maxPacketAge() || d < -config.maxPacketAge()) {
            resets++;
            clearMissing();
            restart(seq, keyFrame);
            if (!keyFrame) {
                requestKeyFrame(); // whatever was lost in the jump is beyond NACK
            }
            return;
        }
        if (keyFrame) {
            addKeyFrame(ext);
        }
        if (d <= 0) {
            fillHole(ext);
            return;
        }
        unwrapper.unwrap(seq);
        addMissing(newest + 1, ext, nowNanos);
        newest = ext;
        dropKeyFramesBefore(newest - config.maxPacketAge());
    }

    /**
     * Writes into {@code out} the sequence numbers to NACK now, oldest first, and returns how many (at most
     * {@code out.length}; the rest stay due for the next call). Entries that have had all their tries and are due
     * again are given up.
     *
     * @param rttNanos the current round-trip time (a default such as 100 ms until RTCP has measured one)
     */
    public int collect(long nowNanos, long rttNanos, int[] out) {
        long interval = Math.max(rttNanos, config.minRetryIntervalNanos());
        int n = 0;
        int w = 0;
        for (int r = 0; r < size; r++) {
            boolean keep = true;
            if (sends[r] == 0) {
                if (n < out.length && nowNanos - missingSince[r] >= config.sendNackDelayNanos()) {
                    out[n++] = (int) (missingSeq[r] & 0xffff);
                    sends[r] = 1;
                    lastSent[r] = nowNanos;
                    nacked++;
                }
            } else if (nowNanos - lastSent[r] >= interval) {
                if (sends[r] >= config.maxRetries()) {
                    keep = false;
                    givenUp++;
                } else if (n < out.length) {
                    out[n++] = (int) (missingSeq[r] & 0xffff);
                    sends[r]++;
                    lastSent[r] = nowNanos;
                    retries++;
                }
            }
            if (keep) {
                if (w != r) {
                    missingSeq[w] = missingSeq[r];
                    missingSince[w] = missingSince[r];
                    lastSent[w] = lastSent[r];
                    sends[w] = sends[r];
                }
                w++;
            }
        }
        size = w;
        return n;
    }

    /**
     * The earliest time at which {@link #collect} has work (a NACK to send or an exhausted entry to give up), for
     * scheduling its timer; {@code Long.MAX_VALUE} when nothing is missing.
     */
    public long nextDueNanos(long rttNanos) {
        long interval = Math.max(rttNanos, config.minRetryIntervalNanos());
        long due = Long.MAX_VALUE;
        for (int i = 0; i < size; i++) {
            long t = sends[i] == 0 ? saturatingAdd(missingSince[i], config.sendNackDelayNanos())
                    : saturatingAdd(lastSent[i], interval);
            due = Math.min(due, t);
        }
        return due;
    }

    /** True once after the list overflowed or the generator restarted without a keyframe: send a PLI. */
    public boolean takeKeyFrameRequest() {
        boolean r = keyFrameRequested;
        keyFrameRequested = false;
        return r;
    }

    /** Sequence numbers now waiting for retransmission. */
    public int missingCount() {
        return size;
    }

    /** Packets passed to {@link #onPacket}. */
    public long packets() {
        return packets;
    }

    /** Packets passed with {@code recovered} set. */
    public long recoveredArrivals() {
        return recoveredArrivals;
    }

    /** Packets not newer than the newest and not missing: duplicates, or arrivals after their entry was dropped. */
    public long duplicates() {
        return duplicates;
    }

    /** Sequence numbers NACKed for the first time. */
    public long nackedPackets() {
        return nacked;
    }

    /** NACKs after the first for the same sequence number. */
    public long retries() {
        return retries;
    }

    /** NACKed sequence numbers that then arrived. */
    public long recovered() {
        return recovered;
    }

    /** Missing sequence numbers that arrived before they were NACKed (reordering). */
    public long lateArrivals() {
        return lateArrivals;
    }

    /** Sequence numbers dropped after {@code maxRetries} NACKs. */
    public long givenUp() {
        return givenUp;
    }

    /** Missing sequence numbers dropped unanswered for age, a keyframe trim, a cleared list or a restart. */
    public long dropped() {
        return dropped;
    }

    /** Keyframe requests raised (several may be coalesced into one {@link #takeKeyFrameRequest}). */
    public long keyFrameRequests() {
        return keyFrameRequests;
    }

    /** Restarts after a sequence jump larger than {@code maxPacketAge}. */
    public long resets() {
        return resets;
    }

    private void restart(int seq, boolean keyFrame) {
        started = true;
        unwrapper.reset();
        newest = unwrapper.unwrap(seq);
        keyFrameCount = 0;
        if (keyFrame) {
            addKeyFrame(newest);
        }
    }

    /** Adds {@code [from, to)} as missing, trimming or clearing the list first if it would overflow. */
    private void addMissing(long from, long to, long nowNanos) {
        removeBefore(to - config.maxPacketAge());
        if (to - from + size > config.maxListSize()) {
            from = trimToKeyFrame(from, to);
            if (from == Long.MIN_VALUE) {
                clearMissing();
                requestKeyFrame();
                return;
            }
        }
        for (long s = from; s < to; s++) {
            missingSeq[size] = s;
            missingSince[size] = nowNanos;
            lastSent[size] = 0;
            sends[size] = 0;
            size++;
        }
    }

    /**
     * Drops the entries before the oldest keyframe start after which the list and the new gap {@code [from, to)}
     * fit; returns where the gap now starts, or Long.MIN_VALUE if no keyframe makes it fit.
     */
    private long trimToKeyFrame(long from, long to) {
        for (int k = 0; k < keyFrameCount; k++) {
            long key = keyFrames[k];
            int kept = size - lowerBound(key);
            long gap = to - Math.max(from, key);
            if (kept + Math.max(gap, 0) <= config.maxListSize()) {
                removeBefore(key);
                return Math.max(from, key);
            }
        }
        return Long.MIN_VALUE;
    }

    private void fillHole(long ext) {
        int i = Arrays.binarySearch(missingSeq, 0, size, ext);
        if (i < 0) {
            duplicates++;
            return;
        }
        if (sends[i] > 0) {
            recovered++;
        } else {
            lateArrivals++;
        }
        int tail = size - i - 1;
        System.arraycopy(missingSeq, i + 1, missingSeq, i, tail);
        System.arraycopy(missingSince, i + 1, missingSince, i, tail);
        System.arraycopy(lastSent, i + 1, lastSent, i, tail);
        System.arraycopy(sends, i + 1, sends, i, tail);
        size--;
    }

    /** Removes the entries older than {@code ext}. */
    private void removeBefore(long ext) {
        int n = lowerBound(ext);
        if (n == 0) {
            return;
        }
        dropped += n;
        int tail = size - n;
        System.arraycopy(missingSeq, n, missingSeq, 0, tail);
        System.arraycopy(missingSince, n, missingSince, 0, tail);
        System.arraycopy(lastSent, n, lastSent, 0, tail);
        System.arraycopy(sends, n, sends, 0, tail);
        size = tail;
    }

    /** Index of the first entry not older than {@code ext}. */
    private int lowerBound(long ext) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (missingSeq[mid] < ext) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private void clearMissing() {
        dropped += size;
        size = 0;
    }

    private void addKeyFrame(long ext) {
        int i = 0;
        while (i < keyFrameCount && keyFrames[i] < ext) {
            i++;
        }
        if (i < keyFrameCount && keyFrames[i] == ext) {
            return;
        }
        if (keyFrameCount == KEY_FRAME_SLOTS) {
            if (i == 0) {
                return; // older than all we keep: the least useful one
            }
            System.arraycopy(keyFrames, 1, keyFrames, 0, i - 1);
            keyFrames[i - 1] = ext;
            return;
        }
        System.arraycopy(keyFrames, i, keyFrames, i + 1, keyFrameCount - i);
        keyFrames[i] = ext;
        keyFrameCount++;
    }

    private void dropKeyFramesBefore(long ext) {
        int n = 0;
        while (n < keyFrameCount && keyFrames[n] < ext) {
            n++;
        }
        if (n > 0) {
            System.arraycopy(keyFrames, n, keyFrames, 0, keyFrameCount - n);
            keyFrameCount -= n;
        }
    }

    private void requestKeyFrame() {
        keyFrameRequested = true;
        keyFrameRequests++;
    }

    private static long saturatingAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
