package dev.parley.rtc.codec.h264.decoder;

import dev.parley.rtc.codec.h264.H264ParseException;

/**
 * The decoded picture store for frame-coded streams with short-term reference pictures only: sliding-window marking
 * (§8.2.5.3), the initial P list in descending PicNum order (§8.2.4.2.1) and its modification by short-term picture
 * numbers (§8.2.4.3.1). Frame numbers never skip here (the decoder refuses gaps), so PicNum = FrameNumWrap (§8.2.4.1).
 *
 * <p>Pictures come from a pool of max_num_ref_frames + 1 buffers of one size, reused for the whole sequence: the
 * references, and one more to decode into.
 */
final class ReferencePictures {
    private Picture[] pool = new Picture[0];
    private int width;
    private int height;
    /** Short-term reference pictures, oldest first. */
    private Picture[] refs = new Picture[0];
    private int count;
    private int maxRefs;
    private int maxFrameNum;
    private int nextSerial;

    /**
     * Starts a coded video sequence (at an IDR): pictures of {@code width x height} (multiples of 16), at most
     * {@code maxNumRefFrames} references, frame_num modulo {@code maxFrameNum}. Empties the store; keeps the
     * buffers when they fit.
     */
    void startSequence(int width, int height, int maxNumRefFrames, int maxFrameNum) {
        int frames = Math.max(1, maxNumRefFrames);
        if (width != this.width || height != this.height || pool.length < frames + 1) {
            Picture[] grown = new Picture[frames + 1];
            for (int i = 0; i < grown.length; i++) {
                grown[i] = i < pool.length && width == this.width && height == this.height
                        ? pool[i] : new Picture(width, height);
            }
            pool = grown;
            refs = new Picture[pool.length];
            this.width = width;
            this.height = height;
        }
        this.maxRefs = frames;
        this.maxFrameNum = maxFrameNum;
        count = 0;
    }

    /** Marks every reference picture unused (an IDR, §8.2.5.1). */
    void clear() {
        count = 0;
    }

    /** Drops the buffers (the decoder is closed or the stream unsupported). */
    void release() {
        pool = new Picture[0];
        refs = new Picture[0];
        width = 0;
        height = 0;
        count = 0;
    }

    /** A buffer that holds no reference picture, with a new serial number, to decode the next picture into. */
    Picture freePicture() {
        for (Picture p : pool) {
            if (!isReference(p)) {
                p.serial = nextSerial++;
                return p;
            }
        }
        throw new IllegalStateException("no free picture buffer"); // the pool holds one more than the references
    }

    private boolean isReference(Picture p) {
        for (int i = 0; i < count; i++) {
            if (refs[i] == p) {
                return true;
            }
        }
        return false;
    }

    /**
     * Stores a decoded reference picture (frameNum set) as short-term, first dropping the one with the smallest
     * FrameNumWrap when the store is full (§8.2.5.3). Call {@link #clear} first for an IDR.
     */
    void add(Picture p) {
        if (count == maxRefs) {
            int oldest = 0;
            for (int i = 1; i < count; i++) {
                if (frameNumWrap(refs[i], p.frameNum) < frameNumWrap(refs[oldest], p.frameNum)) {
                    oldest = i;
                }
            }
            System.arraycopy(refs, oldest + 1, refs, oldest, count - oldest - 1);
            count--;
        }
        refs[count++] = p;
    }

    /** Number of short-term reference pictures held. */
    int size() {
        return count;
    }

    /**
     * RefPicList0 of a P slice (§8.2.4): {@code list[0 .. h.numRefIdxActive)}, null where the list has no picture.
     *
     * @param list at least 17 entries (num_ref_idx_l0_active_minus1 is at most 15, and one more during modification)
     * @throws H264ParseException when a modification names a picture the store does not hold
     */
    void buildList0(SliceHeader h, Picture[] list) throws H264ParseException {
        int n = h.numRefIdxActive;
        int curr = h.frameNum;
        // §8.2.4.2.1: descending PicNum, by insertion.
        int filled = 0;
        for (int i = 0; i < count; i++) {
            Picture p = refs[i];
            int picNum = frameNumWrap(p, curr);
            int j = filled++;
            while (j > 0 && frameNumWrap(list[j - 1], curr) < picNum) {
                list[j] = list[j - 1];
                j--;
            }
            list[j] = p;
        }
        for (int i = Math.min(filled, n); i <= n; i++) {
            list[i] = null; // the initial list is cut to num_ref_idx_l0_active_minus1 + 1 entries (§8.2.4.2)
        }
        // §8.2.4.3.1: each operation moves the picture it names to the next index, removing its later copy.
        int pred = curr;
        int refIdx = 0;
        for (int m = 0; m < h.modifications; m++) {
            int abs = h.absDiffPicNumMinus1[m] + 1;
            int noWrap;
            if (h.modificationIdc[m] == 0) {
                noWrap = pred - abs;
                if (noWrap < 0) {
                    noWrap += maxFrameNum;
                }
            } else {
                noWrap = pred + abs;
                if (noWrap >= maxFrameNum) {
                    noWrap -= maxFrameNum;
                }
            }
            pred = noWrap;
            int picNum = noWrap > curr ? noWrap - maxFrameNum : noWrap;
            Picture named = null;
            for (int i = 0; i < count; i++) {
                if (frameNumWrap(refs[i], curr) == picNum) {
                    named = refs[i];
                }
            }
            if (named == null) {
                throw new H264ParseException("reference list modification names picture number " + picNum
                        + ", which is not a reference picture");
            }
            for (int c = n; c > refIdx; c--) {
                list[c] = list[c - 1];
            }
            list[refIdx++] = named;
            int next = refIdx;
            for (int c = refIdx; c <= n; c++) {
                if (list[c] != named) {
                    list[next++] = list[c];
                }
            }
        }
    }

    /** FrameNumWrap of a short-term reference frame seen from a picture with frame_num {@code current} (8-27). */
    private int frameNumWrap(Picture p, int current) {
        return p.frameNum > current ? p.frameNum - maxFrameNum : p.frameNum;
    }
}
