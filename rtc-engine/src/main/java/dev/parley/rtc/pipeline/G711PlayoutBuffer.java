package dev.parley.rtc.pipeline;

import dev.parley.rtc.codec.g711.G711;
import dev.parley.rtc.codec.g711.G711Decoder;
import dev.parley.rtc.media.AudioFrame;
import dev.parley.rtc.rtp.SequenceNumbers;

/**
 * The fallback codecs' receive path: G.711 payloads are decoded as they arrive (in order; late ones dropped) into a
 * small PCM queue from which the playout clock takes 20 ms frames, silence when it runs dry. No concealment beyond
 * that: G.711 only carries calls with peers that offer nothing better. Insert on the network thread, pull on the
 * playout thread.
 */
final class G711PlayoutBuffer {

    private static final int CAPACITY = AudioFrame.SAMPLES_PER_20_MS * 10;
    private static final int START_LEVEL = AudioFrame.SAMPLES_PER_20_MS * 3;

    private final G711Decoder decoder;
    private final short[] ring = new short[CAPACITY];
    private final short[] decoded = new short[AudioFrame.SAMPLES_PER_20_MS * 6];
    private final short[] out = new short[AudioFrame.SAMPLES_PER_20_MS];
    private int read;
    private int level;
    private boolean playing;
    private int lastSeq = -1;
    private long dropped;

    G711PlayoutBuffer(G711 law) {
        this.decoder = new G711Decoder(law);
    }

    void insert(int seq, byte[] payload, int off, int len) {
        int n = decoder.decode(payload, off, len, decoded, 0);
        synchronized (this) {
            if (n < 0 || lastSeq >= 0 && !SequenceNumbers.isNewer(seq, lastSeq)) {
                dropped++;
                return;
            }
            lastSeq = seq;
            for (int i = 0; i < n && level < CAPACITY; i++, level++) {
                ring[(read + level) % CAPACITY] = decoded[i];
            }
        }
    }

    /** One 20 ms mono frame; lent until the next pull. */
    AudioFrame pull(long nowNanos) {
        synchronized (this) {
            if (!playing && level >= START_LEVEL) {
                playing = true;
            }
            int take = playing ? Math.min(level, out.length) : 0;
            for (int i = 0; i < take; i++) {
                out[i] = ring[(read + i) % CAPACITY];
            }
            java.util.Arrays.fill(out, take, out.length, (short) 0);
            read = (read + take) % CAPACITY;
            level -= take;
            if (level == 0) {
                playing = false;
            }
        }
        return AudioFrame.wrap(out, 0, 1, out.length, nowNanos);
    }

    synchronized long dropped() {
        return dropped;
    }
}
