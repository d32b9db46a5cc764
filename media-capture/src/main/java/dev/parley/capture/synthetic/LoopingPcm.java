package dev.parley.capture.synthetic;

/**
 * Reads a clip of PCM round and round: after its last sample comes its first, with no gap and no repeat, whatever
 * the frame size. One thread only.
 */
final class LoopingPcm {

    private final short[] loop;
    private int position;

    LoopingPcm(short[] loop) {
        if (loop.length == 0) {
            throw new IllegalArgumentException("empty loop");
        }
        this.loop = loop;
    }

    /** Copies the next {@code length} samples into {@code out} from {@code offset}. */
    void read(short[] out, int offset, int length) {
        int done = 0;
        while (done < length) {
            int n = Math.min(length - done, loop.length - position);
            System.arraycopy(loop, position, out, offset + done, n);
            done += n;
            position += n;
            if (position == loop.length) {
                position = 0;
            }
        }
    }

    /** Where the next read starts, in samples from the clip's beginning. */
    int position() {
        return position;
    }

    int length() {
        return loop.length;
    }
}
