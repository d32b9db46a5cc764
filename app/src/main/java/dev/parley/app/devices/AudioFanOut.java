package dev.parley.app.devices;

import dev.parley.rtc.media.AudioFrame;
import dev.parley.rtc.media.AudioSink;
import dev.parley.rtc.media.AudioSource;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One microphone, several consumers (each peer connection of a mesh call encodes its own audio): a source has one
 * sink, so this is that sink and hands each frame, on the microphone's thread, to every branch's sink in turn.
 */
public final class AudioFanOut implements AudioSink {

    private final CopyOnWriteArrayList<Branch> branches = new CopyOnWriteArrayList<>();

    /** A source of its own fed with the same frames, until {@link #remove}d. */
    public AudioSource branch() {
        Branch b = new Branch();
        branches.add(b);
        return b;
    }

    /** Stops feeding a branch (its connection closed). */
    public void remove(AudioSource branch) {
        branches.remove(branch);
    }

    @Override
    public void onAudioFrame(AudioFrame frame) {
        for (Branch b : branches) {
            AudioSink s = b.sink;
            if (s != null) {
                try {
                    s.onAudioFrame(frame);
                } catch (RuntimeException e) {
                    // One connection's failure must not silence the others (nor stop the microphone's thread).
                }
            }
        }
    }

    private static final class Branch implements AudioSource {
        private volatile AudioSink sink;

        @Override
        public void setSink(AudioSink next) {
            sink = next;
        }
    }
}
